// YS1xx: problems in performance evaluation itself.
import { strict as assert } from 'node:assert';
import { HEAD, applyFix, none, one, rangeOf, run } from './helpers';

describe('rules: evaluation (YS1xx)', () => {
  describe('YS101 missing-baseline', () => {
    const bad = `${HEAD}indicators:
  - id: ae-wait   # A&E
    title: Patients seen within four hours
    type: quality
    unit: percent
    direction: increase
    targets:
      - { value: 98, date: 2023-03-31 }
    actuals:
      - { value: 91, date: 2021-03-31 }  # first actual
`;
    it('reports on the targets key', () => {
      const f = one(bad, 'YS101');
      assert.equal(f.severity, 'warning');
      assert.equal(f.message, 'Indicator "ae-wait" has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.');
      assert.deepEqual(f.range, { start: { line: 12, character: 4 }, end: { line: 12, character: 11 } });
      assert.deepEqual(f.range, rangeOf(bad, 'targets'));
    });
    it('inserts a baseline from the first actual and the framework start (snippet + plain)', () => {
      const f = one(bad, 'YS101');
      const fix = f.fixes![0];
      assert.equal(fix.safe, false);
      assert.equal(fix.snippet, true);
      assert.equal(fix.edits[0].newText, '\n    baseline: { value: ${1:91}, date: ${2:2020-04-01} }');
      const out = applyFix(bad, f);
      assert.equal(out, bad.replace('  # first actual\n', '  # first actual\n    baseline: { value: 91, date: 2020-04-01 }\n'));
      assert.ok(out.includes('# A&E'));
      none(out, 'YS101');
    });
    it('uses 0 when there is no actual', () => {
      const text = `${HEAD}indicators:\n  - { id: x, title: X, type: outcome, unit: count, direction: increase, targets: [{ value: 5, date: 2022-01-01 }] }  # flow\n`;
      const out = applyFix(text, one(text, 'YS101'));
      assert.equal(out, text.replace('2022-01-01 }] }', '2022-01-01 }], baseline: { value: 0, date: 2020-04-01 } }'));
      none(out, 'YS101');
    });
    it('passes with a baseline, or without targets', () => {
      none(`${HEAD}indicators:\n  - id: a\n    baseline: { value: 1, date: 2020-01-01 }\n    targets: [{ value: 2, date: 2021-01-01 }]\n  - id: b\n    targets: []\n`, 'YS101');
    });
  });

  describe('YS102 target-without-date', () => {
    const bad = `${HEAD}indicators:
  - id: first-contact
    baseline: { value: 50, date: 2020-01-31 }
    targets:
      - { value: 60 }   # undated
agreements:
  - id: claims
    period: { start: 2020-04-01, end: 2022-03-31 }
    indicators: [first-contact]
`;
    it('reports on the target item', () => {
      const f = one(bad, 'YS102');
      assert.match(f.message, /^Target 1 of indicator "first-contact" has no date/);
      assert.deepEqual(f.range, rangeOf(bad, '{ value: 60 }'));
    });
    it('inserts the owning agreement\'s period end', () => {
      const f = one(bad, 'YS102');
      assert.equal(f.fixes![0].safe, false);
      const out = applyFix(bad, f);
      assert.equal(out, bad.replace('{ value: 60 }   # undated', '{ value: 60, date: 2022-03-31 }   # undated'));
      none(out, 'YS102');
    });
    it('falls back to the framework period end; block targets', () => {
      const text = `${HEAD}indicators:\n  - id: x\n    targets:\n      - value: 60\n        note: stretch   # keep\n`;
      const f = one(text, 'YS102');
      assert.deepEqual(f.range, rangeOf(text, 'value', 'targets'));
      const out = applyFix(text, f);
      assert.equal(out, text.replace('# keep\n', '# keep\n        date: 2024-03-31\n'));
      none(out, 'YS102');
    });
    it('passes with dated targets', () => {
      none(`${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2021-01-01 }, "odd"]\n`, 'YS102');
    });
  });

  describe('YS103 unmeasurable-target', () => {
    it('reports text targets on a quantitative unit, on the value', () => {
      const text = `${HEAD}indicators:\n  - id: work\n    unit: percent\n    targets:\n      - { value: improve, date: 2021-12-31 }\n`;
      const f = one(text, 'YS103');
      assert.equal(f.message, 'Target 1 of indicator "work" is the text "improve" but the unit is percent: give a number in percent so the target can be measured.');
      assert.deepEqual(f.range, rangeOf(text, 'improve'));
    });
    it('passes for numbers, numeric strings and text units', () => {
      none(`${HEAD}indicators:\n  - id: a\n    unit: percent\n    targets: [{ value: 5 }, { value: "7.5" }]\n  - id: b\n    unit: text\n    targets: [{ value: Strategy published }]\n`, 'YS103');
    });
    it('honours qualitative_units', () => {
      none(`${HEAD}indicators:\n  - id: a\n    unit: milestone\n    targets: [{ value: done }]\n`, 'YS103', { qualitative_units: 'text,milestone' });
    });
  });

  describe('YS104 target-against-direction', () => {
    const bad = `${HEAD}indicators:
  - id: on-time
    direction: increase   # higher is better
    baseline: { value: 80, date: 2020-01-31 }
    targets:
      - { value: 70, date: 2021-12-31 }
`;
    it('is an error on the target value', () => {
      const f = one(bad, 'YS104');
      assert.equal(f.severity, 'error');
      assert.equal(f.message, 'Target 70 of indicator "on-time" is below the baseline 80 although the direction is increase: fix the target or the direction.');
      assert.deepEqual(f.range, rangeOf(bad, '70'));
    });
    it('flips the direction', () => {
      const out = applyFix(bad, one(bad, 'YS104'));
      assert.equal(out, bad.replace('direction: increase   # higher', 'direction: decrease   # higher'));
      none(out, 'YS104');
    });
    it('offers no flip when other targets agree with the direction', () => {
      const text = bad.replace('      - { value: 70, date: 2021-12-31 }\n', '      - { value: 70, date: 2021-12-31 }\n      - { value: 90, date: 2022-12-31 }\n');
      assert.equal(one(text, 'YS104').fixes, undefined);
    });
    it('passes for targets in the direction, maintain, and odd values', () => {
      none(`${HEAD}indicators:\n  - id: a\n    direction: decrease\n    baseline: { value: 80 }\n    targets: [{ value: 70 }, { value: 80 }]\n  - id: b\n    direction: maintain\n    baseline: { value: 80 }\n    targets: [{ value: 70 }]\n  - id: c\n    direction: increase\n    baseline: { value: high }\n    targets: [{ value: 1 }, 3, null]\n`, 'YS104');
    });
  });

  describe('YS105 target-outside-period', () => {
    it('reports a date after the framework period, on the date', () => {
      const text = `${HEAD}indicators:\n  - id: late\n    targets:\n      - { value: 60, date: 2025-03-31 }\n`;
      const f = one(text, 'YS105');
      assert.match(f.message, /^Target date 2025-03-31 of indicator "late" is outside the framework period \(2020-04-01 to 2024-03-31\)/);
      assert.deepEqual(f.range, rangeOf(text, '2025-03-31'));
    });
    it('reports a date outside every owning agreement', () => {
      const text = `${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2023-06-30 }]\nagreements:\n  - id: a1\n    period: { start: 2020-04-01, end: 2022-03-31 }\n    indicators: [x]\n`;
      assert.match(one(text, 'YS105').message, /outside the period of agreement "a1" \(2020-04-01 to 2022-03-31\)/);
    });
    it('passes when one owning agreement covers the date, and on bad dates', () => {
      none(`${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2023-06-30 }, { value: 2, date: 2023-02-30 }, { value: 3, date: 20230101 }]\nagreements:\n  - id: a1\n    period: { start: 2020-04-01, end: 2022-03-31 }\n    indicators: [x]\n  - id: a2\n    period: { start: 2020-04-01, end: 2024-03-31 }\n    indicators: [x]\n`, 'YS105');
    });
  });

  describe('YS106 missing-data-source', () => {
    const bad = `${HEAD}indicators:
  - id: inspections
    title: Inspections completed   # count
    owner: Compliance
`;
    it('reports on the indicator id when there is no data', () => {
      const f = one(bad, 'YS106');
      assert.equal(f.message, 'Indicator "inspections" has no data source: name the dataset, survey or system in `data.source` so the figures can be verified.');
      assert.deepEqual(f.range, rangeOf(bad, 'inspections'));
    });
    it('inserts a data skeleton', () => {
      const f = one(bad, 'YS106');
      assert.equal(f.fixes![0].snippet, true);
      assert.match(f.fixes![0].edits[0].newText, /collection: \$\{2\|self-reported,administrative/);
      const out = applyFix(bad, f);
      assert.equal(out, `${bad}    data:\n      source: "TODO: name of the dataset, survey or system"\n      collection: administrative\n      frequency: annual\n`);
      assert.ok(out.includes('# count'));
      none(out, 'YS106');
    });
    it('reports on the data key and inserts source into a flow map', () => {
      const text = `${HEAD}indicators:\n  - id: x\n    data: { collection: survey }  # survey\n`;
      const f = one(text, 'YS106');
      assert.deepEqual(f.range, rangeOf(text, 'data'));
      const out = applyFix(text, f);
      assert.equal(out, text.replace('survey }', 'survey, source: "TODO: name of the dataset, survey or system" }'));
      none(out, 'YS106');
    });
    it('passes with data.source', () => {
      none(`${HEAD}indicators:\n  - id: x\n    data: { source: ONS }\n`, 'YS106');
    });
  });

  describe('YS107 output-only', () => {
    const inds = `${HEAD}indicators:\n  - { id: visits, type: output }\n  - { id: trained, type: process }\n  - { id: better-off, type: outcome }\n`;
    it('reports an agreement of outputs and processes on its indicators key', () => {
      const text = `${inds}agreements:\n  - id: field\n    indicators: [visits, trained]\n`;
      const f = one(text, 'YS107');
      assert.match(f.message, /^Agreement "field" measures only output and process: add an outcome/);
      assert.deepEqual(f.range, rangeOf(text, 'indicators', 'id: field'));
    });
    it('passes with an outcome, with external references, or with none', () => {
      none(`${inds}agreements:\n  - { id: a, indicators: [visits, better-off] }\n  - { id: b, indicators: [visits, other-fw#x] }\n  - { id: c, indicators: [] }\n`, 'YS107');
    });
  });

  describe('YS108 unit-mismatch', () => {
    it('reports a fraction among 0-100 percentages, on the fraction', () => {
      const text = `${HEAD}indicators:\n  - id: online\n    unit: percent\n    baseline: { value: 0.77, date: 2020-01-31 }\n    targets:\n      - { value: 95, date: 2021-12-31 }\n`;
      const f = one(text, 'YS108');
      assert.equal(f.message, 'Indicator "online" mixes scales: 0.77 looks like a fraction of 1 while 95 is on the 0-100 scale. Write percentages on the 0-100 scale (77, not 0.77).');
      assert.deepEqual(f.range, rangeOf(text, '0.77'));
    });
    it('passes on one scale, or for other units', () => {
      none(`${HEAD}indicators:\n  - id: a\n    unit: percent\n    baseline: { value: 0.5 }\n    targets: [{ value: 0.2 }, { value: 1 }]\n  - id: b\n    unit: ratio\n    baseline: { value: 0.5 }\n    targets: [{ value: 7 }]\n`, 'YS108');
      assert.equal(run(`${HEAD}indicators: [{ id: c, unit: percent, baseline: 5, targets: oops }]\n`, 'YS108').length, 0);
    });
  });
});
