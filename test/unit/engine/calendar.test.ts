import { strict as assert } from 'node:assert';
import { fullFormats } from 'ajv-formats/dist/formats';
import { mulberry32 } from '../../../scripts/fuzz';
import { isCalendarDate } from '../../../server/src/engine/calendar';
import { isoDate } from '../../../server/src/rules/util';

// The generated validators call isCalendarDate for the schema's `date` format in place of
// ajv-formats' check: they must agree on every string.
const ajvDate = (fullFormats.date as { validate: (s: string) => boolean }).validate;

describe('calendar dates', () => {
  it('accepts real dates and rejects the rest, as ajv-formats does', () => {
    const cases: Array<[string, boolean]> = [
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['1900-02-29', false],
      ['2023-02-29', false],
      ['2023-04-31', false],
      ['2023-12-31', true],
      ['0000-01-01', true],
      ['2023-13-01', false],
      ['2023-00-10', false],
      ['2023-01-00', false],
      ['2023-1-01', false],
      ['2023-01-01 ', false],
      [' 2023-01-01', false],
      ['2023/01/01', false],
      ['２０２３-01-01', false],
      ['', false],
    ];
    for (const [s, valid] of cases) {
      assert.equal(isCalendarDate(s), valid, s);
      assert.equal(ajvDate(s), valid, `ajv-formats on ${s}`);
    }
  });

  it('agrees with ajv-formats on random strings of date characters', () => {
    const random = mulberry32(11);
    const chars = '0123456789-- x';
    for (let n = 0; n < 20_000; n++) {
      const s =
        n % 2 === 0
          ? Array.from({ length: 8 + Math.floor(random() * 4) }, () => chars[Math.floor(random() * chars.length)]).join('')
          : `${String(Math.floor(random() * 10_000)).padStart(4, '0')}-${String(Math.floor(random() * 14)).padStart(2, '0')}-${String(Math.floor(random() * 33)).padStart(2, '0')}`;
      assert.equal(isCalendarDate(s), ajvDate(s), s);
    }
  });

  it('isoDate reads trimmed strings and Date objects', () => {
    assert.equal(isoDate(' 2024-02-29 '), '2024-02-29');
    assert.equal(isoDate('2023-02-29'), undefined);
    assert.equal(isoDate(new Date(Date.UTC(2020, 0, 31))), '2020-01-31');
    assert.equal(isoDate(20200131), undefined);
  });
});
