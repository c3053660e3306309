// The install path the README gives for use outside the repository: `npm pack` makes a tarball
// holding the CLI and the language server, which installs with no download (everything is
// bundled) and runs from the prefix's bin folder.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { MINIMAL, ROOT } from '../helpers';
import { ensureBuilt } from './run-cli';

describe('install: the npm pack tarball', function () {
  this.timeout(120_000);
  let bin: string;

  before(() => {
    ensureBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'ys-pack-'));
    // The build is the one the tests run; `npm pack` on its own builds a production one first.
    const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, pack.stdout);
    const prefix = join(dir, 'prefix');
    const install = spawnSync(
      'npm',
      ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(dir, tarball)],
      { cwd: dir, encoding: 'utf8' },
    );
    assert.equal(install.status, 0, install.stderr);
    bin = join(prefix, 'bin');
  });

  it('holds only the bundles and the docs a user needs', () => {
    const list = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(list.stdout)[0].files as Array<{ path: string }>).map((f) => f.path).sort();
    // The format guide and the rule pages ship too: documentation links open them offline.
    const docs = ['docs/format.md', ...readdirSync(join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`)];
    // The server reads big workspaces in a worker thread, from a bundle of its own.
    const bundles = ['dist/cli.js', 'dist/server.js', 'dist/index-worker.js'];
    assert.deepEqual(files, ['CHANGELOG.md', 'LICENSE', 'README.md', ...bundles, ...docs, 'package.json'].sort());
  });

  it('yardstick check runs from the prefix on the samples, with the usual exit codes', () => {
    const clean = spawnSync(join(bin, 'yardstick'), ['check', 'samples/uk-psa-2008.framework.yaml', 'samples/us-hhs-2022.framework.yaml'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(clean.stdout, '✔ 2 files checked, no problems\n');
    const defects = spawnSync(
      join(bin, 'yardstick'),
      ['check', '--format', 'json', '--max-warnings', '0', 'samples/defects.framework.yaml'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(defects.status, 1);
    assert.ok(
      JSON.parse(defects.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'YS101'),
      "JSON.parse(defects.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'YS101')",
    );
  });

  it('yardstick rules YS101 prints the page shipped in the tarball, run from outside the repository', () => {
    const r = spawnSync(join(bin, 'yardstick'), ['rules', 'YS101'], { cwd: tmpdir(), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^YS101: missing-baseline\n=+\n/);
    assert.match(r.stdout, /\nSources\n-+\n/);
  });

  it('yardstick-language-server --stdio answers from the prefix and publishes diagnostics', async () => {
    const server = spawn(join(bin, 'yardstick-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    const uri = pathToFileURL(join(tmpdir(), 'installed.framework.yaml')).href;
    const diagnostics = new Promise<Array<{ code: string }>>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code: string }> }) => {
        if (p.uri === uri) resolve(p.diagnostics);
      }),
    );
    connection.listen();
    try {
      const init = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { textDocument: { publishDiagnostics: {} } },
      })) as { serverInfo?: { name: string } };
      assert.equal(init.serverInfo?.name, 'yardstick-language-server');
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yardstick', version: 1, text: MINIMAL + '  review_cycle: fortnightly\n' },
      });
      const found = await diagnostics;
      assert.ok(
        found.some((d) => d.code === 'YS002'),
        JSON.stringify(found),
      );
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
