// YS3xx: restriction of the political system.
import { strict as assert } from 'node:assert';
import { HEAD, applyFix, none, one, rangeOf, run } from './helpers';

const head = (period: string) => HEAD.replace('{ start: 2020-04-01, end: 2024-03-31 }', period);

describe('rules: political system (YS3xx)', () => {
  describe('YS301 short-horizon', () => {
    it('reports a framework period under four years, on the period', () => {
      const text = head('{ start: 2020-01-01, end: 2022-12-31 }');
      const f = one(text, 'YS301');
      assert.match(f.message, /^The framework covers 2020-01-01 to 2022-12-31, less than 4 years/);
      assert.deepEqual(f.range, rangeOf(text, '{ start: 2020-01-01, end: 2022-12-31 }'));
      assert.deepEqual(f.range, { start: { line: 5, character: 10 }, end: { line: 5, character: 48 } });
    });
    it('reports a short strategic plan', () => {
      const text = `${HEAD}agreements:\n  - id: plan\n    kind: strategic-plan\n    period:\n      start: 2022-10-01\n      end: 2025-09-30\n`;
      const f = one(text, 'YS301');
      assert.match(f.message, /^Strategic plan "plan" covers 2022-10-01 to 2025-09-30/);
      assert.deepEqual(f.range, rangeOf(text, 'period', 'id: plan'));
    });
    it('passes at exactly four years (inclusive days), for other kinds, and honours min_years', () => {
      none(`${HEAD}agreements:\n  - { id: p, kind: strategic-plan, period: { start: 2022-10-01, end: 2026-09-30 } }\n  - { id: a, kind: annual-performance-plan, period: { start: 2022-10-01, end: 2023-09-30 } }\n`, 'YS301');
      none(head('{ start: 2020-01-01, end: 2022-12-31 }'), 'YS301', { min_years: 3 });
      none(head('{ start: 2020-01-01, end: soon }'), 'YS301');
    });
  });

  const stages = (second: string) => `${HEAD}stages:
  - id: set-up
    period: { start: 2020-04-01, end: 2020-06-30 }   # first quarter
  - id: roll-out
    period: { start: ${second}, end: 2024-03-31 }
`;

  describe('YS302 stage-gap', () => {
    const bad = stages('2020-08-01');
    it('reports on the later stage\'s start', () => {
      const f = one(bad, 'YS302');
      assert.equal(f.message, 'Stage "roll-out" starts on 2020-08-01 but stage "set-up" ended on 2020-06-30: nothing covers 2020-07-01 to 2020-07-31. Close the gap so the reform continues without a break.');
      assert.deepEqual(f.range, rangeOf(bad, '2020-08-01'));
    });
    it('extends the previous stage to the day before', () => {
      const out = applyFix(bad, one(bad, 'YS302'));
      assert.equal(out, bad.replace('end: 2020-06-30 }   # first quarter', 'end: 2020-07-31 }   # first quarter'));
      none(out, 'YS302');
      none(out, 'YS303');
    });
    it('passes for consecutive stages', () => {
      none(stages('2020-07-01'), 'YS302');
      none(`${HEAD}stages:\n  - { id: a, period: { start: 2020-04-01, end: 2020-02-30 } }\n  - { id: b, period: { start: 2021-01-01, end: 2021-02-01 } }\n`, 'YS302');
    });
  });

  describe('YS303 stage-overlap', () => {
    it('reports an overlap on the later stage\'s start', () => {
      const text = stages('2020-06-01');
      const f = one(text, 'YS303');
      assert.equal(f.severity, 'info');
      assert.match(f.message, /^Stage "roll-out" starts on 2020-06-01, before stage "set-up" ends on 2020-06-30: the stages overlap/);
      assert.deepEqual(f.range, rangeOf(text, '2020-06-01'));
    });
    it('reports stages out of date order', () => {
      assert.match(one(stages('2019-06-01'), 'YS303').message, /before stage "set-up" \(2020-04-01\): list stages in date order/);
    });
    it('passes for consecutive stages', () => {
      none(stages('2020-07-01'), 'YS303');
    });
  });

  describe('YS304 missing-cycle-activity', () => {
    it('reports the missing activities on the stages key', () => {
      const text = `${HEAD}stages:\n  - { id: a, activities: [plan, monitor] }\n  - { id: b, activities: [report] }\n`;
      const f = one(text, 'YS304');
      assert.match(f.message, /^No stage includes the activities evaluate, improve:/);
      assert.deepEqual(f.range, rangeOf(text, 'stages'));
    });
    it('passes when the cycle is complete, or with no stages', () => {
      none(`${HEAD}stages:\n  - { id: a, activities: [plan, monitor] }\n  - { id: b, activities: [evaluate, improve] }\n`, 'YS304');
      none(HEAD, 'YS304');
      assert.equal(run(`${HEAD}stages:\n  - { id: a, activities: plan }\n`, 'YS304').length, 1);
    });
  });
});
