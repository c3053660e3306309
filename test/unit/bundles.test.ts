// The bundles editors and the CLI run stay ASCII. V8 keeps each script's source in memory for as
// long as the process runs, in one byte per character when every character is ASCII and two
// otherwise: one arrow in a comment esbuild keeps (it keeps comments on class members) made the
// server's 1.7 MB source 3.2 MB of heap. esbuild escapes strings itself; comments are ours.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt } from '../dist';
import { ROOT } from '../helpers';

describe('bundles', () => {
  before(() => ensureBuilt());

  for (const bundle of ['server.js', 'cli.js', 'index-worker.js', 'extension.js']) {
    it(`dist/${bundle} is ASCII`, () => {
      const text = readFileSync(join(ROOT, 'dist', bundle), 'utf8');
      const lines = text.split('\n');
      const offending = lines.flatMap((line, i) => (/[\u0080-\uffff]/.test(line) ? [`line ${i + 1}: ${line.trim().slice(0, 80)}`] : []));
      assert.deepEqual(offending, [], 'write these comments in ASCII (e.g. "->" for an arrow)');
    });
  }
});
