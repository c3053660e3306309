// Issue 5, security: no network, no remote $ref, configuration is data, no reading of paths
// named in references.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, ensureBuilt } from '../dist';
import { ROOT, MINIMAL } from '../helpers';
import { LspClient } from '../protocol/lsp-client';

const GUARD = join(ROOT, 'test/fixtures/security/no-network.cjs');

describe('security', () => {
  before(ensureBuilt);
  it('the CLI checks, fixes and reports without touching the network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-sec-'));
    for (const f of readdirSync(join(ROOT, 'samples'))) writeFileSync(join(dir, f), readFileSync(join(ROOT, 'samples', f)));
    writeFileSync(join(dir, '.yardstick.yaml'), 'rules:\n  YS406: off\n');
    for (const args of [
      ['check', dir],
      ['check', '--format', 'sarif', dir],
      ['check', '--fix', dir],
    ]) {
      const r = spawnSync(process.execPath, ['--require', GUARD, CLI, ...args], { encoding: 'utf8' });
      assert.ok([0, 1].includes(r.status!), `${args.join(' ')}: exit ${r.status} ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /NETWORK-ATTEMPT/);
    }
  });

  it('the guard does catch a network attempt (so the test above can fail)', () => {
    const r = spawnSync(process.execPath, ['--require', GUARD, '-e', "require('node:https').get('https://example.invalid/')"], {
      encoding: 'utf8',
    });
    assert.match(r.stderr, /NETWORK-ATTEMPT https.get/);
  });

  it('the language server answers without touching the network', async function () {
    const client = LspClient.start({ nodeArgs: ['--require', GUARD] });
    try {
      await client.initialize();
      const uri = pathToFileURL(join(ROOT, 'samples/defects.framework.yaml')).href;
      const diagnostics = await client.diagnostics(uri, readFileSync(join(ROOT, 'samples/defects.framework.yaml'), 'utf8'));
      assert.ok(
        diagnostics.some((d) => d.code === 'YS101'),
        JSON.stringify(diagnostics),
      );
      // Hover draws on the knowledge base: still no network. (diagnostics() closed the file.)
      const text = readFileSync(join(ROOT, 'samples/defects.framework.yaml'), 'utf8');
      await client.open(uri, text);
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.includes('kind: public-service-agreement'));
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: lines[line].indexOf('public-service-agreement') + 3 },
      });
      assert.match(hover?.contents.value ?? JSON.stringify(hover), /Public Service Agreement/);
    } finally {
      await client.stop();
    }
    assert.doesNotMatch(client.stderr, /NETWORK-ATTEMPT/);
  });

  it('every $ref in the schemas is local (no remote schema is ever fetched)', () => {
    const ids = new Set<string>();
    const refs: string[] = [];
    for (const f of readdirSync(join(ROOT, 'schemas'))) {
      const text = readFileSync(join(ROOT, 'schemas', f), 'utf8');
      const schema = JSON.parse(text);
      if (schema.$id) ids.add(schema.$id.slice(schema.$id.lastIndexOf('/') + 1));
      for (const m of text.matchAll(/"\$ref"\s*:\s*"([^"]*)"/g)) refs.push(m[1]);
    }
    assert.ok(refs.length > 0, `refs.length is ${refs.length}`);
    for (const ref of refs) {
      assert.doesNotMatch(ref, /^[a-z]+:/i, `remote $ref ${ref}`);
      const file = ref.split('#')[0];
      assert.ok(file === '' || ids.has(file), `$ref ${ref} names no schema in schemas/`);
    }
  });

  it('the configuration is data: YAML tags that would build code are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-sec-'));
    writeFileSync(join(dir, 'x.framework.yaml'), MINIMAL);
    writeFileSync(join(dir, '.yardstick.yaml'), 'rules: !!js/function "function () { process.exit(42) }"\n');
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', join(dir, 'x.framework.yaml')], {
      encoding: 'utf8',
      cwd: dir,
    });
    assert.notEqual(r.status, 42);
    const config = JSON.parse(r.stdout).find((x: { filePath: string }) => x.filePath.endsWith('.yardstick.yaml'));
    assert.match(config.messages[0].message, /Invalid YAML in the configuration/);
  });

  it('a reference that looks like a path is an id, never a file to read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-sec-'));
    const text =
      MINIMAL +
      'indicators: []\nagreements:\n  - { id: a, kind: other, title: A, principal: P, agent: Q, indicators: ["../../etc/passwd#root"] }\n';
    writeFileSync(join(dir, 'x.framework.yaml'), text);
    const r = spawnSync(
      process.execPath,
      ['--require', join(ROOT, 'test/fixtures/security/log-opens.cjs'), CLI, 'check', '--format', 'json', join(dir, 'x.framework.yaml')],
      { encoding: 'utf8' },
    );
    const messages = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'YS002');
    assert.ok(
      messages.some((m: { message: string }) => /not a valid reference/.test(m.message)),
      JSON.stringify(messages),
    );
    const opened = r.stderr.split('\n').filter((l) => l.startsWith('OPEN '));
    assert.ok(
      opened.some((l) => l.endsWith('x.framework.yaml')),
      'the logger sees the checked file being read',
    );
    assert.ok(!opened.some((l) => /passwd/.test(l)), opened.join('\n'));
  });
});
