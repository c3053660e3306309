// The fast path: js-yaml 5's flat event stream (offsets, no AST objects) turned into the
// positional tree, and its event constructor for the value. About 10x faster than `yaml`'s
// parseDocument on big files, but it stops at the first syntax error: then the full path runs.
// js-yaml's CommonJS build, on purpose: `import = require` makes esbuild take the package's
// "require" export. Its ES module build runs the same parser 3-4x slower per file on the CLI's
// many small files (measured with bench/: 1,000 files, parseEvents 1.7 s against 0.42 s).
import jsyaml = require('js-yaml');
import type { Event, ScalarEvent } from 'js-yaml';
import { LIMITS } from './limits';
import { plainSyntaxMessage } from './messages';
import {
  YAlias,
  YBlankScalar,
  YMap,
  YNodeKeyPair,
  YNodePair,
  YScalar,
  YScalarPair,
  YSeq,
  type YPair,
  type ParsedDocument,
  type SyntaxProblem,
  type YNode,
} from './tree';

const { CORE_SCHEMA, EVENT_ID, YAMLException, constructFromEvents, getScalarValue, parseEvents } = jsyaml;

/** One open collection (or the document) while the tree is built. A single class keeps every
 * frame the same shape, so the hot loop stays monomorphic. */
class Frame {
  /** Whether a key waits for its value; its range, its node when the range does not say it all
   * (collection, alias and blank keys), and its text (read when the key was attached). */
  hasPendingKey = false;
  pendingKeyStart = 0;
  pendingKeyEnd = 0;
  pendingKeyNode: YNode | undefined = undefined;
  pendingKeyText = '';
  /** The pending key as the value's property name (core-schema resolved, then String()). */
  pendingKeyName = '';
  constructor(
    readonly map: YMap | undefined,
    readonly seq: YSeq | undefined,
    /** The value being built: an object for a map, an array for a sequence. */
    readonly object: Record<string, unknown> | undefined,
    readonly array: unknown[] | undefined,
  ) {}
}

/** `resource`: the input is refused for its size or shape (alias bomb, absurd nesting), not
 * for a syntax slip, so the slower full parser must not be run on it either. */
export type FastResult =
  | {
      ok: true;
      doc: ParsedDocument;
      /** The tree pass built the value itself: no anchors, aliases, tags, complex or duplicate keys. */
      plain: boolean;
    }
  | { ok: false; error: SyntaxProblem; resource: boolean };

export function parseFast(text: string): FastResult {
  let events: Event[];
  let built: BuiltTree;
  let value: unknown;
  try {
    events = parseEvents(text, { maxDepth: LIMITS.maxDepth });
    built = buildTree(text, events);
    // The tree pass builds the value too for plain files; anything it does not handle (tags,
    // anchors, aliases, complex or duplicate keys) goes through js-yaml's own constructor.
    value =
      built.value !== NOT_BUILT
        ? built.value
        : (constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: LIMITS.maxAliases })[0] ?? null);
  } catch (e) {
    const error = toProblem(text, e);
    const depth = /maxDepth/.test(error.message);
    if (depth) {
      error.message = `Collections nest deeper than ${LIMITS.maxDepth} levels; a framework file needs about 6.`;
      error.end = tokenEnd(text, error.start);
    }
    return { ok: false, error, resource: depth };
  }
  const errors: SyntaxProblem[] = [];
  if (built.secondDocumentAt !== undefined) {
    errors.push({
      message: 'A framework file holds one YAML document; this second document is ignored.',
      start: built.secondDocumentAt,
      end: Math.min(text.length, built.secondDocumentAt + 3),
    });
  }
  const bomb = aliasExpansionProblem(built.root, built.aliases, built.anchors, built.nodeCount);
  if (bomb) return { ok: false, error: bomb, resource: true };
  return { ok: true, doc: { text, value, root: built.root, errors, parser: 'fast' }, plain: built.value !== NOT_BUILT };
}

