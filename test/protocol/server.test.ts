// Protocol tests: the built language server (dist/server.js --stdio) driven over JSON-RPC as an
// editor drives it. The client builds dist/ first when it is missing or stale.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { enumAt } from '../../server/src/engine/schema';
import { ensureBuilt } from '../dist';
import { LspClient, ROOT, SERVER, uriOf, type PublishedDiagnostics } from './lsp-client';

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, TextEdit[]> };
  command?: { command: string; arguments?: unknown[] };
}

/** Applies LSP edits to a text (edits must not overlap). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: Pos) => lineStarts[p.line] + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

/** Line/character of the first occurrence of `needle` (after `after`, if given). */
function find(text: string, needle: string, after = ''): Pos {
  const from = after ? text.indexOf(after) : 0;
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - before.lastIndexOf('\n') - 1 };
}

const codes = (p: PublishedDiagnostics) => p.diagnostics.map((d) => String(d.code));

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;
  let fixturePath: string;
  let fixtureUri: string;
  let fixture: string;
  let crossUri: string;
  const fresh = (name: string) => uriOf(join(ws, name));

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-'));
    cpSync(join(ROOT, 'samples'), ws, { recursive: true });
    fixture = readFileSync(join(ROOT, 'test', 'fixtures', 'structure-errors.framework.yaml'), 'utf8');
    fixturePath = join(ws, 'structure-errors.framework.yaml');
    writeFileSync(fixturePath, fixture);
    fixtureUri = uriOf(fixturePath);
    // A file that references the fixture across files (framework-id#object-id).
    const cross = fixture
      .replace('id: structure-errors', 'id: cross-file')
      .replace(
        'indicators: [ae-four-hour-wiat, mortality-amenable]',
        'indicators: [structure-errors#mortality-amenable, structure-errors#no-such-indicator]',
      );
    writeFileSync(join(ws, 'cross.framework.yaml'), cross);
    crossUri = fresh('cross.framework.yaml');
    // A folder with its own .yardstick.yaml (one bad entry, YS004 switched off).
    mkdirSync(join(ws, 'configured'));
    writeFileSync(join(ws, 'configured', '.yardstick.yaml'), 'rules:\n  YS004: off\n  no-such-rule: warning\n');
    writeFileSync(join(ws, 'configured', 'copy.framework.yaml'), fixture.replace('id: structure-errors', 'id: configured-copy'));
    client = LspClient.start();
    const init = await client.initialize(ws);
    assert.equal((init.capabilities as { hoverProvider?: boolean }).hoverProvider, true);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes diagnostics with codes, ranges, source and documentation links on open', async () => {
    await client.open(fixtureUri, fixture);
    const p = await client.waitForDiagnostics(fixtureUri);
    assert.equal(p.version, 1);
    const got = codes(p);
    for (const c of ['YS002', 'YS003', 'YS004']) assert.ok(got.includes(c), `expected ${c} in ${got}`);
    assert.equal(got.filter((c) => c === 'YS002').length, 3);
    const ys003 = p.diagnostics.find((d) => d.code === 'YS003')!;
    assert.deepEqual(ys003.range, { start: { line: 87, character: 17 }, end: { line: 87, character: 34 } });
    assert.equal(ys003.source, 'yardstick');
    assert.equal(ys003.severity, 1);
    assert.match(ys003.message, /did you mean "ae-four-hour-wait"/);
    // No docs base URL set: the rule page installed beside the server, which opens offline.
    assert.match(ys003.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/YS003\.md$/);
    assert.match(readFileSync(fileURLToPath(ys003.codeDescription!.href), 'utf8'), /^# YS003/);
    const ys004 = p.diagnostics.find((d) => d.code === 'YS004')!;
    assert.deepEqual(ys004.range.start, { line: 44, character: 8 });
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'yardstick');
      assert.ok(d.codeDescription?.href.endsWith(`${String(d.code)}.md`), 'd.codeDescription?.href.endsWith(`${String(d.code)}.md`)');
      // Fixes are looked up in the server's analysis, not shipped with every publish.
      assert.equal(d.data, undefined);
    }
  });

  it('hovers an enum value with its description', async () => {
    const pos = find(fixture, 'public-service-agreement');
    const h = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: { line: pos.line, character: pos.character + 3 },
    });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /Public Service Agreement/);
    // The knowledge base entry: UK and US practice side by side, what worked and what went
    // wrong, and sources.
    assert.match(h.contents.value, /\| UK \| US \|\n\|---\|---\|\n\| PSAs arrived with the 1998 Comprehensive Spending Review/);
    assert.match(h.contents.value, /\*\*What worked:\*\* /);
    assert.match(h.contents.value, /\*\*What went wrong:\*\* /);
    assert.match(h.contents.value, /\*\*Sources:\*\* \[/);
    assert.deepEqual(h.range, { start: pos, end: { line: pos.line, character: pos.character + 'public-service-agreement'.length } });
  });

  it('hovers a key with the schema description', async () => {
    const pos = find(fixture, 'baseline:');
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: { line: pos.line, character: pos.character + 2 },
    });
    assert.match(h.contents.value, /`baseline`/);
    assert.match(h.contents.value, /starting point against which progress is judged/);
    assert.match(h.contents.value, /\| UK \| US \|\n\|---\|---\|\n\| The NAO's validation of PSA data systems/);
  });

  it('hovers a reference with a summary of the indicator and a problem with its rule', async () => {
    const ref = find(fixture, 'mortality-amenable', 'ae-four-hour-wiat');
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: { line: ref.line, character: ref.character + 2 },
    });
    assert.match(h.contents.value, /Indicator `mortality-amenable`/);
    assert.match(h.contents.value, /Mortality from causes amenable to healthcare/);
    assert.match(h.contents.value, /Baseline: 110 \(2007-12-31\)/);
    const bad = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: { line: 87, character: 20 },
    });
    assert.match(bad.contents.value, /\*\*YS003\*\* `unknown-reference`/);
    assert.match(bad.contents.value, /YS003\.md/);
  });

  it('findings of one cause: a diagnostic per object, each hover saying how many others share it', async () => {
    const text = readFileSync(join(ROOT, 'test', 'corpus', 'real', 'us-dot-apg-fy2022-23.framework.yaml'), 'utf8');
    const uri = fresh('apg.framework.yaml');
    await client.open(uri, text);
    const sources = (await client.waitForDiagnostics(uri)).diagnostics.filter((d) => d.code === 'YS106');
    assert.deepEqual(
      sources.map((d) => d.range.start.line + 1),
      [28, 36, 43, 50, 57, 64, 71, 78],
    );
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: sources[1].range.start,
    });
    assert.match(h.contents.value, /^\*\*YS106\*\* `missing-data-source`: Indicator "air-carrier-fatality-rate" has no data source/);
    assert.match(h.contents.value, /\n\nThe same finding is reported for 7 other indicators in this file\.$/);
  });

  it('completes keys not yet present (as snippets) and enum values', async () => {
    const uri = fresh('typing.framework.yaml');
    const text = 'yardstick: 1\nframework:\n  id: typing\n  title: T\nindicators:\n  - id: a\n    title: A\n    \n    type: \n';
    await client.open(uri, text);
    const keys = await client.request<{ items: Array<{ label: string; textEdit?: TextEdit; insertTextFormat?: number }> }>(
      'textDocument/completion',
      {
        textDocument: { uri },
        position: { line: 7, character: 4 },
      },
    );
    const labels = keys.items.map((i) => i.label);
    for (const k of ['unit', 'direction', 'baseline', 'targets', 'data']) assert.ok(labels.includes(k), `missing ${k} in ${labels}`);
    for (const k of ['id', 'title', 'type']) assert.ok(!labels.includes(k), `${k} is already present`);
    const baseline = keys.items.find((i) => i.label === 'baseline')!;
    assert.equal(baseline.insertTextFormat, 2);
    assert.equal(baseline.textEdit!.newText, 'baseline:\n      value: ${1}');
    const values = await client.request<{ items: Array<{ label: string; documentation?: { value: string } }> }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 8, character: 10 },
    });
    const vl = values.items.map((i) => i.label);
    assert.deepEqual(vl, enumAt(['indicators', 0, 'type'])!.values.map(String));
    assert.ok(vl.includes('outcome') && vl.includes('output'), `enum values: ${vl}`);
    assert.ok(values.items.find((i) => i.label === 'outcome')!.documentation?.value.length, JSON.stringify(values.items));
    await client.close(uri);
  });

  it('completes indicator ids at a reference position', async () => {
    const ref = find(fixture, '[ae-four-hour-wiat');
    const list = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', {
      textDocument: { uri: fixtureUri },
      position: { line: ref.line, character: ref.character + 4 },
    });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('ae-four-hour-wait') && labels.includes('mortality-amenable'), `ids: ${labels}`);
  });

  it('lists document symbols: framework > stages, indicators, agreements', async () => {
    const symbols = await client.request<Array<{ name: string; children?: Array<{ name: string; children?: Array<{ name: string }> }> }>>(
      'textDocument/documentSymbol',
      { textDocument: { uri: fixtureUri } },
    );
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'structure-errors');
    assert.deepEqual(
      symbols[0].children!.map((c) => c.name),
      ['stages', 'indicators', 'agreements'],
    );
    assert.deepEqual(
      symbols[0].children![1].children!.map((c) => c.name),
      ['ae-four-hour-wait', 'patient-experience', 'patient-experience', 'mortality-amenable'],
    );
  });

  it('goes to the definition of an indicator id and finds its references (also across files)', async () => {
    const ref = find(fixture, 'mortality-amenable', 'ae-four-hour-wiat');
    const def = await client.request<Array<{ uri: string; range: Range }>>('textDocument/definition', {
      textDocument: { uri: fixtureUri },
      position: ref,
    });
    assert.equal(def.length, 1);
    assert.equal(def[0].uri, fixtureUri);
    assert.deepEqual(def[0].range.start, { line: 54, character: 8 });
    const refs = await client.request<Array<{ uri: string; range: Range }>>('textDocument/references', {
      textDocument: { uri: fixtureUri },
      position: ref,
      context: { includeDeclaration: true },
    });
    const here = refs
      .filter((r) => r.uri === fixtureUri)
      .map((r) => r.range.start.line)
      .sort((a, b) => a - b);
    assert.deepEqual(here, [54, 74, 87]);
    const there = refs.filter((r) => r.uri === crossUri);
    assert.equal(there.length, 1, JSON.stringify(refs));
  });

  it('renames an indicator id everywhere and refuses clashing or invalid names', async () => {
    const decl = { line: 54, character: 10 };
    const prep = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: fixtureUri },
      position: decl,
    });
    assert.equal(prep.placeholder, 'mortality-amenable');
    assert.deepEqual(prep.range, { start: { line: 54, character: 8 }, end: { line: 54, character: 26 } });
    const edit = await client.request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', {
      textDocument: { uri: fixtureUri },
      position: decl,
      newName: 'amenable-mortality',
    });
    const local = edit.changes[fixtureUri];
    assert.equal(local.length, 3);
    assert.ok(
      local.every((e) => e.newText === 'amenable-mortality'),
      JSON.stringify(local),
    );
    const renamed = applyEdits(fixture, local);
    assert.ok(!renamed.includes('mortality-amenable'), JSON.stringify(renamed));
    assert.equal(renamed.split('amenable-mortality').length - 1, 3);
    // The cross-file reference keeps its framework prefix; only the id part changes.
    const crossEdits = edit.changes[crossUri];
    assert.equal(crossEdits.length, 1);
    assert.equal(crossEdits[0].range.end.character - crossEdits[0].range.start.character, 'mortality-amenable'.length);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: fixtureUri }, position: decl, newName: 'ae-four-hour-wait' }),
      /already has that id/,
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: fixtureUri }, position: decl, newName: 'Not An Id' }),
      /not a valid id/,
    );
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: fixtureUri }, position: { line: 9, character: 3 } }),
      /can be renamed/,
    );
  });

  it('offers the did-you-mean fix, "disable for this line" and documentation for a problem', async () => {
    const p = await client.waitForDiagnostics(fixtureUri);
    const diag = p.diagnostics.find((d) => d.code === 'YS003')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: fixtureUri },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const titles = actions.map((a) => a.title);
    const dym = actions.find((a) => a.title === 'Change to "ae-four-hour-wait"');
    assert.ok(dym, `titles: ${titles}`);
    assert.equal(dym.kind, 'quickfix');
    assert.equal(dym.isPreferred, true);
    assert.deepEqual(dym.edit!.changes![fixtureUri], [{ range: diag.range, newText: 'ae-four-hour-wait' }]);
    const disable = actions.find((a) => a.title === 'Disable YS003 for this line')!;
    assert.deepEqual(disable.edit!.changes![fixtureUri], [
      {
        range: { start: { line: 87, character: 0 }, end: { line: 87, character: 0 } },
        newText: '    # yardstick-disable-next-line YS003\n',
      },
    ]);
    const docs = actions.find((a) => a.title === 'Show documentation for YS003')!;
    assert.equal(docs.command!.command, 'yardstick.showRuleDocs');
    assert.match(String(docs.command!.arguments![0]), /YS003\.md$/);

    // Applying the disable action silences YS003 and nothing else.
    const disabled = applyEdits(fixture, disable.edit!.changes![fixtureUri]);
    const from = client.published.length;
    const v = await client.change(fixtureUri, [{ text: disabled }]);
    const after = await client.waitForDiagnostics(fixtureUri, (x) => x.version === v, 10000, from);
    assert.ok(!codes(after).includes('YS003'), `still: ${codes(after)}`);
    assert.ok(!codes(after).includes('YS006'), codes(after).join(' '));
    assert.ok(codes(after).includes('YS004'), codes(after).join(' '));
    const from2 = client.published.length;
    const v2 = await client.change(fixtureUri, [{ text: fixture }]);
    await client.waitForDiagnostics(fixtureUri, (x) => x.version === v2, 10000, from2);
  });

  it('applies safe fixes with source.fixAll.yardstick', async () => {
    const uri = fresh('fixall.framework.yaml');
    const text = fixture.replace('  - id: delivery\n', '  # yardstick-disable-next-line YS003\n  - id: delivery\n');
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    assert.ok(codes(p).includes('YS006'), `codes: ${codes(p)}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.yardstick'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.yardstick');
    // The unused directive goes, and the reference typo with one possible correction is corrected.
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    assert.equal(fixed, fixture.replace('[ae-four-hour-wiat,', '[ae-four-hour-wait,'));
    const cleanUri = fresh('fixed.framework.yaml');
    await client.open(cleanUri, fixed);
    await client.waitForDiagnostics(cleanUri);
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: cleanUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.yardstick'] },
    });
    assert.deepEqual(none, []);
    await client.close(uri);
    await client.close(cleanUri);
  });

  it('resolves framework-id#object-id references through the workspace index', async () => {
    const text = readFileSync(join(ws, 'cross.framework.yaml'), 'utf8');
    await client.open(crossUri, text);
    const p = await client.waitForDiagnostics(crossUri);
    const unknown = p.diagnostics.filter((d) => d.code === 'YS003');
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.match(unknown[0].message, /structure-errors#no-such-indicator/);
    await client.close(crossUri);
  });

  it('reads .yardstick.yaml upward from the file and reports its problems on the config file', async () => {
    const uri = uriOf(join(ws, 'configured', 'copy.framework.yaml'));
    await client.open(uri, readFileSync(join(ws, 'configured', 'copy.framework.yaml'), 'utf8'));
    const p = await client.waitForDiagnostics(uri);
    assert.ok(!codes(p).includes('YS004'), `YS004 is off there: ${codes(p)}`);
    assert.ok(codes(p).includes('YS003'), codes(p).join(' '));
    const cfg = await client.waitForDiagnostics(uriOf(join(ws, 'configured', '.yardstick.yaml')));
    assert.equal(cfg.diagnostics.length, 1);
    assert.match(cfg.diagnostics[0].message, /Unknown rule "no-such-rule"/);
    assert.deepEqual(cfg.diagnostics[0].range.start, { line: 2, character: 2 });
    await client.close(uri);
  });

  it('applies the yardstick.rules setting after a configuration change', async () => {
    client.settings = { validate: { enable: true }, rules: { 'duplicate-id': 'warning', YS003: 'off' } };
    const from = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitForDiagnostics(fixtureUri, () => true, 10000, from);
    assert.ok(!codes(p).includes('YS003'), codes(p).join(' '));
    assert.equal(p.diagnostics.find((d) => d.code === 'YS004')?.severity, 2);
    client.settings = { validate: { enable: false } };
    const from2 = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const off = await client.waitForDiagnostics(fixtureUri, () => true, 10000, from2);
    assert.deepEqual(off.diagnostics, []);
    client.settings = { validate: { enable: true } };
    const from3 = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const back = await client.waitForDiagnostics(fixtureUri, () => true, 10000, from3);
    assert.ok(codes(back).includes('YS003'), codes(back).join(' '));
  });

  it('yardstick.docs.baseUrl: problem and hover links go to the published docs; unset, to the installed pages', async () => {
    const hoverAtProblem = () =>
      client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: fixtureUri },
        position: { line: 87, character: 20 },
      });
    const settle = async (settings: Record<string, unknown>) => {
      client.settings = settings;
      const from = client.published.length;
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      return client.waitForDiagnostics(fixtureUri, () => true, 10000, from);
    };
    const published = await settle({ validate: { enable: true }, docs: { baseUrl: 'https://docs.example.org/yardstick/' } });
    assert.ok(published.diagnostics.length > 0, `published.diagnostics.length is ${published.diagnostics.length}`);
    for (const d of published.diagnostics)
      assert.equal(d.codeDescription?.href, `https://docs.example.org/yardstick/rules/${String(d.code)}.md`);
    assert.match((await hoverAtProblem()).contents.value, /\[Rule YS003\]\(https:\/\/docs\.example\.org\/yardstick\/rules\/YS003\.md\)/);

    // Not a web address: said once in the output, and the links stay on the installed pages.
    const invalid = await settle({ validate: { enable: true }, docs: { baseUrl: 'docs.example.org' } });
    assert.ok(
      invalid.diagnostics.every((d) => d.codeDescription?.href.startsWith('file://')),
      JSON.stringify(invalid.diagnostics),
    );
    assert.ok(
      client.logs.some((l) => /yardstick\.docs\.baseUrl needs a web address starting with http:\/\/ or https:\/\//.test(l)),
      client.logs.join('\n'),
    );

    const unset = await settle({ validate: { enable: true }, docs: { baseUrl: '' } });
    const ys003 = unset.diagnostics.find((d) => d.code === 'YS003')!;
    assert.match(ys003.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/YS003\.md$/);
    assert.match((await hoverAtProblem()).contents.value, /\[Rule YS003\]\(file:\/\/[^)]*\/docs\/rules\/YS003\.md\)/);
    await settle({ validate: { enable: true } });
  });

  it('survives a burst of 50 quick edits and publishes the final version last', async () => {
    const uri = fresh('burst.framework.yaml');
    await client.open(uri, fixture);
    await client.waitForDiagnostics(uri);
    const from = client.published.length;
    const at = find(fixture, '[ae-four-hour-wiat');
    const pos = { line: at.line, character: at.character + 1 };
    // Type 50 characters into the bad reference: "ae-four-hour-wiat" + "x" * 50.
    let last = 0;
    for (let i = 0; i < 50; i++) {
      last = await client.change(uri, [
        {
          range: {
            start: { line: pos.line, character: pos.character + 17 + i },
            end: { line: pos.line, character: pos.character + 17 + i },
          },
          text: 'x',
        },
      ]);
    }
    const final = await client.waitForDiagnostics(uri, (p) => p.version === last, 10000, from);
    await new Promise((r) => setTimeout(r, 400));
    const after = client.published.slice(from).filter((p) => p.uri === uri);
    assert.ok(after.length < 10, `debounced: ${after.length} publishes for 50 edits`);
    assert.equal(after[after.length - 1].version, last);
    for (let i = 1; i < after.length; i++) assert.ok(after[i].version! >= after[i - 1].version!, 'versions never go back');
    const ys003 = final.diagnostics.find((d) => d.code === 'YS003')!;
    assert.match(ys003.message, new RegExp(`ae-four-hour-wiat${'x'.repeat(50)}`));
    assert.equal(ys003.range.end.character - ys003.range.start.character, 17 + 50);
    await client.close(uri);
  });

  it('reports a YAML syntax error while typing and clears it when fixed', async () => {
    const uri = fresh('typing-error.framework.yaml');
    await client.open(uri, fixture);
    await client.waitForDiagnostics(uri);
    const pos = find(fixture, 'activities: [plan, monitor, evaluate, improve]');
    const end = { line: pos.line, character: pos.character + 'activities: [plan, monitor, evaluate, improve]'.length };
    const from = client.published.length;
    const v = await client.change(uri, [{ range: { start: pos, end }, text: 'activities: [plan, monitor' }]);
    const broken = await client.waitForDiagnostics(uri, (p) => p.version === v, 10000, from);
    assert.ok(codes(broken).includes('YS001'), `codes: ${codes(broken)}`);
    // The other findings stay from the last valid version, marked, with no fixes to apply.
    const kept = broken.diagnostics.filter((d) => d.code !== 'YS001');
    assert.ok(
      kept.some((d) => d.code === 'YS003'),
      `codes: ${codes(broken)}`,
    );
    for (const d of kept) {
      assert.match(d.message, / \(from the last valid version\)$/);
      assert.equal((d.data as { stale?: boolean; fixes?: unknown }).stale, true);
      assert.equal((d.data as { fixes?: unknown }).fixes, undefined);
    }
    // Requests are still answered from the recovered tree while the YAML is broken.
    const key = find(fixture, 'yardstick: 1');
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: key.line, character: key.character + 2 },
    });
    assert.match(h?.contents.value ?? JSON.stringify(h), /version/i);
    const from2 = client.published.length;
    const v2 = await client.change(uri, [
      {
        range: { start: pos, end: { line: pos.line, character: pos.character + 'activities: [plan, monitor'.length } },
        text: 'activities: [plan, monitor]',
      },
    ]);
    const fixed = await client.waitForDiagnostics(uri, (p) => p.version === v2, 10000, from2);
    assert.ok(!codes(fixed).includes('YS001'), codes(fixed).join(' '));
    assert.ok(codes(fixed).includes('YS003'), codes(fixed).join(' '));
    await client.close(uri);
  });

  it('answers an unknown request with MethodNotFound', async () => {
    await assert.rejects(client.request('yardstick/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
  });

  it('answers malformed params with an error and keeps running', async () => {
    await assert.rejects(
      client.request('textDocument/hover', { position: { line: 0, character: 0 } }),
      (e: { code?: number }) => e.code === -32602,
    );
    await assert.rejects(
      client.request('textDocument/codeAction', { textDocument: { uri: fixtureUri } }),
      (e: { code?: number }) => e.code === -32602,
    );
    await client.notify('textDocument/didChange', {
      textDocument: { uri: 'file:///not-open.framework.yaml', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    await client.notify('textDocument/didOpen', { textDocument: null });
    const pos = find(fixture, 'public-service-agreement');
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: fixtureUri },
      position: pos,
    });
    assert.match(h.contents.value, /Public Service Agreement/);
    assert.equal(client.proc.exitCode, null);
  });
});

