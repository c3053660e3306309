// YS002 (schema) and YS005 (format version): the generated validator's errors mapped to
// the exact node and rewritten as sentences a framework author understands.
import type { ErrorObject } from 'ajv';
import validateFramework from './generated/framework-validator';
import { eolOf, insertKey, replaceValue } from './edits';
import { describe, isObj, type FrameworkModel } from './model';
import { keyNodeAt } from './parse';
import type { Report } from './report';
import { allowedKeys, enumAt, requiredKeys, schemaAt } from './schema';
import { didYouMean, quoteList } from './suggest';
import type { Fix, Path } from './types';

export interface SchemaReport extends Report {
  code: 'YS002' | 'YS005';
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

const KIND_OF_LIST: Record<string, string> = { stages: 'stage', indicators: 'indicator', agreements: 'agreement' };

/** "indicator "ae-wait"" for a path inside an object, or "the framework". */
function ownerOf(model: FrameworkModel, path: Path): string {
  if (path[0] === 'framework') return 'the framework';
  const kind = KIND_OF_LIST[String(path[0])];
  if (kind && typeof path[1] === 'number') {
    const list = model[path[0] as 'stages' | 'indicators' | 'agreements'];
    const obj = list.find((o) => o.index === path[1]);
    if (obj) return describe(obj);
    return `${kind} #${(path[1] as number) + 1}`;
  }
  return 'the file';
}

/** The field name used in messages: the last key, with list indexes shown as [n]. */
function fieldName(path: Path): string {
  const parts: string[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (i === 1 && KIND_OF_LIST[String(path[0])]) break;
      parts.unshift(`[${seg}]`);
      continue;
    }
    parts.unshift(seg);
    break;
  }
  return parts.join('').replace(/^\[/, '[') || 'the file';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function typeWord(t: string): string {
  return ({ object: 'a mapping of keys', array: 'a list', string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', null: 'empty' } as Record<string, string>)[t] ?? t;
}

// YS002 and YS005 both read the schema errors: validate each model once.
const cache = new WeakMap<FrameworkModel, SchemaReport[]>();

export function schemaReports(model: FrameworkModel): SchemaReport[] {
  let reports = cache.get(model);
  if (!reports) cache.set(model, (reports = computeSchemaReports(model)));
  return reports;
}

function computeSchemaReports(model: FrameworkModel): SchemaReport[] {
  const { doc } = model;
  const reports: SchemaReport[] = [];
  if (doc.value === null || doc.value === undefined) {
    reports.push({
      code: 'YS005',
      message: 'The file is empty: a framework file starts with "yardstick: 1" and a "framework:" section.',
      start: 0,
      end: 0,
      fixes: [{ title: 'Insert "yardstick: 1"', edits: [{ start: 0, end: 0, newText: 'yardstick: 1\n' }], safe: true }],
    });
    return reports;
  }
  if (!isObj(doc.value)) {
    reports.push({ code: 'YS002', message: `A framework file must be a mapping of keys (yardstick, framework, stages, indicators, agreements), not ${show(doc.value)}.`, path: [] });
    return reports;
  }
  validateFramework(doc.value);
  const errors = validateFramework.errors ?? [];
  // anyOf failures report every branch; keep one message per anyOf node.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath) && error.schemaPath.includes('/anyOf/')) continue;
    const report = toReport(model, error);
    if (report) reports.push(report);
  }
  return reports;
}

function toReport(model: FrameworkModel, error: ErrorObject): SchemaReport | undefined {
  const { doc } = model;
  const path = pointerToPath(error.instancePath, doc.value);
  const value = valueAt(doc.value, path);
  const field = fieldName(path);
  const where = ownerOf(model, path);
  const inWhere = path.length > 0 && where !== 'the file' ? ` in ${where}` : '';

  if (path[0] === 'yardstick' || (error.keyword === 'required' && (error.params as { missingProperty: string }).missingProperty === 'yardstick' && path.length === 0)) {
    return versionReport(model, error.keyword === 'required');
  }

  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const fix = requiredKeyFix(model, path, missing);
      return {
        code: 'YS002',
        message: `Missing required key "${missing}"${path.length ? ` in ${where === 'the file' ? field : where}` : ''}.`,
        path,
        on: 'key',
        fixes: fix ? [fix] : undefined,
        data: { missingProperty: missing },
      };
    }
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = allowedKeys(path);
      const suggestion = didYouMean(key, allowed);
      const keyPath = [...path, key];
      const keyNode = keyNodeAt(doc.root, keyPath);
      const fixes: Fix[] = [];
      if (suggestion && keyNode && !(isObj(value) && suggestion in value)) {
        fixes.push({ title: `Rename "${key}" to "${suggestion}"`, edits: [{ start: keyNode.start, end: keyNode.end, newText: suggestion }], safe: false, preferred: true });
      }
      const merge = key === '<<' ? ' Merge keys (<<) are not supported: write the keys out.' : '';
      return {
        code: 'YS002',
        message: `Unknown key "${key}"${inWhere || (path.length ? ` in ${field}` : '')}${suggestion ? `; did you mean "${suggestion}"?` : `; expected one of ${quoteList(allowed)} (or an x- extension key).`}${merge}`,
        path: keyPath,
        on: 'key',
        fixes,
        data: { key, suggestion, allowed },
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      return enumReport(model, path, value, allowed, field);
    }
    case 'anyOf': {
      const info = enumAt(path);
      if (info) {
        const forms = schemaAt(path)?.anyOf?.some((s) => s.pattern) ? ' (or other:<name>, e.g. other:CN)' : '';
        return enumReport(model, path, value, info.values, field, forms);
      }
      const types = (schemaAt(path)?.anyOf ?? []).map((s) => s.type).filter((t): t is string => typeof t === 'string');
      if (types.length) return { code: 'YS002', message: `${field}${inWhere} must be ${types.map(typeWord).join(' or ')}, not ${show(value)}.`, path };
      return { code: 'YS002', message: `${show(value)} is not a valid ${field}${inWhere}.`, path };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',').map(typeWord).join(' or ');
      return { code: 'YS002', message: `${field}${inWhere} must be ${expected}, not ${show(value)}.`, path, data: { expected } };
    }
    case 'format':
      return { code: 'YS002', message: `${show(value)} is not a valid date for ${field}${inWhere}; write dates as YYYY-MM-DD.`, path };
    case 'pattern': {
      const isRef = /reference|indicators|stage$/.test(String(path[path.length - 2] ?? '')) || path[path.length - 1] === 'stage' || (path[2] === 'indicators' && path.length === 4);
      return {
        code: 'YS002',
        message: isRef
          ? `${show(value)} is not a valid reference for ${field}${inWhere}: write a kebab-case id, or framework-id#object-id for another file's object.`
          : `${show(value)} is not a valid ${field}${inWhere}: ids are kebab-case (lower-case letters, digits and single hyphens), e.g. "${kebab(String(value))}".`,
        path,
        fixes: !isRef && typeof value === 'string' && kebab(value) ? [{ title: `Change to "${kebab(value)}"`, edits: [replaceValue(doc, path, kebab(value))!].filter(Boolean), safe: false }] : undefined,
      };
    }
    case 'minLength':
      return { code: 'YS002', message: `${field}${inWhere} must not be empty.`, path };
    case 'minItems':
      return { code: 'YS002', message: `${field}${inWhere} must list at least ${(error.params as { limit: number }).limit} item(s).`, path };
    default:
      return { code: 'YS002', message: `${field}${inWhere}: ${error.message ?? 'does not match the schema'}.`, path };
  }
}

