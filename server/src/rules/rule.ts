// The contract every rule module (server/src/rules/ysNNN-*.ts) implements, ESLint-style:
// `meta` (id, messages, options, sources ...) and `check(context)`. The linter (lint/analyze.ts)
// fills option defaults, turns reports into findings and applies configuration and suppression.
import type { FrameworkModel, ModelObject, ObjectKind } from '../engine/model';
import type { ParsedDocument } from '../engine/parse';
import type { WorkspaceIndex } from '../engine/workspace-index';
import type { Directive } from '../engine/suppress';
import type { Fix, Path, RuleCategory, RuleOptionMeta, Severity, SourceRef } from '../engine/types';

export type OptionsMeta = Record<string, RuleOptionMeta>;

/** The value type an option declaration gives: `integer` and `number` are numbers. */
type OptionValue<T extends RuleOptionMeta> = T['type'] extends 'boolean' ? boolean : T['type'] extends 'string' ? string : number;

/** The options a rule's `check` receives: every declared option, defaults filled in. */
export type OptionValues<O extends OptionsMeta> = { readonly [K in keyof O]: OptionValue<O[K]> };

export interface RuleMeta<M extends string = string, O extends OptionsMeta = OptionsMeta> {
  /** Stable id, e.g. YS101. */
  id: string;
  /** kebab-case name, e.g. missing-baseline; configuration accepts it as well as the id. */
  name: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One sentence: what the rule reports. */
  description: string;
  /** Docs page (docs/rules/YSnnn.md) URL; filled in from the id by the registry. */
  docs?: string;
  sources: SourceRef[];
  fixable: boolean;
  /** Message texts by id; `{{name}}` is replaced with the report's `data.name`. */
  messages: Record<M, string>;
  /** Options, each declared once with its type, default and description. */
  options?: O;
  /** Knowledge entry ids (server/src/knowledge) that explain the rule's background. */
  knowledge?: string[];
  /** The object kinds `checkObject` is called for, one object at a time. `checkObject` reads the
   * object, the framework object and the options; an edit inside one object re-checks that object
   * only (lint/incremental.ts). */
  visits?: readonly ObjectKind[];
  /** `checkObject` also reads what other objects say of their links: ids, agreements' stage,
   * indicators and period, indicators' type and pay link (lint/incremental.ts `linksOf`). An edit
   * that changes those re-checks every object. */
  crossObject?: boolean;
  /** `check` reads nothing but those links and where objects are: while an edit leaves every
   * link as it was, its findings are kept (moved with the text) instead of checked again. */
  linksOnly?: boolean;
}

/** What a rule reports: a message id with its data, and where (a path or offsets). */
export interface RuleReport<M extends string = string> {
  messageId: M;
  /** Placeholder values for the message; kept on the finding as facts for fixes and hovers. */
  data?: Record<string, unknown>;
  /** Where: either a path (underlined per spanOf) or explicit offsets. */
  path?: Path;
  on?: 'key' | 'value';
  start?: number;
  end?: number;
  fixes?: Fix[];
  /** Overrides the configured severity for this one report (rare: e.g. info-level advice). */
  severity?: Severity;
}

export interface RuleContext<M extends string = string, O = Record<string, unknown>> {
  model: FrameworkModel;
  doc: ParsedDocument;
  text: string;
  /** The rule's options: the user's configuration over the meta defaults. */
  options: O;
  workspace?: WorkspaceIndex;
  report(report: RuleReport<M>): void;
}

export interface RuleDefinition<M extends string, O extends OptionsMeta> {
  meta: RuleMeta<M, O>;
  /** Checks the whole file. */
  check?(context: RuleContext<M, OptionValues<O>>): void;
  /** Checks one object of a kind listed in `meta.visits`; lets a caller re-check only some objects. */
  checkObject?(context: RuleContext<M, OptionValues<O>>, object: ModelObject): void;
  /** Runs after suppression comments were applied, with every directive marked used or not. */
  afterSuppression?(context: RuleContext<M, OptionValues<O>>, directives: readonly Directive[]): void;
  /** For a `crossObject` rule that reads more of other objects than their links: what it reads of
   * an object when checking another one. An edit that changes it re-checks every object. */
  links?(object: ModelObject): unknown;
}

/** A rule as the linter sees it: message ids and options no longer typed per rule. */
export interface Rule {
  meta: RuleMeta;
  check?(context: RuleContext): void;
  checkObject?(context: RuleContext, object: ModelObject): void;
  afterSuppression?(context: RuleContext, directives: readonly Directive[]): void;
  links?(object: ModelObject): unknown;
}

/** Declares a rule; the message ids and option types of `check` come from its meta. */
export function defineRule<const M extends string, const O extends OptionsMeta = Record<never, RuleOptionMeta>>(
  rule: RuleDefinition<M, O>,
): Rule {
  return rule as unknown as Rule;
}

/** A rule's documentation page, as a path inside the package (generated files quote it as is). */
export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

// Set by the bundle's banner (esbuild.mjs): the package root beside dist/, whose docs/ ships in
// the .vsix and the npm tarball, so every documentation link opens offline.
declare const __yardstickPackageRoot: string | undefined;

/**
 * The link to a documentation page (`docs/rules/YS101.md`): under the docs base URL when one is
 * configured (`<base>/rules/YS101.md`, for a client on another machine), else a file: link to
 * the page shipped beside the bundle, which opens without a network.
 */
export function docsHref(path: string, baseUrl?: string): string {
  if (/^[a-z]+:/i.test(path)) return path;
  if (baseUrl) return docsUrl(path, baseUrl);
  return `${typeof __yardstickPackageRoot === 'string' ? __yardstickPackageRoot : sourcePackageRoot()}${path}`;
}

/** A page's address under a docs base URL, the published copy of the docs/ folder. */
export function docsUrl(path: string, baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^docs\//, '')}`;
}

/**
 * A docs base URL as a user gave it (`--docs-base-url`, the `yardstick.docs.baseUrl` setting):
 * an http or https address, returned without its trailing slash; anything else is a problem
 * said in plain words, naming where the value came from.
 */
export function checkDocsBaseUrl(value: string, origin: string): { url: string } | { problem: string } {
  const example = 'such as https://example.org/yardstick/docs';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    return {
      problem: `${origin} needs a web address starting with http:// or https://, ${example}, not ${value === '' ? 'nothing' : `"${value}"`}.`,
    };
  if (url.search || url.hash)
    return { problem: `${origin} is the address of the docs folder, so it cannot have a query or a #fragment: "${value}".` };
  return { url: url.href.replace(/\/+$/, '') };
}

/** Run from source (tests through tsx): this file is server/src/rules/, three folders below the root. */
function sourcePackageRoot(): string {
  const root = __dirname.replace(/\\/g, '/').split('/').slice(0, -3).join('/');
  return `file://${root.startsWith('/') ? '' : '/'}${encodeURI(root)}/`;
}

/** The message of a report: the meta text with `{{name}}` replaced from data. A placeholder
 * without data is a bug in the rule, so it throws (the linter reports it as an internal error). */
export function formatMessage(meta: RuleMeta, report: RuleReport): string {
  const template = (meta.messages as Record<string, string | undefined>)[report.messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message "${report.messageId}"`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = report.data?.[name];
    if (value === undefined) throw new Error(`${meta.id} message "${report.messageId}" needs data.${name}`);
    return String(value);
  });
}

/** Each declared option's default. */
export function optionDefaults(meta: RuleMeta): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta.options ?? {}).map(([name, o]) => [name, o.default]));
}
