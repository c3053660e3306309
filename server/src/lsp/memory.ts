// Giving memory back after a big check. V8 collects garbage as the program allocates; a server
// waiting for the next keystroke allocates nothing, so what a big check left behind stays in the
// heap (the 10k-indicator file: 175 MB of heap in use after its check, 82 MB of it live, RSS 270
// MB for as long as the file stays open). Once no message has come for a moment after such a
// check, two full collections give it back: the first frees, the second moves what the first left
// on sparse pages so that those pages can be returned (RSS 186 MB). The young generation the check
// grew (32 MB) stays until a collection finds that little was allocated over V8's last 5 s: one
// more collection after a longer quiet shrinks it (RSS 155 MB).
//
// A collection cannot be interrupted: a message that arrives during one waits for it (the 10k
// file: 120-450 ms on this 2-core machine). While the user types, 100 ms of quiet comes between
// most keystrokes, so after a check of an edit the collection waits for a pause in the typing.
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the heap in use since the last collection here that is worth one (a 1k-indicator
 * file's check grows it by about 20 MB, which V8's own collections handle as it goes). */
export const GROWTH_BYTES = 48 * 2 ** 20;
/** How long no message must have come: requests that follow a check (symbols, folding, code
 * actions) are answered first. */
const QUIET_MS = 100;
/** How long no message must have come after the check of an edit: keystrokes come 100-400 ms
 * apart, and the next one (or the completion it asks for) would wait for the collection. */
export const EDITING_QUIET_MS = 2000;
/** A young generation bigger than this (V8 starts it at 1-4 MB) is worth shrinking. */
export const YOUNG_BYTES = 8 * 2 ** 20;
/** Quiet before the collection that shrinks it: longer than V8's window of allocation rates. */
const YOUNG_QUIET_MS = 6000;

/** What a collection after quiet is for: the garbage of a big check, or a grown young generation. */
export type Stage = 'garbage' | 'young';

/** Timers, replaceable in tests. */
export interface Clock {
  after(ms: number, run: () => void): () => void;
  /** After the messages that have already arrived. */
  soon(run: () => void): void;
}

const realClock: Clock = {
  after(ms, run) {
    const timer = setTimeout(run, ms).unref();
    return () => clearTimeout(timer);
  },
  soon(run) {
    setImmediate(run).unref();
  },
};

export interface IdleCollectorOptions {
  /** A full collection; none: the collector does nothing. */
  collect: (() => void) | undefined;
  heapUsed?: () => number;
  youngSize?: () => number;
  clock?: Clock;
}

export class IdleCollector {
  private readonly collect: (() => void) | undefined;
  private readonly heapUsed: () => number;
  private readonly youngSize: () => number;
  private readonly clock: Clock;
  /** Heap in use after the last collection here (at start, what the server needs to run). */
  private live: number;
  private cancel: (() => void) | undefined;
  private stage: Stage = 'garbage';
  /** The quiet the waiting collection needs. */
  private quiet = QUIET_MS;
  private busy = false;
  /** Messages seen: a collection waits for a quiet moment between them. */
  private messages = 0;

  constructor(options: IdleCollectorOptions) {
    this.collect = options.collect;
    this.heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
    this.youngSize = options.youngSize ?? (() => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0);
    this.clock = options.clock ?? realClock;
    this.live = this.heapUsed();
  }

  /** The collection waiting for quiet, if any. */
  get waiting(): Stage | undefined {
    return this.cancel ? this.stage : undefined;
  }

  /** A message from the client arrived: a waiting collection waits a moment longer. */
  activity(): void {
    this.messages++;
    if (this.cancel) this.arm(this.stage, this.quiet);
  }

  /** Checks are due or running (busy), or all are done; `edited`: one of them was of an edit. */
  busyChanged(busy: boolean, edited = false): void {
    this.busy = busy;
    if (busy) this.disarm();
    else if (!this.collect) return;
    else if (this.heapUsed() - this.live >= GROWTH_BYTES) this.arm('garbage', edited ? EDITING_QUIET_MS : QUIET_MS);
    else if (this.youngSize() > YOUNG_BYTES) this.arm('young');
  }

  stop(): void {
    this.disarm();
    this.busy = true;
  }

  private arm(stage: Stage, quiet = stage === 'garbage' ? QUIET_MS : YOUNG_QUIET_MS): void {
    this.disarm();
    this.stage = stage;
    this.quiet = quiet;
    this.cancel = this.clock.after(quiet, () => this.run(stage));
  }

  private disarm(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private run(stage: Stage): void {
    this.cancel = undefined;
    if (this.busy || !this.collect) return;
    this.collect();
    this.live = this.heapUsed();
    if (stage === 'young') return;
    // The second collection only when no message came during the first: it is answered first.
    const seen = this.messages;
    this.clock.soon(() => {
      if (this.busy || this.messages !== seen) return;
      this.collect!();
      this.live = this.heapUsed();
      if (this.youngSize() > YOUNG_BYTES) this.arm('young');
    });
  }
}

/** V8's full collection: `gc` when node was started with --expose-gc, else the same function from
 * a new context once the flag is set (V8 installs `gc` in contexts created after that). Editors
 * start the server without flags (`yardstick-language-server --stdio`, VS Code's fork of
 * dist/server.js), so the server sets it itself. */
export function fullCollection(): (() => void) | undefined {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === 'function') return global.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
