import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForegroundGate, readEntries, WORKER_FROM_FILES, type FileEntry } from '../../../server/src/node/index-entries';
import { pathToUri } from '../../../server/src/node/uri';
import { MINIMAL } from '../../helpers';

describe('index entries read from disk', () => {
  const FILES = WORKER_FROM_FILES + 10; // enough for a worker
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'yardstick-entries-'));
    for (let k = 0; k < FILES; k++) writeFileSync(join(dir, `f${k}.framework.yaml`), MINIMAL.replace('id: demo', `id: fw-${k}`));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('without the bundled worker (an unbundled run), reads every file on this thread in slices, in order', async () => {
    const paths = [...Array.from({ length: FILES }, (_, k) => join(dir, `f${k}.framework.yaml`)), join(dir, 'gone.framework.yaml')];
    const got: FileEntry[] = [];
    const workerErrors: unknown[] = [];
    await readEntries(paths, {
      onEntries: (entries) => got.push(...entries),
      isCancelled: () => false,
      between: () => Promise.resolve(),
      gate: new ForegroundGate(),
      onWorkerError: (e) => workerErrors.push(e),
    });
    assert.equal(workerErrors.length, 1);
    assert.deepEqual(
      got.map((e) => e.uri),
      paths.map(pathToUri),
    );
    assert.deepEqual(
      got.map((e) => e.entry?.frameworkId),
      [...Array.from({ length: FILES }, (_, k) => `fw-${k}`), undefined],
    );
  });
});

describe('the foreground gate indexing waits at', () => {
  it('waits while it is up, until it is lowered', async () => {
    const gate = new ForegroundGate();
    let pauses = 0;
    gate.up = true;
    await gate.pauseWhileUp(async () => {
      if (++pauses === 3) gate.up = false;
    });
    assert.equal(pauses, 3);
    assert.equal(gate.up, false);
  });

  it('waits a raise out once: a check that never ends does not stop the indexing', async () => {
    const gate = new ForegroundGate();
    gate.up = true;
    let pauses = 0;
    const pause = () => new Promise<void>((resolve) => setTimeout(() => (pauses++, resolve()), 50));
    await gate.pauseWhileUp(pause); // gives up after ForegroundGate.MAX_WAIT_MS
    assert.ok(pauses > 0, `pauses: ${pauses}`);
    assert.equal(gate.up, true);
    pauses = 0;
    await gate.pauseWhileUp(pause);
    assert.equal(pauses, 0, 'the same raise is not waited for again');
    gate.up = false;
    gate.up = true; // a new check
    await gate.pauseWhileUp(async () => {
      pauses++;
      gate.up = false;
    });
    assert.equal(pauses, 1);
  });

  it('after a check, stays up a moment longer, and a check meanwhile keeps it up as the same raise', async () => {
    const gate = new ForegroundGate();
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    gate.raise();
    const raise = gate.flag[0];
    gate.lowerAfter(30);
    assert.equal(gate.up, true, 'still up right after the check');
    gate.raise(); // the next check, before the moment has passed
    assert.equal(gate.flag[0], raise, 'one raise: the waiting side gives up on it once, not per check');
    await sleep(60);
    assert.equal(gate.up, true, 'the lowering was cancelled');
    gate.lowerAfter(30);
    await sleep(60);
    assert.equal(gate.up, false);
  });

  it('is shared with another thread through its memory', () => {
    const gate = new ForegroundGate();
    const other = new ForegroundGate(gate.flag);
    gate.up = true;
    assert.equal(other.up, true);
    gate.up = false;
    assert.equal(other.up, false);
  });
});