/** String values up to this length are shared when they repeat; longer ones (titles, notes) seldom
 * do, and hashing them would cost more than it saves. */
const SHARED_VALUE_LENGTH = 64;

/** Marks a value the tree pass could not build (js-yaml's constructor builds it instead). */
const NOT_BUILT = Symbol('not built');

// js-yaml's own core-schema resolution of plain scalars (null, bool, int, float, else string).
// It is marked internal; without it the tree pass leaves values to constructFromEvents.
const resolvePlain: ((source: string) => { value: unknown }) | undefined =
  typeof (CORE_SCHEMA as unknown as { resolveImplicitScalarTag?: unknown }).resolveImplicitScalarTag === 'function'
    ? (source) => (CORE_SCHEMA as unknown as { resolveImplicitScalarTag(s: string): { value: unknown } }).resolveImplicitScalarTag(source)
    : undefined;

interface BuiltTree {
  root: YNode | null;
  /** The first document's value, or NOT_BUILT. */
  value: unknown;
  secondDocumentAt?: number;
  anchors: Map<string, YNode>;
  aliases: Array<{ node: YAlias; anchor: string }>;
  nodeCount: number;
}

function buildTree(text: string, events: Event[]): BuiltTree {
  const stack: Frame[] = [];
  const anchors = new Map<string, YNode>();
  const aliases: BuiltTree['aliases'] = [];
  let root: YNode | null = null;
  let documents = 0;
  let inFirstDocument = false;
  let secondDocumentAt: number | undefined;
  let lastEnd = 0;
  let nodeCount = 0;
  let top: Frame | undefined;

  // Attaches a node to the open collection; a scalar's event gives its text when it is a key.
  // Keys repeat (id, title, type... on every indicator), and so do short values (enum values,
  // dates, units, data sources): an open document keeps one copy of each (the 10k file: 4 MB less).
  const keyStrings = new Map<string, string>();
  const intern = (key: string): string => {
    const known = keyStrings.get(key);
    if (known !== undefined) return known;
    keyStrings.set(key, key);
    return key;
  };
  let building = resolvePlain !== undefined;
  let rootValue: unknown = null;
  // A key: its range, and its node only when the range does not say it all (e is its scalar event).
  const setKey = (frame: Frame, start: number, end: number, node: YNode | undefined, e: ScalarEvent | undefined, value: unknown): void => {
    frame.hasPendingKey = true;
    frame.pendingKeyStart = start;
    frame.pendingKeyEnd = end;
    frame.pendingKeyNode = node;
    frame.pendingKeyText =
      e === undefined
        ? '[complex key]'
        : e.valueStart < 0
          ? 'null'
          : intern(e.fast ? text.slice(e.valueStart, e.valueEnd) : getScalarValue(text, e));
    if (e === undefined)
      building = false; // complex key: js-yaml's constructor decides
    else if (building) frame.pendingKeyName = typeof value === 'string' ? frame.pendingKeyText : String(value);
  };
  const attach = (node: YNode, e: ScalarEvent | undefined, value: unknown): void => {
    nodeCount++;
    if (node.end > lastEnd) lastEnd = node.end;
    if (top === undefined || (top.map === undefined && top.seq === undefined)) {
      if (inFirstDocument) {
        root = node;
        rootValue = value;
      } else if (secondDocumentAt === undefined) secondDocumentAt = node.start;
      return;
    }
    if (top.seq !== undefined) {
      top.seq.items.push(node);
      if (building) top.array!.push(value);
    } else if (!top.hasPendingKey) setKey(top, node.start, node.end, node, e, value);
    else {
      const keyNode = top.pendingKeyNode;
      addPair(
        top,
        keyNode === undefined
          ? new YNodePair(top.pendingKeyText, top.pendingKeyStart, top.pendingKeyEnd, node)
          : new YNodeKeyPair(top.pendingKeyText, keyNode, node),
        value,
      );
    }
  };
  // The entry of the frame's pending key, and its value's property.
  const addPair = (frame: Frame, pair: YPair, value: unknown): void => {
    frame.map!.pairs.push(pair);
    if (building) {
      const object = frame.object!;
      const name = frame.pendingKeyName;
      // A duplicate key is an error: js-yaml's constructor reports it.
      if (Object.prototype.hasOwnProperty.call(object, name)) building = false;
      else if (name === '__proto__') Object.defineProperty(object, name, { value, enumerable: true, configurable: true, writable: true });
      else object[name] = value;
    }
    frame.hasPendingKey = false;
    frame.pendingKeyNode = undefined;
    frame.pendingKeyText = '';
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        inFirstDocument = documents === 1;
        top = new Frame(undefined, undefined, undefined, undefined);
        stack.push(top);
        break;
      case EVENT_ID.MAPPING: {
        const node = new YMap(e.start, e.start + 1, e.style === 2, []);
        if (e.tagStart >= 0 || e.anchorStart >= 0) building = false;
        const object: Record<string, unknown> | undefined = building ? {} : undefined;
        attach(node, undefined, object);
        if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), node);
        top = new Frame(node, undefined, object, undefined);
        stack.push(top);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const node = new YSeq(e.start, e.start + 1, e.style === 2, []);
        if (e.tagStart >= 0 || e.anchorStart >= 0) building = false;
        const array: unknown[] | undefined = building ? [] : undefined;
        attach(node, undefined, array);
        if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), node);
        top = new Frame(undefined, node, undefined, array);
        stack.push(top);
        break;
      }
      case EVENT_ID.SCALAR: {
        const start = scalarStart(text, e, lastEnd);
        const end = scalarEnd(text, e, start);
        if (e.tagStart >= 0 || e.anchorStart >= 0) building = false;
        let value: unknown = null;
        if (building) {
          const source = e.valueStart < 0 ? '' : getScalarValue(text, e);
          value = e.style === 1 ? resolvePlain!(source).value : source;
          if (typeof value === 'string' && value.length <= SHARED_VALUE_LENGTH) value = intern(value);
        }
        // Zero-length but written (`|` with nothing under it): not a missing value.
        const blank = start === end && e.valueStart >= 0;
        let node: YScalar | undefined;
        if (!blank && top !== undefined && top.map !== undefined && top.pendingKeyNode === undefined) {
          nodeCount++;
          if (end > lastEnd) lastEnd = end;
          // A scalar key: the pair keeps its range. A scalar value of a scalar key: the pair is its node.
          if (!top.hasPendingKey) setKey(top, start, end, undefined, e, value);
          else {
            const pair = new YScalarPair(top.pendingKeyText, top.pendingKeyStart, top.pendingKeyEnd, start, end);
            node = pair;
            addPair(top, pair, value);
          }
        } else {
          node = blank ? new YBlankScalar(start, end) : new YScalar(start, end);
          attach(node, e, value);
        }
        if (e.anchorStart >= 0) anchors.set(text.slice(e.anchorStart, e.anchorEnd), node ?? new YScalar(start, end));
        break;
      }
      case EVENT_ID.ALIAS: {
        const node = new YAlias(Math.max(0, e.anchorStart - 1), e.anchorEnd);
        aliases.push({ node, anchor: text.slice(e.anchorStart, e.anchorEnd) });
        building = false;
        attach(node, undefined, null);
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        top = stack[stack.length - 1];
        if (frame === undefined) break;
        const node = frame.map ?? frame.seq;
        if (node === undefined) break;
        // push() leaves room for 17 children in each small list; an open document keeps its tree,
        // so keep exact-size copies (about 7 MB less on a 7 MB file).
        if (frame.map !== undefined) frame.map.pairs = frame.map.pairs.slice();
        else frame.seq!.items = frame.seq!.items.slice();
        const last =
          frame.map !== undefined ? frame.map.pairs[frame.map.pairs.length - 1]?.value : frame.seq!.items[frame.seq!.items.length - 1];
        if (last && last.end > node.end) node.end = last.end;
        // A single pair inside a flow sequence (`[a: b]`) is a flow mapping without brackets.
        if (node.flow && text.charCodeAt(node.start) === (node.kind === 'map' ? 123 : 91))
          node.end = closingBracketEnd(text, node.end, node.kind === 'map' ? '}' : ']');
        if (node.end > lastEnd) lastEnd = node.end;
        break;
      }
    }
  }
  return { root, value: building ? rootValue : NOT_BUILT, secondDocumentAt, anchors, aliases, nodeCount };
}

