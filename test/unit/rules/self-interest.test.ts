// YS2xx: self-interested behaviour (gaming).
import { strict as assert } from 'node:assert';
import { HEAD, applyFix, none, one, rangeOf, run } from './helpers';

describe('rules: self-interest (YS2xx)', () => {
  describe('YS201 single-measure-pay-link', () => {
    const inds = `${HEAD}indicators:
  - { id: cleared, type: quality, linked_to_pay: true }
  - { id: visits, type: output, linked_to_pay: true }
  - { id: letters, type: output }
  - { id: jobs, type: outcome }
`;
    it('reports an agreement whose only indicators are pay-linked, on its indicators key', () => {
      const text = `${inds}agreements:\n  - id: ceo-plan\n    indicators: [cleared]\n`;
      const f = one(text, 'YS201');
      assert.match(f.message, /^Every indicator of agreement "ceo-plan" is linked to pay/);
      assert.deepEqual(f.range, rangeOf(text, 'indicators', 'ceo-plan'));
    });
    it('reports a pay-linked reference in an agreement with no outcome or quality indicator', () => {
      const text = `${inds}agreements:\n  - id: field\n    indicators: [letters, visits]\n`;
      const f = one(text, 'YS201');
      assert.match(f.message, /^Indicator "visits" is linked to pay but agreement "field" has no outcome or quality indicator/);
      assert.deepEqual(f.range, rangeOf(text, 'visits', 'id: field'));
    });
    it('passes when an unpaid outcome balances the paid measure, or nothing is paid', () => {
      none(`${inds}agreements:\n  - { id: a, indicators: [visits, jobs] }\n  - { id: b, indicators: [letters, jobs] }\n  - { id: c, indicators: nope }\n`, 'YS201');
    });
  });

  describe('YS202 self-reported-unassured', () => {
    const bad = `${HEAD}indicators:
  - id: outreach
    data:
      source: Regional office returns
      collection: self-reported   # from the offices themselves
      frequency: quarterly
`;
    it('reports on the collection value', () => {
      const f = one(bad, 'YS202');
      assert.match(f.message, /^Indicator "outreach" is self-reported and nobody validates it/);
      assert.deepEqual(f.range, rangeOf(bad, 'self-reported'));
    });
    it('inserts assured_by into the data map', () => {
      const f = one(bad, 'YS202');
      assert.equal(f.fixes![0].snippet, true);
      assert.equal(f.fixes![0].edits[0].newText, '\n      assured_by: "${1:TODO: who validates the data system}"');
      const out = applyFix(bad, f);
      assert.equal(out, `${bad}      assured_by: "TODO: who validates the data system"\n`);
      assert.ok(out.includes('# from the offices themselves'));
      none(out, 'YS202');
    });
    it('passes when assured or not self-reported', () => {
      none(`${HEAD}indicators:\n  - { id: a, data: { collection: self-reported, assured_by: NAO } }\n  - { id: b, data: { collection: survey } }\n  - { id: c, data: [self-reported] }\n`, 'YS202');
    });
  });

  describe('YS203 ratchet-target', () => {
    const bad = `${HEAD}indicators:
  - id: letters
    direction: increase
    actuals:
      - { value: 88, date: 2020-03-31 }
      - { value: 90, date: 2021-03-31 }
    targets:
      - { value: 91, date: 2021-12-31 }
      - { value: 99, date: 2023-12-31 }
`;
    it('reports the first target after the latest actual when within 2%', () => {
      const f = one(bad, 'YS203');
      assert.equal(f.severity, 'info');
      assert.match(f.message, /^Target 91 \(2021-12-31\) of indicator "letters" is only 1\.1% from the latest actual 90 \(2021-03-31\)/);
      assert.deepEqual(f.range, rangeOf(bad, '91'));
    });
    it('honours max_step', () => {
      none(bad, 'YS203', { max_step: 0.01 });
      assert.equal(run(bad.replace('value: 91', 'value: 94'), 'YS203', { max_step: 0.05 }).length, 1);
    });
    it('passes for a real step, maintain, or no actual', () => {
      none(bad.replace('value: 91', 'value: 95'), 'YS203');
      none(bad.replace('direction: increase', 'direction: maintain'), 'YS203');
      none(`${HEAD}indicators:\n  - { id: a, direction: increase, targets: [{ value: 1, date: 2021-01-01 }], actuals: [{ value: x, date: 2020-01-01 }] }\n`, 'YS203');
    });
  });

  describe('YS204 threshold-cliff', () => {
    const bad = `${HEAD}indicators:
  - id: cleared
    linked_to_pay: true
    targets:
      - { value: 95, date: 2021-12-31 }
agreements:
  - { id: ceo, indicators: [cleared] }
`;
    it('reports a pay-linked single threshold without a companion, on the target', () => {
      const f = one(bad, 'YS204');
      assert.match(f.message, /^Indicator "cleared" is linked to pay through one threshold target \(95\) with no companion measure/);
      assert.deepEqual(f.range, rangeOf(bad, '{ value: 95, date: 2021-12-31 }'));
    });
    it('passes with an unpaid companion in the agreement, several targets, or no pay link', () => {
      none(`${bad}  - { id: balanced, indicators: [cleared, waits] }\n`.replace('agreements:', '  - { id: waits, type: quality }\nagreements:').replace('  - { id: ceo, indicators: [cleared] }\n', ''), 'YS204');
      none(bad.replace('      - { value: 95, date: 2021-12-31 }\n', '      - { value: 90, date: 2021-12-31 }\n      - { value: 95, date: 2022-12-31 }\n'), 'YS204');
      none(bad.replace('linked_to_pay: true', 'linked_to_pay: false'), 'YS204');
    });
  });

  describe('YS205 tunnel-vision', () => {
    const inds = `${HEAD}indicators:\n  - { id: a, type: outcome }\n  - { id: b, type: outcome }\n  - { id: c, type: quality }\n  - { id: d, type: output }\n  - { id: e, type: output }\n`;
    it('reports two indicators of one type, on the indicators key', () => {
      const text = `${inds}agreements:\n  - id: outcomes\n    indicators: [a, b]\n`;
      const f = one(text, 'YS205');
      assert.equal(f.message, 'All 2 indicators of agreement "outcomes" are of type outcome: add a measure of another kind (quality, satisfaction, efficiency) so the unmeasured aspects are not crowded out.');
      assert.deepEqual(f.range, rangeOf(text, 'indicators', 'id: outcomes'));
    });
    it('passes with mixed types, a single indicator, or only outputs (YS107 reports those)', () => {
      none(`${inds}agreements:\n  - { id: x, indicators: [a, c] }\n  - { id: y, indicators: [a] }\n  - { id: z, indicators: [d, e] }\n`, 'YS205');
    });
  });

  describe('YS206 undefined-clock', () => {
    it('reports a time unit without a definition, on the unit', () => {
      const text = `${HEAD}indicators:\n  - id: processing\n    title: Average time to process a claim\n    unit: days\n`;
      const f = one(text, 'YS206');
      assert.match(f.message, /^Indicator "processing" is measured in days but has no definition: say when the clock starts and when it stops/);
      assert.deepEqual(f.range, rangeOf(text, 'days'));
    });
    it('reports a "within four hours" title, on the title', () => {
      const text = `${HEAD}indicators:\n  - id: ae\n    title: Patients in A&E seen within four hours\n    unit: percent\n`;
      const f = one(text, 'YS206');
      assert.match(f.message, /measures time \("within four hours"\)/);
      assert.deepEqual(f.range, rangeOf(text, 'Patients in A&E seen within four hours'));
      assert.equal(run(text.replace('seen within four hours', 'waiting for treatment'), 'YS206').length, 1);
    });
    it('passes with a definition, or when nothing is timed', () => {
      none(`${HEAD}indicators:\n  - id: ae\n    title: Patients seen within 4 hours\n    unit: minutes\n    definition: Clock starts at arrival and stops at admission, transfer or discharge.\n  - id: deaths\n    title: Deaths in the previous 12 months\n    unit: count\n`, 'YS206');
    });
  });
});
