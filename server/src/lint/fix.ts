// Applying fixes: non-overlapping edits at once, and fix-all (the safe fixes, re-checked
// until nothing changes) for `yardstick check --fix` and `source.fixAll.yardstick`.
import { analyze, type AnalyzeOptions } from './analyze';
import type { Finding, TextEdit } from '../engine/types';

/** Applies edits that do not overlap; later overlapping ones are skipped. Returns the new text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || (e.start === lastEnd && applied.length && e.start === e.end && applied[applied.length - 1].start === e.start))
      continue;
    applied.push(e);
    lastEnd = e.end;
  }
  let out = '';
  let pos = 0;
  for (const e of applied) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return { text: out + text.slice(pos), applied };
}

/** The first safe fix of each finding, as whole groups of edits that do not overlap each other. */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  return safeFixes(findings).flatMap((f) => f.edits);
}

/** The safe fixes safeFixEdits chooses, each with the code of the finding it fixes. */
export function safeFixes(findings: readonly Finding[]): Array<{ code: string; edits: TextEdit[] }> {
  const chosen: Array<{ code: string; edits: TextEdit[] }> = [];
  const taken: Array<[number, number]> = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safe);
    if (!fix) continue;
    const edits = fix.edits;
    if (edits.length === 0) continue;
    const clash = edits.some((e) => taken.some(([s, t]) => (e.start < t && s < e.end) || (e.start === s && e.end === t)));
    if (clash) continue;
    chosen.push({ code: f.code, edits });
    for (const e of edits) taken.push([e.start, e.end]);
  }
  return chosen;
}

/**
 * Applies safe fixes until none is left (at most `passes` rounds). `fixed` counts the edits
 * applied; `rules` holds the code of each fix applied, for a summary of what changed.
 */
export function fixAll(text: string, options: AnalyzeOptions = {}, passes = 10): { text: string; fixed: number; rules: string[] } {
  let fixed = 0;
  const rules: string[] = [];
  let current = text;
  for (let i = 0; i < passes; i++) {
    const fixes = safeFixes(analyze(current, options).findings);
    if (fixes.length === 0) break;
    const result = applyEdits(
      current,
      fixes.flatMap((f) => f.edits),
    );
    if (result.text === current) break;
    fixed += result.applied.length;
    for (const f of fixes) rules.push(f.code);
    current = result.text;
  }
  return { text: current, fixed, rules };
}