/** What /\s/ matches, by char code (no regex in the hot path). */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where a scalar's range starts: a missing value sits at the end of what came before it. */
function scalarStart(text: string, e: ScalarEvent, lastEnd: number): number {
  if (e.valueStart < 0) return lastEnd;
  // Include the quotes, so the underline covers what the user typed.
  if (e.style === 2 || e.style === 3) return Math.max(0, e.valueStart - 1);
  let start = e.valueStart;
  if (e.style === 4 || e.style === 5) {
    // Block scalars: start at the first content character.
    while (start < e.valueEnd && (text[start] === ' ' || text[start] === '\n' || text[start] === '\r')) start++;
  }
  return start;
}

function scalarEnd(text: string, e: ScalarEvent, start: number): number {
  if (e.valueStart < 0) return start;
  if (e.style === 2 || e.style === 3) return Math.min(text.length, e.valueEnd + 1);
  let end = e.valueEnd;
  // Block scalars drop their trailing line breaks.
  if (e.style === 4 || e.style === 5) while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** After the last child of a flow collection, the offset just past its closing bracket. */
function closingBracketEnd(text: string, from: number, bracket: string): number {
  for (let i = from; i < text.length && i < from + 10_000; i++) {
    const c = text[i];
    if (c === bracket) return i + 1;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    }
  }
  return from;
}

