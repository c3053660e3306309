// Folding ranges (block maps and lists, comment runs) and selection ranges (node ancestry).
import { FoldingRangeKind, type FoldingRange, type Position, type SelectionRange } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import type { YNode } from '../engine/parse';
import type { Range } from 'vscode-languageserver';
import { offsetAt } from './convert';

function lastLine(analysis: Analysis, node: YNode): number {
  // A block node's end may sit at the start of the next line; fold to the last line with text.
  let end = node.end;
  const text = analysis.doc.text;
  while (end > node.start && /\s/.test(text[end - 1] ?? '')) end--;
  return analysis.lines.position(end).line;
}

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const visit = (node: YNode | undefined, startLine?: number) => {
    if (!node) return;
    if (node.kind === 'map' || node.kind === 'seq') {
      const s = startLine ?? analysis.lines.position(node.start).line;
      const e = lastLine(analysis, node);
      if (e > s) out.push({ startLine: s, endLine: e });
      if (node.kind === 'map') for (const p of node.pairs) visit(p.value, analysis.lines.position(p.keyStart).line);
      else for (const item of node.items) visit(item);
    }
  };
  const root = analysis.doc.root;
  if (root?.kind === 'map') for (const p of root.pairs) visit(p.value, analysis.lines.position(p.keyStart).line);
  else visit(root ?? undefined);
  // Runs of comment lines.
  let runStart = -1;
  for (let i = 0; i <= analysis.lines.lineCount; i++) {
    const isComment = i < analysis.lines.lineCount && /^\s*#/.test(analysis.lines.lineText(i));
    if (isComment && runStart < 0) runStart = i;
    if (!isComment && runStart >= 0) {
      if (i - 1 > runStart) out.push({ startLine: runStart, endLine: i - 1, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
  }
  // Only one range per start line (clients keep the first); keep the largest.
  const byStart = new Map<number, FoldingRange>();
  for (const r of out) {
    const had = byStart.get(r.startLine);
    if (!had || r.endLine > had.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

export function selectionRanges(analysis: Analysis, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = offsetAt(analysis.lines, position);
    const spans: Array<[number, number]> = [];
    let node: YNode | undefined = analysis.doc.root ?? undefined;
    while (node) {
      spans.push([node.start, node.end]);
      let next: YNode | undefined;
      if (node.kind === 'map') {
        for (const p of node.pairs) {
          const end = Math.max(p.keyEnd, p.value.end);
          if (offset >= p.keyStart && offset <= end) {
            spans.push([p.keyStart, end]);
            if (offset <= p.keyEnd) {
              spans.push([p.keyStart, p.keyEnd]);
              next = undefined;
            } else next = p.value;
            break;
          }
        }
      } else if (node.kind === 'seq') {
        next = node.items.find((it) => offset >= it.start && offset <= it.end);
      }
      node = next;
    }
    let parent: SelectionRange | undefined;
    let last: Range | undefined;
    for (const [s, e] of spans) {
      const range = analysis.lines.range(s, e);
      if (
        last &&
        range.start.line === last.start.line &&
        range.start.character === last.start.character &&
        range.end.line === last.end.line &&
        range.end.character === last.end.character
      )
        continue;
      // Each range must contain the next (inner) one; skip any that does not.
      parent = { range, parent };
      last = range;
    }
    return parent ?? { range: { start: position, end: position } };
  });
}
