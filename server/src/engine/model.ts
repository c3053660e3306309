// The framework model: the parsed value's objects, each with its path and node, and the id
// indexes the resolver and the rules share. Built once per check.
import { findPair, nodeAt, pairAt, type ParsedDocument, type YNode } from './parse';
import type { Path } from './types';

export type ObjectKind = 'framework' | 'stage' | 'indicator' | 'agreement';

/** Any plain object from the YAML (values are unknown until the schema has spoken). */
export type Obj = Record<string, unknown>;

export interface ModelObject {
  kind: ObjectKind;
  /** Index in its list (0 for the framework object). */
  index: number;
  path: Path;
  value: Obj;
  node: YNode | undefined;
  /** The id, when it is a string. */
  id?: string;
}

export interface FrameworkModel {
  doc: ParsedDocument;
  root: Obj | undefined;
  framework?: ModelObject;
  frameworkId?: string;
  stages: ModelObject[];
  indicators: ModelObject[];
  agreements: ModelObject[];
  /** First object of each id, per kind. */
  stagesById: Map<string, ModelObject>;
  indicatorsById: Map<string, ModelObject>;
  agreementsById: Map<string, ModelObject>;
}

export const LIST_KEYS = { stage: 'stages', indicator: 'indicators', agreement: 'agreements' } as const;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path in the YAML value, or undefined when the path leads nowhere. */
export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObj(v)) v = v[String(seg)];
    else return undefined;
  }
  return v;
}

/** The object kind a top-level list holds: `indicators` → `indicator`. */
export function kindOfList(key: unknown): Exclude<ObjectKind, 'framework'> | undefined {
  return (Object.keys(LIST_KEYS) as Array<keyof typeof LIST_KEYS>).find((k) => LIST_KEYS[k] === key);
}

export function buildModel(doc: ParsedDocument): FrameworkModel {
  const root = isObj(doc.value) ? doc.value : undefined;
  const list = (kind: Exclude<ObjectKind, 'framework'>): ModelObject[] => {
    const key = LIST_KEYS[kind];
    const items = root?.[key];
    if (!Array.isArray(items)) return [];
    const out: ModelObject[] = [];
    // The list's node once, not a walk from the root per item (same result as nodeAt).
    const listNode = nodeAt(doc.root, [key]);
    const nodes = listNode?.kind === 'seq' ? listNode.items : undefined;
    for (let index = 0; index < items.length; index++) {
      if (!(index in items)) continue; // forEach skipped holes
      const value: unknown = items[index];
      if (!isObj(value)) continue;
      out.push({ kind, index, path: [key, index], value, node: nodes?.[index], id: typeof value.id === 'string' ? value.id : undefined });
    }
    return out;
  };
  const byId = firstById;
  const fw = root && isObj(root.framework) ? root.framework : undefined;
  const framework: ModelObject | undefined = fw
    ? {
        kind: 'framework',
        index: 0,
        path: ['framework'],
        value: fw,
        node: nodeAt(doc.root, ['framework']),
        id: typeof fw.id === 'string' ? fw.id : undefined,
      }
    : undefined;
  const stages = list('stage');
  const indicators = list('indicator');
  const agreements = list('agreement');
  return {
    doc,
    root,
    framework,
    frameworkId: framework?.id,
    stages,
    indicators,
    agreements,
    stagesById: byId(stages),
    indicatorsById: byId(indicators),
    agreementsById: byId(agreements),
  };
}

/** The object at an index of its list (holes and non-objects are not objects), by binary search. */
export function objectAtIndex(model: FrameworkModel, kind: Exclude<ObjectKind, 'framework'>, index: number): ModelObject | undefined {
  const objects = model[LIST_KEYS[kind]];
  let lo = 0;
  let hi = objects.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (objects[mid].index < index) lo = mid + 1;
    else if (objects[mid].index > index) hi = mid - 1;
    else return objects[mid];
  }
  return undefined;
}

