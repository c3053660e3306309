// When the server collects garbage on its own: after a check that grew the heap, once no message
// has come for a moment; never while a check is due or running.
import { strict as assert } from 'node:assert';
import { EDITING_QUIET_MS, fullCollection, GROWTH_BYTES, IdleCollector, YOUNG_BYTES, type Clock } from '../../../server/src/lsp/memory';

const MB = 2 ** 20;

/** Timers run by hand: `elapse` runs what is due, then what was queued to run soon. */
class ManualClock implements Clock {
  /** Runs after each timer, before what it queued: the messages the event loop reads in between. */
  afterTimer: () => void = () => {};
  private now = 0;
  private timers: Array<{ at: number; run: () => void }> = [];
  private queued: Array<() => void> = [];

  after(ms: number, run: () => void): () => void {
    const timer = { at: this.now + ms, run };
    this.timers.push(timer);
    return () => (this.timers = this.timers.filter((t) => t !== timer));
  }

  soon(run: () => void): void {
    this.queued.push(run);
  }

  elapse(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      this.flush();
      const next = this.timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.at;
      next.run();
      this.afterTimer();
    }
    this.now = until;
    this.flush();
  }

  /** Runs what was queued to run soon, as the event loop does once the pending messages are read. */
  flush(): void {
    while (this.queued.length > 0) this.queued.shift()!();
  }
}

/** A heap whose use and young generation the test sets; collections are recorded. */
function setUp(used = 20 * MB, young = 2 * MB) {
  const heap = { used, young, collections: 0 };
  const clock = new ManualClock();
  const collector = new IdleCollector({
    collect: () => {
      heap.collections++;
      heap.used = 20 * MB;
    },
    heapUsed: () => heap.used,
    youngSize: () => heap.young,
    clock,
  });
  return { heap, clock, collector };
}

describe('collecting garbage when the server is idle', () => {
  it('collects twice once the server is quiet after a check that grew the heap', () => {
    const { heap, clock, collector } = setUp();
    collector.busyChanged(true);
    heap.used += GROWTH_BYTES + 10 * MB;
    collector.busyChanged(false);
    assert.equal(collector.waiting, 'garbage');
    assert.equal(heap.collections, 0, 'nothing collected before the quiet moment');
    clock.elapse(1000);
    assert.equal(heap.collections, 2);
    assert.equal(collector.waiting, undefined);
  });

  it('leaves a heap that grew less than that to V8', () => {
    const { heap, clock, collector } = setUp();
    collector.busyChanged(true);
    heap.used += GROWTH_BYTES / 2;
    collector.busyChanged(false);
    assert.equal(collector.waiting, undefined);
    clock.elapse(60_000);
    assert.equal(heap.collections, 0);
  });

  it('waits while messages keep coming, and collects once they stop', () => {
    const { heap, clock, collector } = setUp();
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false);
    for (let i = 0; i < 50; i++) {
      clock.elapse(20);
      collector.activity(); // hover, completion: no check
    }
    assert.equal(heap.collections, 0, 'no collection between requests 20 ms apart');
    clock.elapse(1000);
    assert.equal(heap.collections, 2);
  });

  it('after the check of an edit, waits for a pause in the typing', () => {
    const { heap, clock, collector } = setUp();
    collector.busyChanged(true);
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false, true);
    assert.equal(collector.waiting, 'garbage');
    clock.elapse(400); // keystrokes come 100-400 ms apart
    assert.equal(heap.collections, 0, 'the next keystroke would wait for the collection');
    collector.activity(); // a completion request
    clock.elapse(EDITING_QUIET_MS - 1);
    assert.equal(heap.collections, 0, 'a message restarts the wait');
    clock.elapse(1);
    assert.equal(heap.collections, 2);
  });

  it('after an open, collects after the short quiet even when an edit was checked before', () => {
    const { heap, clock, collector } = setUp();
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false, true);
    collector.busyChanged(true); // a file is opened
    collector.busyChanged(false);
    clock.elapse(200);
    assert.equal(heap.collections, 2);
  });

  it('never collects while a check is due or running', () => {
    const { heap, clock, collector } = setUp();
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false);
    collector.busyChanged(true); // an edit arrived
    assert.equal(collector.waiting, undefined);
    clock.elapse(60_000);
    assert.equal(heap.collections, 0);
  });

  it('skips the second collection when a message came during the first', () => {
    const { heap, clock, collector } = setUp();
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false);
    // A message arrives while the first collection runs: it is read before the second would run.
    clock.afterTimer = () => collector.activity();
    clock.elapse(1000);
    assert.equal(heap.collections, 1);
  });

  it('after the garbage, shrinks a grown young generation once the server has been quiet longer', () => {
    const { heap, clock, collector } = setUp(20 * MB, YOUNG_BYTES * 4);
    heap.used += 2 * GROWTH_BYTES;
    collector.busyChanged(false);
    clock.elapse(1000);
    assert.equal(heap.collections, 2);
    assert.equal(collector.waiting, 'young');
    clock.elapse(3000);
    assert.equal(heap.collections, 2, 'not yet: V8 shrinks the young generation only after seconds of low allocation');
    clock.elapse(10_000);
    assert.equal(heap.collections, 3);
    assert.equal(collector.waiting, undefined);
  });

  it('after a small check, shrinks a grown young generation only', () => {
    const { heap, clock, collector } = setUp(20 * MB, YOUNG_BYTES * 4);
    collector.busyChanged(true);
    heap.used += MB;
    collector.busyChanged(false);
    assert.equal(collector.waiting, 'young');
    clock.elapse(60_000);
    assert.equal(heap.collections, 1);
  });

  it('does nothing without a collection to run', () => {
    const clock = new ManualClock();
    let used = 20 * MB;
    const collector = new IdleCollector({ collect: undefined, heapUsed: () => used, youngSize: () => YOUNG_BYTES * 4, clock });
    used += 2 * GROWTH_BYTES;
    collector.busyChanged(false);
    assert.equal(collector.waiting, undefined);
  });

  it("the full collection is V8's: an object no longer referred to is gone after it", async () => {
    const collect = fullCollection();
    assert.equal(typeof collect, 'function');
    let target: object | undefined = { big: new Array(1000).fill(1) };
    const ref = new WeakRef(target);
    target = undefined;
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collect!();
    assert.equal(ref.deref(), undefined);
  });
});
