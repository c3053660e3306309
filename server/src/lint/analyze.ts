// The engine's entry point: text (+ config, + workspace index) in, findings out.
// parse → model → rules (YS0xx structure rules run validate/resolve; the rest lint the model)
// → configuration → suppression comments.
import { allRules, ruleById } from '../rules';
import { defaultConfig, type ResolvedConfig } from '../engine/config';
import { buildModel, spanOf, type FrameworkModel } from '../engine/model';
import { parse, type ParsedDocument } from '../engine/parse';
import type { Report } from '../engine/report';
import type { WorkspaceIndex } from '../engine/resolve';
import type { Rule } from '../rules/rule';
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
let defaults: ResolvedConfig | undefined;

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeDocument(parse(text), options);
}

/** For callers that parsed first (the CLI indexes every file before checking references). */
export function analyzeDocument(doc: ParsedDocument, options: AnalyzeOptions = {}, model: FrameworkModel = buildModel(doc)): Analysis {
  const text = doc.text;
  const lines = new LineIndex(text);
  const rules = options.rules ?? allRules;
  const config = options.config ?? (defaults ??= defaultConfig(allRules));
  const findings: Finding[] = [];

  const toFinding = (rule: Rule, severity: Severity, r: Report): Finding => {
    const span = inText(text, r.start !== undefined ? { start: r.start, end: r.end ?? r.start } : spanOf(doc, r.path ?? [], r.on));
    return {
      code: rule.meta.id,
      name: rule.meta.name,
      severity: r.severity ?? severity,
      message: r.message,
      start: span.start,
      end: span.end,
      range: lines.range(span.start, span.end),
      fixes: r.fixes?.length ? r.fixes : undefined,
      data: r.data,
    };
  };

  for (const rule of rules) {
    const setting = config.rules.get(rule.meta.id) ?? { severity: rule.meta.defaultSeverity, options: {} };
    // A syntax error cannot be switched off: nothing after it would be trustworthy.
    const severity = rule.meta.id === 'YS001' ? 'error' : setting.severity;
    if (severity === 'off') continue;
    // With syntax errors only the syntax rule runs: recovered trees give misleading findings.
    if (doc.errors.length > 0 && rule.meta.id !== 'YS001') continue;
    // Resolved settings already hold every option (defaults filled in by resolveConfig); rules
    // outside the configuration (tests, tools) get their defaults here.
    const ruleOptions = config.rules.has(rule.meta.id) ? setting.options : Object.fromEntries(Object.entries(rule.meta.options ?? {}).map(([k, v]) => [k, v.default]));
    try {
      rule.check({ model, doc, text, options: ruleOptions, workspace: options.workspace, report: (r) => findings.push(toFinding(rule, severity, r)) });
    } catch (e) {
      // One broken rule must not take the others down: report it where the user can see it.
      findings.push({
        code: rule.meta.id,
        name: rule.meta.name,
        severity: 'error',
        message: `Rule ${rule.meta.id} (${rule.meta.name}) failed on this file: ${(e as Error)?.message ?? String(e)}. Other rules still ran; please report this.`,
        start: 0,
        end: 0,
        range: lines.range(0, 0),
        data: { internalError: true },
      });
    }
  }

  const directives = findDirectives(doc, lines, (name) => ruleById(name)?.meta.id);
  const kept = directives.length === 0 ? findings : findings.filter((f) => f.code === 'YS001' || !isSuppressed(directives, f.code, f.range.start.line));
  const unusedRule = ruleById('YS006');
  const unusedSetting = config.rules.get('YS006');
  if (unusedRule && unusedSetting && unusedSetting.severity !== 'off' && doc.errors.length === 0) {
    for (const d of directives) {
      if (d.used && d.unknown.length === 0) continue;
      const what = d.unknown.length ? `names unknown rule(s) ${d.unknown.join(', ')}` : 'suppresses nothing';
      kept.push(
        toFinding(unusedRule, unusedSetting.severity, {
          message: `This yardstick-disable comment ${what}; remove it or name the rule it is for.`,
          start: d.start,
          end: d.end,
          fixes: d.unknown.length
            ? undefined
            : [{ title: 'Remove the unused yardstick-disable comment', edits: [removalEdit(text, d.start, d.end)], safe: true }],
        }),
      );
    }
  }
  kept.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code));
  return { doc, model, lines, findings: kept };
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

/** Removes a comment, and its whole line when the comment stood alone on it. */
function removalEdit(text: string, start: number, end: number) {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  const lineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  let e = end;
  if (lineStart) {
    if (text[e] === '\r') e++;
    if (text[e] === '\n') e++;
  }
  return { start: s, end: e, newText: '' };
}
