// The positional tree both parsers produce: just enough structure to map a value path to
// the exact source range of a key or a value. Values themselves live in ParsedDocument.value.
import type { Path } from '../types';

// A 10,000-indicator file holds about 500,000 nodes and pairs, and an open document keeps its
// tree: the nodes are classes with only their ranges (and children) as own fields, their `kind`
// on the prototype; a pair keeps a scalar key as its range, and is itself its scalar value's node.

export class YMap {
  declare readonly kind: 'map';
  constructor(
    public start: number,
    public end: number,
    readonly flow: boolean,
    public pairs: YPair[],
  ) {}
}

export class YSeq {
  declare readonly kind: 'seq';
  constructor(
    public start: number,
    public end: number,
    readonly flow: boolean,
    public items: YNode[],
  ) {}
}

export class YScalar {
  declare readonly kind: 'scalar';
  constructor(
    public start: number,
    public end: number,
  ) {}

  /** A missing value (`key:` with nothing after it): the only zero-length scalar but blank ones. */
  get empty(): boolean {
    return this.start === this.end;
  }
}

/** A scalar written with no content (`|` with nothing under it, a lone tag): zero-length, yet not missing. */
export class YBlankScalar extends YScalar {
  override get empty(): boolean {
    return false;
  }
}

export class YAlias {
  declare readonly kind: 'alias';
  constructor(
    public start: number,
    public end: number,
  ) {}
}

for (const [type, kind] of [
  [YMap, 'map'],
  [YSeq, 'seq'],
  [YScalar, 'scalar'],
  [YAlias, 'alias'],
] as const)
  Object.defineProperty(type.prototype, 'kind', { value: kind, enumerable: false });

/** A map entry. A plain or quoted scalar key is kept as its range (keyNode makes a node of it). */
export abstract class YPair {
  constructor(
    /** The key as a string (scalar keys); complex keys get '[complex key]'. */
    readonly key: string,
    public keyStart: number,
    public keyEnd: number,
  ) {}

  abstract readonly value: YNode;

  /** The key as a node, made on each call (read keyStart and keyEnd where the range will do). */
  get keyNode(): YNode {
    return new YScalar(this.keyStart, this.keyEnd);
  }
}

/**
 * A map entry whose value is a scalar (most of them): the entry is its value's node too, so
 * `pair.value === pair`, one object instead of two. `start` and `end` are the value's range.
 */
export class YScalarPair extends YPair {
  declare readonly kind: 'scalar';
  constructor(
    key: string,
    keyStart: number,
    keyEnd: number,
    public start: number,
    public end: number,
  ) {
    super(key, keyStart, keyEnd);
  }

  get value(): YScalar {
    return this;
  }

  /** A missing value (`key:` with nothing after it); a blank scalar gets a YNodePair. */
  get empty(): boolean {
    return this.start === this.end;
  }
}
Object.defineProperty(YScalarPair.prototype, 'kind', { value: 'scalar', enumerable: false });

/** A map entry whose value is a collection, an alias or a blank scalar. */
export class YNodePair extends YPair {
  constructor(
    key: string,
    keyStart: number,
    keyEnd: number,
    readonly value: YNode,
  ) {
    super(key, keyStart, keyEnd);
  }
}

/** A map entry whose key is a collection, an alias or a blank scalar: its node is kept. */
export class YNodeKeyPair extends YNodePair {
  constructor(
    key: string,
    private readonly keyNodeKept: YNode,
    value: YNode,
  ) {
    super(key, keyNodeKept.start, keyNodeKept.end, value);
  }

  override get keyNode(): YNode {
    return this.keyNodeKept;
  }
}

/** The entry of a key node and a value node, as compact as their kinds allow (both parsers build the same). */
export function pairOf(key: string, keyNode: YNode, value: YNode): YPair {
  if (keyNode.constructor !== YScalar) return new YNodeKeyPair(key, keyNode, value);
  return value.constructor === YScalar
    ? new YScalarPair(key, keyNode.start, keyNode.end, value.start, value.end)
    : new YNodePair(key, keyNode.start, keyNode.end, value);
}

export type YNode = YMap | YSeq | YScalar | YAlias;

/** A YAML syntax problem, reported as YS001. */
export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

export interface ParsedDocument {
  text: string;
  /** The document's JavaScript value (core schema: dates stay strings, no merge keys). */
  value: unknown;
  /** Root node; null for an empty document. */
  root: YNode | null;
  errors: SyntaxProblem[];
  /** Which parser produced the tree: 'fast' (js-yaml events) or 'full' (yaml, with recovery). */
  parser: 'fast' | 'full';
}

export function findPair(map: YMap, key: string): YPair | undefined {
  for (const pair of map.pairs) if (pair.key === key) return pair;
  return undefined;
}

/** The node at a value path, or undefined when the path does not exist in the tree. */
export function nodeAt(root: YNode | null, path: Path): YNode | undefined {
  let node: YNode | undefined = root ?? undefined;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map') node = findPair(node, String(segment))?.value;
    else if (node.kind === 'seq' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

/** The pair of the last path segment when its parent is a map. */
export function pairAt(root: YNode | null, path: Path): YPair | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  if (parent?.kind !== 'map') return undefined;
  return findPair(parent, String(path[path.length - 1]));
}

/** The deepest node whose range holds the offset, with its path (key nodes included). */
export function nodePathAt(root: YNode | null, offset: number): { node: YNode; path: Array<string | number>; isKey: boolean } | undefined {
  if (!root) return undefined;
  const path: Array<string | number> = [];
  let node: YNode = root;
  let isKey = false;
  for (;;) {
    let next: YNode | undefined;
    if (node.kind === 'map') {
      for (const pair of node.pairs) {
        if (offset >= pair.keyStart && offset <= pair.keyEnd) {
          path.push(pair.key);
          return { node: pair.keyNode, path, isKey: true };
        }
        if (!pair.value.kind || pair.value.start > offset) continue;
        if (offset >= pair.value.start && offset <= pair.value.end) {
          path.push(pair.key);
          next = pair.value;
          break;
        }
      }
    } else if (node.kind === 'seq') {
      // Items are in source order: binary search (a framework can list 10,000+ indicators).
      let lo = 0;
      let hi = node.items.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const item = node.items[mid];
        if (offset < item.start) hi = mid - 1;
        else if (offset > item.end) lo = mid + 1;
        else {
          path.push(mid);
          next = item;
          break;
        }
      }
    }
    if (!next) return { node, path, isKey };
    node = next;
    isKey = false;
  }
}
