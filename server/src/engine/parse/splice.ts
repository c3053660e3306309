// Re-parsing one top-level list item after an edit inside it: the item's lines are parsed alone
// with the fast parser (as a one-item block sequence at their indentation), and its node and value
// replace the old ones in the previous tree; everything after the item moves by the edit's length
// difference. Anything this cannot prove equal to a full parse returns undefined: the caller
// parses the whole text instead.
import { parseFast } from './fast';
import { YNodeKeyPair, type ParsedDocument, type YMap, type YNode, type YPair, type YSeq } from './tree';

/** A change to a text by offsets into the text before it (an LSP ranged change, as offsets). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

export interface SplicedItem {
  /** The document of the new text, sharing the previous document's tree and value. */
  doc: ParsedDocument;
  /** The top-level key of the list and the index of the re-parsed item in it. */
  listKey: string;
  index: number;
  /** The item before the edit (node and value), for callers that compare the two. */
  oldNode: YMap;
  oldValue: Record<string, unknown>;
  /** Offsets at or after `from` (in the old text) moved by `delta`. */
  from: number;
  delta: number;
}

/**
 * The document after `change`, re-parsing only the top-level list item that holds the whole edit,
 * or undefined when the full parse must run. The previous document's tree and value are updated in
 * place and belong to the result afterwards (the previous document must not be used again).
 */
export function spliceItem(
  previous: ParsedDocument,
  change: TextChange,
  newText = previous.text.slice(0, change.start) + change.text + previous.text.slice(change.end),
): SplicedItem | undefined {
  const { root, text: oldText } = previous;
  if (previous.parser !== 'fast' || previous.errors.length > 0 || root?.kind !== 'map' || root.flow) return undefined;
  if (change.start < 0 || change.end < change.start || change.end > oldText.length) return undefined;
  const pairIndex = root.pairs.findIndex((p) => p.value.start <= change.start && change.end <= p.value.end);
  const pair = root.pairs[pairIndex];
  if (!pair || pair.value.kind !== 'seq' || pair.value.flow) return undefined;
  const list: YSeq = pair.value;
  const index = itemAt(list, change.start);
  const item = list.items[index];
  if (!item || item.kind !== 'map' || change.end > item.end) return undefined;
  const rootValue = previous.value as Record<string, unknown> | null;
  const values = rootValue?.[pair.key];
  const oldValue = Array.isArray(values) ? (values[index] as unknown) : undefined;
  if (!Array.isArray(values) || values.length !== list.items.length || typeof oldValue !== 'object' || oldValue === null) return undefined;

  // The item's lines: from its dash line to the next item's dash line (or the next top-level key,
  // or the end), so trailing comments and kept line breaks of block scalars stay with it.
  const lineStart = lineStartOf(oldText, item.start);
  if (!/^ *- +$/.test(oldText.slice(lineStart, item.start))) return undefined;
  const nextStart = list.items[index + 1]?.start ?? root.pairs[pairIndex + 1]?.keyStart;
  const oldEnd = nextStart !== undefined ? lineStartOf(oldText, nextStart) : oldText.length;
  if (change.end > oldEnd) return undefined;
  const delta = change.text.length - (change.end - change.start);
  // Anchors, aliases and tags can tie the item to the rest of the file: only plain items on both sides.
  if (/[&*!]/.test(oldText.slice(lineStart, oldEnd)) && !parsedItem(oldText.slice(lineStart, oldEnd))) return undefined;
  // Parsed from a copy of the item's lines: the values and keys are slices of their source, and
  // a slice of the whole new text would keep that text alive (one more text per edit) after
  // later edits replace it.
  const parsed = parsedItem(copyOf(newText.slice(lineStart, oldEnd + delta)));
  if (!parsed) return undefined;
  const { node, value } = parsed;
  shift(node, lineStart);
  // The item keeps its start and moves its end with the edit: every other offset is then a shift.
  if (node.start !== item.start || node.end !== item.end + delta) return undefined;

  for (let i = index + 1; i < list.items.length; i++) shift(list.items[i], delta);
  for (let i = pairIndex + 1; i < root.pairs.length; i++) shiftPair(root.pairs[i], delta);
  list.end += delta;
  root.end += delta;
  list.items[index] = node;
  values[index] = value;
  return {
    doc: { text: newText, value: rootValue, root, errors: [], parser: 'fast' },
    listKey: pair.key,
    index,
    oldNode: item,
    oldValue: oldValue as Record<string, unknown>,
    from: item.end,
    delta,
  };
}

/** The index of the item whose range holds the offset, or -1 (items are in source order). */
function itemAt(list: YSeq, offset: number): number {
  let lo = 0;
  let hi = list.items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list.items[mid];
    if (offset < item.start) hi = mid - 1;
    else if (offset > item.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A one-item block sequence's item, when the text parses without error and is plain YAML. */
function parsedItem(source: string): { node: YMap; value: Record<string, unknown> } | undefined {
  const r = parseFast(source);
  if (!r.ok || !r.plain || r.doc.errors.length > 0) return undefined;
  const seq = r.doc.root;
  const values = r.doc.value;
  if (seq?.kind !== 'seq' || seq.flow || seq.items.length !== 1 || !Array.isArray(values)) return undefined;
  const node = seq.items[0];
  const value: unknown = values[0];
  if (node.kind !== 'map' || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return { node, value: value as Record<string, unknown> };
}

/** A string that shares no memory with `s` (a slice of a long string keeps all of it alive). */
function copyOf(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** Moves a node and everything in it by `delta`. */
function shift(node: YNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  if (node.kind === 'map') {
    for (const pair of node.pairs) shiftPair(pair, delta);
  } else if (node.kind === 'seq') for (const item of node.items) shift(item, delta);
}

function shiftPair(pair: YPair, delta: number): void {
  pair.keyStart += delta;
  pair.keyEnd += delta;
  if (pair instanceof YNodeKeyPair) shift(pair.keyNode, delta);
  shift(pair.value, delta);
}
