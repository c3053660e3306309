import { strict as assert } from 'node:assert';
import { didYouMean, Suggester } from '../../../server/src/engine/suggest';

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
    const big = new Suggester(ids);
    assert.equal(big.suggest('crime-reoffending-000371-typo'), 'crime-reoffending-000371');
    assert.equal(big.suggest('crime-reofending-004242'), 'crime-reoffending-004242');
    assert.equal(big.suggest('tax-audit-coverage-001592'), undefined);
  });
});