describe('language server with a client that resolves code actions', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-resolve-'));
    client = LspClient.start();
    const init = await client.initialize(ws, {
      textDocument: {
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
          resolveSupport: { properties: ['edit'] },
        },
      },
    });
    assert.deepEqual((init.capabilities as { codeActionProvider?: unknown }).codeActionProvider, {
      codeActionKinds: ['quickfix', 'source.fixAll.yardstick'],
      resolveProvider: true,
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('offers source.fixAll.yardstick without an edit and computes the edit in codeAction/resolve', async () => {
    const fixture = readFileSync(join(ROOT, 'test', 'fixtures', 'structure-errors.framework.yaml'), 'utf8');
    const uri = uriOf(join(ws, 'lazy.framework.yaml'));
    const text = fixture.replace('  - id: delivery\n', '  # yardstick-disable-next-line YS003\n  - id: delivery\n');
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    // The lightbulb request (no `only`): quick fixes plus fix-all, which carries no edit yet.
    const diag = p.diagnostics.find((d) => d.code === 'YS006')!;
    const actions = await client.request<Array<CodeAction & { data?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: diag.range,
      context: { diagnostics: [diag] },
    });
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.yardstick')!;
    assert.equal(fixAll.title, 'Fix all auto-fixable Yardstick problems');
    assert.equal(fixAll.edit, undefined);
    assert.deepEqual(fixAll.data, { fixAll: { uri, version: 1 } });
    const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
    assert.equal(resolved.title, fixAll.title);
    assert.equal(applyEdits(text, resolved.edit!.changes![uri]), fixture.replace('[ae-four-hour-wiat,', '[ae-four-hour-wait,'));
    // An action the server did not make is answered as it came.
    const foreign = { title: 'Something else', kind: 'quickfix', data: { other: true } };
    assert.deepEqual(await client.request('codeAction/resolve', foreign), foreign);
    // A file without safe fixes is offered no fix-all at all.
    const clean = uriOf(join(ws, 'clean.framework.yaml'));
    await client.open(clean, fixture.replace('[ae-four-hour-wiat,', '[ae-four-hour-wait,'));
    await client.waitForDiagnostics(clean);
    const none = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: clean },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(none, []);
  });
});

