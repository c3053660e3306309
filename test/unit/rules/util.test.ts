import { strict as assert } from 'node:assert';
import { isoDate } from '../../../server/src/rules/util';

describe('rules/util isoDate', () => {
  it('accepts real calendar dates only', () => {
    const cases: Array<[unknown, string | undefined]> = [
      ['2020-02-29', '2020-02-29'],
      ['2019-02-29', undefined],
      ['2000-02-29', '2000-02-29'],
      ['1900-02-29', undefined],
      ['2020-04-31', undefined],
      ['2020-13-01', undefined],
      ['2020-00-10', undefined],
      [' 2020-01-01 ', '2020-01-01'],
      ['2020-1-01', undefined],
      ['20a0-01-01', undefined],
      [5, undefined],
      [new Date(Date.UTC(2021, 2, 31)), '2021-03-31'],
    ];
    for (const [value, expected] of cases) assert.equal(isoDate(value), expected, String(value));
  });
});
