// Files that refer to other frameworks (framework-id#object-id) wait for the index, but only
// until the frameworks they name have their final entries, not until every file is read: the
// models kept meanwhile stay few. (Kept to the end of a 1,000-file run, where each file names
// later ones, they made the garbage collector copy every model and a third of the run was GC.)
//
// A file's findings depend on the index only through the entries of the frameworks it names
// (YS003 looks up the framework of each reference), so a waiting file is checked against an
// index of just those entries. The index gives a framework id to the file with the smallest key,
// so an entry is final once every file that could still take the id from it has been read.
import type { FrameworkModel } from '../engine/model';
import { WorkspaceIndex, type IndexedFile } from '../engine/workspace-index';

export interface ReadyFile<T> {
  model: FrameworkModel;
  data: T;
  /** The index to check it against. */
  workspace: WorkspaceIndex;
}

interface Waiting<T> {
  model: FrameworkModel;
  /** Named frameworks whose entries are not final yet. */
  unsettled: number;
  names: ReadonlySet<string>;
  data: T;
}

export class CrossFileWait<T> {
  /** For each framework id, the entry of the file that holds it so far. */
  private readonly holders = new Map<string, IndexedFile>();
  /** Held framework ids another file still to be read could take (keys out of order). */
  private readonly open = new Set<string>();
  private readonly settled = new Set<string>();
  private readonly waitingFor = new Map<string, Array<Waiting<T>>>();
  private readonly waiting = new Set<Waiting<T>>();
  /** Waiting files whose named frameworks are all final: handed out by the next `ready`. */
  private readonly unblocked: Array<Waiting<T>> = [];
  /** The smallest key of the files from position i on (files need not be sorted by key). */
  private readonly minKeyFrom: string[];

  constructor(
    private readonly workspace: WorkspaceIndex,
    private readonly keys: readonly string[],
  ) {
    this.minKeyFrom = new Array<string>(keys.length + 1);
    for (let i = keys.length - 1; i >= 0; i--) {
      const later = this.minKeyFrom[i + 1];
      this.minKeyFrom[i] = later !== undefined && later < keys[i] ? later : keys[i];
    }
  }

  /** The file at `position` is in the workspace index (its model, under its key). */
  indexed(position: number): void {
    const entry = this.workspace.get(this.keys[position]);
    const id = entry?.frameworkId;
    if (entry === undefined || id === undefined || this.settled.has(id)) return;
    const held = this.holders.get(id);
    if (held === undefined || entry.uri < held.uri) this.holders.set(id, entry);
    this.open.add(id);
  }

  /** A file that names other frameworks; it is handed back by `ready` (or `rest`) when it can be checked. */
  wait(model: FrameworkModel, names: ReadonlySet<string>, data: T): void {
    const w: Waiting<T> = { model, names, data, unsettled: 0 };
    for (const name of names) {
      if (this.settled.has(name)) continue;
      w.unsettled++;
      let list = this.waitingFor.get(name);
      if (!list) this.waitingFor.set(name, (list = []));
      list.push(w);
    }
    this.waiting.add(w);
    if (w.unsettled === 0) this.unblocked.push(w);
  }

  /**
   * After the files before `position` are read and indexed: the waiting files whose frameworks
   * are all final now, each with the index to check it against.
   */
  ready(position: number): Array<ReadyFile<T>> {
    const next = this.minKeyFrom[position];
    for (const id of this.open) {
      if (next !== undefined && this.holders.get(id)!.uri >= next) continue;
      this.open.delete(id);
      this.settled.add(id);
      for (const w of this.waitingFor.get(id) ?? []) if (--w.unsettled === 0) this.unblocked.push(w);
      this.waitingFor.delete(id);
    }
    return this.unblocked.splice(0).map((w) => this.take(w));
  }

  /** The files still waiting once every file is read: checked against the whole index. */
  rest(): Array<ReadyFile<T>> {
    const out = [...this.waiting].map((w) => ({ model: w.model, data: w.data, workspace: this.workspace }));
    this.waiting.clear();
    return out;
  }

  private take(w: Waiting<T>): ReadyFile<T> {
    this.waiting.delete(w);
    const view = new WorkspaceIndex();
    for (const name of w.names) {
      const entry = this.holders.get(name);
      if (entry) view.put(entry);
    }
    return { model: w.model, data: w.data, workspace: view };
  }
}
