// The reference graph: ids per kind, references from agreements to stages and indicators,
// and workspace-wide `framework-id#object-id` references through a WorkspaceIndex.
import type { FrameworkModel, ModelObject } from './model';
import type { Path } from './types';
import type { WorkspaceIndex } from './workspace-index';

export type RefKind = 'stage' | 'indicator';

export interface Reference {
  kind: RefKind;
  /** The reference text as written (may be `framework-id#object-id`). */
  text: string;
  path: Path;
  from: ModelObject;
}

export function collectReferences(model: FrameworkModel): Reference[] {
  const refs: Reference[] = [];
  for (const a of model.agreements) refs.push(...referencesOf(a));
  return refs;
}

/** The references one agreement makes: its stage, then its indicators in list order. */
export function referencesOf(a: ModelObject): Reference[] {
  const refs: Reference[] = [];
  eachReference(a, (kind, text, index) => refs.push({ kind, text, path: referencePath(a, index), from: a }));
  return refs;
}

/** `referencesOf` without building each reference: its kind, its text and its index in
 * `indicators` (undefined for the stage). A check that reports a few of ten thousand references
 * asks `referencePath` for those. */
export function eachReference(a: ModelObject, visit: (kind: RefKind, text: string, index: number | undefined) => void): void {
  if (typeof a.value.stage === 'string') visit('stage', a.value.stage, undefined);
  const list = a.value.indicators;
  if (Array.isArray(list)) {
    list.forEach((ref, i) => {
      if (typeof ref === 'string') visit('indicator', ref, i);
    });
  }
}

/** Where a reference of `eachReference` is written. */
export function referencePath(a: ModelObject, index: number | undefined): Path {
  return index === undefined ? [...a.path, 'stage'] : [...a.path, 'indicators', index];
}

export function splitReference(text: string): { framework?: string; id: string } {
  const hash = text.indexOf('#');
  return hash < 0 ? { id: text } : { framework: text.slice(0, hash), id: text.slice(hash + 1) };
}

/** The id a reference names in this file (`id`, or `this-framework#id`), or undefined for
 * another framework's: splitReference's answer without its object, for rules that ask it of
 * each of a big file's ten thousand references. */
export function localIdOf(model: FrameworkModel, text: string): string | undefined {
  const hash = text.indexOf('#');
  if (hash < 0) return text;
  const own = model.frameworkId;
  return own !== undefined && hash === own.length && text.startsWith(own) ? text.slice(hash + 1) : undefined;
}

/** Whether a reference names an object of this file: resolveReference's `local`, without
 * building the answer. */
export function resolvesLocally(model: FrameworkModel, kind: RefKind, text: string): boolean {
  const id = localIdOf(model, text);
  return id !== undefined && (kind === 'stage' ? model.stagesById : model.indicatorsById).has(id);
}

export interface ResolvedTarget {
  /** Local object, when the reference points into this file. */
  local?: ModelObject;
  /** Another file's framework id, when it points there and that file declares the id. */
  external?: { framework: string; uri: string };
}

export function resolveReference(
  model: FrameworkModel,
  ref: Pick<Reference, 'kind' | 'text'>,
  workspace?: WorkspaceIndex,
): ResolvedTarget | undefined | 'unknown-file' {
  const { framework, id } = splitReference(ref.text);
  const byId = ref.kind === 'stage' ? model.stagesById : model.indicatorsById;
  if (framework === undefined || framework === model.frameworkId) {
    const local = byId.get(id);
    return local ? { local } : undefined;
  }
  const entry = workspace?.frameworks.get(framework);
  // Not indexed: unknown only when the index holds every file there is.
  if (!entry) return workspace?.complete ? undefined : 'unknown-file';
  const ids = ref.kind === 'stage' ? entry.stages : entry.indicators;
  return ids.has(id) ? { external: { framework, uri: entry.uri } } : undefined;
}
