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
  return analyzeWith(doc, model, new LineIndex(doc.text), options, (rule, check) => {
    const run: RuleRun = { rule, whole: check.whole(), objects: [] };
    if (!rule.checkObject) return run;
    if (inWalkOrder(rule.meta.visits ?? [])) check.inWalk(run.objects);
    else for (const objects of visitedObjects(rule, model)) check.objects(objects, run.objects);
    return run;
  })!;
}

/** One rule's findings on a file, those of `checkObject` kept per object, so that an edit inside
 * one object re-checks that object only (lint/incremental.ts). */
export interface RuleRun {
  rule: Rule;
  /** What `check` reported. */
  whole: Finding[];
  /** What `checkObject` reported, for each visited object with findings, in visiting order. */
  objects: Array<{ object: ModelObject; findings: Finding[] }>;
}

/** How an analysis was made: what re-checking after an edit starts from. */
export interface AnalysisRecord {
  options: AnalyzeOptions;
  runs: RuleRun[];
  /** A rule threw: its findings are not kept per object. */
  failed: boolean;
  /** Whether the text holds "yardstick-disable" anywhere (else it has no suppression comments). */
  mentionsDirectives: boolean;
}

const records = new WeakMap<Analysis, AnalysisRecord>();

export function recordOf(analysis: Analysis): AnalysisRecord | undefined {
  return records.get(analysis);
}

/** A rule's checks on the file being analysed, each returning what it reported. */
export interface RuleChecks {
  context: RuleContext;
  /** `check` (none when the rule has no `check`). */
  whole(): Finding[];
  /** `checkObject` on one object. */
  object(o: ModelObject): Finding[];
  /** `checkObject` on each of `objects` in turn, adding those with findings to `into`: what
   * `object` does, in one loop (a full check makes some 300,000 such calls on a big file). */
  objects(objects: readonly ModelObject[], into: RuleRun['objects']): void;
  /** What `objects` does for every list the rule visits, done once every rule's `check` ran, in
   * one walk with the other rules that asked: each object is checked by all of them in turn
   * while it is in the processor's cache, instead of ten thousand indicators being read again
   * by each rule. Only for visits in WALK_ORDER; `into` is filled as `objects` would fill it. */
  inWalk(into: RuleRun['objects']): void;
}

/** Runs one rule: the full analysis runs every check, the incremental one only some. */
export type RuleRunner = (rule: Rule, checks: RuleChecks) => RuleRun;

const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];

/**
 * The analysis of a parsed document: every active rule through `runRule`, then configuration,
 * suppression comments, the post-pass rules and the sort. `undefined` only when `runRule` itself
 * returns a run it cannot vouch for (the incremental runner, which then falls back).
 */
