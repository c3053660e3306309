// Hostile inputs: each gets a clear diagnostic in bounded time (bounds are generous: they
// catch hangs, not slowness; docs/limits.md has the measured timings).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../../server/src/lint/analyze';
import type { Finding } from '../../server/src/engine/types';
import { findingProblems } from '../../scripts/fuzz';
import { CLI, ensureBuilt } from '../dist';
import { MINIMAL, readRepoFile } from '../helpers';

const UK = readRepoFile('samples/uk-psa-2008.framework.yaml');

/** Analyses within `ms`, with sane findings; returns them. */
function timed(text: string, ms = 5000): Finding[] {
  const t0 = performance.now();
  const { findings } = analyze(text);
  const took = performance.now() - t0;
  assert.ok(took < ms, `took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  assert.deepEqual(findingProblems(text, findings), []);
  return findings;
}

const syntax = (fs: Finding[]) => fs.filter((f) => f.code === 'YS001');

function cli(files: Record<string, string | Buffer>, args: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'yardstick-hostile-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args, ...Object.keys(files)], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A framework of about `bytes` characters: the UK sample with its first indicator repeated. */
export function bigFramework(bytes: number): string {
  const split = UK.indexOf('\nindicators:\n') + '\nindicators:\n'.length;
  const first = UK.indexOf('  - id: all-age-all-cause-mortality');
  const block = UK.slice(first, UK.indexOf('  - id: smoking-prevalence-routine-manual'));
  const parts = [UK.slice(0, split)];
  let length = UK.length;
  for (let i = 0; length < bytes; i++) {
    const b = block.replace('all-age-all-cause-mortality', `copy-${i}`);
    parts.push(b);
    length += b.length;
  }
  parts.push(UK.slice(split));
  return parts.join('');
}

describe('robustness: hostile inputs', function () {
  before(ensureBuilt);
  this.timeout(120_000);

  it('billion laughs: refused with an alias-expansion YS001 at the first alias', () => {
    const lines = ['x-l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i <= 9; i++)
      lines.push(
        `x-l${i}: &l${i} [${Array(9)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const text = MINIMAL + lines.join('\n') + '\n';
    const fs = timed(text);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].code, 'YS001');
    assert.match(fs[0].message, /^Aliases expand this document to about [\d.e+]+ nodes \(limit \d+\)/);
    assert.equal(text.slice(fs[0].start, fs[0].end), '*l0');
  });

  it('a few honest aliases are fine', () => {
    assert.deepEqual(syntax(timed(MINIMAL + 'x-a: &a [1, 2]\nx-b: *a\n')), []);
  });

  for (const [name, text] of [
    ['flow sequences', 'x: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n'],
    ['flow mappings', 'x: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n'],
    ['block mappings', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' v\n'],
    ['block sequences', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(2 * i)}-`).join('\n') + ' v\n'],
  ] as const) {
    it(`10,000-deep ${name}: one YS001 "nest deeper than 100 levels"`, () => {
      const fs = timed(text, 10_000);
      assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.message)));
      assert.equal(fs[0].code, 'YS001');
      assert.equal(fs[0].message, 'Collections nest deeper than 100 levels; a framework file needs about 6.');
    });
  }

  it('nesting at 100 levels is accepted, at 101 refused', () => {
    const nest = (d: number) => MINIMAL + 'x-deep: ' + '['.repeat(d - 1) + ']'.repeat(d - 1) + '\n';
    assert.deepEqual(syntax(timed(nest(100))), []);
    assert.equal(syntax(timed(nest(101))).length, 1);
  });

  it('a 50 MB framework is checked in full in bounded time, with sane findings', () => {
    const text = bigFramework(50 * 1024 * 1024);
    assert.ok(text.length >= 50 * 1024 * 1024, `text.length is ${text.length}`);
    const fs = timed(text, 60_000);
    assert.deepEqual(syntax(fs), []);
    // Every copied indicator is linked to no agreement (YS406); nothing else is new.
    const copies = (text.match(/- id: copy-\d+\n/g) ?? []).length;
    assert.equal(fs.filter((f) => f.code === 'YS406').length, copies);
    assert.ok(
      fs.every((f) => f.code === 'YS406' || f.code === 'YS401'),
      JSON.stringify([...new Set(fs.map((f) => f.code))]),
    );
  });

  it('a 1 MB single line (one scalar) is fine', () => {
    const fs = timed(MINIMAL.replace('title: Demo framework', `title: ${'x'.repeat(1024 * 1024)}`));
    assert.deepEqual(syntax(fs), []);
  });

  it('a 1 MB single line of flow YAML is fine', () => {
    const text = MINIMAL + `x-list: [${Array.from({ length: 150_000 }, (_, i) => i).join(', ')}]\n`;
    assert.ok(text.length > 1024 * 1024, `text.length is ${text.length}`);
    assert.deepEqual(syntax(timed(text)), []);
  });

  it('NUL and other control characters: YS001 on the character', () => {
    for (const c of ['\u0000', '\u0001', '\u001b', '\u007f']) {
      const text = MINIMAL.replace('Demo framework', `Demo${c}framework`);
      const fs = syntax(timed(text));
      assert.ok(fs.length >= 1, JSON.stringify(c));
      assert.ok(
        fs.some((f) => f.start <= text.indexOf(c) && text.indexOf(c) < Math.max(f.end, f.start + 1)),
        `${JSON.stringify(c)}: ${JSON.stringify(fs)}`,
      );
    }
  });

  it('CLI: a file with binary bytes (NUL, 0xFF) exits 1 with a YS001 message, no crash', () => {
    const bytes = Buffer.concat([Buffer.from(MINIMAL), Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]), Buffer.from('indicators: []\n')]);
    const r = cli({ 'binary.framework.yaml': bytes });
    assert.ok(r.code === 1 || r.code === 2, `exit ${r.code}: ${r.stderr}`);
    assert.equal(r.signal, null);
    assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
    const [file] = JSON.parse(r.stdout);
    assert.ok(
      file.messages.some((m: { ruleId: string; line: number; message: string }) => m.ruleId === 'YS001' && m.line === 7),
      r.stdout,
    );
  });

  it('CLI: a whole binary file (every byte value) exits 1 or 2 with a message', () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const r = cli({ 'noise.framework.yaml': bytes });
    assert.ok(r.code === 1 || r.code === 2, `exit ${r.code}: ${r.stderr}`);
    assert.ok(r.stdout.includes('YS001') || r.stderr.length > 0, r.stdout + r.stderr);
  });

  it('CLI: UTF-8 with a BOM, UTF-16 LE and UTF-16 BE files all check clean, and positions are right', () => {
    const text = MINIMAL + '  review_cycle: quartely\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    const r = cli({
      'bom.framework.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'le.framework.yaml': le,
      'be.framework.yaml': be,
    });
    assert.equal(r.code, 1, r.stderr);
    const files = JSON.parse(r.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
    }>;
    assert.equal(files.length, 3);
    for (const f of files) {
      assert.deepEqual(
        f.messages.map((m) => [m.ruleId, m.line, m.column]),
        [['YS002', 7, 17]],
        `${f.filePath}: ${JSON.stringify(f.messages)}`,
      );
    }
  });

  it('UTF-8 BOM in the engine input: no YS001', () => {
    assert.deepEqual(syntax(timed('\ufeff' + UK)), []);
  });

  it('CRLF line endings: same findings, line/character still right', () => {
    const lf = MINIMAL + '  review_cycle: quartely\n  descripton: x\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = timed(lf);
    const b = timed(crlf);
    assert.deepEqual(
      b.map((f) => [f.code, f.range]),
      a.map((f) => [f.code, f.range]),
    );
    const enumError = b.find((f) => f.message.includes('quartely'))!;
    assert.deepEqual(enumError.range, { start: { line: 6, character: 16 }, end: { line: 6, character: 24 } });
    assert.equal(crlf.slice(enumError.start, enumError.end), 'quartely');
    // A syntax error on a CRLF file: the tab on line 8.
    const broken = (MINIMAL + 'indicators:\n\t- id: x\n').replace(/\n/g, '\r\n');
    const [tab] = syntax(timed(broken));
    assert.equal(tab.range.start.line, 7);
    assert.equal(tab.range.start.character, 0);
    assert.equal(broken[tab.start], '\t');
  });

  it('CRLF sample: no findings, like the LF one', () => {
    assert.deepEqual(timed(UK.replace(/\n/g, '\r\n')), []);
  });

  it('tabs as indentation: YS001 on the tab', () => {
    const text = MINIMAL + 'indicators:\n\t- id: x\n';
    const fs = syntax(timed(text));
    assert.ok(fs.length >= 1, `fs.length is ${fs.length}`);
    assert.match(fs[0].message, /[Tt]ab/);
    assert.equal(fs[0].range.start.line, 7);
  });

  it('a tab after a colon (not indentation) is fine', () => {
    assert.deepEqual(syntax(timed(MINIMAL.replace('jurisdiction: UK', 'jurisdiction:\tUK'))), []);
  });

  it('duplicate keys: YS001 on the second key', () => {
    const text = MINIMAL.replace('  title: Demo framework\n', '  title: Demo framework\n  title: Again\n');
    const fs = syntax(timed(text));
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /unique|[Dd]uplicate/);
    assert.equal(fs[0].range.start.line, 4);
  });

  it('merge keys (<<): a clear message that they are not supported', () => {
    const text = MINIMAL + 'x-defaults: &d { unit: percent }\nindicators:\n  - <<: *d\n    id: i1\n';
    const fs = timed(text);
    const merge = fs.find((f) => /Merge keys \(<<\) are not supported/.test(f.message));
    assert.ok(merge, JSON.stringify(fs.map((f) => f.message)));
    assert.equal(text.slice(merge.start, merge.end), '<<');
  });

  it('an empty file, whitespace only, comments only: one clear YS005 "empty"', () => {
    for (const text of ['', '\n\n', '   \n', '# only\n# comments\n', '# no newline at end']) {
      const fs = timed(text);
      assert.deepEqual(
        fs.map((f) => f.code),
        ['YS005'],
        JSON.stringify(text),
      );
      assert.match(fs[0].message, /empty/);
    }
  });

  it('several documents: YS001 on the second', () => {
    const text = MINIMAL + '---\nyardstick: 1\n';
    const fs = syntax(timed(text));
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /one YAML document/);
    assert.equal(fs[0].range.start.line, 7);
  });

  it('lone surrogates, U+2028, NEL and bidi controls in values do not break ranges', () => {
    for (const c of ['\ud800', '\udfff', '\u2028', '\u0085', '\u202e', '\ufeff', '😀'])
      timed(MINIMAL.replace('Demo framework', `Demo ${c} framework`));
  });
});
