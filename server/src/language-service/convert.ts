// Engine → LSP conversions shared by the features: ranges, severities, edits, diagnostics.
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import type { LineIndex } from '../engine/text';
import type { Finding, Fix, Severity, TextEdit as EngineEdit } from '../engine/types';
import { ruleById } from '../rules';

export const SOURCE = 'yardstick';

export function toSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function toTextEdit(lines: LineIndex, e: EngineEdit): TextEdit {
  return { range: lines.range(e.start, e.end), newText: e.newText };
}

/** A fix as it travels in Diagnostic.data: LSP ranges, so it still applies without the cache. */
export interface FixData {
  title: string;
  safe: boolean;
  preferred?: boolean;
  snippet?: boolean;
  edits: TextEdit[];
  plainEdits?: TextEdit[];
}

export interface DiagnosticData {
  /** Rule id and name. */
  code: string;
  name: string;
  /** Document version the diagnostic was computed for. */
  version?: number;
  fixes?: FixData[];
  /** The finding's own data (suggestion, expected values ...). */
  finding?: Record<string, unknown>;
  /** From the last version without syntax errors, shown while the text does not parse: its
   * range may be out of date, so it carries no fixes. */
  stale?: boolean;
}

export const STALE_NOTE = ' (from the last valid version)';

export function fixData(lines: LineIndex, fix: Fix): FixData {
  return {
    title: fix.title,
    safe: fix.safe,
    preferred: fix.preferred,
    snippet: fix.snippet,
    edits: fix.edits.map((e) => toTextEdit(lines, e)),
    plainEdits: fix.plainEdits?.map((e) => toTextEdit(lines, e)),
  };
}

export function toDiagnostic(analysis: Analysis, f: Finding, version?: number): Diagnostic {
  const rule = ruleById(f.code);
  const data: DiagnosticData = { code: f.code, name: f.name, version, fixes: f.fixes?.map((x) => fixData(analysis.lines, x)), finding: f.data };
  const d: Diagnostic = {
    range: f.range,
    severity: toSeverity(f.severity),
    code: f.code,
    source: SOURCE,
    message: f.message,
    data,
  };
  if (rule?.meta.docs) d.codeDescription = { href: rule.meta.docs };
  return d;
}

/**
 * The diagnostics of an analysis. While the text has syntax errors only YS001 runs; the other
 * findings of `lastGood` (the last analysis that parsed) stay, marked and without fixes, so the
 * Problems list does not empty and refill on every half-typed line.
 */
export function toDiagnostics(analysis: Analysis, version?: number, lastGood?: Analysis): Diagnostic[] {
  const diagnostics = analysis.findings.map((f) => toDiagnostic(analysis, f, version));
  if (analysis.doc.errors.length === 0 || !lastGood || lastGood === analysis) return diagnostics;
  const lineCount = analysis.lines.lineCount;
  for (const f of lastGood.findings) {
    if (f.code === 'YS001' || f.range.start.line >= lineCount) continue;
    const d = toDiagnostic(lastGood, { ...f, fixes: undefined }, version);
    d.message += STALE_NOTE;
    (d.data as DiagnosticData).stale = true;
    diagnostics.push(d);
  }
  return diagnostics;
}

export function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

export function sameRange(a: Range, b: Range): boolean {
  return samePosition(a.start, b.start) && samePosition(a.end, b.end);
}

export function rangeContains(r: Range, p: { line: number; character: number }): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}
