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
