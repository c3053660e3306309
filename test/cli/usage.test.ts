// The command line as a new user meets it: mistakes in plain words with the right exit code,
// paths that are not plain files, symbolic links, and results that do not depend on where the
// command is run from.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MINIMAL, ROOT } from '../helpers';
import { CLI, cli, cliUnprivileged, ensureBuilt, unprivilegedDir } from './run-cli';

const tempDir = () => mkdtempSync(join(tmpdir(), 'ys-usage-'));
/** A file with warnings only (no agreement uses the framework's indicators, no review...). */
const WARNINGS_ONLY = MINIMAL + 'indicators:\n  - { id: waits, title: Waits, type: outcome, unit: percent, direction: decrease }\n';

describe('yardstick CLI: usage in plain words', () => {
  it('a missing file is an error (exit 2) and there is no green "no problems" line', () => {
    const r = cli(['check', 'no-such.framework.yaml']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'yardstick: cannot check no-such.framework.yaml: no such file, directory or matching file.\n');
    assert.doesNotMatch(r.stdout, /✔|no problems/);
    assert.equal(r.stdout, '✖ 1 path could not be checked or fixed\n');
    const mixed = cli(['check', 'samples/uk-psa-2008.framework.yaml', 'no-such.framework.yaml']);
    assert.equal(mixed.code, 2);
    assert.equal(mixed.stdout, '✖ 1 path could not be checked or fixed; 1 file checked, no problems in it\n');
  });

  it('an unreadable --config exits 2 before checking', () => {
    const missing = cli(['check', '--config', 'nowhere.yaml', 'samples/']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'yardstick: cannot read the configuration nowhere.yaml: no such file (ENOENT).\n');
    assert.equal(missing.stdout, '');
    const dir = unprivilegedDir();
    writeFileSync(join(dir, 'secret.yaml'), 'rules: {}\n');
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const denied = cliUnprivileged(['check', '--config', join(dir, 'secret.yaml'), join(ROOT, 'samples/uk-psa-2008.framework.yaml')]);
    assert.equal(denied.code, 2);
    assert.match(denied.stderr, /cannot read the configuration .*secret\.yaml: permission denied \(EACCES\)\./);
    // A .yardstick.yaml found by the search that cannot be read fails the run the same way.
    writeFileSync(join(dir, '.yardstick.yaml'), 'rules: {}\n');
    chmodSync(join(dir, '.yardstick.yaml'), 0o000);
    writeFileSync(join(dir, 'p.framework.yaml'), MINIMAL);
    chmodSync(join(dir, 'p.framework.yaml'), 0o644);
    const found = cliUnprivileged(['check', join(dir, 'p.framework.yaml')]);
    assert.equal(found.code, 2);
    assert.match(found.stderr, /yardstick: cannot read the configuration .*\.yardstick\.yaml: permission denied \(EACCES\)\./);
  });

  it('unknown and malformed options: a plain message and a usage hint, never the parser text', () => {
    const cases: Array<[string[], string]> = [
      [['check', '--bogus', 'samples'], 'unknown option --bogus.'],
      [['check', '--fx', 'samples'], 'unknown option --fx; did you mean --fix?'],
      [['check', '--formt', 'json', 'samples'], 'unknown option --formt; did you mean --format?'],
      [['check', 'samples', '--format'], '--format needs a value: stylish, json, sarif, github.'],
      [['check', '--fix=yes', 'samples'], '--fix takes no value.'],
      [['check', '--max-warnings=', 'samples'], '--max-warnings needs a whole number of 0 or more, not nothing.'],
      [['check', '--max-warnings', '1.5', 'samples'], '--max-warnings needs a whole number of 0 or more, not "1.5".'],
      [['check', '--fix', '--fix-dry-run', 'samples'], '--fix and --fix-dry-run cannot be used together: choose one.'],
      [['init', '--tempalte', 'uk'], 'unknown option --tempalte; did you mean --template?'],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      const prefix = args[0] === 'init' ? 'yardstick init' : 'yardstick';
      assert.equal(
        r.stderr,
        `${prefix}: ${message}\nRun "yardstick${args[0] === 'init' ? ' init' : ''} --help" for usage.\n`,
        args.join(' '),
      );
      assert.doesNotMatch(r.stderr, /positional|ambiguous|'-- "/);
    }
  });

  it('-q hides warnings but --max-warnings still counts them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'w.framework.yaml'), WARNINGS_ONLY);
    const full = JSON.parse(cli(['check', '--format', 'json', 'w.framework.yaml'], dir).stdout)[0];
    assert.ok(full.warningCount > 0, `warningCount: ${full.warningCount}`);
    const quiet = cli(['check', '-q', '--max-warnings', '0', 'w.framework.yaml'], dir);
    assert.equal(quiet.code, 1);
    assert.equal(
      quiet.stderr,
      `yardstick: ${full.warningCount} warning${full.warningCount === 1 ? '' : 's'} found; --max-warnings allows 0.\n`,
    );
    assert.doesNotMatch(quiet.stdout, /warning /);
    assert.equal(cli(['check', '-q', 'w.framework.yaml'], dir).code, 0);
  });

  it('follows symbolic links in folders: a linked framework is checked, a loop checks each file once', () => {
    const dir = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'real.framework.yaml'), MINIMAL.replace('id: demo', 'id: real'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.framework.yaml'), MINIMAL);
    symlinkSync(join(elsewhere, 'real.framework.yaml'), join(dir, 'linked.framework.yaml'));
    symlinkSync(dir, join(dir, 'sub', 'loop')); // sub/loop -> dir: a cycle
    symlinkSync(join(dir, 'sub', 'a.framework.yaml'), join(dir, 'again.framework.yaml')); // a second name
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.framework.yaml'));
    const r = cli(['check', '--format', 'json', '.'], dir);
    const files = JSON.parse(r.stdout).map((f: { filePath: string }) => f.filePath);
    assert.deepEqual(files, [join(dir, 'again.framework.yaml'), join(dir, 'linked.framework.yaml')]);
    assert.equal(r.stderr, 'yardstick: cannot check dangling.framework.yaml: a symbolic link to a file that does not exist.\n');
    assert.equal(r.code, 2);
    // A glob through the loop reaches sub/a.framework.yaml and, through sub/loop, the linked
    // file: each once, however many names the loop gives them.
    const glob = cli(['check', '--format', 'json', 'sub/**/*.framework.yaml'], dir);
    assert.deepEqual(
      JSON.parse(glob.stdout).map((f: { filePath: string }) => realpathSync(f.filePath)),
      [join(dir, 'sub', 'a.framework.yaml'), join(elsewhere, 'real.framework.yaml')].map((p) => realpathSync(p)),
    );
  });

  it('a named pipe or a device named on the command line is refused, not opened', () => {
    const dir = tempDir();
    spawnSync('mkfifo', [join(dir, 'pipe.framework.yaml')]);
    ensureBuilt();
    // Were the FIFO opened, the run would block until the timeout kills it.
    const r = spawnSync(process.execPath, [CLI, 'check', join(dir, 'pipe.framework.yaml'), '/dev/null'], {
      encoding: 'utf8',
      timeout: 15000,
    });
    assert.equal(r.signal, null, 'the run hung on the FIFO');
    assert.equal(r.status, 2);
    assert.equal(
      r.stderr,
      [
        `yardstick: cannot check ${join(dir, 'pipe.framework.yaml')}: it is a named pipe (FIFO), not a regular file.`,
        'yardstick: cannot check /dev/null: it is a device, not a regular file.',
        '',
      ].join('\n'),
    );
  });

  it('results do not depend on the current folder: the config search stops at the repository root', () => {
    const outer = tempDir();
    const repo = join(outer, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'plans', 'uk'), { recursive: true });
    // Above the repository: must never apply. At the repository root: applies from anywhere.
    writeFileSync(join(outer, '.yardstick.yaml'), 'rules:\n  schema: off\n');
    writeFileSync(join(repo, '.yardstick.yaml'), 'rules:\n  YS002: warning\n');
    const file = join(repo, 'plans', 'uk', 'p.framework.yaml');
    writeFileSync(file, MINIMAL + '  review_cycle: fortnightly\n');
    const runs = [outer, repo, join(repo, 'plans', 'uk'), '/'].map((cwd) => {
      const r = cli(['check', '--format', 'json', file], cwd);
      return JSON.parse(r.stdout)[0]
        .messages.filter((m: { ruleId: string }) => m.ruleId === 'YS002')
        .map((m: { severity: string }) => m.severity);
    });
    for (const severities of runs) assert.deepEqual(severities, ['warning']);
    // Without .git the search goes on to the filesystem root, and the outer config applies, from anywhere.
    const loose = tempDir();
    mkdirSync(join(loose, 'a', 'b'), { recursive: true });
    writeFileSync(join(loose, '.yardstick.yaml'), 'rules:\n  schema: off\n');
    writeFileSync(join(loose, 'a', 'b', 'p.framework.yaml'), MINIMAL + '  review_cycle: fortnightly\n');
    for (const cwd of [join(loose, 'a', 'b'), '/']) {
      const r = cli(['check', '--format', 'json', join(loose, 'a', 'b', 'p.framework.yaml')], cwd);
      assert.equal(r.stdout.includes('YS002'), false, cwd);
    }
  });
});

