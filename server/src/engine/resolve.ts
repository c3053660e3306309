// The reference graph: ids per kind, references from agreements to stages and indicators,
// and workspace-wide `framework-id#object-id` references through a WorkspaceIndex.
import { insertKeyInMap, columnOf, eolOf, lineEndOf } from './edits';
import { describe, type FrameworkModel, type ModelObject } from './model';
import { nodeAt } from './parse';
import type { Report } from './report';
import { didYouMean, Suggester } from './suggest';
import type { Fix, Path } from './types';

export type RefKind = 'stage' | 'indicator';

export interface Reference {
  kind: RefKind;
  /** The reference text as written (may be `framework-id#object-id`). */
  text: string;
  path: Path;
  from: ModelObject;
}

/** Ids other files declare, for `framework-id#object-id` references. */
export interface WorkspaceIndex {
  /** Framework id → its ids per kind, and where it lives. */
  frameworks: Map<string, { uri: string; stages: Set<string>; indicators: Set<string>; agreements: Set<string> }>;
}

export function indexEntry(model: FrameworkModel, uri: string) {
  return {
    uri,
    stages: new Set(model.stagesById.keys()),
    indicators: new Set(model.indicatorsById.keys()),
    agreements: new Set(model.agreementsById.keys()),
  };
}

export function collectReferences(model: FrameworkModel): Reference[] {
  const refs: Reference[] = [];
  for (const a of model.agreements) {
    if (typeof a.value.stage === 'string') refs.push({ kind: 'stage', text: a.value.stage, path: [...a.path, 'stage'], from: a });
    const list = a.value.indicators;
    if (Array.isArray(list)) {
      list.forEach((ref, i) => {
        if (typeof ref === 'string') refs.push({ kind: 'indicator', text: ref, path: [...a.path, 'indicators', i], from: a });
      });
    }
  }
  return refs;
}

export function splitReference(text: string): { framework?: string; id: string } {
  const hash = text.indexOf('#');
  return hash < 0 ? { id: text } : { framework: text.slice(0, hash), id: text.slice(hash + 1) };
}

export interface ResolvedTarget {
  /** Local object, when the reference points into this file. */
  local?: ModelObject;
  /** Another file's framework id, when it points there and that file declares the id. */
  external?: { framework: string; uri: string };
}

export function resolveReference(model: FrameworkModel, ref: Pick<Reference, 'kind' | 'text'>, workspace?: WorkspaceIndex): ResolvedTarget | undefined | 'unknown-file' {
  const { framework, id } = splitReference(ref.text);
  const byId = ref.kind === 'stage' ? model.stagesById : model.indicatorsById;
  if (framework === undefined || framework === model.frameworkId) {
    const local = byId.get(id);
    return local ? { local } : undefined;
  }
  const entry = workspace?.frameworks.get(framework);
  if (!entry) return workspace ? undefined : 'unknown-file';
  const ids = ref.kind === 'stage' ? entry.stages : entry.indicators;
  return ids.has(id) ? { external: { framework, uri: entry.uri } } : undefined;
}

