// Engine ↔ LSP conversions shared by the features: positions, ranges, severities, edits, diagnostics.
import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import type { LineIndex } from '../engine/text';
import type { Finding, Severity, TextEdit as EngineEdit } from '../engine/types';
import { ruleById } from '../rules';
import { docsHref } from '../rules/rule';

export const SOURCE = 'yardstick';

/**
 * The offset of a client's position, as LSP reads it: a character past the end of its line means
 * the end of that line (never the next line's start), a line past the end means the end of text.
 */
export function offsetAt(lines: LineIndex, p: Position): number {
  if (p.line >= lines.lineCount) return lines.text.length;
  const start = lines.lineStart(p.line);
  return Math.min(lines.offset(p), start + lines.lineText(p.line).length);
}

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

/** Diagnostic.data: only the mark of a finding kept from the last valid version (its range may
 * be out of date, so code actions offer nothing for it). Fixes are looked up in the analysis. */
export interface DiagnosticData {
  stale?: boolean;
}

export const STALE_NOTE = ' (from the last valid version)';

/** `docsBaseUrl`: where the docs are published; without it the rule link opens the installed page. */
export function toDiagnostic(f: Finding, docsBaseUrl?: string): Diagnostic {
  const rule = ruleById(f.code);
  // No fixes in `data`: code actions look the finding up in the cached analysis.
  const d: Diagnostic = { range: f.range, severity: toSeverity(f.severity), code: f.code, source: SOURCE, message: f.message };
  if (rule?.meta.docs) d.codeDescription = { href: docsHref(rule.meta.docs, docsBaseUrl) };
  return d;
}

/**
 * The diagnostics of an analysis. While the text has syntax errors only YS001 runs; the other
 * findings of `lastGood` (the last analysis that parsed) stay, marked and without fixes, so the
 * Problems list does not empty and refill on every half-typed line.
 */
export function toDiagnostics(analysis: Analysis, lastGood?: Analysis, docsBaseUrl?: string): Diagnostic[] {
  const diagnostics = analysis.findings.map((f) => toDiagnostic(f, docsBaseUrl));
  if (analysis.doc.errors.length === 0 || !lastGood || lastGood === analysis) return diagnostics;
  const lineCount = analysis.lines.lineCount;
  for (const f of lastGood.findings) {
    if (f.code === 'YS001' || f.range.start.line >= lineCount) continue;
    const d = toDiagnostic(f, docsBaseUrl);
    d.message += STALE_NOTE;
    d.data = { stale: true } satisfies DiagnosticData;
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
