// Protocol tests of the workspace index: a workspace of any size is indexed in the background
// with work-done progress, references to frameworks the index does not hold yet are not
// reported as unknown, and a workspace above the index's bound is said once.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, uriOf, type LspDiagnostic, type Progress, type PublishedDiagnostics } from './lsp-client';

const frameworkId = (k: number) => `fw-${String(k).padStart(4, '0')}`;

/** A small framework file declaring `id` with one indicator, `ind-a`. */
function smallFramework(id: string, agreementRefs: string[] = []): string {
  const lines = [
    'yardstick: 1',
    'framework:',
    `  id: ${id}`,
    `  title: Framework ${id}`,
    '  jurisdiction: UK',
    '  level: department',
    '  owner: Department of Examples',
    '  period: { start: 2020-04-01, end: 2025-03-31 }',
    'indicators:',
    '  - id: ind-a',
    '    title: Claims cleared on time',
    '    type: outcome',
    '    unit: percent',
    '    direction: increase',
  ];
  if (agreementRefs.length > 0)
    lines.push(
      'agreements:',
      '  - id: shared-delivery',
      '    kind: public-service-agreement',
      '    title: Shared delivery',
      '    principal: HM Treasury',
      '    agent: Department of Examples',
      '    indicators:',
      ...agreementRefs.map((r) => `      - ${r}`),
    );
  return lines.join('\n') + '\n';
}

/** `count` framework files fw-<first>… in folders of 500. */
function writeFrameworks(root: string, first: number, count: number): void {
  for (let k = first; k < first + count; k++) {
    const dir = join(root, `part-${Math.floor(k / 500)}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${frameworkId(k)}.framework.yaml`), smallFramework(frameworkId(k)));
  }
}

const ys003 = (p: PublishedDiagnostics): LspDiagnostic[] => p.diagnostics.filter((d) => d.code === 'YS003');
const isEnd = (n: { method: string; params: unknown }) => n.method === '$/progress' && (n.params as Progress).value.kind === 'end';

describe('language server: a workspace above the old 2,000-file cap, indexed in the background', function () {
  this.timeout(120_000);
  const FILES = 2500;
  let ws: string;
  let client: LspClient;
  let mainUri: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-index-'));
    writeFrameworks(ws, 0, FILES);
    const refs = [...Array.from({ length: FILES }, (_, k) => `${frameworkId(k)}#ind-a`), 'fw-0007#no-such-indicator', 'nowhere#ind-a'];
    const main = smallFramework('main', refs);
    writeFileSync(join(ws, 'main.framework.yaml'), main);
    mainUri = uriOf(join(ws, 'main.framework.yaml'));
    client = LspClient.start();
    await client.initialize(ws, { window: { workDoneProgress: true } });
    await client.open(mainUri, main);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('reports indexing with work-done progress: created, begun, ended, on one token', async () => {
    await client.waitUntil(() => client.progress.some((p) => p.value.kind === 'end'), 'the indexing progress ends', 90_000);
    const begin = client.progress.find((p) => p.value.kind === 'begin');
    const end = client.progress.find((p) => p.value.kind === 'end');
    assert.ok(begin && end, JSON.stringify(client.progress));
    assert.equal(begin.value.title, 'Yardstick: indexing framework files');
    assert.equal(end.token, begin.token);
    assert.ok(
      client.progress.indexOf(begin) < client.progress.indexOf(end),
      'client.progress.indexOf(begin) < client.progress.indexOf(end)',
    );
    for (const r of client.progress.filter((p) => p.value.kind === 'report')) {
      assert.equal(r.token, begin.token);
      assert.ok(client.progress.indexOf(r) < client.progress.indexOf(end), 'client.progress.indexOf(r) < client.progress.indexOf(end)');
    }
    assert.ok(
      client.logs.some((l) => l.includes(`Indexed ${FILES + 1} framework file(s)`)),
      client.logs.join('\n'),
    );
    // The bundle's worker did the reading and parsing (dist/index-worker.js ships beside the server).
    assert.ok(!client.logs.some((l) => l.includes('index worker did not run')), client.logs.join('\n'));
  });

  it('never reports a real cross-file reference as unknown, and reports the truly unknown ones once indexing is done', async () => {
    await client.waitUntil(() => client.received.some(isEnd), 'the indexing progress ends', 90_000);
    const endAt = client.received.findIndex(isEnd);
    const isMain = (n: { method: string; params: unknown }) =>
      n.method === 'textDocument/publishDiagnostics' && (n.params as PublishedDiagnostics).uri === mainUri;
    await client.waitUntil(() => client.received.slice(endAt).some(isMain), 'diagnostics of the open file after indexing', 30_000);
    const before = client.received.slice(0, endAt).filter(isMain);
    const after = client.received.slice(endAt).find(isMain)!.params as PublishedDiagnostics;
    // While indexing: nothing about frameworks not indexed yet, nothing about a real reference.
    for (const n of before) {
      const found = ys003(n.params as PublishedDiagnostics);
      assert.ok(
        found.every((d) => d.message.includes('fw-0007#no-such-indicator')),
        found.map((d) => d.message).join('\n'),
      );
    }
    // Done: exactly the two references that name nothing.
    const found = ys003(after).map((d) => d.message);
    assert.equal(found.length, 2, found.join('\n'));
    assert.ok(
      found.some((m) => m.includes('"fw-0007#no-such-indicator"') && !m.includes('no framework')),
      JSON.stringify(found),
    );
    assert.ok(
      found.some((m) => m.includes('"nowhere#ind-a"') && m.includes('(no framework "nowhere" in the workspace)')),
      JSON.stringify(found),
    );
  });
});

