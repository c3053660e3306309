// Read-only access to the JSON Schemas (schemas/*.schema.json) by value path: allowed keys,
// descriptions, enum values with their descriptions, required keys. Validation itself uses
// the validator generated at build time (scripts/generate-validators.mjs); this module serves
// messages, did-you-mean, hover and completion from the same schemas.
import agreementSchema from '../../../schemas/agreement.schema.json';
import commonSchema from '../../../schemas/common.schema.json';
import frameworkSchema from '../../../schemas/framework.schema.json';
import indicatorSchema from '../../../schemas/indicator.schema.json';
import stageSchema from '../../../schemas/stage.schema.json';
import type { Path } from './types';

export interface JsonSchema {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  examples?: unknown[];
  /** One description per example value (our keyword, like enumDescriptions). */
  examplesDescriptions?: string[];
  definitions?: Record<string, JsonSchema>;
  default?: unknown;
}

const documents: JsonSchema[] = [frameworkSchema, commonSchema, stageSchema, indicatorSchema, agreementSchema] as JsonSchema[];
const byId = new Map<string, JsonSchema>();
for (const doc of documents) {
  if (doc.$id) {
    byId.set(doc.$id, doc);
    byId.set(doc.$id.slice(doc.$id.lastIndexOf('/') + 1), doc);
  }
}

export const ROOT_SCHEMA = frameworkSchema as JsonSchema;

interface Located {
  schema: JsonSchema;
  doc: JsonSchema;
}

function pointer(doc: JsonSchema, fragment: string): JsonSchema | undefined {
  let node: unknown = doc;
  for (const raw of fragment.split('/').filter(Boolean)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[part];
  }
  return node as JsonSchema | undefined;
}

/** Follows $ref (relative file names or ids, with JSON pointer fragments) until a real schema. */
function deref(located: Located, depth = 0): Located {
  const { schema, doc } = located;
  if (!schema.$ref || depth > 20) return located;
  const [file, fragment = ''] = schema.$ref.split('#');
  const target = file ? (byId.get(file) ?? byId.get(file.slice(file.lastIndexOf('/') + 1))) : doc;
  if (!target) return located;
  const resolved = pointer(target, fragment);
  if (!resolved) return located;
  // Keep a description written next to the $ref: it is usually the more specific one.
  const merged = schema.description && !resolved.description ? { ...resolved, description: schema.description } : resolved;
  return deref({ schema: schema.description ? { ...merged, description: schema.description } : merged, doc: target }, depth + 1);
}

// The schema at a path depends on its keys, not on its list indexes: YS002 asks for the same
// few paths on every object with an unknown key, each walk following $refs and patterns anew.
const atPath = new Map<string, JsonSchema | undefined>();
const MAX_REMEMBERED_PATHS = 4096;

/** The schema at a value path, or undefined where the schema says nothing (unknown keys). */
export function schemaAt(path: Path): JsonSchema | undefined {
  const key = JSON.stringify(path.map((segment) => (typeof segment === 'number' ? 0 : segment)));
  if (atPath.has(key)) return atPath.get(key);
  // Unknown keys are the user's to invent: start again rather than grow without end.
  if (atPath.size >= MAX_REMEMBERED_PATHS) atPath.clear();
  const schema = walkTo(path);
  atPath.set(key, schema);
  return schema;
}

function walkTo(path: Path): JsonSchema | undefined {
  let here: Located = deref({ schema: ROOT_SCHEMA, doc: ROOT_SCHEMA });
  for (const segment of path) {
    const next = childSchema(here, segment);
    if (!next) return undefined;
    here = next;
  }
  return preferredRequired(here.schema);
}

/** An object that needs one key of several (a baseline needs `value` or `period`) is required in
 * the schema as anyOf branches; tools that build skeletons and completions offer the first. */
function preferredRequired(schema: JsonSchema): JsonSchema {
  if (schema.required || !schema.anyOf?.length || !schema.anyOf.every((b) => b.required?.length)) return schema;
  return { ...schema, required: schema.anyOf[0].required };
}

function childSchema(here: Located, segment: string | number): Located | undefined {
  const { schema, doc } = here;
  const candidates = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  for (const candidate0 of candidates) {
    const candidate = deref({ schema: candidate0, doc }).schema;
    const candidateDoc = deref({ schema: candidate0, doc }).doc;
    if (typeof segment === 'number') {
      if (candidate.items) return deref({ schema: candidate.items, doc: candidateDoc });
    } else {
      const prop = candidate.properties?.[segment];
      if (prop) return deref({ schema: prop, doc: candidateDoc });
      for (const [pattern, sub] of Object.entries(candidate.patternProperties ?? {})) {
        if (new RegExp(pattern).test(segment)) return deref({ schema: sub, doc: candidateDoc });
      }
    }
  }
  return undefined;
}

/** Keys a map at this path may hold (declared properties; `x-` extensions not listed). */
export function allowedKeys(path: Path): string[] {
  const schema = schemaAt(path);
  return schema ? Object.keys(schema.properties ?? {}) : [];
}

export function requiredKeys(path: Path): string[] {
  return schemaAt(path)?.required ?? [];
}

export interface EnumInfo {
  values: unknown[];
  descriptions: string[];
}

/** Enum values allowed at a path (searching anyOf branches), with their descriptions. */
export function enumAt(path: Path): EnumInfo | undefined {
  const schema = schemaAt(path);
  if (!schema) return undefined;
  const branches = [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map((s) => deref({ schema: s, doc: ROOT_SCHEMA }).schema);
  for (const s of branches) {
    if (s.enum) return { values: s.enum, descriptions: s.enumDescriptions ?? [] };
  }
  return undefined;
}

/** The schema's description of a key or value path. */
export function describeAt(path: Path): string | undefined {
  return schemaAt(path)?.description;
}
