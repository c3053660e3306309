// What an analysis keeps in memory once the check is over, read from a heap snapshot of a child
// process (test/helpers/heap-after-*.ts): no whole text per edit, no scratch index of a check.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../helpers';

function runChild(script: string, ...args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, number>;
}

describe('memory an analysis keeps', () => {
  it('after ten edits re-parsed item by item the heap holds two versions of the text, not eleven', () => {
    // Each edited item's values and keys are slices of their source: parsed from the whole new
    // text, they would keep that version alive.
    const result = runChild('heap-after-splices.ts', '10');
    assert.equal(result.edits, 10);
    assert.equal(result.last, result.length + 10);
    // The text last parsed in full (the items not edited hold slices of it) and the current one.
    assert.equal(result.textsInHeap, 2);
  });

  it("YS003's did-you-mean index is dropped with its check, full or incremental", () => {
    const result = runChild('heap-after-analysis.ts');
    assert.equal(result.unknown, 13);
    assert.equal(result.unknownAfterEdit, 13);
    assert.equal(result.suggesters, 0);
  });
});
