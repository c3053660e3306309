// The workspace index: what each framework file declares (its framework id and the ids of its
// stages, indicators and agreements) and the `framework-id#object-id` references it makes.
// Rules resolve cross-file references through it; the language service navigates with it.
// Keys are URIs: the server feeds open documents and scanned files, the CLI the files it checks.
import { buildModel, type FrameworkModel } from './model';
import { nodeAt, parse } from './parse';
import { collectReferences, splitReference, type RefKind } from './resolve';
import { LineIndex } from './text';
import type { Range } from './types';

/** A `framework-id#object-id` reference one file makes to another framework. */
export interface ExternalRef {
  kind: RefKind;
  framework: string;
  id: string;
  /** Offsets of the whole reference text in its file. */
  start: number;
  end: number;
  /** Line/character range of just the id part (after `framework#`). */
  idRange: Range;
}

/** One indexed file. */
export interface IndexedFile {
  uri: string;
  frameworkId?: string;
  stages: Set<string>;
  indicators: Set<string>;
  agreements: Set<string>;
  externalRefs: ExternalRef[];
  /** What other files can see (framework id and ids); a change re-checks them. */
  signature: string;
}

export function indexedFile(uri: string, model: FrameworkModel): IndexedFile {
  const stages = model.stagesById.keys();
  const indicators = model.indicatorsById.keys();
  const agreements = model.agreementsById.keys();
  // Copies of the ids, not the parse's own strings: a substring can keep its whole file's text
  // in memory, and a workspace index holds thousands of files. In document order (suggestions).
  const [frameworkId, stageIds, indicatorIds, agreementIds] = JSON.parse(
    JSON.stringify([model.frameworkId ?? null, [...stages], [...indicators], [...agreements]]),
  ) as [string | null, string[], string[], string[]];
  const signature = JSON.stringify([frameworkId ?? undefined, [...stageIds].sort(), [...indicatorIds].sort(), [...agreementIds].sort()]);
  return {
    uri,
    frameworkId: frameworkId ?? undefined,
    stages: new Set(stageIds),
    indicators: new Set(indicatorIds),
    agreements: new Set(agreementIds),
    externalRefs: externalRefsOf(model),
    signature,
  };
}

/** The `framework-id#object-id` references a file makes (copies, like the ids). */
function externalRefsOf(model: FrameworkModel): ExternalRef[] {
  const externalRefs: ExternalRef[] = [];
  let lines: LineIndex | undefined;
  // Most files refer to their own objects only: look at the agreements that name another framework.
  const agreements = model.agreements.filter((a) => {
    const v = a.value;
    return (
      (typeof v.stage === 'string' && v.stage.includes('#')) ||
      (Array.isArray(v.indicators) && v.indicators.some((r) => typeof r === 'string' && r.includes('#')))
    );
  });
  for (const ref of collectReferences({ ...model, agreements })) {
    const { framework, id } = splitReference(ref.text);
    if (framework === undefined) continue;
    const node = nodeAt(model.doc.root, ref.path);
    if (!node) continue;
    lines ??= new LineIndex(model.doc.text);
    const raw = model.doc.text.slice(node.start, node.end);
    const at = raw.lastIndexOf(id);
    const idStart = at >= 0 ? node.start + at : node.start;
    externalRefs.push({
      kind: ref.kind,
      framework,
      id,
      start: node.start,
      end: node.end,
      idRange: lines.range(idStart, at >= 0 ? idStart + id.length : node.end),
    });
  }
  return externalRefs.length === 0 ? externalRefs : (JSON.parse(JSON.stringify(externalRefs)) as ExternalRef[]);
}

/** Whether a file's entry still holds the model's ids, in the same order. */
function sameIds(entry: IndexedFile, model: FrameworkModel): boolean {
  const same = (ids: Set<string>, keys: Map<string, unknown>) => {
    if (ids.size !== keys.size) return false;
    const it = ids.values();
    for (const key of keys.keys()) if (it.next().value !== key) return false;
    return true;
  };
  return (
    entry.frameworkId === model.frameworkId &&
    same(entry.stages, model.stagesById) &&
    same(entry.indicators, model.indicatorsById) &&
    same(entry.agreements, model.agreementsById)
  );
}

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedFile>();
  private byFramework: Map<string, IndexedFile> | undefined;
  /**
   * The index holds every framework file there is to look in. False while a workspace is still
   * being indexed, or when indexing stopped at a bound: a framework id missing from the index
   * then proves nothing, and references to it are not reported as unknown.
   */
  complete = true;

  /** `keyOf` gives one spelling per file (the server passes a URI canonicaliser). */
  constructor(private readonly keyOf: (uri: string) => string = (uri) => uri) {}

  get size(): number {
    return this.files.size;
  }

  /** Updates a file from its model. Returns true when what other files see changed. */
  update(uri: string, model: FrameworkModel): boolean {
    const before = this.files.get(this.keyOf(uri));
    // An edit that leaves the ids alone (most keystrokes) keeps the entry's ids and signature.
    return this.put(before && sameIds(before, model) ? { ...before, uri, externalRefs: externalRefsOf(model) } : indexedFile(uri, model));
  }

  /** Puts an entry built elsewhere (another thread): true when what other files see changed. */
  put(entry: IndexedFile): boolean {
    const key = this.keyOf(entry.uri);
    const before = this.files.get(key);
    this.files.set(key, entry);
    const changed = !before || before.signature !== entry.signature;
    if (changed) this.byFramework = undefined;
    return changed;
  }

  updateFromText(uri: string, text: string): boolean {
    return this.update(uri, buildModel(parse(text)));
  }

  remove(uri: string): boolean {
    const had = this.files.delete(this.keyOf(uri));
    if (had) this.byFramework = undefined;
    return had;
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(this.keyOf(uri));
  }

  has(uri: string): boolean {
    return this.files.has(this.keyOf(uri));
  }

  /** Whether two URIs name the same file. */
  sameFile(a: string, b: string): boolean {
    return this.keyOf(a) === this.keyOf(b);
  }

  entries(): IndexedFile[] {
    return [...this.files.values()];
  }

  /** The file that declares each framework id. When two files share an id, the first URI wins. */
  get frameworks(): ReadonlyMap<string, IndexedFile> {
    if (this.byFramework) return this.byFramework;
    // One pass, no sort: rebuilt after every change, also while thousands of files are indexed.
    const frameworks = new Map<string, IndexedFile>();
    const keys = new Map<string, string>();
    for (const [key, f] of this.files) {
      if (f.frameworkId === undefined) continue;
      const held = keys.get(f.frameworkId);
      if (held !== undefined && held <= key) continue;
      frameworks.set(f.frameworkId, f);
      keys.set(f.frameworkId, key);
    }
    this.byFramework = frameworks;
    return frameworks;
  }

  uriOfFramework(frameworkId: string): string | undefined {
    return this.frameworks.get(frameworkId)?.uri;
  }
}
