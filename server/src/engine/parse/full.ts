// The full path: the `yaml` package's parser, which recovers from errors and reports every
// one of them. Used when the fast path meets a syntax error (and by tests, to prove both agree).
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { LIMITS } from './limits';
import { plainSyntaxMessage } from './messages';
import { tokenEnd } from './fast';
import { pairOf, YAlias, YBlankScalar, YMap, YScalar, YSeq, type ParsedDocument, type SyntaxProblem, type YNode, type YPair } from './tree';

export function parseFull(text: string): ParsedDocument {
  const errors: SyntaxProblem[] = [];
  let root: YNode | null = null;
  let value: unknown = null;
  try {
    const doc = parseDocument(text, {
      schema: 'core',
      merge: false,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
      // Its warnings (e.g. collection keys stringified) would reach the CLI's and server's stderr.
      logLevel: 'error',
    });
    for (const e of doc.errors) {
      const [start, end] = e.pos;
      errors.push({ message: cleanMessage(e.message), start, end: end > start ? end : tokenEnd(text, start) });
    }
    root = doc.contents ? convert(doc.contents as YamlNode, text, 0) : null;
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
    } catch (e) {
      errors.push({ message: cleanMessage((e as Error).message), start: 0, end: tokenEnd(text, 0) });
    }
  } catch (e) {
    // Stack overflow on absurd nesting, and anything else the parser throws.
    errors.push({ message: `The YAML could not be parsed: ${(e as Error).message}`, start: 0, end: tokenEnd(text, 0) });
  }
  errors.sort((a, b) => a.start - b.start);
  return { text, value, root, errors, parser: 'full' };
}

function convert(node: YamlNode, text: string, depth: number): YNode {
  const [start, valueEnd] = node.range ?? [0, 0, 0];
  if (depth > LIMITS.maxDepth) return writtenScalar(start, valueEnd);
  if (isMap(node)) {
    const pairs: YPair[] = [];
    for (const pair of node.items) {
      const keyNode: YNode = pair.key ? convert(pair.key as YamlNode, text, depth + 1) : new YScalar(start, start);
      const keyValue = isScalar(pair.key) ? pair.key.value : undefined;
      const key = pair.key == null ? 'null' : isScalar(pair.key) ? String(keyValue) : '[complex key]';
      let valueNode: YNode = pair.value ? convert(pair.value as YamlNode, text, depth + 1) : new YScalar(keyNode.end, keyNode.end);
      // A missing value sits at the end of its key, as in the fast path.
      if (valueNode.kind === 'scalar' && valueNode.empty) valueNode = new YScalar(keyNode.end, keyNode.end);
      pairs.push(pairOf(key, keyNode, valueNode));
    }
    const end = collectionEnd(
      text,
      start,
      valueEnd,
      !!node.flow,
      pairs.map((p) => p.value),
    );
    return new YMap(start, end, !!node.flow, pairs);
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => (item ? convert(item as YamlNode, text, depth + 1) : new YScalar(start, start)));
    return new YSeq(start, collectionEnd(text, start, valueEnd, !!node.flow, items), !!node.flow, items);
  }
  if (isAlias(node)) return new YAlias(start, valueEnd);
  if (isScalar(node)) {
    const empty = start === valueEnd && node.value === null;
    let end = valueEnd;
    let s = start;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
      // Match the fast path: start at the first content character after the header line.
      const headerEnd = text.indexOf('\n', s);
      if (headerEnd >= 0 && headerEnd < end) s = headerEnd + 1;
      while (s < end && /[ \r\n]/.test(text[s])) s++;
      end = trimEnd(text, s, end);
    }
    return empty ? new YScalar(s, end) : writtenScalar(s, end);
  }
  return writtenScalar(start, valueEnd);
}

/** A scalar that is there in the text, even when it has no content. */
function writtenScalar(start: number, end: number): YScalar {
  return start === end ? new YBlankScalar(start, end) : new YScalar(start, end);
}

/** Block collections end with their last child (yaml's range would take trailing comments too). */
function collectionEnd(text: string, start: number, valueEnd: number, flow: boolean, children: YNode[]): number {
  if (flow) return trimEnd(text, start, valueEnd);
  const last = children[children.length - 1];
  return last ? Math.max(last.end, start + 1) : start + 1;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

function cleanMessage(message: string): string {
  // yaml's messages carry "at line N, column M" and a code frame; the range says that already.
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return plainSyntaxMessage(firstLine.length ? firstLine[0].toUpperCase() + firstLine.slice(1) : firstLine);
}
