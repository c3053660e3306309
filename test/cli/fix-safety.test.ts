// `yardstick check --fix` must never lose data: each way a write can go wrong is provoked for
// real (a read-only file as an unprivileged user, a file-size limit, another program saving the
// file, bytes that do not decode, a closed pipe, Ctrl-C), and the files are compared byte for byte.
import { strict as assert } from 'node:assert';
import { chmodSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MINIMAL, ROOT } from '../helpers';
import { bash, cli, cliUnprivileged, giveAway, unprivilegedDir } from './run-cli';

/** A framework whose only safe fix is the format version (3 → 1). */
const FIXABLE = MINIMAL.replace('yardstick: 1', 'yardstick: 3');
const FIXED = MINIMAL;
const ON_FSYNC = join(ROOT, 'test/fixtures/cli/on-fsync.cjs');

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ys-fix-'));
}

/** Writes files into `dir` (owned by the unprivileged user when the tests run as root). */
function put(dir: string, files: Record<string, string | Buffer>): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    paths[name] = join(dir, name);
    writeFileSync(paths[name], content);
    giveAway(paths[name]);
  }
  return paths;
}

/** No temporary file may be left behind, whatever happened. */
function assertNoLeftovers(dir: string): void {
  assert.deepEqual(
    readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );
}

const noStackTrace = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at |Error:|EPIPE|node:internal/, stderr);

