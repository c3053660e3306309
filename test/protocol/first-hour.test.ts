// Protocol tests for a new user's first hour: an empty file, typing through syntax errors, one
// diagnostic per problem, completion and hover that teach, the configuration file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { frameworkTemplates } from '../../templates';
import { MINIMAL } from '../helpers';
import { LspClient, uriOf, type PublishedDiagnostics } from './lsp-client';

interface Pos {
  line: number;
  character: number;
}
interface TextEdit {
  range: { start: Pos; end: Pos };
  newText: string;
}
interface CodeAction {
  title: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]> };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: Pos) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

function find(text: string, needle: string, after = ''): Pos {
  const at = text.indexOf(needle, after ? text.indexOf(after) : 0);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => String(d.code));

const INDICATOR = `indicators:
  - id: ae-wait
    title: Patients seen within four hours
    type: quality
    unit: percent
    direction: increase
`;

describe('first hour: language server', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;
  let n = 0;
  const fresh = (name = `f${++n}.framework.yaml`) => uriOf(join(ws, name));

  async function opened(text: string, uri = fresh()): Promise<{ uri: string; published: PublishedDiagnostics }> {
    const from = client.published.length;
    await client.open(uri, text);
    return { uri, published: await client.waitForDiagnostics(uri, () => true, 10000, from) };
  }

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-first-hour-'));
    // Another framework in the workspace, for framework-id#object-id references.
    writeFileSync(join(ws, 'other.framework.yaml'), MINIMAL.replace('id: demo', 'id: other-fw') + INDICATOR.replace('ae-wait', 'beds-open').replace('Patients seen within four hours', 'Hospital beds open'));
    client = LspClient.start();
    await client.initialize(ws);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  describe('an empty file', () => {
    it('is a hint, not an error, with one "start from a template" action per template', async () => {
      const { uri, published } = await opened('');
      assert.deepEqual(codes(published), ['YS005']);
      assert.equal(published.diagnostics[0].severity, 4);
      assert.match(published.diagnostics[0].message, /^The file is empty: start from a template/);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics, only: ['quickfix'] },
      });
      const starts = actions.filter((a) => a.title.startsWith('Start from a template: '));
      assert.deepEqual(starts.map((a) => a.title.slice('Start from a template: '.length)), frameworkTemplates.map((t) => t.label));
      assert.equal(starts.find((a) => a.isPreferred)?.title, 'Start from a template: Blank');
      // Each applied template checks clean.
      for (const [i, a] of starts.entries()) {
        const text = applyEdits('', a.edit!.changes![uri]);
        assert.equal(text, frameworkTemplates[i].text);
        const { published: after } = await opened(text);
        assert.deepEqual(codes(after), [], frameworkTemplates[i].file);
      }
    });

    it('a file of comments keeps them and gets the template after them', async () => {
      const { uri, published } = await opened('# Plan for 2026\n');
      assert.equal(published.diagnostics[0].severity, 4);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: published.diagnostics[0].range, context: { diagnostics: published.diagnostics } });
      const blank = actions.find((a) => a.title === 'Start from a template: Blank')!;
      assert.equal(applyEdits('# Plan for 2026\n', blank.edit!.changes![uri]), `# Plan for 2026\n${frameworkTemplates[2].text}`);
    });
  });

  describe('while a syntax error is typed', () => {
    const text = MINIMAL + INDICATOR + 'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wiat]\n';

    it('keeps the last valid findings (marked, no quick fixes) and the outline, beside the YS001', async () => {
      const { uri, published } = await opened(text);
      const before = published.diagnostics.filter((d) => d.code !== 'YS001');
      assert.ok(codes(published).includes('YS003'));
      const outline = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
      const from = client.published.length;
      const at = find(text, 'indicators: [ae-wiat]');
      const v = await client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 'indicators: [ae-wiat]'.length } }, text: 'indicators: [ae-wiat' }]);
      const broken = await client.waitForDiagnostics(uri, (p) => p.version === v, 10000, from);
      const kept = broken.diagnostics.filter((d) => d.code !== 'YS001');
      assert.ok(codes(broken).includes('YS001'));
      assert.deepEqual(
        kept.map((d) => [d.code, d.message, d.range]),
        before.map((d) => [d.code, `${d.message} (from the last valid version)`, d.range]),
      );
      const stale = kept.find((d) => d.code === 'YS003')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: stale.range, context: { diagnostics: [stale], only: ['quickfix'] } });
      assert.deepEqual(actions, []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), outline);
    });
  });

  describe('one diagnostic per problem', () => {
    it('an empty type: one YS002 that lists the choices', async () => {
      const { published } = await opened(MINIMAL + INDICATOR.replace('type: quality', 'type:'));
      const ys002 = published.diagnostics.filter((d) => d.code === 'YS002');
      assert.deepEqual(
        ys002.map((d) => d.message),
        ['type is empty; expected one of input, process, output, outcome, efficiency, quality, satisfaction.'],
      );
    });

    it('a malformed framework-id#object-id reference: YS002 only, no YS003 on the same spot', async () => {
      const text = MINIMAL + INDICATOR + 'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wait, Other-FW#beds, other-fw#]\n';
      const { published } = await opened(text);
      const onRefs = published.diagnostics.filter((d) => d.range.start.line === find(text, 'indicators: [ae-wait').line);
      assert.deepEqual(onRefs.map((d) => d.code), ['YS002', 'YS002']);
    });

    it("YS003's did-you-mean keeps the framework prefix, like its fix", async () => {
      const text = MINIMAL + INDICATOR + 'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wait, other-fw#beds-opne, demo#ae-wiat]\n';
      const { uri, published } = await opened(text);
      const ys003 = published.diagnostics.filter((d) => d.code === 'YS003');
      assert.deepEqual(ys003.map((d) => d.message), [
        'Unknown indicator "other-fw#beds-opne" in agreement "psa"; did you mean "other-fw#beds-open"?',
        'Unknown indicator "demo#ae-wiat" in agreement "psa"; did you mean "demo#ae-wait"?',
      ]);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ys003[1].range, context: { diagnostics: [ys003[1]], only: ['quickfix'] } });
      const change = actions.find((a) => a.isPreferred)!;
      assert.equal(change.title, 'Change to "demo#ae-wait"');
      assert.equal(applyEdits(text, change.edit!.changes![uri]), text.replace('demo#ae-wiat', 'demo#ae-wait'));
    });
  });
});
