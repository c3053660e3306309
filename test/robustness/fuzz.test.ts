// Seeded fuzzing of the engine (scripts/fuzz.ts): a small fixed run on every CI build, and a
// replay of every failure saved in test/fixtures/fuzz/. Long runs: npm run fuzz -- --n 100000 --seed 7
import { strict as assert } from 'node:assert';
import { caseSeed, checkInput, generateCase, loadFixtures, mulberry32, MUTATIONS } from '../../scripts/fuzz';

/** Generous: normal cases take milliseconds. Only a hang (or a gross blow-up) trips it. */
const HANG_MS = 10_000;
/** Saved fixtures include known-slow inputs (seconds, see their `problem`); still only a hang bound. */
const REPLAY_HANG_MS = 30_000;
const SEED = 20240611;
const N = 300;

describe('robustness: fuzzing', function () {
  this.timeout(120_000);

  it('the generator is deterministic: (seed, index) always gives the same input', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 100; i++) assert.equal(a(), b());
    assert.notEqual(caseSeed(7, 1), caseSeed(7, 2));
    for (const i of [0, 1, 99]) assert.deepEqual(generateCase(SEED, i), generateCase(SEED, i));
  });

  it(`${N} mutated samples (seed ${SEED}): no exception, no hang, sane findings`, () => {
    const failures: string[] = [];
    const used = new Set<string>();
    for (let i = 0; i < N; i++) {
      const { text, mutations } = generateCase(SEED, i);
      mutations.forEach((m) => used.add(m));
      const { ms, problems } = checkInput(text);
      if (ms > HANG_MS) problems.push(`took ${ms.toFixed(0)} ms`);
      if (problems.length)
        failures.push(`case ${i} (${mutations.join(', ')}; reproduce: generateCase(${SEED}, ${i})): ${problems.join('; ').slice(0, 400)}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual([...used].sort(), Object.keys(MUTATIONS).sort(), 'every mutation was exercised');
  });

  const fixtures = loadFixtures();
  it('replays saved fixtures (test/fixtures/fuzz/)', () => {
    assert.ok(fixtures.length > 0, 'the fuzz fixtures are in the repository');
  });
  for (const { file, fixture } of fixtures) {
    it(`fixture ${file}: ${fixture.problem.split('\n')[0].slice(0, 100)}`, () => {
      const { ms, problems } = checkInput(fixture.text);
      assert.ok(ms < REPLAY_HANG_MS, `took ${ms.toFixed(0)} ms`);
      assert.deepEqual(problems, []);
    });
  }
});
