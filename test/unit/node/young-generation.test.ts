// V8's young generation kept small: the flag is V8's, for the whole process, so each case runs in a
// fresh process, with the same allocation as its control.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { YOUNG_BYTES } from '../../../server/src/lsp/memory';
import { ensureBuilt } from '../../dist';
import { ROOT } from '../../helpers';

const MB = 2 ** 20;
const SETTING = join(ROOT, 'server/src/node/young-generation.ts');
const INDEX_WORKER = join(ROOT, 'dist/index-worker.js');

/** The young generation's size after `before` ran and then a big structure was built. */
function youngAfter(before: string, env: Record<string, string> = {}): number {
  const script = [
    "const v8 = require('node:v8');",
    "const { Worker } = require('node:worker_threads');",
    'function build() {',
    '  let keep = [];',
    '  for (let i = 0; i < 3e6; i++) { keep.push({ a: i, b: [i] }); if (keep.length > 2e5) keep = []; }',
    "  process.stdout.write(String(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size));",
    '}',
    before,
  ].join('\n');
  return Number(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8', env: { ...process.env, ...env } }));
}

const keepSmall = `require(${JSON.stringify(SETTING)}).keepYoungGenerationSmall();`;
/** A worker thread that ends at once, then the building. */
const afterWorker = (file: string, options: string) => `new Worker(${file}, ${options}).on('exit', build);`;

describe("the young generation kept at V8's starting size", () => {
  it('stays small while a big structure is built', () => {
    assert.ok(youngAfter('build();') > YOUNG_BYTES, 'without the setting V8 grows the young generation');
    assert.ok(youngAfter(`${keepSmall} build();`) <= 4 * MB, 'with it the young generation stays at its starting size');
  });

  it('grows as V8 sees fit with YARDSTICK_YOUNG_GENERATION=grow', () => {
    assert.ok(youngAfter(`${keepSmall} build();`, { YARDSTICK_YOUNG_GENERATION: 'grow' }) > YOUNG_BYTES, 'the setting is left alone');
  });

  it("stays small after the index worker started: a worker's heap undoes the setting, the index worker sets it again", () => {
    ensureBuilt();
    const gate = '{ workerData: { paths: [], gate: new Int32Array(new SharedArrayBuffer(4)) } }';
    assert.ok(
      youngAfter(`${keepSmall} ${afterWorker("'0'", '{ eval: true }')}`) > YOUNG_BYTES,
      'any other worker thread undoes the setting for the whole process',
    );
    const young = youngAfter(`${keepSmall} ${afterWorker(JSON.stringify(INDEX_WORKER), gate)}`);
    assert.ok(young <= 4 * MB, `after the index worker: ${young} bytes`);
  });
});
