// Templates (templates/) and `yardstick init`: each template passes the built CLI's check with no
// finding, and init writes exactly the template with the chosen framework id.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameworkTemplates, instantiateTemplate, templateFrameworkId } from '../../templates';
import { ROOT } from '../helpers';

const CLI = join(ROOT, 'dist/cli.js');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function messagesOf(file: string, cwd = ROOT): string[] {
  const r = cli(['check', '--format', 'json', file], cwd);
  const [result] = JSON.parse(r.stdout);
  return result.messages.map((m: { ruleId: string; line: number; message: string }) => `${m.ruleId} ${m.line} ${m.message}`);
}

describe('framework templates', () => {
  it('lists every templates/*.framework.yaml, as bundled', () => {
    const files = readdirSync(join(ROOT, 'templates'))
      .filter((f) => f.endsWith('.framework.yaml'))
      .sort();
    assert.deepEqual(frameworkTemplates.map((t) => t.file).sort(), files);
    assert.deepEqual(
      frameworkTemplates.map((t) => t.id),
      ['uk', 'us', 'blank'],
    );
    for (const t of frameworkTemplates) assert.equal(t.text, readFileSync(join(ROOT, 'templates', t.file), 'utf8'));
  });

  for (const t of frameworkTemplates) {
    it(`${t.file} passes yardstick check with no finding at all`, () => {
      assert.deepEqual(messagesOf(`templates/${t.file}`), []);
      const r = cli(['check', `templates/${t.file}`]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /1 file checked, no problems/);
    });
  }

  it('replaces only the framework id, not stage, indicator or agreement ids', () => {
    const uk = frameworkTemplates[0];
    const before = templateFrameworkId(uk);
    assert.equal(before, 'uk-department-2025');
    const after = instantiateTemplate(uk, 'health-2026');
    assert.equal(after, uk.text.replace('\n  id: uk-department-2025\n', '\n  id: health-2026\n'));
    assert.equal(instantiateTemplate(uk, undefined, '\r\n'), uk.text.replace(/\n/g, '\r\n'));
    assert.throws(() => instantiateTemplate(uk, 'Not An Id'), /not a valid framework id/);
  });
});

describe('yardstick init', () => {
  it('writes <id>.framework.yaml from the chosen template, which then checks clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-init-'));
    const r = cli(['init', '--template', 'us', '--id', 'benefits-2026', 'plans'], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      `Wrote plans/benefits-2026.framework.yaml (US agency (GPRA strategic plan)). Check it with: yardstick check plans/benefits-2026.framework.yaml\n`,
    );
    const written = readFileSync(join(dir, 'plans/benefits-2026.framework.yaml'), 'utf8');
    assert.equal(written, instantiateTemplate(frameworkTemplates[1], 'benefits-2026'));
    assert.deepEqual(messagesOf('plans/benefits-2026.framework.yaml', dir), []);
  });

  it('defaults to the blank template and its id in the current folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-init-'));
    const r = cli(['init'], dir);
    assert.equal(r.code, 0, r.stderr);
    const blank = frameworkTemplates.find((t) => t.id === 'blank')!;
    assert.equal(readFileSync(join(dir, 'new-framework.framework.yaml'), 'utf8'), blank.text);
  });

  it('never overwrites, and refuses unknown templates and invalid ids with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yardstick-init-'));
    writeFileSync(join(dir, 'mine.framework.yaml'), 'keep me\n');
    const exists = cli(['init', '--id', 'mine'], dir);
    assert.equal(exists.code, 2);
    assert.equal(exists.stderr, 'yardstick init: mine.framework.yaml already exists; choose another --id or folder.\n');
    assert.equal(readFileSync(join(dir, 'mine.framework.yaml'), 'utf8'), 'keep me\n');
    const unknown = cli(['init', '--template', 'fr'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown template "fr"; use uk, us, blank/);
    const bad = cli(['init', '--id', 'My Plan'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"My Plan" is not a valid framework id/);
    assert.equal(existsSync(join(dir, 'My Plan.framework.yaml')), false);
  });

  it('is listed in the main help', () => {
    assert.match(cli(['--help']).stdout, /yardstick init {10}write a new framework file from a UK, US or blank template/);
  });
});
