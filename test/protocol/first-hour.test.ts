// Protocol tests for a new user's first hour: an empty file, typing through syntax errors, one
// diagnostic per problem, completion and hover that teach, the configuration file.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { frameworkTemplates } from '../../templates';
import { MINIMAL } from '../helpers';

/** Documentation links point into the package's own docs/ (here the repository root): they open offline. */
const packageRoot = pathToFileURL(join(__dirname, '..', '..')).href + '/';
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
    writeFileSync(
      join(ws, 'other.framework.yaml'),
      MINIMAL.replace('id: demo', 'id: other-fw') +
        INDICATOR.replace('ae-wait', 'beds-open').replace('Patients seen within four hours', 'Hospital beds open'),
    );
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
      assert.deepEqual(
        starts.map((a) => a.title.slice('Start from a template: '.length)),
        frameworkTemplates.map((t) => t.label),
      );
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
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: published.diagnostics[0].range,
        context: { diagnostics: published.diagnostics },
      });
      const blank = actions.find((a) => a.title === 'Start from a template: Blank')!;
      assert.equal(applyEdits('# Plan for 2026\n', blank.edit!.changes![uri]), `# Plan for 2026\n${frameworkTemplates[2].text}`);
    });
  });

  describe('while a syntax error is typed', () => {
    const text =
      MINIMAL +
      INDICATOR +
      'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wiat]\n';

    it('keeps the last valid findings (marked, no quick fixes) and the outline, beside the YS001', async () => {
      const { uri, published } = await opened(text);
      const before = published.diagnostics.filter((d) => d.code !== 'YS001');
      assert.ok(codes(published).includes('YS003'), codes(published).join(' '));
      const outline = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
      const from = client.published.length;
      const at = find(text, 'indicators: [ae-wiat]');
      const v = await client.change(uri, [
        {
          range: { start: at, end: { line: at.line, character: at.character + 'indicators: [ae-wiat]'.length } },
          text: 'indicators: [ae-wiat',
        },
      ]);
      const broken = await client.waitForDiagnostics(uri, (p) => p.version === v, 10000, from);
      const kept = broken.diagnostics.filter((d) => d.code !== 'YS001');
      assert.ok(codes(broken).includes('YS001'), codes(broken).join(' '));
      assert.deepEqual(
        kept.map((d) => [d.code, d.message, d.range]),
        before.map((d) => [d.code, `${d.message} (from the last valid version)`, d.range]),
      );
      const stale = kept.find((d) => d.code === 'YS003')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: stale.range,
        context: { diagnostics: [stale], only: ['quickfix'] },
      });
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
      const text =
        MINIMAL +
        INDICATOR +
        'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wait, Other-FW#beds, other-fw#]\n';
      const { published } = await opened(text);
      const onRefs = published.diagnostics.filter((d) => d.range.start.line === find(text, 'indicators: [ae-wait').line);
      assert.deepEqual(
        onRefs.map((d) => d.code),
        ['YS002', 'YS002'],
      );
    });

    it("YS003's did-you-mean keeps the framework prefix, like its fix", async () => {
      const text =
        MINIMAL +
        INDICATOR +
        'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wait, other-fw#beds-opne, demo#ae-wiat]\n';
      const { uri, published } = await opened(text);
      const ys003 = published.diagnostics.filter((d) => d.code === 'YS003');
      assert.deepEqual(
        ys003.map((d) => d.message),
        [
          'Unknown indicator "other-fw#beds-opne" in agreement "psa"; did you mean "other-fw#beds-open"?',
          'Unknown indicator "demo#ae-wiat" in agreement "psa"; did you mean "demo#ae-wait"?',
        ],
      );
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: ys003[1].range,
        context: { diagnostics: [ys003[1]], only: ['quickfix'] },
      });
      const change = actions.find((a) => a.isPreferred)!;
      assert.equal(change.title, 'Change to "demo#ae-wait"');
      assert.equal(applyEdits(text, change.edit!.changes![uri]), text.replace('demo#ae-wiat', 'demo#ae-wait'));
    });
  });

  describe('completion that teaches', () => {
    interface Item {
      label: string;
      detail?: string;
      documentation?: { value: string };
      textEdit?: { newText: string };
      command?: { command: string };
    }
    async function complete(textWithCursor: string): Promise<Item[]> {
      const at = textWithCursor.indexOf('|');
      const text = textWithCursor.replace('|', '');
      const uri = fresh();
      await opened(text, uri);
      const before = text.slice(0, at);
      const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
      const list = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position });
      return list.items;
    }
    const AGREEMENT =
      'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    period: { start: 2009-04-01, end: 2011-03-31 }\n    indicators: [ae-wait]\n';

    it('the format version: required, and written whole (only 1 exists)', async () => {
      const items = await complete('|');
      const version = items.find((i) => i.label === 'yardstick')!;
      assert.match(version.detail!, /^required/);
      assert.equal(version.textEdit!.newText, 'yardstick: 1');
    });

    it('a key with choices opens the choices, each with its meaning once; snippets list their choices', async () => {
      const keys = await complete(MINIMAL + 'indicators:\n  - id: a\n    |\n');
      const type = keys.find((i) => i.label === 'type')!;
      assert.equal(type.textEdit!.newText, 'type: ');
      assert.equal(type.command!.command, 'editor.action.triggerSuggest');
      const values = await complete(MINIMAL + 'indicators:\n  - id: a\n    type: |\n');
      const outcome = values.find((i) => i.label === 'outcome')!;
      assert.equal(outcome.detail, undefined);
      assert.match(outcome.documentation!.value, /^Results for people or society/);
      const lists = await complete(MINIMAL + '|');
      const indicators = lists.find((i) => i.label === 'indicators')!;
      assert.match(indicators.documentation!.value, /`type`:\n- `input`: Resources used/);
      assert.match(indicators.documentation!.value, /`direction`:\n- `increase`: /);
    });

    it('units: the usual ones with what they mean', async () => {
      const items = await complete(MINIMAL + 'indicators:\n  - id: a\n    unit: |\n');
      assert.deepEqual(
        items.slice(0, 4).map((i) => i.label),
        ['percent', 'fraction', 'count', 'currency:GBP'],
      );
      assert.match(items[0].documentation!.value, /0-100 scale/);
    });

    it('dates: the periods around the position, then today; a stage starts the day after the previous one ends', async () => {
      const target = await complete(MINIMAL + INDICATOR + '    targets:\n      - { value: 98, date: | }\n' + AGREEMENT);
      const today = new Date();
      const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
      assert.deepEqual(
        target.map((i) => [i.label, i.detail]),
        [
          ['2011-03-31', 'agreement "psa" ends'],
          ['2008-04-01', 'the framework period starts'],
          ['2012-03-31', 'the framework period ends'],
          [iso, 'today'],
        ],
      );
      const stage = await complete(
        MINIMAL +
          'stages:\n  - id: one\n    title: One\n    period: { start: 2008-04-01, end: 2009-03-31 }\n  - id: two\n    title: Two\n    period: { start: | }\n',
      );
      assert.deepEqual(stage[0], { ...stage[0], label: '2009-04-01', detail: 'the day after stage "one" ends' });
    });

    it('after framework-id#: the ids of that framework, in a block list and a flow list', async () => {
      const block = await complete(MINIMAL + INDICATOR + AGREEMENT.replace('indicators: [ae-wait]', 'indicators:\n      - other-fw#|'));
      assert.deepEqual(
        block.map((i) => [i.label, i.detail]),
        [['other-fw#beds-open', 'indicator in other-fw']],
      );
      const flow = await complete(MINIMAL + INDICATOR + AGREEMENT.replace('[ae-wait]', '[ae-wait, other-fw#b|]'));
      assert.deepEqual(
        flow.map((i) => i.label),
        ['other-fw#beds-open'],
      );
    });
  });

  describe('hovers that teach', () => {
    async function hoverAt(text: string, needle: string, after = '', delta = 1): Promise<string> {
      const uri = fresh();
      await opened(text, uri);
      const p = find(text, needle, after);
      const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: p.line, character: p.character + delta },
      });
      return h?.contents.value ?? '';
    }

    it('an item of a flow list is titled by its list and value, not its index', async () => {
      const value = await hoverAt(
        MINIMAL +
          'stages:\n  - id: one\n    title: One\n    period: { start: 2008-04-01, end: 2012-03-31 }\n    focus: [quality, outcomes]\n',
        'outcomes',
      );
      assert.match(value, /^`focus: outcomes`\n\nResults for citizens/);
      assert.doesNotMatch(value, /`1: /);
    });

    it('a problem: its message, its rule and one link, nothing else', async () => {
      const text =
        MINIMAL +
        INDICATOR +
        'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wiat]\n';
      const value = await hoverAt(text, 'ae-wiat');
      assert.equal(
        value,
        `**YS003** \`unknown-reference\`: Unknown indicator "ae-wiat" in agreement "psa"; did you mean "ae-wait"? [Rule YS003](${packageRoot}docs/rules/YS003.md)`,
      );
      assert.ok(existsSync(fileURLToPath(`${packageRoot}docs/rules/YS003.md`)), 'the linked page is on disk');
    });

    it('a reference into another file: the same summary as a local one, and the file by name', async () => {
      const text =
        MINIMAL +
        INDICATOR +
        'agreements:\n  - id: psa\n    kind: other\n    title: A\n    principal: HM Treasury\n    agent: DH\n    indicators: [ae-wait, other-fw#beds-open]\n';
      const value = await hoverAt(text, 'beds-open', '', 2);
      assert.match(value, /^\*\*Indicator `beds-open`\*\* — Hospital beds open\n/);
      assert.match(value, /- Unit: percent\n/);
      assert.match(value, /In framework `other-fw` \(other\.framework\.yaml\)\./);
      assert.doesNotMatch(value, /file:\/\//);
    });
  });

  describe('the configuration file, served by the server itself', () => {
    const cfgText = 'rules:\n  YS101: loud\n  missing-baseline: off\n  YS4|\n';

    it('checks .yardstick.yaml as it is typed: one message per problem, saying what applies', async () => {
      const uri = uriOf(join(ws, 'typed', '.yardstick.yaml'));
      const from = client.published.length;
      await client.notify('textDocument/didOpen', {
        textDocument: {
          uri,
          languageId: 'yaml',
          version: 1,
          text: 'rules:\n  YS101: loud\n  missing-baseline: off\n  no-such-rule: warning\n  YS203: { severity: shout }\n',
        },
      });
      const p = await client.waitForDiagnostics(uri, () => true, 10000, from);
      assert.deepEqual(
        p.diagnostics.map((d) => [d.range.start.line, d.message]),
        [
          [
            1,
            'Invalid setting "loud" for YS101; use off, hint, info, warning, error or { severity, options }. YS101 is off (set by "missing-baseline").',
          ],
          [2, 'YS101 is configured twice, as "YS101" and "missing-baseline": this later one applies.'],
          [3, 'Unknown rule "no-such-rule"; it is ignored.'],
          [4, 'Invalid severity "shout" for YS203; use off, hint, info, warning or error. YS203 is info (its default).'],
        ],
      );
      await client.close(uri);
    });

    it('caps a flood of bad entries at 50 problems and one line that counts the rest', async () => {
      const uri = uriOf(join(ws, 'flood', '.yardstick.yaml'));
      const from = client.published.length;
      const text = 'rules:\n' + Array.from({ length: 2000 }, (_, i) => `  bad-rule-${i}: off\n`).join('');
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const p = await client.waitForDiagnostics(uri, () => true, 10000, from);
      assert.equal(p.diagnostics.length, 51);
      assert.equal(p.diagnostics[50].message, '1950 more problems in this configuration are not shown; fix the ones above first.');
      await client.close(uri);
    });

    it('completes rule ids (found by name too), severities and options', async () => {
      const uri = uriOf(join(ws, 'completing', '.yardstick.yaml'));
      const text = cfgText.replace('|', '');
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const at = cfgText.indexOf('|');
      const before = cfgText.slice(0, at);
      const position = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
      const ids = await client.request<{
        items: Array<{ label: string; detail?: string; filterText?: string; documentation?: { value: string } }>;
      }>('textDocument/completion', { textDocument: { uri }, position });
      const labels = ids.items.map((i) => i.label);
      assert.ok(!labels.includes('YS101'), 'YS101 is configured already (by id and by name)');
      const overload = ids.items.find((i) => i.label === 'YS401')!;
      assert.equal(overload.detail, 'target-overload · warning');
      assert.equal(overload.filterText, 'YS401 target-overload');
      assert.match(overload.documentation!.value, /- `max_per_agreement` \(integer, default 10\): /);
      const sevText = 'rules:\n  YS401: \n';
      const sevUri = uriOf(join(ws, 'completing2', '.yardstick.yaml'));
      await client.notify('textDocument/didOpen', { textDocument: { uri: sevUri, languageId: 'yaml', version: 1, text: sevText } });
      const sev = await client.request<{ items: Array<{ label: string; detail?: string }> }>('textDocument/completion', {
        textDocument: { uri: sevUri },
        position: { line: 1, character: 9 },
      });
      assert.deepEqual(
        sev.items.map((i) => [i.label, i.detail]),
        [
          ['off', undefined],
          ['hint', undefined],
          ['info', undefined],
          ['warning', 'the default of YS401'],
          ['error', undefined],
        ],
      );
      const optText = 'rules:\n  YS401:\n    options:\n      \n';
      const optUri = uriOf(join(ws, 'completing3', '.yardstick.yaml'));
      await client.notify('textDocument/didOpen', { textDocument: { uri: optUri, languageId: 'yaml', version: 1, text: optText } });
      const opts = await client.request<{ items: Array<{ label: string; textEdit?: { newText: string } }> }>('textDocument/completion', {
        textDocument: { uri: optUri },
        position: { line: 3, character: 6 },
      });
      assert.deepEqual(
        opts.items.map((i) => i.textEdit?.newText),
        ['max_per_agreement: 10', 'max_per_framework: 100'],
      );
    });

    it('hovers a rule with what it checks, its default and one link; a severity with what it does', async () => {
      const uri = uriOf(join(ws, 'hovering', '.yardstick.yaml'));
      const text = 'rules:\n  missing-owner: info\n';
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
      const rule = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 4 },
      });
      assert.match(rule.contents.value, /^\*\*YS405\*\* `missing-owner` · default \*\*warning\*\*\n\n/);
      assert.ok(rule.contents.value.endsWith(`[Rule YS405](${packageRoot}docs/rules/YS405.md)`), rule.contents.value);
      const sev = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 1, character: 18 },
      });
      assert.equal(sev.contents.value, '**info**: Listed as information; never fails `yardstick check`.');
    });

    it('a flood of bad yardstick.rules entries: one warning on screen, the rest in the output', async () => {
      const shown: string[] = [];
      client.conn.onRequest('window/showMessageRequest', (p: { message: string }) => {
        shown.push(p.message);
        return null;
      });
      const before = client.settings;
      client.settings = {
        validate: { enable: true },
        rules: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`bad-${i}`, 'off'])),
      };
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      const { published } = await opened(MINIMAL);
      assert.deepEqual(codes(published), []);
      for (let i = 0; i < 50 && shown.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      client.settings = before;
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual(shown, [
        'Yardstick: yardstick.rules.bad-0: Unknown rule "bad-0"; it is ignored. (and 50 more in the Yardstick output)',
      ]);
    });
  });
});
