// The format v1 JSON Schema check: the generated validator's errors, each with the value path
// it is about. Rules YS002 (schema) and YS005 (format version) turn them into findings.
import type { ErrorObject } from 'ajv';
import validateFramework from './generated/framework-validator';
import * as itemValidators from './generated/item-validators';
import { isObj, type FrameworkModel } from './model';
import type { Path } from './types';

export interface SchemaError {
  keyword: string;
  params: ErrorObject['params'];
  /** Where in the schema, e.g. "#/properties/indicators/items/anyOf/0/type". */
  schemaPath: string;
  message?: string;
  /** Where in the value, e.g. ['indicators', 3, 'type']. */
  path: Path;
}

/** Turns an ajv instancePath ("/indicators/3/type") into a value path. */
export function pointerToPath(pointer: string, data: unknown): Path {
  if (!pointer) return [];
  const out: Array<string | number> = [];
  let here: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg = Array.isArray(here) && /^\d+$/.test(part) ? Number(part) : part;
    out.push(seg);
    here = (here as Record<string | number, unknown> | undefined)?.[seg];
  }
  return out;
}

// YS002 and YS005 both read the schema errors: validate each model once.
const cache = new WeakMap<FrameworkModel, SchemaError[]>();

/** The schema errors of a file whose top level is a mapping ([] for anything else: an empty
 * file or a top-level list is reported by the rules themselves). */
export function schemaErrors(model: FrameworkModel): readonly SchemaError[] {
  let errors = cache.get(model);
  if (!errors) cache.set(model, (errors = computeSchemaErrors(model)));
  return errors;
}

function computeSchemaErrors(model: FrameworkModel): SchemaError[] {
  const value = model.doc.value;
  if (!isObj(value)) return [];
  validateFramework(value);
  return keptErrors(validateFramework.errors ?? [], value, '');
}

/**
 * Gives `next` (the model after one list item was re-parsed, engine/model modelAfterSplice) the
 * schema errors of `previous` with that item's replaced by a validation of the item alone. The
 * item validators are built from the same schemas, so the errors are those the whole file's
 * validation gives; the item's errors stay together where its old ones were.
 */
export function carrySchemaErrors(previous: FrameworkModel, next: FrameworkModel, listKey: string, index: number): void {
  const before = cache.get(previous);
  const validate = itemValidators[listKey as keyof typeof itemValidators];
  const value = next.doc.value;
  if (!before || !validate || !isObj(value) || !Array.isArray(value[listKey])) return;
  const inItem = (e: SchemaError) => e.path[0] === listKey && e.path[1] === index && e.path.length >= 2;
  validate(value[listKey][index]);
  const fresh = keptErrors(validate.errors ?? [], value, `/${pointerSegment(listKey)}/${index}`);
  let at = before.findIndex(inItem);
  if (at < 0) {
    // Where the item's errors go: before the list's later items, else after its earlier ones.
    const later = before.findIndex((e) => e.path[0] === listKey && typeof e.path[1] === 'number' && e.path[1] > index);
    let earlier = before.length - 1;
    while (
      earlier >= 0 &&
      !(before[earlier].path[0] === listKey && typeof before[earlier].path[1] === 'number' && (before[earlier].path[1] as number) < index)
    )
      earlier--;
    at = later >= 0 ? later : earlier >= 0 ? earlier + 1 : before.length;
  }
  const kept = before.filter((e) => !inItem(e));
  kept.splice(Math.min(at, kept.length), 0, ...fresh);
  cache.set(next, kept);
}

function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ajv's errors as problems: one per anyOf node, one per value; instancePaths under `prefix`. */
function keptErrors(errors: readonly ErrorObject[], value: unknown, prefix: string): SchemaError[] {
  // anyOf failures report every branch; keep one error per anyOf node.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const kept: ErrorObject[] = [];
  // One problem per value: an empty `type:` breaks both "text" and the enum; keep the enum.
  const onValue = new Map<string, number>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && anyOfPaths.has(e.instancePath) && e.schemaPath.includes('/anyOf/')) continue;
    if (e.keyword === 'required' || e.keyword === 'additionalProperties') {
      kept.push(e);
      continue;
    }
    const at = onValue.get(e.instancePath);
    if (at === undefined) {
      onValue.set(e.instancePath, kept.length);
      kept.push(e);
    } else if (rankOf(e) < rankOf(kept[at])) kept[at] = e;
  }
  return kept.map((e) => ({
    keyword: e.keyword,
    params: e.params,
    schemaPath: e.schemaPath,
    message: e.message,
    path: pointerToPath(prefix + e.instancePath, value),
  }));
}

/** Which of two errors on one value explains it best: the list of allowed values first. */
const KEYWORD_RANK = ['enum', 'anyOf', 'pattern', 'format', 'minLength', 'minItems', 'type'];
function rankOf(error: ErrorObject): number {
  const i = KEYWORD_RANK.indexOf(error.keyword);
  return i < 0 ? KEYWORD_RANK.length : i;
}

/** True for an error about the `yardstick:` format version (missing or not 1). */
export function isVersionError(error: SchemaError): boolean {
  return (
    error.path[0] === 'yardstick' ||
    (error.keyword === 'required' &&
      error.path.length === 0 &&
      (error.params as { missingProperty: string }).missingProperty === 'yardstick')
  );
}