function enumReport(model: FrameworkModel, path: Path, value: unknown, allowed: unknown[], field: string, extra = ''): SchemaReport {
  const suggestion = typeof value === 'string' ? didYouMean(value, allowed.map(String)) : undefined;
  const fixes: Fix[] = [];
  if (suggestion) {
    const edit = replaceValue(model.doc, path, suggestion);
    if (edit) fixes.push({ title: `Change to "${suggestion}"`, edits: [edit], safe: false, preferred: true });
  }
  return {
    code: 'YS002',
    message: `${show(value)} is not a valid ${field}; expected one of ${quoteList(allowed)}${extra}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
    path,
    fixes,
    data: { allowed, suggestion },
  };
}

function versionReport(model: FrameworkModel, missing: boolean): SchemaReport {
  const { doc } = model;
  if (missing) {
    return {
      code: 'YS005',
      message: 'Missing format version: add "yardstick: 1" as the first key.',
      start: 0,
      end: firstLineEnd(doc.text),
      fixes: [{ title: 'Insert "yardstick: 1"', edits: [{ start: 0, end: 0, newText: 'yardstick: 1' + eolOf(doc.text) }], safe: true }],
    };
  }
  const value = (doc.value as Record<string, unknown>).yardstick;
  const edit = replaceValue(doc, ['yardstick'], '1');
  return {
    code: 'YS005',
    message: `Unsupported format version ${show(value)}: this Yardstick reads version 1.`,
    path: ['yardstick'],
    fixes: edit ? [{ title: 'Set the format version to 1', edits: [edit], safe: true }] : undefined,
  };
}

function firstLineEnd(text: string): number {
  const i = text.search(/\r?\n/);
  return i < 0 ? text.length : i;
}

/** A skeleton for a missing required key, with a placeholder the user must replace. */
function requiredKeyFix(model: FrameworkModel, path: Path, missing: string): Fix | undefined {
  const schema = schemaAt([...path, missing]);
  let value: string | Record<string, string> = '""';
  if (schema?.type === 'array') value = '[]';
  else if (schema?.enum) value = String(schema.enum[0]);
  else if (schema?.type === 'object' || schema?.properties) {
    const req = requiredKeys([...path, missing]);
    value = Object.fromEntries(req.map((k) => [k, placeholderFor([...path, missing, k])]));
    if (req.length === 0) value = '{}';
  } else value = placeholderFor([...path, missing]);
  const edit = insertKey(model.doc, path, missing, value);
  if (!edit) return undefined;
  return { title: `Add required key "${missing}"`, edits: [edit], safe: false, preferred: true };
}

function placeholderFor(path: Path): string {
  const s = schemaAt(path);
  if (s?.format === 'date') return '2000-01-01';
  if (s?.enum) return String(s.enum[0]);
  if (s?.type === 'array') return '[]';
  return 'TODO';
}

function valueAt(root: unknown, path: Path): unknown {
  let here = root;
  for (const seg of path) here = (here as Record<string | number, unknown> | undefined)?.[seg];
  return here;
}

function kebab(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