describe('language server with a client that resolves completion documentation', function () {
  this.timeout(30_000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-completion-resolve-'));
    client = LspClient.start();
    // What VS Code's client declares.
    const init = await client.initialize(ws, {
      textDocument: {
        completion: {
          completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
      },
    });
    assert.deepEqual((init.capabilities as { completionProvider?: unknown }).completionProvider, {
      triggerCharacters: [' ', '[', ','],
      resolveProvider: true,
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('sends indicator ids without their documentation and gives it on completionItem/resolve; other items come back as they are', async () => {
    const uri = uriOf(join(ws, 'lazy.framework.yaml'));
    const text =
      'yardstick: 1\nframework:\n  id: lazy\n  title: T\nindicators:\n' +
      '  - { id: beds-open, title: Beds open, type: output, unit: count, direction: increase }\n' +
      '  - { id: wait-time, title: Waiting time, type: outcome, unit: weeks, direction: decrease }\n' +
      'agreements:\n  - id: a\n    kind: other\n    title: A\n    principal: P\n    agent: Q\n    indicators: []\n';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const line = text.split('\n').indexOf('    indicators: []');
    type Item = { label: string; detail?: string; documentation?: { kind: string; value: string }; data?: unknown };
    const list = await client.request<{ itemDefaults?: { data?: unknown }; items: Item[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: '    indicators: ['.length },
    });
    assert.deepEqual(list.itemDefaults?.data, { uri });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail, i.documentation, i.data]),
      [
        ['beds-open', 'Beds open', undefined, undefined],
        ['wait-time', 'Waiting time', undefined, undefined],
      ],
    );
    // The client fills in the list's data, as VS Code's does, before it asks.
    const resolved = await client.request<Item>('completionItem/resolve', { ...list.items[1], data: list.itemDefaults!.data });
    assert.deepEqual(resolved, {
      ...list.items[1],
      data: { uri },
      documentation: { kind: 'markdown', value: 'type: outcome · unit: weeks · direction: decrease' },
    });
    const key = { label: 'baseline', kind: 10, documentation: { kind: 'markdown', value: 'The starting value.' } };
    assert.deepEqual(await client.request('completionItem/resolve', key), key);
    await client.close(uri);
  });
});