describe('yardstick check --fix: never loses data', () => {
  it('a read-only file is refused by name; the other files are still fixed and reported (exit 2)', () => {
    const dir = unprivilegedDir();
    const f = put(dir, { 'a.framework.yaml': FIXABLE, 'b.framework.yaml': FIXABLE, 'c.framework.yaml': FIXABLE });
    chmodSync(f['b.framework.yaml'], 0o444);
    const r = cliUnprivileged(['check', '--fix', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /yardstick: not fixed: .*b\.framework\.yaml: the file is read-only \(EACCES\)\. The file is unchanged\./);
    assert.match(r.stderr, /Fixed 1 problem in .*a\.framework\.yaml \(YS005\)/);
    assert.match(r.stderr, /Fixed 1 problem in .*c\.framework\.yaml \(YS005\)/);
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXED);
    assert.equal(readFileSync(f['b.framework.yaml'], 'utf8'), FIXABLE);
    assert.equal(readFileSync(f['c.framework.yaml'], 'utf8'), FIXED);
    assert.equal(statSync(f['b.framework.yaml']).mode & 0o777, 0o444);
    // The unfixed file's finding is still in the report.
    assert.match(r.stdout, /b\.framework\.yaml\n\s+1:12\s+error\s+Unsupported format version 3/);
    noStackTrace(r.stderr);
    assertNoLeftovers(dir);
  });

  it('a folder that is not writable: the temporary file cannot be made, the file is unchanged', () => {
    const dir = unprivilegedDir();
    const f = put(dir, { 'a.framework.yaml': FIXABLE });
    chmodSync(dir, 0o555);
    const r = cliUnprivileged(['check', '--fix', f['a.framework.yaml']]);
    chmodSync(dir, 0o755);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not fixed: .*a\.framework\.yaml: permission denied \(EACCES\)\. The file is unchanged\./);
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXABLE);
    assertNoLeftovers(dir);
  });

  it('a write cut short by the file-size limit (ulimit -f) leaves the original whole', () => {
    const dir = tempDir();
    // 120 KB: over a 64 KB limit, so the write of the fixed copy fails part-way (EFBIG).
    const big = FIXABLE + '# padding line to make the file large\n'.repeat(3200);
    const f = put(dir, { 'big.framework.yaml': big, 'small.framework.yaml': FIXABLE });
    const r = bash(`ulimit -f 64 && exec "${process.execPath}" "${join(ROOT, 'dist/cli.js')}" check --fix "${dir}"`);
    assert.equal(r.signal, null, 'the process must not be killed by SIGXFSZ');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not fixed: .*big\.framework\.yaml: the file-size limit was reached \(EFBIG\)\. The file is unchanged\./);
    assert.equal(readFileSync(f['big.framework.yaml'], 'utf8'), big);
    assert.equal(readFileSync(f['small.framework.yaml'], 'utf8'), FIXED);
    noStackTrace(r.stderr);
    assertNoLeftovers(dir);
  });

  it('a file saved by another program while it was checked is not overwritten', () => {
    const dir = tempDir();
    const f = put(dir, { 'a.framework.yaml': FIXABLE });
    const r = cli(['check', '--fix', f['a.framework.yaml']], ROOT, {
      nodeArgs: ['--require', ON_FSYNC],
      env: { YS_ON_FSYNC: `append:${f['a.framework.yaml']}` },
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /not fixed: .*a\.framework\.yaml: it changed on disk while it was being checked; run the command again\. The file is unchanged\./,
    );
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXABLE + '# saved by someone else\n');
    assertNoLeftovers(dir);
  });

  it('bytes that do not decode back to themselves: the file is refused, untouched; others are fixed', () => {
    const dir = tempDir();
    // Windows-1252: "é" is 0xE9; 0xFF and 0xFE are "ÿ" and "þ". Decoded as UTF-8 they would
    // come back as U+FFFD, three bytes each.
    const cp1252 = Buffer.from(FIXABLE.replace('Demo framework', 'Caf\u00e9 \u00ff\u00fe framework'), 'latin1');
    const oddUtf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXABLE, 'utf16le'), Buffer.from([0x41])]);
    const f = put(dir, { 'cp1252.framework.yaml': cp1252, 'odd.framework.yaml': oddUtf16, 'ok.framework.yaml': FIXABLE });
    const r = cli(['check', '--fix', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /not fixed: .*cp1252\.framework\.yaml: it is not valid UTF-8 \(byte 0xE9 on line 4; a Windows-1252 or Latin-1 file needs saving as UTF-8\): --fix rewrites only files it can write back byte for byte\. The file is unchanged\./,
    );
    assert.match(r.stderr, /not fixed: .*odd\.framework\.yaml: it is UTF-16 with an odd number of bytes/);
    assert.deepEqual(readFileSync(f['cp1252.framework.yaml']), cp1252);
    assert.deepEqual(readFileSync(f['odd.framework.yaml']), oddUtf16);
    assert.equal(readFileSync(f['ok.framework.yaml'], 'utf8'), FIXED);
    assertNoLeftovers(dir);
  });

  it('UTF-16 (LE and BE, with a BOM) is fixed with every byte outside the edit unchanged', () => {
    const dir = tempDir();
    const text = FIXABLE + '# ✓ naïve 𝔘nicode, CRLF next\r\n# lone CR\r# end\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const f = put(dir, { 'le.framework.yaml': le, 'be.framework.yaml': be });
    const r = cli(['check', '--fix', dir]);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    const at = 2 + 2 * 'yardstick: '.length; // the digit, after the BOM
    for (const [name, original] of [
      ['le.framework.yaml', le],
      ['be.framework.yaml', be],
    ] as const) {
      const after = readFileSync(f[name]);
      assert.equal(after.length, original.length);
      assert.deepEqual(after.subarray(0, at), original.subarray(0, at), name);
      assert.deepEqual(after.subarray(at + 2), original.subarray(at + 2), name);
      assert.equal(
        name === 'le.framework.yaml'
          ? after.subarray(at, at + 2).toString('utf16le')
          : Buffer.from(after.subarray(at, at + 2))
              .swap16()
              .toString('utf16le'),
        '1',
      );
    }
  });

  it('keeps the mode, writes through a symbolic link, and refuses a file with other hard links', () => {
    const dir = tempDir();
    const f = put(dir, { 'mode.framework.yaml': FIXABLE, 'target.yaml': FIXABLE, 'linked.framework.yaml': FIXABLE });
    chmodSync(f['mode.framework.yaml'], 0o640);
    symlinkSync(f['target.yaml'], join(dir, 'link.framework.yaml'));
    linkSync(f['linked.framework.yaml'], join(dir, 'other-name.yaml'));
    const r = cli(['check', '--fix', dir]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(statSync(f['mode.framework.yaml']).mode & 0o777, 0o640);
    assert.equal(readFileSync(f['mode.framework.yaml'], 'utf8'), FIXED);
    assert.ok(
      statSync(join(dir, 'link.framework.yaml'), { throwIfNoEntry: true }) &&
        readdirSync(dir, { withFileTypes: true })
          .find((e) => e.name === 'link.framework.yaml')!
          .isSymbolicLink(),
      "statSync(join(dir, 'link.framework.yaml'), { throwIfNoEntry: true }) && readdirSync(dir, { withFileTypes: true }) .find((e) => e.name === 'link.framework.yaml')! .isSymbolicLink()",
    );
    assert.equal(readFileSync(f['target.yaml'], 'utf8'), FIXED);
    assert.match(
      r.stderr,
      /not fixed: .*linked\.framework\.yaml: it has 2 hard links, which replacing it would separate\. The file is unchanged\./,
    );
    assert.equal(readFileSync(f['linked.framework.yaml'], 'utf8'), FIXABLE);
  });

  it('Ctrl-C while fixing: the file in hand is finished, the rest untouched, no trace, exit 130', () => {
    const dir = tempDir();
    const f = put(dir, { 'a.framework.yaml': FIXABLE, 'b.framework.yaml': FIXABLE, 'c.framework.yaml': FIXABLE });
    const r = cli(['check', '--fix', dir], ROOT, { nodeArgs: ['--require', ON_FSYNC], env: { YS_ON_FSYNC: 'interrupt' } });
    assert.equal(r.code, 130, r.stderr);
    assert.equal(r.stderr, 'yardstick: interrupted; each file is either fixed completely or untouched.\n');
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXED);
    assert.equal(readFileSync(f['b.framework.yaml'], 'utf8'), FIXABLE);
    assert.equal(readFileSync(f['c.framework.yaml'], 'utf8'), FIXABLE);
    assertNoLeftovers(dir);
  });

  it('a closed pipe (yardstick check dir | head -1) ends quietly with the exit code of the check', () => {
    // A FIFO whose only reader is closed before the CLI starts: its first write meets EPIPE.
    const dir = tempDir();
    const r = bash(
      `mkfifo "${dir}/p" && exec 3<>"${dir}/p" 4>"${dir}/p" && exec 3<&- && "${process.execPath}" dist/cli.js check samples/ test/fixtures/structure-errors.framework.yaml >&4`,
    );
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    const fixing = tempDir();
    const f = put(fixing, { 'a.framework.yaml': FIXABLE });
    const fixed = bash(
      `mkfifo "${dir}/q" && exec 3<>"${dir}/q" 4>"${dir}/q" && exec 3<&- && "${process.execPath}" dist/cli.js check --fix "${fixing}" >&4`,
    );
    assert.equal(fixed.code, 0, fixed.stderr);
    noStackTrace(fixed.stderr);
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXED);
  });

  it('--fix-dry-run prints the changes as a unified diff and writes nothing', () => {
    const dir = tempDir();
    const f = put(dir, { 'a.framework.yaml': FIXABLE + '# tail\n' });
    const r = cli(['check', '--fix-dry-run', 'a.framework.yaml'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXABLE + '# tail\n');
    assert.ok(
      r.stdout.startsWith(
        [
          '--- a/a.framework.yaml',
          '+++ b/a.framework.yaml',
          '@@ -1,4 +1,4 @@',
          '-yardstick: 3',
          '+yardstick: 1',
          ' framework:',
          '   id: demo',
          '   title: Demo framework',
          '',
        ].join('\n'),
      ),
      r.stdout,
    );
    assert.equal(r.stderr, 'Would fix 1 problem in a.framework.yaml (YS005)\n');
    const json = JSON.parse(cli(['check', '--fix-dry-run', '--format', 'json', 'a.framework.yaml'], dir).stdout);
    assert.equal(json[0].output, FIXED + '# tail\n');
    assert.deepEqual(json[0].fixed, [{ ruleId: 'YS005', count: 1 }]);
    assert.equal(readFileSync(f['a.framework.yaml'], 'utf8'), FIXABLE + '# tail\n');
  });
});
