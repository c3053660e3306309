// The linter: text (+ config, + workspace index) in, findings out.
// parse → model → every rule's check → configuration → suppression comments → post-pass
// rules (afterSuppression, e.g. YS006 on unused directives).
import { allRules, ruleById } from '../rules';
import type { ResolvedConfig, RuleSetting } from '../engine/config';
import { causeOf, objectAt } from './cause';
import { buildModel, LIST_KEYS, spanOf, type FrameworkModel, type ModelObject, type ObjectKind } from '../engine/model';
import { parse, type ParsedDocument } from '../engine/parse';
import type { WorkspaceIndex } from '../engine/workspace-index';
import { formatMessage, optionDefaults, type Rule, type RuleContext, type RuleReport } from '../rules/rule';
import { findDirectives, isSuppressed } from '../engine/suppress';
import { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';

export interface AnalyzeOptions {
  config?: ResolvedConfig;
  workspace?: WorkspaceIndex;
  /** Rules to run (tests and tools); defaults to every rule. */
  rules?: readonly Rule[];
}

export interface Analysis {
  doc: ParsedDocument;
  model: FrameworkModel;
  lines: LineIndex;
  findings: Finding[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(parse(text), options);
}

/** For callers that parsed first (the CLI indexes every file before checking references). */
export function analyzeDocument(doc: ParsedDocument, options: AnalyzeOptions = {}, model: FrameworkModel = buildModel(doc)): Analysis {
  const text = doc.text;
  const lines = new LineIndex(text);
  const rules = options.rules ?? allRules;
  const findings: Finding[] = [];

  const toFinding = (rule: Rule, severity: Severity, r: RuleReport): Finding => {
    const span = inText(text, r.start !== undefined ? { start: r.start, end: r.end ?? r.start } : spanOf(doc, r.path ?? [], r.on));
    const finding: Finding = {
      code: rule.meta.id,
      name: rule.meta.name,
      severity: r.severity ?? severity,
      message: formatMessage(rule.meta, r),
      messageId: r.messageId,
      start: span.start,
      end: span.end,
      range: lines.range(span.start, span.end),
      fixes: r.fixes?.length ? r.fixes : undefined,
      data: r.data,
    };
    const cause = r.path && causeOf(finding, objectAt(model, r.path));
    if (cause) finding.cause = cause;
    return finding;
  };
  const failure = (rule: Rule, e: unknown): Finding => ({
    // One broken rule must not take the others down: report it where the user can see it.
    code: rule.meta.id,
    name: rule.meta.name,
    severity: 'error',
    message: `Rule ${rule.meta.id} (${rule.meta.name}) failed on this file: ${(e as Error)?.message ?? String(e)}. Other rules still ran; please report this.`,
    start: 0,
    end: 0,
    range: lines.range(0, 0),
    data: { internalError: true },
  });

  const active: Array<{ rule: Rule; context: RuleContext; severity: Severity }> = [];
  for (const rule of rules) {
    const setting = options.config?.rules.get(rule.meta.id);
    // A syntax error cannot be switched off: nothing after it would be trustworthy.
    const severity = rule.meta.id === 'YS001' ? 'error' : (setting?.severity ?? rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    // With syntax errors only the syntax rule runs: recovered trees give misleading findings.
    if (doc.errors.length > 0 && rule.meta.id !== 'YS001') continue;
    const found: Finding[] = [];
    const context: RuleContext = {
      model,
      doc,
      text,
      options: ruleOptions(rule, setting),
      workspace: options.workspace,
      report: (r) => found.push(toFinding(rule, severity, r)),
    };
    active.push({ rule, context, severity });
    try {
      runRule(rule, context);
      findings.push(...found);
    } catch (e) {
      findings.push(failure(rule, e));
    }
  }

  const directives = findDirectives(doc, lines, (name) => ruleById(name)?.meta.id);
  const kept =
    directives.length === 0
      ? findings
      : findings.filter((f) => f.code === 'YS001' || !isSuppressed(directives, f.code, f.range.start.line));
  for (const { rule, context, severity } of active) {
    if (!rule.afterSuppression) continue;
    const found: Finding[] = [];
    try {
      rule.afterSuppression({ ...context, report: (r) => found.push(toFinding(rule, severity, r)) }, directives);
      kept.push(...found);
    } catch (e) {
      kept.push(failure(rule, e));
    }
  }
  kept.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
  return { doc, model, lines, findings: kept };
}

/** The options a rule runs with: what the user set over the meta defaults. The only place
 * defaults are filled in. */
export function ruleOptions(rule: Rule, setting?: RuleSetting): Record<string, unknown> {
  // Built once per rule and setting, not per file: the CLI checks thousands of files with them.
  const key = setting ?? rule;
  let byRule = optionsCache.get(key);
  if (!byRule) optionsCache.set(key, (byRule = new WeakMap()));
  let options = byRule.get(rule);
  if (!options) byRule.set(rule, (options = Object.freeze({ ...optionDefaults(rule.meta), ...setting?.options })));
  return options;
}
const optionsCache = new WeakMap<object, WeakMap<Rule, Readonly<Record<string, unknown>>>>();

/** Runs a rule's checks on a file: `check`, then `checkObject` on each object it visits. */
export function runRule(rule: Rule, context: RuleContext): void {
  rule.check?.(context);
  if (rule.checkObject)
    for (const kind of rule.meta.visits ?? []) for (const o of objectsOf(context.model, kind)) rule.checkObject(context, o);
}

function objectsOf(model: FrameworkModel, kind: ObjectKind): readonly ModelObject[] {
  if (kind === 'framework') return model.framework ? [model.framework] : [];
  return model[LIST_KEYS[kind]];
}

/** A span inside the text that does not split a CRLF pair. Parsers report some errors at
 * [length, length + 1] (end of input) or on a lone "\r", which no editor range can show. */
function inText(text: string, span: { start: number; end: number }): { start: number; end: number } {
  const clamp = (o: number) => (Number.isFinite(o) ? Math.max(0, Math.min(Math.trunc(o), text.length)) : 0);
  let start = clamp(span.start);
  let end = Math.max(start, clamp(span.end));
  const splitsCrlf = (o: number) => o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10;
  if (splitsCrlf(start)) start--;
  if (splitsCrlf(end)) end++;
  return { start, end };
}