describe('yardstick CLI: SARIF and GitHub output for CI', () => {
  it('SARIF names files relative to %SRCROOT% (the repository) and declares UTF-16 columns', () => {
    const repo = tempDir();
    mkdirSync(join(repo, '.git'));
    mkdirSync(join(repo, 'plans with spaces'));
    const file = join(repo, 'plans with spaces', 'p.framework.yaml');
    writeFileSync(file, MINIMAL + '  review_cycle: fortnightly # ✓ 𝔘\n');
    const r = cli(['check', '--format', 'sarif', 'p.framework.yaml'], join(repo, 'plans with spaces'));
    const run = JSON.parse(r.stdout).runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${repo}/` } });
    assert.deepEqual(run.artifacts, [{ location: { uri: 'plans%20with%20spaces/p.framework.yaml', uriBaseId: '%SRCROOT%' } }]);
    const location = run.results[0].locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, 'plans%20with%20spaces/p.framework.yaml');
    assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
    // Resolved against a checkout elsewhere, the URI names the same file in it.
    const checkout = new URL(location.artifactLocation.uri, 'file:///home/ci/checkout/');
    assert.equal(fileURLToPath(checkout), '/home/ci/checkout/plans with spaces/p.framework.yaml');
    assert.equal(
      readFileSync(fileURLToPath(new URL(location.artifactLocation.uri, run.originalUriBaseIds['%SRCROOT%'].uri)), 'utf8').length > 0,
      true,
    );
  });

  it('--format github writes one workflow command per finding, escaped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a,b.framework.yaml'), MINIMAL + '  review_cycle: fortnightly\n');
    const r = cli(['check', '--format', 'github', 'a,b.framework.yaml'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((l) =>
        /^::(error|warning|notice) file=a%2Cb\.framework\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=YS\d{3} [a-z-]+::/.test(l),
      ),
      r.stdout,
    );
    assert.ok(
      lines.includes(
        '::error file=a%2Cb.framework.yaml,line=7,col=17,endLine=7,endColumn=28,title=YS002 schema::"fortnightly" is not a valid review_cycle; expected one of monthly, quarterly, biannual, annual.',
      ),
      r.stdout,
    );
  });
});
