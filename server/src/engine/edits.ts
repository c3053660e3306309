// Minimal text edits that insert or replace YAML without touching anything else: no
// re-serialisation, so comments, quoting and layout outside the edit stay byte for byte.
import { nodeAt, type ParsedDocument, type YMap, type YNode } from './parse';
import type { Path, TextEdit } from './types';

/** The file's line break, judged by its first line (scanning the whole text per edit is too slow on big files). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
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

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** A value for insertKey: a scalar (already YAML text) or nested keys. */
export type YamlValue = string | { [key: string]: YamlValue };

function renderBlock(key: string, value: YamlValue, indent: string, eol: string): string {
  if (typeof value === 'string') return `${indent}${key}: ${value}`;
  const lines = [`${indent}${key}:`];
  for (const [k, v] of Object.entries(value)) lines.push(renderBlock(k, v, indent + '  ', eol));
  return lines.join(eol);
}

function renderFlow(value: YamlValue): string {
  if (typeof value === 'string') return value;
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${renderFlow(v)}`).join(', ')} }`;
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
  const eol = eolOf(text);
  if (map.flow || map.pairs.length === 0) {
    if (!map.flow) return undefined;
    const last = map.pairs[map.pairs.length - 1];
    if (!last) {
      const open = text.indexOf('{', map.start);
      return { start: open + 1, end: open + 1, newText: ` ${key}: ${renderFlow(value)} ` };
    }
    return { start: last.value.end, end: last.value.end, newText: `, ${key}: ${renderFlow(value)}` };
  }
  const first = map.pairs[0].keyNode;
  const indent = ' '.repeat(columnOf(text, first.start));
  const lastValue = lastDescendantEnd(map.pairs[map.pairs.length - 1].value, map.pairs[map.pairs.length - 1].keyNode.end);
  const at = lineEndOf(text, lastValue);
  return { start: at, end: at, newText: eol + renderBlock(key, value, indent, eol) };
}

function lastDescendantEnd(node: YNode, fallback: number): number {
  return Math.max(node.end, fallback);
}

/** Replaces the value at a path with new YAML text (a scalar). */
export function replaceValue(doc: ParsedDocument, path: Path, newText: string): TextEdit | undefined {
  const node = nodeAt(doc.root, path);
  if (!node) return undefined;
  if (node.kind === 'scalar' && node.empty) {
    return { start: node.start, end: node.end, newText: ` ${newText}` };
  }
  return { start: node.start, end: node.end, newText };
}

