// Runs the built binary (dist/cli.js; built first when missing) as a user or CI would.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { ROOT, MINIMAL } from '../helpers';
import { cli } from './run-cli';

/** A framework file with one of each structure error (and a syntax error in a second file). */
const STRUCTURE = 'test/fixtures/structure-errors.framework.yaml';
const SYNTAX = 'test/fixtures/syntax-error.framework.yaml';

describe('yardstick CLI', () => {
  it('exits 0 on the UK and US samples', () => {
    const r = cli(['check', 'samples/uk-psa-2008.framework.yaml', 'samples/us-hhs-2022.framework.yaml']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /2 files checked, no problems/);
  });

  it('stylish: each finding with line:column, severity, message and rule; exit 1', () => {
    const r = cli(['check', STRUCTURE, SYNTAX]);
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes(STRUCTURE) && lines.includes(SYNTAX), JSON.stringify(lines));
    assert.ok(
      lines.some((l) => /^  16:17\s+error\s+"fortnightly" is not a valid review_cycle.*YS002 schema$/.test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => /^  88:18\s+error\s+Unknown indicator "ae-four-hour-wiat".*YS003 unknown-reference$/.test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => /^  45:9\s+error\s+Duplicate indicator id.*YS004 duplicate-id$/.test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => /^  20:5\s+error\s+.*YS001 yaml-syntax$/.test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => /^  32:1\s+error\s+Tabs are not allowed.*YS001 yaml-syntax$/.test(l)),
      r.stdout,
    );
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors/);
  });

  it('json: ESLint-shaped results with 1-based positions and offsets', () => {
    const r = cli(['check', '--format', 'json', STRUCTURE]);
    assert.equal(r.code, 1);
    const [file] = JSON.parse(r.stdout);
    assert.equal(file.filePath, join(ROOT, STRUCTURE));
    const byRule = (id: string) => file.messages.filter((m: { ruleId: string }) => m.ruleId === id);
    const enumError = byRule('YS002').find((m: { message: string }) => m.message.includes('fortnightly'));
    assert.deepEqual([enumError.line, enumError.column, enumError.endLine, enumError.endColumn], [16, 17, 16, 28]);
    const unknownKey = byRule('YS002').find((m: { message: string }) => m.message.startsWith('Unknown key "titel"'));
    assert.deepEqual([unknownKey.line, unknownKey.column], [36, 5]);
    const missing = byRule('YS002').find((m: { message: string }) => m.message.startsWith('Missing required key "agent"'));
    assert.deepEqual([missing.line, missing.column], [80, 9]);
    assert.equal(byRule('YS003')[0].line, 88);
    assert.equal(byRule('YS003')[0].fixes[0].title, 'Change to "ae-four-hour-wait"');
    assert.equal(byRule('YS004')[0].line, 45);
    assert.equal(file.errorCount, file.messages.filter((m: { severity: string }) => m.severity === 'error').length);
  });

  it('sarif: valid against the official SARIF 2.1.0 schema, with rules and 1-based regions', () => {
    const r = cli(['check', '--format', 'sarif', STRUCTURE, SYNTAX]);
    assert.equal(r.code, 1);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(r.stdout);
    assertValidSarif(log);
    const driver = log.runs[0].tool.driver;
    const ys002 = driver.rules.find((x: { id: string }) => x.id === 'YS002');
    assert.equal(ys002.name, 'schema');
    // No docs base URL: no documentation links (a file: path of the machine that ran the check).
    assert.equal(ys002.helpUri, undefined);
    assert.equal(driver.informationUri, undefined);
    assert.doesNotMatch(r.stdout, /docs\/rules|github\.com/);
    assert.equal(ys002.defaultConfiguration.level, 'error');
    const result = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'YS003');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 88, startColumn: 18, endLine: 88, endColumn: 35 });
    assert.ok(
      log.runs[0].results.some(
        (x: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) =>
          x.ruleId === 'YS001' && x.locations[0].physicalLocation.region.startLine === 32,
      ),
      "log.runs[0].results.some( (x: { ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => x.ruleId === 'YS001' && x.locations[0].physicalLocation.region.startLine === 32, )",
    );
  });

  it('sarif --docs-base-url: each rule links to <base>/rules/YSnnn.md, still valid SARIF', () => {
    const r = cli(['check', '--format', 'sarif', '--docs-base-url', 'https://docs.example.org/yardstick/', STRUCTURE]);
    assert.equal(r.code, 1, r.stderr);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const log: any = JSON.parse(r.stdout);
    assertValidSarif(log);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://docs.example.org/yardstick/rules/README.md');
    assert.equal(driver.rules.find((x: { id: string }) => x.id === 'YS002').helpUri, 'https://docs.example.org/yardstick/rules/YS002.md');
    assert.ok(
      driver.rules.every((x: { id: string; helpUri: string }) => x.helpUri === `https://docs.example.org/yardstick/rules/${x.id}.md`),
      JSON.stringify(driver.rules),
    );
  });

  it('--docs-base-url that is not an http(s) address exits 2 with a plain-words message', () => {
    for (const [value, words] of [
      ['docs/', /needs a web address starting with http:\/\/ or https:\/\/.*not "docs\/"/],
      ['file:///srv/docs', /needs a web address starting with http:\/\/ or https:\/\//],
      ['https://example.org/docs?v=1', /is the address of the docs folder, so it cannot have a query or a #fragment/],
    ] as const) {
      const r = cli(['check', '--format', 'sarif', '--docs-base-url', value, STRUCTURE]);
      assert.equal(r.code, 2, value);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^yardstick: --docs-base-url ${words.source}`), r.stderr);
    }
  });

  it('directories are searched for *.framework.yaml; unreadable or missing paths exit 2 but others are checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(join(ROOT, STRUCTURE), join(dir, 'nested', 'a.framework.yaml'));
    writeFileSync(join(dir, 'ignored.yaml'), 'not: checked\n');
    const r = cli(['check', '--format', 'json', dir, join(dir, 'missing.framework.yaml')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.framework\.yaml/);
    const files = JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath);
    assert.deepEqual(files, [join(dir, 'nested', 'a.framework.yaml')]);
  });

  it('globs, --quiet and --max-warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    // A warning-only file: an indicator that no agreement uses triggers only advisory rules.
    writeFileSync(join(dir, 'w.framework.yaml'), MINIMAL);
    const glob = cli(['check', '--format', 'json', '*.framework.yaml'], dir);
    assert.equal(JSON.parse(glob.stdout).length, 1);
    const quiet = cli(['check', '--quiet', '--format', 'json', join(ROOT, STRUCTURE)]);
    assert.ok(
      JSON.parse(quiet.stdout)[0].messages.every((m: { severity: string }) => m.severity === 'error'),
      "JSON.parse(quiet.stdout)[0].messages.every((m: { severity: string }) => m.severity === 'error')",
    );
    const warnings = JSON.parse(cli(['check', '--format', 'json', join(dir, 'w.framework.yaml')]).stdout)[0].warningCount as number;
    const limited = cli(['check', '--max-warnings', String(Math.max(0, warnings - 1)), join(dir, 'w.framework.yaml')]);
    assert.equal(limited.code, warnings > 0 ? 1 : 0);
    assert.equal(cli(['check', '--max-warnings', String(warnings), join(dir, 'w.framework.yaml')]).code, 0);
  });

  it('usage errors exit 2 with a message on stderr', () => {
    for (const args of [
      ['check'],
      ['check', '--format', 'xml', 'samples'],
      ['check', '--max-warnings', 'lots', 'samples'],
      ['frobnicate'],
      ['check', '--bogus', 'samples'],
    ]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /yardstick|Usage/);
    }
  });

  it('--help and --version', () => {
    assert.match(cli(['--help']).stdout, /Usage: yardstick check/);
    assert.equal(cli(['--version']).stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--config applies severities; an invalid config is reported and defaults are used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const file = join(dir, 'x.framework.yaml');
    writeFileSync(file, MINIMAL + '  review_cycle: fortnightly\n');
    writeFileSync(join(dir, 'off.yaml'), 'rules:\n  schema: off\n');
    assert.equal(cli(['check', '--config', join(dir, 'off.yaml'), '--format', 'json', file]).stdout.includes('YS002'), false);
    writeFileSync(join(dir, '.yardstick.yaml'), 'rules:\n  YS999: error\n  YS002: loud\n');
    const r = cli(['check', '--format', 'json', file], dir);
    const results = JSON.parse(r.stdout);
    const config = results.find((x: { filePath: string }) => x.filePath.endsWith('.yardstick.yaml'));
    assert.deepEqual(
      config.messages.map((m: { line: number; message: string }) => `${m.line} ${m.message.split(';')[0].split('.')[0]}`),
      ['2 Unknown rule "YS999"', '3 Invalid setting "loud" for YS002'],
    );
    assert.ok(
      results.find((x: { filePath: string }) => x.filePath === file).messages.some((m: { ruleId: string }) => m.ruleId === 'YS002'),
      JSON.stringify(results),
    );
    assert.equal(r.code, 1);
  });

  it('--fix applies safe fixes in place and keeps comments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const file = join(dir, 'v.framework.yaml');
    const text = MINIMAL.replace('yardstick: 1', '# my comment\nyardstick: 3 # version');
    writeFileSync(file, text);
    cli(['check', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), text.replace('yardstick: 3', 'yardstick: 1'));
  });

  it('--fix keeps a UTF-8 byte order mark and CRLF line endings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const file = join(dir, 'bom.framework.yaml');
    const text = MINIMAL.replace('yardstick: 1', 'yardstick: 7').replace(/\n/g, '\r\n');
    writeFileSync(file, '\ufeff' + text);
    cli(['check', '--fix', file]);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), text.replace('yardstick: 7', 'yardstick: 1'));
  });

  it('resolves framework-id#object-id references across the files it checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const library =
      MINIMAL.replace('id: demo', 'id: library') +
      'indicators:\n  - { id: shared-outcome, title: Shared, type: outcome, unit: percent, direction: increase }\n';
    const user =
      MINIMAL.replace('id: demo', 'id: user') +
      'agreements:\n  - { id: a, kind: other, title: A, principal: P, agent: Q, indicators: [library#shared-outcome, library#missing-one] }\n';
    writeFileSync(join(dir, 'library.framework.yaml'), library);
    writeFileSync(join(dir, 'user.framework.yaml'), user);
    const both = JSON.parse(cli(['check', '--format', 'json', dir]).stdout);
    const ys003 = both.flatMap((f: { messages: Array<{ ruleId: string; message: string }> }) =>
      f.messages.filter((m) => m.ruleId === 'YS003').map((m) => m.message),
    );
    assert.deepEqual(ys003, ['Unknown indicator "library#missing-one" in agreement "a".']);
    // Checked alone, the other framework is not among the files checked: the finding says so.
    const alone = JSON.parse(cli(['check', '--format', 'json', join(dir, 'user.framework.yaml')]).stdout);
    assert.deepEqual(
      alone[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'YS003').map((m: { message: string }) => m.message),
      ['library#shared-outcome', 'library#missing-one'].map(
        (r) => `Unknown indicator "${r}" in agreement "a" (no framework "library" in the workspace).`,
      ),
    );
  });

  it('judges each cross-file reference against the first file of the framework it names, wherever the files come', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const framework = (id: string, indicators: string[], refs: string[]) =>
      MINIMAL.replace('id: demo', `id: ${id}`) +
      (indicators.length
        ? 'indicators:\n' +
          indicators.map((i) => `  - { id: ${i}, title: T, type: outcome, unit: percent, direction: increase }\n`).join('')
        : '') +
      (refs.length ? `agreements:\n  - { id: a, kind: other, title: A, principal: P, agent: Q, indicators: [${refs.join(', ')}] }\n` : '');
    const refs = ['lib#shared-outcome', 'lib#shared-outcom', 'lib#second-only', 'gone#x'];
    // Sorted: a user before the library, the library, a second file with the library's id (it
    // loses to the first), a user after both, and a user of a framework no file declares.
    writeFileSync(join(dir, 'a-user.framework.yaml'), framework('early', [], refs));
    writeFileSync(join(dir, 'b-lib.framework.yaml'), framework('lib', ['shared-outcome'], []));
    writeFileSync(join(dir, 'c-lib-again.framework.yaml'), framework('lib', ['second-only'], []));
    writeFileSync(join(dir, 'd-user.framework.yaml'), framework('late', [], refs.slice(0, 3)));
    writeFileSync(join(dir, 'e-user.framework.yaml'), framework('other', [], ['gone#y', 'early#z']));
    const r = cli(['check', '--format', 'json', dir]);
    const ys003 = (JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string }> }>).map((f) => [
      f.filePath.slice(dir.length + 1),
      f.messages.filter((m) => m.ruleId === 'YS003').map((m) => m.message),
    ]);
    const typo = 'Unknown indicator "lib#shared-outcom" in agreement "a"; did you mean "lib#shared-outcome"?';
    const second = 'Unknown indicator "lib#second-only" in agreement "a".';
    assert.deepEqual(ys003, [
      ['a-user.framework.yaml', [typo, second, 'Unknown indicator "gone#x" in agreement "a" (no framework "gone" in the workspace).']],
      ['b-lib.framework.yaml', []],
      ['c-lib-again.framework.yaml', []],
      ['d-user.framework.yaml', [typo, second]],
      [
        'e-user.framework.yaml',
        [
          'Unknown indicator "gone#y" in agreement "a" (no framework "gone" in the workspace).',
          'Unknown indicator "early#z" in agreement "a".',
        ],
      ],
    ]);
  });

  it('gives a framework id to the file with the smallest URI when that file is read later (URIs sort unlike paths)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-cli-'));
    const lib = (indicator: string) =>
      MINIMAL.replace('id: demo', 'id: lib') +
      `indicators:\n  - { id: ${indicator}, title: T, type: outcome, unit: percent, direction: increase }\n`;
    const user =
      MINIMAL.replace('id: demo', 'id: user') +
      'agreements:\n  - { id: a, kind: other, title: A, principal: P, agent: Q, indicators: [lib#first, lib#second] }\n';
    // Read in path order: "aa", the user, "a{"; the libraries' URIs sort the other way ("a%7B" < "aa").
    writeFileSync(join(dir, 'aa.framework.yaml'), lib('first'));
    writeFileSync(join(dir, 'ab-user.framework.yaml'), user);
    writeFileSync(join(dir, 'a{.framework.yaml'), lib('second'));
    const r = JSON.parse(cli(['check', '--format', 'json', dir]).stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>;
    assert.deepEqual(
      r.map((f) => f.messages.filter((m) => m.ruleId === 'YS003').map((m) => m.message)),
      [[], ['Unknown indicator "lib#first" in agreement "a".'], []],
    );
  });
});

/** Checks a log against the official SARIF 2.1.0 schema. */
function assertValidSarif(log: unknown): void {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  assert.ok(validate(structuredClone(log)), JSON.stringify(validate.errors?.slice(0, 5)));
}