/**
 * The model after one list item was re-parsed (engine/parse/splice): the same objects, but the one
 * at `index` of the kind's list made anew from the document's node and value, and that kind's id
 * index updated. The previous model's objects are shared, so it must not be used afterwards.
 */
export function modelAfterSplice(
  previous: FrameworkModel,
  doc: ParsedDocument,
  kind: Exclude<ObjectKind, 'framework'>,
  index: number,
): FrameworkModel | undefined {
  const key = LIST_KEYS[kind];
  const root = isObj(doc.value) ? doc.value : undefined;
  const items = root?.[key];
  const value: unknown = Array.isArray(items) ? items[index] : undefined;
  const listNode = nodeAt(doc.root, [key]);
  const node = listNode?.kind === 'seq' ? listNode.items[index] : undefined;
  if (root !== previous.root || !isObj(value) || !node) return undefined;
  const old = objectAtIndex(previous, kind, index);
  if (!old) return undefined;
  const objects = previous[key].slice();
  const at = objects.indexOf(old);
  const object: ModelObject = { kind, index, path: old.path, value, node, id: typeof value.id === 'string' ? value.id : undefined };
  objects[at] = object;
  const byIdKey = `${kind}sById` as const;
  let byId = previous[byIdKey];
  if (object.id !== old.id) byId = firstById(objects);
  else if (object.id !== undefined && byId.get(object.id) === old) byId.set(object.id, object);
  return { ...previous, doc, [key]: objects, [byIdKey]: byId };
}

function firstById(objects: readonly ModelObject[]): Map<string, ModelObject> {
  const map = new Map<string, ModelObject>();
  for (const o of objects) if (o.id !== undefined && !map.has(o.id)) map.set(o.id, o);
  return map;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Where to underline a path. `key` underlines the key of the last segment (unknown keys,
 * missing children); `value` the value (falling back to the key when the value is empty).
 * A whole object (an array item) is anchored on its id value, or its first key.
 */
export function spanOf(doc: ParsedDocument, path: Path, on: 'key' | 'value' = 'value'): Span {
  const last = path[path.length - 1];
  if (on === 'key' && typeof last === 'string') {
    const pair = pairAt(doc.root, path);
    if (pair) return { start: pair.keyStart, end: pair.keyEnd };
  }
  const node = nodeAt(doc.root, path);
  if (!node) {
    // The path does not exist: anchor on its nearest existing ancestor.
    return path.length > 0
      ? spanOf(doc, path.slice(0, -1), typeof path[path.length - 2] === 'string' ? 'key' : 'value')
      : { start: 0, end: 0 };
  }
  if (node.kind === 'scalar' && node.empty) {
    const pair = pairAt(doc.root, path);
    if (pair) return { start: pair.keyStart, end: pair.keyEnd };
  }
  if (node.kind === 'map' && !node.flow && node.pairs.length > 0) {
    if (typeof last === 'string' && on === 'key') {
      const pair = pairAt(doc.root, path);
      if (pair) return { start: pair.keyStart, end: pair.keyEnd };
    }
    const id = findPair(node, 'id');
    if (id && !(id.value.kind === 'scalar' && id.value.empty)) return { start: id.value.start, end: id.value.end };
    const first = node.pairs[0];
    return { start: first.keyStart, end: first.keyEnd };
  }
  if (node.kind === 'seq' && !node.flow) {
    // A block list: underline the parent key rather than every line of the list.
    const pair = pairAt(doc.root, path);
    if (pair) return { start: pair.keyStart, end: pair.keyEnd };
  }
  return { start: node.start, end: node.end };
}

/** A short description of an object for messages: `indicator "ae-wait"` or `indicator #3`. */
export function describe(o: ModelObject): string {
  if (o.kind === 'framework') return 'the framework';
  return o.id !== undefined ? `${o.kind} "${o.id}"` : `${o.kind} #${o.index + 1}`;
}
