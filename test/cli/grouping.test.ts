// Stylish output on the real corpus: where one rule says the same of many objects of a file, one
// line names them all; --no-group and the machine formats keep a result per finding.
import { strict as assert } from 'node:assert';
import { cli } from './run-cli';

const APG = 'test/corpus/real/us-dot-apg-fy2022-23.framework.yaml';
const DVLA = 'test/corpus/real/uk-dvla-key-targets-1998.framework.yaml';
const rows = (stdout: string) => stdout.split('\n').filter((l) => /^ {2}\d+:\d+ /.test(l));

describe('yardstick CLI: findings of one cause', () => {
  it('stylish: one line per cause, at the first finding, naming the objects; the count is every finding', () => {
    const r = cli(['check', APG]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(rows(r.stdout), [
      "  20:7   info     The framework has no satisfaction indicator and no agreement lists a consultation: add a measure of users' views (type: satisfaction) or record who was consulted (`consultation`).  YS404 no-citizen-voice",
      '  28:9   warning  Each of 8 indicators (motor-vehicle-fatality-rate, air-carrier-fatality-rate and 6 more) has no data source: name the dataset, survey or system in `data.source` so the figures can be verified.  YS106 missing-data-source',
      '  69:5   warning  Indicator "interstate-reliable-person-miles" has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.  YS101 missing-baseline',
      '  98:9   warning  Each of 2 agreements (apg-aviation-safety and apg-equity) has no owner: name the senior responsible owner (UK) or goal leader (US) answerable for it in `owner`.  YS405 missing-owner',
      '  116:5  warning  All 4 indicators of agreement "apg-core-assets" are of type quality: add a measure of another kind (outcome, satisfaction, efficiency) so the unmeasured aspects are not crowded out.  YS205 tunnel-vision',
    ]);
    assert.match(r.stdout, /✖ 13 problems \(0 errors, 12 warnings, 1 info\)\n$/);
  });

  it('stylish: a message that differs beyond the object (95% vs 96% within a limit) is another cause', () => {
    const r = cli(['check', DVLA]);
    // Without line:column: the messages are the point here (the APG test checks the places).
    const tail = rows(r.stdout)
      .filter((l) => l.includes('YS209'))
      .map((l) => l.replace(/^ {2}\d+:\d+ +/, ''));
    assert.deepEqual(tail, [
      'info     Each of 5 indicators (ordinary-licences-10-days, vocational-licences-9-days and 3 more) sets a share (95%) within a time limit but nothing says what happens to the other 5%: once a case has missed the limit the target gives no reason to hurry it. Measure the tail beside it (the longest waits, or a cap on any case), or say in `notes` how it is watched.  YS209 tail-blindness',
      'info     Indicator "written-inquiries-8-days" sets a share (96%) within a time limit but nothing says what happens to the other 4%: once a case has missed the limit the target gives no reason to hurry it. Measure the tail beside it (the longest waits, or a cap on any case), or say in `notes` how it is watched.  YS209 tail-blindness',
      'info     Indicator "telephone-inquiries-30-seconds" sets a share (92%) within a time limit but nothing says what happens to the other 8%: once a case has missed the limit the target gives no reason to hurry it. Measure the tail beside it (the longest waits, or a cap on any case), or say in `notes` how it is watched.  YS209 tail-blindness',
    ]);
  });

  it('--no-group: a line per finding, as ESLint prints', () => {
    const r = cli(['check', '--no-group', APG]);
    const lines = rows(r.stdout);
    assert.equal(lines.length, 13);
    assert.deepEqual(
      lines.filter((l) => l.includes('YS405')),
      ['apg-aviation-safety', 'apg-equity'].map(
        (id, i) =>
          `  ${`${[98, 119][i]}:9`.padEnd(5)}  warning  Agreement "${id}" has no owner: name the senior responsible owner (UK) or goal leader (US) answerable for it in \`owner\`.  YS405 missing-owner`,
      ),
    );
    assert.match(r.stdout, /✖ 13 problems \(0 errors, 12 warnings, 1 info\)\n$/);
  });

  it('json, sarif and github keep one result per object, each at its own place', () => {
    const json = JSON.parse(cli(['check', '--format', 'json', APG]).stdout)[0];
    const ys106 = json.messages.filter((m: { ruleId: string }) => m.ruleId === 'YS106');
    assert.deepEqual(
      ys106.map((m: { line: number }) => m.line),
      [28, 36, 43, 50, 57, 64, 71, 78],
    );
    assert.ok(
      ys106.every((m: { message: string }) => /^Indicator "[a-z-]+" has no data source/.test(m.message)),
      JSON.stringify(ys106),
    );
    const sarif = JSON.parse(cli(['check', '--format', 'sarif', APG]).stdout);
    assert.equal(sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'YS106').length, 8);
    const github = cli(['check', '--format', 'github', APG]).stdout.split('\n');
    assert.equal(github.filter((l) => l.includes('title=YS106')).length, 8);
  });
});