describe('language server over node IPC', function () {
  this.timeout(20000);
  before(ensureBuilt);
  it('starts with --node-ipc and answers initialize', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const result = await conn.sendRequest<{
        capabilities: { renameProvider?: unknown };
        serverInfo?: { name: string; version?: string };
      }>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'yardstick-language-server');
      assert.equal(result.serverInfo?.version, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      assert.deepEqual(result.capabilities.renameProvider, { prepareProvider: true });
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});

describe('language server: rename with versioned documentChanges', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;
  const lib = `${'yardstick: 1'}
framework: { id: lib, title: Library, jurisdiction: UK, period: { start: 2020-04-01, end: 2024-03-31 } }
indicators:
  - { id: shared-ind, title: Shared, type: outcome, unit: percent, direction: increase }
`;
  const user = (refs: string) => `yardstick: 1
framework: { id: user, title: User, jurisdiction: UK, period: { start: 2020-04-01, end: 2024-03-31 } }
agreements:
  - { id: a, kind: delivery-agreement, title: A, principal: P, agent: Q, indicators: [${refs}] }
`;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-rename-'));
    writeFileSync(join(ws, 'lib.framework.yaml'), lib);
    // One reference written with an escape: its text does not hold the id literally.
    writeFileSync(join(ws, 'user.framework.yaml'), user('lib#shared-ind, "lib#shared\\u002dind"'));
    client = LspClient.start();
    await client.initialize(ws, { workspace: { workspaceEdit: { documentChanges: true } } });
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('edits each document at its version, from its current text, and keeps the lib# prefix of an escaped reference', async () => {
    const libUri = uriOf(join(ws, 'lib.framework.yaml'));
    const userUri = uriOf(join(ws, 'user.framework.yaml'));
    await client.open(libUri, lib, 3);
    await client.waitForDiagnostics(libUri);
    // The other file is open with unsaved edits that moved its references down a line.
    const edited = user('lib#shared-ind, "lib#shared\\u002dind"').replace('agreements:\n', '# a new comment line\nagreements:\n');
    await client.open(userUri, edited, 7);
    await client.waitForDiagnostics(userUri);
    const edit = await client.request<{
      documentChanges: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
    }>('textDocument/rename', {
      textDocument: { uri: libUri },
      position: { line: 3, character: 10 },
      newName: 'common-ind',
    });
    const byUri = new Map(edit.documentChanges.map((c) => [c.textDocument.uri, c]));
    assert.equal(byUri.get(libUri)!.textDocument.version, 3);
    assert.equal(byUri.get(userUri)!.textDocument.version, 7);
    assert.equal(applyEdits(lib, byUri.get(libUri)!.edits), lib.replace('id: shared-ind', 'id: common-ind'));
    assert.equal(
      applyEdits(edited, byUri.get(userUri)!.edits),
      edited.replace('[lib#shared-ind, "lib#shared\\u002dind"]', '[lib#common-ind, lib#common-ind]'),
    );
  });

  it('refuses, with a message, when a document it would edit has a syntax error', async () => {
    const libUri = uriOf(join(ws, 'lib.framework.yaml'));
    const userUri = uriOf(join(ws, 'user.framework.yaml'));
    await client.change(userUri, [{ text: user('lib#shared-ind').replace('agreements:\n', 'agreements:\n  - [unclosed\n') }], 8);
    await client.waitForDiagnostics(userUri, (p) => p.version === 8);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: libUri }, position: { line: 3, character: 10 }, newName: 'common-ind' }),
      /Cannot rename "shared-ind": .*user\.framework\.yaml has a syntax error \(line \d+\); fix it first/,
    );
  });
});