/** Billion-laughs guard: the value the aliases expand to must stay near the source's size. */
function aliasExpansionProblem(
  root: YNode | null,
  aliases: BuiltTree['aliases'],
  anchors: Map<string, YNode>,
  nodeCount: number,
): SyntaxProblem | undefined {
  if (!root || aliases.length === 0) return undefined;
  const aliasTarget = new Map<YAlias, YNode>();
  for (const a of aliases) {
    const target = anchors.get(a.anchor);
    if (target) aliasTarget.set(a.node, target);
  }
  const sizes = new Map<YNode, number>();
  const limit = Math.max(LIMITS.maxExpandedNodes, nodeCount * 10);
  const size = (node: YNode): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let n = 1;
    if (node.kind === 'map') for (const p of node.pairs) n += (p instanceof YNodeKeyPair ? size(p.keyNode) : 1) + size(p.value);
    else if (node.kind === 'seq') for (const item of node.items) n += size(item);
    else if (node.kind === 'alias') {
      const target = aliasTarget.get(node);
      n = target ? size(target) : 1;
    }
    n = Math.min(n, Number.MAX_SAFE_INTEGER);
    sizes.set(node, n);
    return n;
  };
  const total = size(root);
  if (total <= limit) return undefined;
  const first = aliases[0].node;
  return {
    message: `Aliases expand this document to about ${total.toExponential(1)} nodes (limit ${limit}); a framework file does not need them to repeat this much.`,
    start: first.start,
    end: first.end,
  };
}

export function toProblem(text: string, e: unknown): SyntaxProblem {
  if (e instanceof YAMLException) {
    const at = Math.max(0, Math.min(e.mark?.position ?? 0, text.length));
    return { message: plainSyntaxMessage(capitalise(e.reason)), start: at, end: tokenEnd(text, at) };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { message: plainSyntaxMessage(capitalise(message)), start: 0, end: tokenEnd(text, 0) };
}

/** The end of the token at an error offset: to the next space or line end, at least one char. */
export function tokenEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && !/[\s]/.test(text[end])) end++;
  return Math.max(end, Math.min(at + 1, text.length));
}

function capitalise(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}
