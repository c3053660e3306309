// What the workspace index needs from framework files on disk, read and parsed in a worker
// thread (dist/index-worker.js): the parsing and its garbage stay off the server's own thread
// and heap, so the open documents' checks do not wait for them. A few files, or where the worker
// cannot start (an unbundled run), are read on this thread in slices, with `between` after each.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildModel } from '../engine/model';
import { parse } from '../engine/parse';
import { indexedFile, type IndexedFile } from '../engine/workspace-index';
import { readFrameworkFile } from './framework-files';
import { pathToUri } from './uri';

/** One file: its entry, or none when it is gone or unreadable. */
export interface FileEntry {
  uri: string;
  entry?: IndexedFile;
}

/**
 * A flag in shared memory: up while the server's thread has an open document to check, and the
 * indexing (on either thread) waits before each file. A raise is waited out for at most
 * MAX_WAIT_MS, once: a check waiting on a client that never answers must not stop the indexing.
 */
export class ForegroundGate {
  static readonly MAX_WAIT_MS = 1000;
  /** The raising side's count: the flag holds the number of the current raise, 0 when down. */
  private raises = 0;
  /** The waiting side's: a raise it has already waited out. */
  private waitedOut = 0;
  /** The raising side's lowering to come (lowerAfter). */
  private lowering: NodeJS.Timeout | undefined;

  constructor(readonly flag = new Int32Array(new SharedArrayBuffer(4))) {}

  get up(): boolean {
    return Atomics.load(this.flag, 0) !== 0;
  }

  set up(up: boolean) {
    if (up === this.up) return;
    Atomics.store(this.flag, 0, up ? ++this.raises : 0);
    if (!up) Atomics.notify(this.flag, 0);
  }

  /** Lowers the gate once `ms` have passed, unless it is raised again meanwhile. */
  lowerAfter(ms: number): void {
    this.cancelLowering();
    const timer = setTimeout(() => {
      this.lowering = undefined;
      this.up = false;
    }, ms);
    timer.unref();
    this.lowering = timer;
  }

  /** Raises the gate (a lowering still to come is cancelled). */
  raise(): void {
    this.cancelLowering();
    this.up = true;
  }

  cancelLowering(): void {
    if (this.lowering) clearTimeout(this.lowering);
    this.lowering = undefined;
  }

  /** Blocks the calling thread (a worker's) while the gate is up. */
  waitWhileUp(): void {
    const raise = Atomics.load(this.flag, 0);
    if (raise === 0 || raise === this.waitedOut) return;
    const until = Date.now() + ForegroundGate.MAX_WAIT_MS;
    while (Atomics.load(this.flag, 0) === raise) {
      const left = until - Date.now();
      if (left <= 0) {
        this.waitedOut = raise;
        return;
      }
      Atomics.wait(this.flag, 0, raise, left);
    }
  }

  /** The same on the server's own thread, which must not block: `pause` between looks. */
  async pauseWhileUp(pause: () => Promise<void>): Promise<void> {
    const raise = Atomics.load(this.flag, 0);
    if (raise === 0 || raise === this.waitedOut) return;
    const until = Date.now() + ForegroundGate.MAX_WAIT_MS;
    while (Atomics.load(this.flag, 0) === raise) {
      if (Date.now() >= until) {
        this.waitedOut = raise;
        return;
      }
      await pause();
    }
  }
}

/** Worker → server: a batch of entries, in the order of the files asked for; the last says done. */
export interface EntriesMessage {
  entries: FileEntry[];
  done: boolean;
}

/** Files read at once: the reads run in libuv's pool, the parsing on the calling thread. */
export const READ_BATCH = 16;
/** Work between two calls of `between` on the server's thread. */
const SLICE_MS = 3;

export function entryOf(uri: string, text: string | undefined): FileEntry {
  return { uri, entry: text === undefined ? undefined : indexedFile(uri, buildModel(parse(text))) };
}

export interface ReadOptions {
  onEntries(entries: FileEntry[]): void;
  isCancelled(): boolean;
  /** Called between slices when the work runs on this thread. */
  between(): Promise<void>;
  /** Shared with the worker, which waits while it is up. */
  gate: ForegroundGate;
  onWorkerError(e: unknown): void;
}

/** Fewer files are read on this thread: starting a worker would cost more than it saves. */
export const WORKER_FROM_FILES = 200;

/** Reads the files' entries (many in a worker when it starts), handing them over in batches. */
export async function readEntries(paths: string[], options: ReadOptions): Promise<void> {
  if (paths.length < WORKER_FROM_FILES) return inThisThread(paths, options);
  let received = 0;
  try {
    await inWorker(paths, options, (n) => (received += n));
  } catch (e) {
    options.onWorkerError(e);
    await inThisThread(paths.slice(received), options);
  }
}

function inWorker(paths: string[], options: ReadOptions, count: (n: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'index-worker.js'), { workerData: { paths, gate: options.gate.flag } });
    let settled = false;
    const finish = (e?: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (e === undefined) resolve();
      else reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.on('message', (m: EntriesMessage) => {
      if (settled) return;
      if (options.isCancelled()) return finish();
      count(m.entries.length);
      options.onEntries(m.entries);
      if (m.done) finish();
    });
    worker.on('error', finish);
    worker.on('exit', (code) => finish(new Error(`the index worker stopped early (exit code ${code})`)));
  });
}

async function inThisThread(paths: string[], options: ReadOptions): Promise<void> {
  let sliceStart = performance.now();
  for (let from = 0; from < paths.length; from += READ_BATCH) {
    if (options.isCancelled()) return;
    const batch = paths.slice(from, from + READ_BATCH);
    const texts = await Promise.all(batch.map((p) => readFrameworkFile(pathToUri(p))));
    const entries: FileEntry[] = [];
    for (let k = 0; k < batch.length; k++) {
      entries.push(entryOf(pathToUri(batch[k]), texts[k]));
      if (performance.now() - sliceStart >= SLICE_MS) {
        options.onEntries(entries.splice(0));
        await options.between();
        if (options.isCancelled()) return;
        sliceStart = performance.now();
      }
    }
    options.onEntries(entries);
  }
}
