// Re-parsing one item after an edit must not tie the new text to the tree: each edited item's
// values and keys would otherwise keep a whole version of the file alive (one per edit).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../helpers';

describe('spliceItem: memory', () => {
  it('after ten edits in ten items the heap holds two versions of the text, not eleven', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/heap-after-splices.ts'), '10'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { edits: number; length: number; textsInHeap: number; last: number };
    assert.equal(result.edits, 10);
    assert.equal(result.last, result.length + 10);
    // The text last parsed in full (the items not edited hold slices of it) and the current one.
    assert.equal(result.textsInHeap, 2);
  });
});
