import { strict as assert } from 'node:assert';
import { mulberry32 } from '../../../scripts/fuzz';
import { didYouMean, MAX_SUGGEST_LENGTH, Suggester } from '../../../server/src/engine/suggest';

/** The first version's scan over every candidate: the reference the indexes must agree with. */
function scoreAll(input: string, candidates: string[]): { best: string; score: number } | undefined {
  const needle = input.toLowerCase();
  const distance = (a: string, b: string) => {
    const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diag = prev[0];
      prev[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const tmp = prev[j];
        prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
        diag = tmp;
      }
    }
    return prev[b.length];
  };
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    let score = distance(needle, c);
    if (c.length >= 3 && needle.length >= 3 && c !== needle && (c.startsWith(needle) || needle.startsWith(c))) score = Math.min(score, 1.5);
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3)) ? { best, score: bestScore } : undefined;
}

describe('did-you-mean suggestions', () => {
  it('finds one- and two-edit typos and prefix matches, and nothing far away', () => {
    assert.equal(didYouMean('quartely', ['monthly', 'quarterly', 'biannual', 'annual']), 'quarterly');
    assert.equal(didYouMean('titel', ['title', 'type', 'unit']), 'title');
    assert.equal(didYouMean('ae-four-hour-wiat', ['ae-four-hour-wait', 'mortality']), 'ae-four-hour-wait');
    assert.equal(didYouMean('ae-four-hour-wait-typo', ['ae-four-hour-wait', 'ae-four-hour-wake']), 'ae-four-hour-wait');
    assert.equal(didYouMean('fortnightly', ['monthly', 'quarterly', 'biannual', 'annual']), undefined);
    assert.equal(didYouMean('x', []), undefined);
  });

  it('a one-edit typo beats a prefix match', () => {
    assert.equal(didYouMean('ind-1234x', ['ind-1234xyz', 'ind-1235x']), 'ind-1235x');
  });

  it('big candidate sets give the same answers as small ones', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `crime-reoffending-${String(i).padStart(6, '0')}`);
    for (const big of [new Suggester(ids), new Suggester(ids, { scannedQuestions: 0 })]) {
      assert.equal(big.suggest('crime-reoffending-000371-typo'), 'crime-reoffending-000371');
      assert.equal(big.suggest('crime-reofending-004242'), 'crime-reoffending-004242');
      assert.equal(big.suggest('tax-audit-coverage-001592'), undefined);
    }
  });

  it('on ten thousand ids, the default (light index, then a few scans for far typos) answers as a scan of every candidate', () => {
    const random = mulberry32(7);
    const ids = Array.from({ length: 10_000 }, (_, i) => `ind-${['ae', 'crime', 'tax'][i % 3]}-${String(i).padStart(5, '0')}`);
    const byDefault = new Suggester(ids);
    const scanning = new Suggester(ids, { scannedQuestions: Infinity });
    // One edit (an added, a dropped, a changed letter), a longer name, an unknown name. (Two
    // edits among ten thousand names this alike pass the far search's budget: it may miss them.)
    const typos = [
      (id: string) => `${id}x`,
      (id: string, at: number) => id.slice(0, at) + id.slice(at + 1),
      (id: string, at: number) => id.slice(0, at) + 'q' + id.slice(at + 1),
      (id: string) => `${id}-typo`,
      () => 'unrelated-name',
    ];
    for (let q = 0; q < 50; q++) {
      const id = ids[Math.floor(random() * ids.length)];
      const at = 4 + Math.floor(random() * (id.length - 4));
      const input = typos[q % typos.length](id, at);
      assert.equal(byDefault.suggest(input), scanning.suggest(input), input);
    }
  });

  it('agrees with a scan over every candidate on random typos of random ids', () => {
    const random = mulberry32(42);
    const letters = 'abcdefghij-0123';
    const word = (n: number) => Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
    const typo = (w: string) => {
      let s = w;
      for (let e = Math.floor(random() * 4); e > 0; e--) {
        const at = Math.floor(random() * (s.length + 1));
        const op = Math.floor(random() * 3);
        const ch = letters[Math.floor(random() * letters.length)];
        s =
          op === 0
            ? s.slice(0, at) + ch + s.slice(at)
            : op === 1
              ? s.slice(0, at) + s.slice(at + 1)
              : s.slice(0, at) + ch + s.slice(at + 1);
      }
      return s;
    };
    let compared = 0;
    let farOnly = 0;
    for (let round = 0; round < 300; round++) {
      const ids = Array.from({ length: 1 + Math.floor(random() * 40) }, () => word(3 + Math.floor(random() * 12)));
      const scanning = new Suggester(ids, { scannedQuestions: Infinity });
      const indexed = new Suggester(ids, { scannedQuestions: 0 });
      for (let q = 0; q < 5; q++) {
        const input = random() < 0.8 ? typo(ids[Math.floor(random() * ids.length)]) : word(2 + Math.floor(random() * 12));
        const expected = scoreAll(input, ids);
        const got = indexed.suggest(input);
        assert.equal(scanning.suggest(input), got, `scan and index disagree on ${input}`);
        const context = `${input} among ${ids.join(' ')}: got ${got}, expected ${expected?.best}`;
        if (expected && got === undefined) {
          // Beyond four edits the index stops looking (no longer a typo); the scan still finds one.
          assert.ok(expected.score > 4, context);
          farOnly++;
        } else {
          assert.equal(got, expected?.best, context);
        }
        compared++;
      }
    }
    assert.ok(compared === 1500 && farOnly < 30, `${farOnly} of ${compared} found only by the scan`);
  });

  it('gives no suggestion for inputs longer than the cap, however close', () => {
    const long = 'a'.repeat(MAX_SUGGEST_LENGTH + 1);
    assert.equal(didYouMean(long, [long.slice(1)]), undefined);
    assert.equal(didYouMean(long.slice(2), [long.slice(3)]), long.slice(3));
  });
});