export function analyzeWith(
  doc: ParsedDocument,
  model: FrameworkModel,
  lines: LineIndex,
  options: AnalyzeOptions,
  runRule: RuleRunner,
  knownToMentionDirectives?: boolean,
): Analysis | undefined {
  const text = doc.text;
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
  // Each rule's run or what it threw, in rule order: findings are gathered once all have run.
  const outcomes: Outcome[] = [];
  const walkers: Walker[] = [];
  for (const rule of rules) {
    const setting = options.config?.rules.get(rule.meta.id);
    // A syntax error cannot be switched off: nothing after it would be trustworthy.
    const severity = rule.meta.id === 'YS001' ? 'error' : (setting?.severity ?? rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    // With syntax errors only the syntax rule runs: recovered trees give misleading findings.
    if (doc.errors.length > 0 && rule.meta.id !== 'YS001') continue;
    const found: Found = { findings: [] };
    // Most objects report nothing: they share one empty list.
    const taken = (): Finding[] => {
      if (found.findings.length === 0) return NONE;
      const findings = found.findings;
      found.findings = [];
      return findings;
    };
    const context: RuleContext = {
      model,
      doc,
      text,
      options: ruleOptions(rule, setting),
      workspace: options.workspace,
      report: (r) => found.findings.push(toFinding(rule, severity, r)),
    };
    active.push({ rule, context, severity });
    const outcome: Outcome = { rule, threw: false };
    outcomes.push(outcome);
    try {
      outcome.run = runRule(rule, {
        context,
        whole: () => {
          rule.check?.(context);
          return taken();
        },
        object: (o) => {
          rule.checkObject!(context, o);
          return taken();
        },
        objects: (objects, into) => {
          for (const o of objects) {
            rule.checkObject!(context, o);
            if (found.findings.length > 0) {
              into.push({ object: o, findings: found.findings });
              found.findings = [];
            }
          }
        },
        inWalk: (into) => walkers.push({ outcome, rule, context, found, into }),
      });
    } catch (e) {
      outcome.threw = true;
      outcome.error = e;
    }
  }
  walkObjects(model, walkers);
  const runs: RuleRun[] = [];
  let failed = false;
  for (const { rule, run, threw, error } of outcomes) {
    if (threw || !run) {
      failed = true;
      findings.push(failure(rule, error));
      continue;
    }
    runs.push(run);
    findings.push(...run.whole);
    for (const o of run.objects) findings.push(...o.findings);
  }

  // A text that does not mention a directive has none (the incremental runner knows it cheaply).
  const mentionsDirectives = knownToMentionDirectives ?? text.includes('yardstick-disable');
  const directives = mentionsDirectives ? findDirectives(doc, lines, (name) => ruleById(name)?.meta.id) : [];
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
  const analysis: Analysis = { doc, model, lines, findings: kept };
  records.set(analysis, { options, runs, failed, mentionsDirectives });
  return analysis;
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
  if (rule.checkObject) for (const objects of visitedObjects(rule, context.model)) for (const o of objects) rule.checkObject(context, o);
}

/** What a rule reported and not yet handed over (its context's `report` adds to it). */
interface Found {
  findings: Finding[];
}

/** A rule's run in analyzeWith: what it returned, or that it threw. */
interface Outcome {
  rule: Rule;
  run?: RuleRun;
  threw: boolean;
  error?: unknown;
}

/** A rule whose `checkObject` waits for the walk (RuleChecks.inWalk). */
interface Walker {
  outcome: Outcome;
  rule: Rule;
  context: RuleContext;
  found: Found;
  into: RuleRun['objects'];
}

/** The order the walk takes the lists in: a rule visiting its kinds in this order gets its
 * objects in its own visiting order. */
const WALK_ORDER: readonly ObjectKind[] = ['framework', 'stage', 'indicator', 'agreement'];

function inWalkOrder(visits: readonly ObjectKind[]): boolean {
  for (let i = 1; i < visits.length; i++) if (WALK_ORDER.indexOf(visits[i - 1]) >= WALK_ORDER.indexOf(visits[i])) return false;
  return true;
}

/** Every waiting rule's `checkObject`, list by list and object by object. A rule that throws
 * is checked no further (analyzeWith reports it in place of its findings). */
function walkObjects(model: FrameworkModel, walkers: readonly Walker[]): void {
  for (const kind of WALK_ORDER) {
    const here = walkers.filter((w) => w.rule.meta.visits?.includes(kind));
    if (here.length === 0) continue;
    for (const o of objectsOf(model, kind))
      for (const w of here) {
        if (w.outcome.threw) continue;
        try {
          w.rule.checkObject!(w.context, o);
        } catch (e) {
          w.outcome.threw = true;
          w.outcome.error = e;
          continue;
        }
        if (w.found.findings.length > 0) {
          w.into.push({ object: o, findings: w.found.findings });
          w.found.findings = [];
        }
      }
  }
}

/** The objects a rule's `checkObject` is called for, in order: a list per `visits` kind, each in file order. */
export function visitedObjects(rule: Rule, model: FrameworkModel): Array<readonly ModelObject[]> {
  return (rule.meta.visits ?? []).map((kind) => objectsOf(model, kind));
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
