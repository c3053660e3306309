// The workspace index: framework ids of every known framework file, for `framework-id#object-id`
// references, plus the cross-file references each file makes (for references and rename).
// Built from engine results only; the server feeds it texts (open documents, scanned files).
import { buildModel, type FrameworkModel } from '../engine/model';
import { nodeAt, parse } from '../engine/parse';
import { LineIndex } from '../engine/text';
import { collectReferences, indexEntry, splitReference, type WorkspaceIndex } from '../engine/resolve';

export interface ExternalRef {
  kind: 'stage' | 'indicator';
  framework: string;
  id: string;
  /** Offsets of the whole reference text in its file. */
  start: number;
  end: number;
  /** Line/character range of just the id part (after `framework#`). */
  idRange: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface FileEntry {
  uri: string;
  frameworkId?: string;
  stages: Set<string>;
  indicators: Set<string>;
  agreements: Set<string>;
  /** References of the form other-framework#id. */
  externalRefs: ExternalRef[];
  /** Signature of what other files can see (framework id and ids); changes trigger re-checks. */
  signature: string;
}

export function fileEntry(uri: string, model: FrameworkModel): FileEntry {
  const base = indexEntry(model, uri);
  const externalRefs: ExternalRef[] = [];
  let lines: LineIndex | undefined;
  for (const ref of collectReferences(model)) {
    const { framework, id } = splitReference(ref.text);
    if (framework === undefined) continue;
    const node = nodeAt(model.doc.root, ref.path);
    if (!node) continue;
    lines ??= new LineIndex(model.doc.text);
    const raw = model.doc.text.slice(node.start, node.end);
    const at = raw.lastIndexOf(id);
    const idStart = at >= 0 ? node.start + at : node.start;
    externalRefs.push({ kind: ref.kind, framework, id, start: node.start, end: node.end, idRange: lines.range(idStart, at >= 0 ? idStart + id.length : node.end) });
  }
  const signature = JSON.stringify([model.frameworkId, [...base.stages].sort(), [...base.indicators].sort(), [...base.agreements].sort()]);
  return { ...base, frameworkId: model.frameworkId, externalRefs, signature };
}

export class FrameworkIndex {
  private readonly files = new Map<string, FileEntry>();
  private cached: WorkspaceIndex | undefined;

  /** `keyOf` gives one spelling per file (the server passes a URI canonicaliser). */
  constructor(private readonly keyOf: (uri: string) => string = (uri) => uri) {}

  /** Whether two URIs name the same file. */
  sameFile(a: string, b: string): boolean {
    return this.keyOf(a) === this.keyOf(b);
  }

  get size(): number {
    return this.files.size;
  }

  /** Updates a file from its model. Returns true when what other files see changed. */
  update(uri: string, model: FrameworkModel): boolean {
    const entry = fileEntry(uri, model);
    const key = this.keyOf(uri);
    const before = this.files.get(key);
    this.files.set(key, entry);
    const changed = !before || before.signature !== entry.signature;
    if (changed) this.cached = undefined;
    return changed;
  }

  updateFromText(uri: string, text: string): boolean {
    return this.update(uri, buildModel(parse(text)));
  }

  remove(uri: string): boolean {
    const had = this.files.delete(this.keyOf(uri));
    if (had) this.cached = undefined;
    return had;
  }

  has(uri: string): boolean {
    return this.files.has(this.keyOf(uri));
  }

  entries(): FileEntry[] {
    return [...this.files.values()];
  }

  /** The engine's view: framework id → ids. When two files share a framework id, the first wins. */
  workspace(): WorkspaceIndex {
    if (this.cached) return this.cached;
    const frameworks: WorkspaceIndex['frameworks'] = new Map();
    const sorted = [...this.files.values()].sort((a, b) => a.uri.localeCompare(b.uri));
    for (const f of sorted) {
      if (f.frameworkId === undefined || frameworks.has(f.frameworkId)) continue;
      frameworks.set(f.frameworkId, { uri: f.uri, stages: f.stages, indicators: f.indicators, agreements: f.agreements });
    }
    this.cached = { frameworks };
    return this.cached;
  }

  uriOfFramework(frameworkId: string): string | undefined {
    return this.workspace().frameworks.get(frameworkId)?.uri;
  }
}
