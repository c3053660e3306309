// Findings of one cause (lint/cause.ts): the key that says two findings on different objects
// are one cause, and the groups and messages the stylish output prints from it.
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../server/src/engine/config';
import { analyze } from '../../../server/src/lint/analyze';
import { groupByCause, groupMessage, nameList, othersOfCause } from '../../../server/src/lint/cause';
import { ys101 } from '../../../server/src/rules/ys101-missing-baseline';
import { ys105 } from '../../../server/src/rules/ys105-target-outside-period';
import { ys106 } from '../../../server/src/rules/ys106-missing-data-source';
import { ys404 } from '../../../server/src/rules/ys404-no-citizen-voice';
import type { Finding } from '../../../server/src/engine/types';
import { MINIMAL } from '../../helpers';

// Three indicators without a data source or a baseline; a and b have a target after the
// framework period (2008-04-01 to 2012-03-31) on the same date, c on another date. Only a has an
// actual, so YS101's guessed baseline (report data for its fix) differs between a and b.
const TEXT = `${MINIMAL}indicators:
  - id: a
    unit: percent
    direction: increase
    targets: [{ value: 90, date: 2013-03-31 }]
    actuals: [{ value: 71, date: 2010-03-31 }]
  - id: b
    unit: percent
    direction: increase
    targets: [{ value: 80, date: 2013-03-31 }]
  - id: c
    unit: percent
    direction: increase
    targets: [{ value: 70, date: 2014-03-31 }]
`;
const findings = analyze(TEXT, { rules: [ys101, ys105, ys106, ys404] }).findings;
const of = (code: string, id: string): Finding => {
  const f = findings.find((x) => x.code === code && x.message.includes(`"${id}"`));
  assert.ok(f, `${code} on ${id}: ${findings.map((x) => x.message).join('\n')}`);
  return f;
};

describe('cause of a finding', () => {
  it('findings on different objects with one cause share a key; each names its own object', () => {
    assert.equal(of('YS106', 'a').cause!.key, of('YS106', 'b').cause!.key);
    assert.equal(of('YS106', 'b').cause!.key, of('YS106', 'c').cause!.key);
    assert.deepEqual(
      ['a', 'b', 'c'].map((id) => [of('YS106', id).cause!.kind, of('YS106', id).cause!.name, of('YS106', id).cause!.label]),
      [
        ['indicator', 'a', 'Indicator "a"'],
        ['indicator', 'b', 'Indicator "b"'],
        ['indicator', 'c', 'Indicator "c"'],
      ],
    );
  });

  it('the message decides, not the fix facts in the data: YS101 guesses baselines 71 and 0, one cause', () => {
    assert.notDeepEqual(of('YS101', 'a').data!.baseline, of('YS101', 'b').data!.baseline);
    assert.equal(of('YS101', 'a').cause!.key, of('YS101', 'b').cause!.key);
  });

  it('different data in the message are different causes: target dates 2013-03-31 and 2014-03-31', () => {
    assert.equal(of('YS105', 'a').cause!.key, of('YS105', 'b').cause!.key);
    assert.notEqual(of('YS105', 'a').cause!.key, of('YS105', 'c').cause!.key);
  });

  it('different rules or severities are different causes, even with the same object', () => {
    assert.notEqual(of('YS101', 'a').cause!.key, of('YS106', 'a').cause!.key);
    const { config } = resolveConfig([ys106], { rules: { YS106: 'info' } });
    const asInfo = analyze(TEXT, { rules: [ys106], config }).findings;
    assert.equal(asInfo[0].severity, 'info');
    assert.notEqual(asInfo[0].cause!.key, of('YS106', 'a').cause!.key);
  });

  it('a finding about the whole framework has no cause to share', () => {
    const voice = findings.find((f) => f.code === 'YS404');
    assert.ok(voice, 'voice');
    assert.equal(voice.cause, undefined);
  });
});

describe('groups of one cause', () => {
  it('gathers each cause at its first finding, in order; causes of one stay alone', () => {
    const groups = groupByCause(findings);
    assert.deepEqual(
      groups.map((g) => g.findings.map((f) => `${f.code} ${f.cause?.name ?? '-'}`).join(', ')),
      ['YS404 -', 'YS106 a, YS106 b, YS106 c', 'YS101 a, YS101 b, YS101 c', 'YS105 a, YS105 b', 'YS105 c'],
    );
    assert.equal(
      groupMessage(groups[1]),
      'Each of 3 indicators (a, b and c) has no data source: name the dataset, survey or system in `data.source` so the figures can be verified.',
    );
    assert.equal(
      groupMessage(groups[3]),
      'Target date 2013-03-31 of each of 2 indicators (a and b) is outside the framework period (2008-04-01 to 2012-03-31): it cannot be judged within the cycle. Move the date inside the period or extend the period.',
    );
    assert.equal(groupMessage(groups[4]), of('YS105', 'c').message);
  });

  it('the same cause twice on one object stays two lines: a group lists each object once', () => {
    const twice = analyze(
      TEXT.replace(
        'targets: [{ value: 80, date: 2013-03-31 }]',
        'targets: [{ value: 80, date: 2013-03-31 }, { value: 85, date: 2013-03-31 }]',
      ),
      {
        rules: [ys105],
      },
    ).findings;
    assert.deepEqual(
      groupByCause(twice).map((g) => g.findings.map((f) => f.cause!.name).join(', ')),
      ['a, b', 'b', 'c'],
    );
    assert.equal(othersOfCause(twice, twice[0]), 1);
  });

  it('others of a cause: the distinct other objects', () => {
    assert.equal(othersOfCause(findings, of('YS106', 'b')), 2);
    assert.equal(othersOfCause(findings, of('YS105', 'c')), 0);
    assert.equal(
      othersOfCause(
        findings,
        findings.find((f) => f.code === 'YS404')!,
      ),
      0,
    );
  });

  it('lists names up to 60 characters, then "and N more"; never "and 1 more"', () => {
    const names = Array.from({ length: 14 }, (_, i) => `indicator-number-${i + 1}`);
    assert.equal(nameList(names), 'indicator-number-1, indicator-number-2, indicator-number-3 and 11 more');
    assert.equal(nameList(names.slice(0, 4)), 'indicator-number-1, indicator-number-2, indicator-number-3 and indicator-number-4');
    assert.equal(nameList(['only']), 'only');
    assert.equal(nameList(['x', 'y']), 'x and y');
  });
});