describe('language server: a workspace above the index bound', function () {
  this.timeout(60_000);
  let ws: string;
  let more: string;
  let client: LspClient;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-bound-'));
    more = mkdtempSync(join(tmpdir(), 'yardstick-bound-more-'));
    writeFrameworks(ws, 0, 30);
    writeFrameworks(more, 30, 30);
    client = LspClient.start();
    // No window.workDoneProgress: the client gets no progress, and indexing still happens.
    await client.initialize(ws, {}, { maxIndexedFiles: 20 });
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(more, { recursive: true, force: true });
  });

  it('says so once, and reports unknown ids only in frameworks it indexed', async () => {
    await client.waitUntil(() => client.shown.length > 0, 'a message about the index bound');
    assert.equal(client.shown.length, 1);
    assert.equal(client.shown[0].type, 2); // Warning
    assert.match(client.shown[0].message, /indexed 20 framework files and stopped/);
    assert.match(client.shown[0].message, /not reported as unknown/);

    // Every framework named with an id none of them has, and one framework that exists nowhere.
    const refs = [...Array.from({ length: 30 }, (_, k) => `${frameworkId(k)}#no-such-indicator`), 'nowhere#ind-a'];
    const uri = uriOf(join(ws, 'open.framework.yaml'));
    const found = (await client.diagnostics(uri, smallFramework('open', refs))).filter((d) => d.code === 'YS003');
    // Certain (the framework's file is indexed): reported. Uncertain: held back.
    assert.equal(found.length, 20, found.map((d) => d.message).join('\n'));
    assert.ok(
      found.every((d) => !d.message.includes('no framework')),
      JSON.stringify(found),
    );

    // A folder added later is bounded too, and nothing more is said.
    const logsBefore = client.logs.filter((l) => l.startsWith('[yardstick] Indexed')).length;
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(more), name: 'more' }], removed: [] },
    });
    await client.waitUntil(
      () => client.logs.filter((l) => l.startsWith('[yardstick] Indexed')).length > logsBefore,
      'the added folder is indexed',
    );
    assert.equal(client.shown.length, 1, JSON.stringify(client.shown));
    assert.equal(client.progress.length, 0);
  });
});

describe('language server: a workspace folder removed', function () {
  this.timeout(60_000);
  let ws: string;
  let other: string;
  let client: LspClient;
  const indexedLogs = () => client.logs.filter((l) => l.startsWith('[yardstick] Indexed')).length;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-folders-'));
    other = mkdtempSync(join(tmpdir(), 'yardstick-folders-other-'));
    writeFileSync(join(other, 'other.framework.yaml'), smallFramework('other'));
    mkdirSync(join(ws, 'nested'));
    writeFileSync(join(ws, 'nested', 'inner.framework.yaml'), smallFramework('inner'));
    client = LspClient.start();
    await client.initialize(ws);
    await client.waitUntil(() => indexedLogs() === 1, 'the first folder is indexed');
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(other), name: 'other' }], removed: [] },
    });
    await client.waitUntil(() => indexedLogs() === 2, 'the added folder is indexed');
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
    rmSync(other, { recursive: true, force: true });
  });

  it("drops the removed folder's files from the index and reports references to them, keeping files another folder holds", async () => {
    const uri = uriOf(join(ws, 'open.framework.yaml'));
    const text = smallFramework('open', ['other#ind-a', 'inner#ind-a']);
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      ys003(first).map((d) => d.message),
      [],
      'both references resolve while both folders are open',
    );

    // The nested folder, also a folder of its own, is removed: the outer folder still holds its file.
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(join(ws, 'nested')), name: 'nested' }], removed: [] },
    });
    await client.waitUntil(() => indexedLogs() === 3, 'the nested folder is indexed');
    const from = client.published.length;
    await client.notify('workspace/didChangeWorkspaceFolders', {
      event: {
        added: [],
        removed: [
          { uri: uriOf(join(ws, 'nested')), name: 'nested' },
          { uri: uriOf(other), name: 'other' },
        ],
      },
    });
    const published = await client.waitForDiagnostics(uri, (p) => ys003(p).length > 0, 10_000, from);
    assert.deepEqual(
      ys003(published).map((d) => d.message),
      ['Unknown indicator "other#ind-a" in agreement "shared-delivery" (no framework "other" in the workspace).'],
    );
  });
});