/** YS003: references that name nothing. */
export function unknownReferenceReports(model: FrameworkModel, workspace?: WorkspaceIndex): Report[] {
  const reports: Report[] = [];
  const suggesters = new Map<RefKind, Suggester>();
  const localSuggester = (kind: RefKind): Suggester => {
    let s = suggesters.get(kind);
    if (!s) suggesters.set(kind, (s = new Suggester((kind === 'stage' ? model.stagesById : model.indicatorsById).keys())));
    return s;
  };
  for (const ref of collectReferences(model)) {
    const target = resolveReference(model, ref, workspace);
    if (target === 'unknown-file' || target) continue; // 'unknown-file': no workspace to look in
    const { framework, id } = splitReference(ref.text);
    const external = framework !== undefined && framework !== model.frameworkId;
    const suggestion = external
      ? didYouMean(id, (ref.kind === 'stage' ? workspace?.frameworks.get(framework!)?.stages : workspace?.frameworks.get(framework!)?.indicators) ?? [])
      : localSuggester(ref.kind).suggest(id);
    const fixes: Fix[] = [];
    const node = nodeAt(model.doc.root, ref.path);
    if (suggestion && node) {
      const newText = external ? `${framework}#${suggestion}` : suggestion;
      fixes.push({ title: `Change to "${newText}"`, edits: [{ start: node.start, end: node.end, newText }], safe: false, preferred: true });
    }
    if (!external) {
      const stub = stubFix(model, ref.kind, id);
      if (stub) fixes.push(stub);
    }
    const where = external && !workspace?.frameworks.has(framework!) ? ` (no framework "${framework}" in the workspace)` : '';
    reports.push({
      message: `Unknown ${ref.kind} "${ref.text}" in ${describe(ref.from)}${where}${suggestion ? `; did you mean "${suggestion}"?` : '.'}`,
      path: ref.path,
      fixes,
      data: { kind: ref.kind, reference: ref.text, suggestion },
    });
  }
  return reports;
}

/** "Create indicator 'x'": appends a stub with the required keys to the list (or creates the list). */
function stubFix(model: FrameworkModel, kind: RefKind, id: string): Fix | undefined {
  const listKey = kind === 'stage' ? 'stages' : 'indicators';
  const text = model.doc.text;
  const eol = eolOf(text);
  const stubLines =
    kind === 'stage'
      ? [`id: ${id}`, `title: TODO`, `period: { start: 2000-01-01, end: 2000-12-31 }`]
      : [`id: ${id}`, `title: TODO`, `type: outcome`, `unit: percent`, `direction: increase`];
  const list = nodeAt(model.doc.root, [listKey]);
  if (list?.kind === 'seq' && !list.flow && list.items.length > 0) {
    const first = list.items[0];
    const itemIndent = ' '.repeat(columnOf(text, first.start));
    const dashIndent = ' '.repeat(Math.max(0, columnOf(text, first.start) - 2));
    const at = lineEndOf(text, list.end);
    const body = stubLines.map((l, i) => (i === 0 ? `${dashIndent}- ${l}` : `${itemIndent}${l}`)).join(eol);
    return { title: `Create ${kind} "${id}"`, edits: [{ start: at, end: at, newText: eol + body }], safe: false };
  }
  if (!list && model.doc.root?.kind === 'map') {
    const edit = insertKeyInMap(text, model.doc.root, listKey, '[]');
    if (!edit) return undefined;
    const body = `${listKey}:` + eol + stubLines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join(eol);
    return { title: `Create ${kind} "${id}"`, edits: [{ start: edit.start, end: edit.end, newText: eol + body }], safe: false };
  }
  return undefined;
}

/** YS004: a second object of one kind with an id already used. */
export function duplicateIdReports(model: FrameworkModel): Report[] {
  const reports: Report[] = [];
  for (const list of [model.stages, model.indicators, model.agreements]) {
    const seen = new Map<string, ModelObject>();
    const used = new Set(list.map((o) => o.id).filter((id): id is string => id !== undefined));
    for (const obj of list) {
      if (obj.id === undefined) continue;
      const first = seen.get(obj.id);
      if (!first) {
        seen.set(obj.id, obj);
        continue;
      }
      const idNode = nodeAt(model.doc.root, [...obj.path, 'id']);
      let n = 2;
      while (used.has(`${obj.id}-${n}`)) n++;
      const free = `${obj.id}-${n}`;
      used.add(free);
      const firstNode = nodeAt(model.doc.root, [...first.path, 'id']);
      reports.push({
        message: `Duplicate ${obj.kind} id "${obj.id}": ${obj.kind} #${first.index + 1} already uses it.`,
        path: [...obj.path, 'id'],
        fixes: idNode ? [{ title: `Rename to "${free}"`, edits: [{ start: idNode.start, end: idNode.end, newText: free }], safe: false, preferred: true }] : undefined,
        data: { id: obj.id, firstStart: firstNode?.start, suggestion: free },
      });
    }
  }
  return reports;
}
