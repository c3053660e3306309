import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../server/src/lint/fix';
import { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import { brief, findings, MINIMAL, readRepoFile, where } from '../../helpers';

const only = (text: string, code: string) => findings(text).filter((f) => f.code === code);

describe('YS002 schema findings on the exact node', () => {
  it('bad enum: on the value, with the allowed values and a did-you-mean', () => {
    const text = MINIMAL + '  review_cycle: quartely\n';
    const [f] = only(text, 'YS002');
    assert.equal(f.message, '"quartely" is not a valid review_cycle; expected one of monthly, quarterly, biannual, annual (did you mean "quarterly"?).');
    assert.equal(where(f), '7:17-7:25');
    const fixed = applyEdits(text, f.fixes![0].edits).text;
    assert.match(fixed, /review_cycle: quarterly\n$/);
    assert.deepEqual(only(fixed, 'YS002'), []);
  });

  it('"fortnightly" lists the expected values', () => {
    const [f] = only(MINIMAL + '  review_cycle: fortnightly\n', 'YS002');
    assert.equal(f.message, '"fortnightly" is not a valid review_cycle; expected one of monthly, quarterly, biannual, annual.');
  });

  it('unknown key: on the key, with did-you-mean and a rename fix', () => {
    const text = MINIMAL + '  descripton: Words\n';
    const [f] = only(text, 'YS002');
    assert.equal(f.message, 'Unknown key "descripton" in the framework; did you mean "description"?');
    assert.equal(where(f), '7:3-7:13');
    assert.equal(applyEdits(text, f.fixes![0].edits).text, MINIMAL + '  description: Words\n');
  });

  it('x- keys are allowed anywhere', () => {
    assert.deepEqual(findings(MINIMAL + '  x-internal-ref: 42\nx-owner-team: analysis\n'), []);
  });

  it('missing required key: on the parent key, with a skeleton fix that keeps comments', () => {
    const text = 'yardstick: 1\nframework:   # the framework\n  id: demo\n  title: Demo\n  jurisdiction: UK\n';
    const [f] = only(text, 'YS002');
    assert.equal(f.message, 'Missing required key "period" in the framework.');
    assert.equal(where(f), '2:1-2:10');
    const fixed = applyEdits(text, f.fixes![0].edits).text;
    assert.equal(fixed, text.replace('jurisdiction: UK\n', 'jurisdiction: UK\n  period:\n    start: 2000-01-01\n    end: 2000-01-01\n'));
    assert.deepEqual(only(fixed, 'YS002'), []);
  });

  it('wrong type: a number where text is expected, and a list where a mapping is', () => {
    const fs = only(MINIMAL.replace('title: Demo framework', 'title: [a, b]'), 'YS002');
    assert.equal(fs.length, 1);
    assert.equal(fs[0].message, 'title in the framework must be text, not a list.');
    assert.equal(where(fs[0]), '4:10-4:16');
  });

  it('target value may be a number or text, not a mapping', () => {
    const text = MINIMAL + 'indicators:\n  - id: i1\n    title: T\n    type: outcome\n    unit: percent\n    direction: increase\n    targets:\n      - value: { a: 1 }\n';
    const fs = only(text, 'YS002');
    assert.deepEqual(fs.map((f) => f.message), ['value in indicator "i1" must be a number or text, not a mapping.']);
  });

  it('invalid dates and ids', () => {
    const fs = only(MINIMAL.replace('2008-04-01', '2008-13-01').replace('id: demo', 'id: Demo_Framework'), 'YS002');
    assert.deepEqual(fs.map((f) => f.message), [
      '"Demo_Framework" is not a valid id in the framework: ids are kebab-case (lower-case letters, digits and single hyphens), e.g. "demo-framework".',
      '"2008-13-01" is not a valid date for start in the framework; write dates as YYYY-MM-DD.',
    ]);
  });

  it('jurisdiction accepts UK, US, other and other:<name>', () => {
    assert.deepEqual(only(MINIMAL.replace('jurisdiction: UK', 'jurisdiction: other:CN'), 'YS002'), []);
    const [f] = only(MINIMAL.replace('jurisdiction: UK', 'jurisdiction: GB'), 'YS002');
    assert.match(f.message, /^"GB" is not a valid jurisdiction; expected one of UK, US, other \(or other:<name>/);
  });
});

describe('YS003 unknown reference, YS004 duplicate id', () => {
  const base = MINIMAL + `indicators:
  - id: ae-four-hour-wait
    title: A&E within four hours
    type: outcome
    unit: percent
    direction: increase
agreements:
  - id: psa-health
    kind: public-service-agreement
    title: Health
    principal: HM Treasury
    agent: Department of Health
    indicators: [ae-four-hour-wiat]
`;
  it('unknown indicator: on the reference, did-you-mean and a stub fix', () => {
    const [f] = only(base, 'YS003');
    assert.equal(f.message, 'Unknown indicator "ae-four-hour-wiat" in agreement "psa-health"; did you mean "ae-four-hour-wait"?');
    assert.equal(where(f), '19:18-19:35');
    assert.equal(f.fixes![0].title, 'Change to "ae-four-hour-wait"');
    assert.deepEqual(only(applyEdits(base, f.fixes![0].edits).text, 'YS003'), []);
    const stub = applyEdits(base, f.fixes![1].edits).text;
    assert.match(stub, /    direction: increase\n  - id: ae-four-hour-wiat\n    title: TODO\n/);
    assert.deepEqual(only(stub, 'YS003'), []);
  });

  it('references to another framework resolve through the workspace index', () => {
    const text = base.replace('[ae-four-hour-wiat]', '[other-fw#shared-indicator, other-fw#nope]');
    const workspace = new WorkspaceIndex();
    workspace.updateFromText('file:///other.framework.yaml', MINIMAL.replace('id: demo', 'id: other-fw') + 'indicators:\n  - { id: shared-indicator, title: S, type: outcome, unit: percent, direction: increase }\n');
    const fs = findings(text, { workspace }).filter((f) => f.code === 'YS003');
    assert.deepEqual(fs.map((f) => f.message), ['Unknown indicator "other-fw#nope" in agreement "psa-health".']);
    // Without a workspace (a single file), cross-file references are not judged.
    assert.deepEqual(only(text, 'YS003'), []);
  });

  it('duplicate id: on the second id, with a rename to a free id', () => {
    const text = base.replace('agreements:', '  - id: ae-four-hour-wait\n    title: Again\n    type: output\n    unit: count\n    direction: increase\nagreements:');
    const [f] = only(text, 'YS004');
    assert.equal(f.message, 'Duplicate indicator id "ae-four-hour-wait": indicator #1 already uses it.');
    assert.equal(where(f), '13:9-13:26');
    assert.equal(f.fixes![0].title, 'Rename to "ae-four-hour-wait-2"');
  });
});

describe('YS001 and YS005', () => {
  it('syntax errors are all reported, and other rules wait for valid YAML', () => {
    const text = readRepoFile('test/fixtures/syntax-error.framework.yaml');
    const fs = findings(text);
    assert.ok(fs.length >= 2);
    assert.ok(fs.every((f) => f.code === 'YS001' && f.severity === 'error'), brief(fs).join());
  });

  it('missing and unsupported versions', () => {
    const missing = MINIMAL.replace('yardstick: 1\n', '');
    const [m] = only(missing, 'YS005');
    assert.equal(m.message, 'Missing format version: add "yardstick: 1" as the first key.');
    assert.equal(applyEdits(missing, m.fixes![0].edits).text, MINIMAL);
    const [u] = only(MINIMAL.replace('yardstick: 1', 'yardstick: 2'), 'YS005');
    assert.equal(u.message, 'Unsupported format version 2: this Yardstick reads version 1.');
    assert.equal(where(u), '1:12-1:13');
  });

  it('an empty file and a file of only comments say what a framework file needs', () => {
    for (const text of ['', '# just a comment\n']) {
      const fs = findings(text);
      assert.deepEqual(fs.map((f) => f.code), ['YS005']);
      assert.match(fs[0].message, /empty/);
    }
  });

  it('a file whose top level is a list is a schema error', () => {
    assert.deepEqual(findings('- a\n- b\n').map((f) => f.code), ['YS002']);
  });
});

describe('the structure fixture gives each finding on the right line', () => {
  it('structure-errors.framework.yaml', () => {
    const fs = findings(readRepoFile('test/fixtures/structure-errors.framework.yaml')).filter((f) => f.code < 'YS100');
    assert.deepEqual(
      fs.map((f) => `${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['YS002 16:17', 'YS002 36:5', 'YS004 45:9', 'YS002 80:9', 'YS003 88:18'],
    );
  });
});
