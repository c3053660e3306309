// The positional tree both parsers produce: just enough structure to map a value path to
// the exact source range of a key or a value. Values themselves live in ParsedDocument.value.
import type { Path } from '../types';

export interface YMap {
  kind: 'map';
  start: number;
  end: number;
  flow: boolean;
  pairs: YPair[];
}

export interface YPair {
  /** The key as a string (scalar keys); complex keys get '[complex key]'. */
  key: string;
  keyNode: YNode;
  value: YNode;
}

export interface YSeq {
  kind: 'seq';
  start: number;
  end: number;
  flow: boolean;
  items: YNode[];
}

export interface YScalar {
  kind: 'scalar';
  start: number;
  end: number;
  /** A missing value (`key:` with nothing after it); start === end. */
  empty: boolean;
}

export interface YAlias {
  kind: 'alias';
  start: number;
  end: number;
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

/** The key node of the last path segment when its parent is a map. */
export function keyNodeAt(root: YNode | null, path: Path): YNode | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(root, path.slice(0, -1));
  if (parent?.kind !== 'map') return undefined;
  return findPair(parent, String(path[path.length - 1]))?.keyNode;
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
        if (offset >= pair.keyNode.start && offset <= pair.keyNode.end) {
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
