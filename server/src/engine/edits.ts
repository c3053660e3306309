// Minimal text edits that insert or replace YAML without touching anything else: no
// re-serialisation, so comments, quoting and layout outside the edit stay byte for byte.
// Text may hold placeholders (fix-render.ts); the edits keep them.
import { makeEdit, type FixText } from './fix-render';
import { nodeAt, type ParsedDocument, type YMap, type YNode } from './parse';
import type { Path, TextEdit } from './types';

/** The file's line break, judged by its first one (scanning the whole text per edit is too slow on big files). */
export function eolOf(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return '\n';
}

function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i + 1;
}

/** End of the line holding offset (before its line break), so a trailing comment stays put. */
export function lineEndOf(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Offset of the next line's start after a line end (past \n, \r\n or \r); text.length at the end. */
function nextLineStart(text: string, lineEnd: number): number {
  if (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10) return lineEnd + 2;
  return Math.min(text.length, lineEnd + 1);
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/**
 * An edit inserting whole lines after the line holding `offset`: at the start of the next line
 * (so the edit starts at column 0, which snippet insertion leaves alone), or after a line break
 * at the end of a file that has none.
 */
export function insertLinesAfter(text: string, offset: number, lines: readonly FixText[]): TextEdit {
  const eol = eolOf(text);
  const end = lineEndOf(text, offset);
  const body: FixText[] = [];
  lines.forEach((l, i) => body.push(i > 0 ? eol : '', l));
  if (end < text.length) {
    const at = nextLineStart(text, end);
    return makeEdit(at, at, [body, eol]);
  }
  return makeEdit(end, end, [eol, body]);
}

/** A value for insertKey: a scalar (YAML text, may hold placeholders) or nested keys. */
export type YamlValue = FixText | { readonly [key: string]: YamlValue };

function isNested(v: YamlValue): v is { readonly [key: string]: YamlValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('placeholder' in v);
}

function blockLines(key: string, value: YamlValue, indent: string): FixText[] {
  if (!isNested(value)) return [[`${indent}${key}: `, value]];
  const lines: FixText[] = [`${indent}${key}:`];
  for (const [k, v] of Object.entries(value)) lines.push(...blockLines(k, v, indent + '  '));
  return lines;
}

function flowText(value: YamlValue): FixText {
  if (!isNested(value)) return value;
  const parts: FixText[] = ['{ '];
  Object.entries(value).forEach(([k, v], i) => parts.push(i ? ', ' : '', `${k}: `, flowText(v)));
  parts.push(' }');
  return parts;
}

/**
 * Inserts `key: value` as the last entry of the map at mapPath, matching its style and
 * indentation. Returns undefined when the path is not a map in the source.
 */
export function insertKey(doc: ParsedDocument, mapPath: Path, key: string, value: YamlValue): TextEdit | undefined {
  const node = nodeAt(doc.root, mapPath);
  if (!node || node.kind !== 'map') return undefined;
  return insertKeyInMap(doc.text, node, key, value);
}

export function insertKeyInMap(text: string, map: YMap, key: string, value: YamlValue): TextEdit | undefined {
  const last = map.pairs[map.pairs.length - 1];
  if (map.flow) {
    if (!last) {
      const open = text.indexOf('{', map.start);
      return makeEdit(open + 1, open + 1, [` ${key}: `, flowText(value), ' ']);
    }
    // After the last value; an empty one (`owner: }`) ends after its colon, not at its key.
    const at = last.value.kind === 'scalar' && last.value.empty ? afterColon(text, last.keyEnd) : last.value.end;
    return makeEdit(at, at, [`, ${key}: `, flowText(value)]);
  }
  if (!last) return undefined;
  const indent = ' '.repeat(columnOf(text, map.pairs[0].keyStart));
  let lastLine = Math.max(last.value.end, last.keyEnd);
  // A block scalar kept with `+` owns the blank lines after it: insert after them.
  if (last.value.kind === 'scalar' && blockHeaderOf(text, last.value)?.keep) lastLine = endOfBlankLines(text, lastLine);
  return insertLinesAfter(text, lastLine, blockLines(key, value, indent));
}

/** Past the ':' that follows a key ending at keyEnd (spaces and tabs between); keyEnd if there is none. */
export function afterColon(text: string, keyEnd: number): number {
  let i = keyEnd;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return text[i] === ':' ? i + 1 : keyEnd;
}

/** The last offset of the run of blank lines that follows the line holding `offset`. */
function endOfBlankLines(text: string, offset: number): number {
  let end = lineEndOf(text, offset);
  for (;;) {
    const next = nextLineStart(text, end);
    if (next >= text.length) return end;
    const nextEnd = lineEndOf(text, next);
    if (text.slice(next, nextEnd).trim() !== '') return end;
    end = nextEnd;
  }
}

/**
 * The header (`|`, `>`, with indicators) of a block scalar, found from its content start (the
 * tree's scalar start): the line before the content ends with it. Undefined for other scalars.
 */
export function blockHeaderOf(text: string, node: YNode): { start: number; keep: boolean } | undefined {
  if (node.kind !== 'scalar' || node.empty) return undefined;
  let i = node.start - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const lineStart = lineStartOf(text, i);
  if (lineStart === lineStartOf(text, node.start)) return undefined; // content on the header's line: not a block scalar
  // The header comes before any comment on its line.
  const line = text.slice(lineStart, i + 1).replace(/(^|[ \t])#.*$/, '');
  const m = /(^|[\s:-])([|>])([-+1-9]{0,2})[ \t]*$/.exec(line);
  if (!m) return undefined;
  return { start: lineStart + m.index + m[1].length, keep: m[3].includes('+') };
}

/** Replaces the value at a path with new YAML text (a scalar; may hold placeholders). */
export function replaceValue(doc: ParsedDocument, path: Path, newText: FixText): TextEdit | undefined {
  const node = nodeAt(doc.root, path);
  if (!node) return undefined;
  const text = doc.text;
  if (node.kind === 'scalar' && node.empty) {
    // `key:` with nothing: the value goes after the colon (the empty node sits at the key's end).
    const parent = nodeAt(doc.root, path.slice(0, -1));
    if (parent?.kind !== 'map') return undefined;
    const pair = parent.pairs.find((p) => p.value === node);
    if (!pair) return undefined;
    const at = afterColon(text, pair.keyEnd);
    if (at === pair.keyEnd) return undefined;
    return makeEdit(at, at, [' ', newText]);
  }
  // A block scalar is replaced with its header, or the new value would become its content.
  const header = blockHeaderOf(text, node);
  return makeEdit(header ? header.start : node.start, node.end, newText);
}

/**
 * Inserts `key: value` as the document's first key: after a BOM, `%YAML` directives and a `---`
 * marker (before them it would start a second document), inside a top-level flow mapping's
 * braces; in an empty document, where its content would begin. Undefined when the root is not a
 * mapping (or a lone null, which the mapping replaces).
 */
export function insertFirstKey(doc: ParsedDocument, entry: string): TextEdit | undefined {
  const { text, root } = doc;
  const eol = eolOf(text);
  if (root?.kind === 'map') {
    if (root.flow) {
      const open = text.indexOf('{', root.start);
      if (open < 0) return undefined;
      return { start: open + 1, end: open + 1, newText: root.pairs.length ? ` ${entry},` : ` ${entry} ` };
    }
    const first = root.pairs[0]?.keyStart;
    if (first === undefined) return undefined;
    let lineStart = lineStartOf(text, first);
    if (lineStart === 0 && text.charCodeAt(0) === 0xfeff) lineStart = 1;
    const before = text.slice(lineStart, first);
    if (!/^ *$/.test(before)) return undefined; // e.g. a key on the `---` line
    return { start: lineStart, end: lineStart, newText: `${before}${entry}${eol}` };
  }
  if (root && !(root.kind === 'scalar' && root.empty)) {
    return root.kind === 'scalar' && doc.value === null ? { start: root.start, end: root.end, newText: entry } : undefined;
  }
  const at = contentStart(text);
  if (at >= text.length && text.length > 0 && !/[\r\n]$/.test(text)) return { start: at, end: at, newText: `${eol}${entry}${eol}` };
  return { start: at, end: at, newText: `${entry}${eol}` };
}

/** Where a document's content would begin: after a BOM, blank and comment lines, directives and `---`. */
function contentStart(text: string): number {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    const end = lineEndOf(text, at);
    const line = text.slice(at, end).trim();
    const marker = /^---([ \t]+#.*)?$/.test(line);
    if (line !== '' && !line.startsWith('#') && !line.startsWith('%') && !marker) break;
    at = nextLineStart(text, end);
    if (marker) break;
  }
  return Math.min(at, text.length);
}

/**
 * Removes item `index` (not the first) of the sequence at seqPath: `, item` in a flow sequence,
 * the item's whole lines in a block one. Undefined when a comment would go with it.
 */
export function removeSeqItem(doc: ParsedDocument, seqPath: Path, index: number): TextEdit | undefined {
  const seq = nodeAt(doc.root, seqPath);
  if (seq?.kind !== 'seq' || index < 1 || index >= seq.items.length) return undefined;
  const text = doc.text;
  const item = seq.items[index];
  let start: number;
  let end: number;
  if (seq.flow) {
    start = seq.items[index - 1].end;
    end = item.end;
  } else {
    let dash = item.start - 1;
    while (dash >= 0 && /\s/.test(text[dash])) dash--;
    if (text[dash] !== '-') return undefined;
    start = lineStartOf(text, dash);
    if (!/^ *$/.test(text.slice(start, dash))) return undefined;
    end = nextLineStart(text, lineEndOf(text, item.end));
  }
  if (/(^|\s)#/.test(text.slice(start, end))) return undefined;
  return { start, end, newText: '' };
}
