// The README's speed table is a claim about measurements: it must be the goals table of the
// last whole `npm run bench` run (bench/RESULTS.md), with its run line, byte for byte.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('README speed table', () => {
  it('is the goals table and run line of bench/RESULTS.md', async () => {
    const { withGoals, goalsSection } = await import('../../bench/readme-table.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const results = readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8');
    assert.match(goalsSection(results), /^Every number in this table comes from one run: \d{4}-\d\d-\d\dT/);
    assert.equal(readme, withGoals(readme, results), 'README.md differs from bench/RESULTS.md: run npm run bench');
  });
});
