// Inline suppression comments, markdownlint/ESLint style:
//   # yardstick-disable-next-line YS101, YS102 -- reason
//   value: 3   # yardstick-disable-line target-overload
//   # yardstick-disable-file YS406        (also: # yardstick-disable YS406)
// No rule list means every rule. Directives that suppress nothing are reported (YS006).
import { blockHeaderOf, lineEndOf } from './edits';
import { nodePathAt, type ParsedDocument, type YNode } from './parse';
import type { LineIndex } from './text';

export interface Directive {
  kind: 'line' | 'next-line' | 'file';
  /** 0-based line the directive applies to (unused for file directives). */
  line: number;
  /** Rule ids, or undefined for all rules. */
  rules?: string[];
  /** Names as written that are not known rules. */
  unknown: string[];
  start: number;
  end: number;
  used: boolean;
}

// A BOM before a directive on the first line is not text.
const DIRECTIVE = /(^|[ \t\uFEFF])#[ \t]*yardstick-disable(-next-line|-line|-file)?(?=$|[ \t\r\n])([^\r\n]*)/gm;

export function findDirectives(doc: ParsedDocument, lines: LineIndex, resolveRule: (name: string) => string | undefined): Directive[] {
  const text = doc.text;
  if (!text.includes('yardstick-disable')) return [];
  const out: Directive[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const start = m.index! + m[1].length;
    // A "#" inside a quoted or block scalar is text, not a comment (a block scalar's node starts
    // at its first content character, which may be the "#").
    const hit = nodePathAt(doc.root, start);
    if (hit && hit.node.kind === 'scalar' && !hit.node.empty && start >= hit.node.start && start < hit.node.end) continue;
    const body = m[3].split('--')[0].trim();
    const names = body.length ? body.split(/[\s,]+/).filter(Boolean) : [];
    const rules: string[] = [];
    const unknown: string[] = [];
    for (const n of names) {
      const id = resolveRule(n);
      if (id) rules.push(id);
      else unknown.push(n);
    }
    const suffix = m[2] ?? '-file';
    const line = lines.position(start).line;
    out.push({
      kind: suffix === '-line' ? 'line' : suffix === '-next-line' ? 'next-line' : 'file',
      line: suffix === '-next-line' ? line + 1 : line,
      rules: names.length ? rules : undefined,
      unknown,
      start,
      end: start + m[0].length - m[1].length,
      used: false,
    });
  }
  return out;
}

/** True (and marks the directive used) when a directive covers this finding. */
export function isSuppressed(directives: Directive[], code: string, line: number): boolean {
  let hit = false;
  for (const d of directives) {
    if (d.kind !== 'file' && d.line !== line) continue;
    if (d.rules && !d.rules.includes(code)) continue;
    d.used = true;
    hit = true;
  }
  return hit;
}

/**
 * True when an offset is inside a scalar's text (a quoted or plain scalar over several lines, or
 * a block scalar after its header line), where a "#" would be text, not a comment.
 */
export function insideScalar(doc: ParsedDocument, offset: number): boolean {
  const text = doc.text;
  const visit = (node: YNode): boolean => {
    if (node.kind === 'map' || node.kind === 'seq') {
      if (offset < node.start || offset > node.end) return false;
      return node.kind === 'map' ? node.pairs.some((p) => visit(p.keyNode) || visit(p.value)) : node.items.some(visit);
    }
    if (node.kind !== 'scalar' || node.empty || offset > node.end) return false;
    const header = blockHeaderOf(text, node);
    if (header) return offset > lineEndOf(text, header.start) && offset <= node.end;
    return offset > node.start && offset < node.end;
  };
  return doc.root ? visit(doc.root) : false;
}
