import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/lint/analyze';
import { completion, MAX_ID_ITEMS, resolveCompletion } from '../../../server/src/language-service/completion';
import { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import { MINIMAL } from '../../helpers';

/** A framework with n indicators and one agreement whose reference list is being typed. */
function bigFramework(n: number, typed: string): { text: string; line: number; character: number } {
  let text = MINIMAL + 'indicators:\n';
  for (let i = 0; i < n; i++) text += `  - { id: ind-${i}, title: Indicator ${i}, type: outcome, unit: percent, direction: increase }\n`;
  text +=
    'agreements:\n  - id: a\n    kind: strategic-plan\n    title: A\n    principal: P\n    agent: Q\n    indicators: [' + typed + ']\n';
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('    indicators: ['));
  return { text, line, character: '    indicators: ['.length + typed.length };
}

describe('completion of ids in big frameworks', () => {
  it('offers every id when the list is small, for the editor to filter', () => {
    const f = bigFramework(20, 'ind-1');
    const list = completion(analyze(f.text), { line: f.line, character: f.character }, {} as never);
    assert.equal(list.isIncomplete, false);
    assert.equal(list.items.length, 20);
  });

  it('narrows by the typed text and caps the list when there are thousands', () => {
    const f = bigFramework(3000, 'ind-1');
    const list = completion(analyze(f.text), { line: f.line, character: f.character }, {} as never);
    assert.equal(list.isIncomplete, true);
    assert.equal(list.items.length, MAX_ID_ITEMS);
    assert.ok(
      list.items.every((i) => i.label.includes('ind-1')),
      list.items.map((i) => i.label).join(),
    );
  });

  it('a narrow enough prefix gives a complete list', () => {
    const f = bigFramework(3000, 'ind-299');
    const list = completion(analyze(f.text), { line: f.line, character: f.character }, {} as never);
    assert.equal(list.isIncomplete, false);
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['ind-299', ...Array.from({ length: 10 }, (_, i) => `ind-299${i}`)].sort());
  });
});

describe('completion with a list-wide edit range (itemDefaults.editRange)', () => {
  it("says the shared range once and leaves out each id item's own edit, the same edits otherwise", () => {
    const f = bigFramework(3000, 'ind-1');
    const analysis = analyze(f.text);
    const at = { line: f.line, character: f.character };
    const each = completion(analysis, at, {} as never);
    const shared = completion(analysis, at, { snippets: false, defaultEditRange: true });
    const range = { start: { line: f.line, character: '    indicators: ['.length }, end: at };
    assert.deepEqual(shared.itemDefaults, { editRange: range });
    assert.equal(shared.isIncomplete, true);
    assert.equal(shared.items.length, MAX_ID_ITEMS);
    for (const [i, item] of shared.items.entries()) {
      assert.equal(item.textEdit, undefined);
      assert.equal(item.textEditText, undefined, 'an id is written as its label');
      const { textEdit, ...rest } = each.items[i];
      assert.deepEqual(textEdit, { range, newText: item.label });
      assert.deepEqual(item, rest);
    }
  });

  it('keeps the text of an item written differently from its label (keys) as textEditText', () => {
    const text = MINIMAL + 'indicators:\n  - id: a\n    ti\n';
    const line = text.split('\n').indexOf('    ti');
    const at = { line, character: 6 };
    const analysis = analyze(text);
    const each = completion(analysis, at, { snippets: false });
    const shared = completion(analysis, at, { snippets: false, defaultEditRange: true });
    assert.deepEqual(shared.itemDefaults, { editRange: { start: { line, character: 4 }, end: at } });
    const title = shared.items.find((i) => i.label === 'title');
    assert.equal(title?.textEditText, 'title: ');
    assert.equal(title?.textEdit, undefined);
    assert.deepEqual(
      shared.items.map((i) => i.textEditText ?? i.label),
      each.items.map((i) => i.textEdit!.newText),
    );
  });
});

describe('completion of ids with documentation resolved lazily (completionItem/resolve)', () => {
  const uri = 'file:///big.framework.yaml';

  it('sends indicator ids without their documentation, the URI once, and resolve gives each item as it was sent inline', () => {
    const f = bigFramework(3000, 'ind-1');
    const analysis = analyze(f.text);
    const at = { line: f.line, character: f.character };
    const inline = completion(analysis, at, { snippets: true, defaultEditRange: true });
    const lazy = completion(analysis, at, { snippets: true, defaultEditRange: true, resolveUri: uri, defaultData: true });
    assert.deepEqual(lazy.itemDefaults, { ...inline.itemDefaults, data: { uri } });
    assert.equal(lazy.isIncomplete, inline.isIncomplete);
    assert.equal(lazy.items.length, MAX_ID_ITEMS);
    assert.deepEqual(inline.items[0].documentation, { kind: 'markdown', value: 'type: outcome · unit: percent · direction: increase' });
    for (const [i, item] of lazy.items.entries()) {
      assert.equal(item.documentation, undefined);
      assert.equal(item.data, undefined, 'the URI is said once, in itemDefaults');
      // The client fills in the list's data before it asks to resolve.
      assert.deepEqual(resolveCompletion(analysis, undefined, { ...item, data: { uri } }), { ...inline.items[i], data: { uri } });
    }
  });

  it('puts the URI in each item when the client takes no list-wide data', () => {
    const f = bigFramework(20, '');
    const analysis = analyze(f.text);
    const at = { line: f.line, character: f.character };
    const lazy = completion(analysis, at, { snippets: true, resolveUri: uri });
    assert.equal(lazy.itemDefaults, undefined);
    assert.deepEqual(
      lazy.items.map((i) => [i.label, i.data, i.documentation]),
      Array.from({ length: 20 }, (_, k) => [`ind-${k}`, { uri }, undefined]),
    );
  });

  it('resolves the ids of the last analysis that parsed while the text does not', () => {
    const f = bigFramework(20, '');
    const good = analyze(f.text);
    const broken = analyze(f.text.replace('title: Indicator 3,', 'title: [Indicator 3,'));
    assert.ok(broken.doc.errors.length > 0, 'the text no longer parses');
    const item = { label: 'ind-3', data: { uri } };
    assert.deepEqual(resolveCompletion(broken, good, item).documentation, {
      kind: 'markdown',
      value: 'type: outcome · unit: percent · direction: increase',
    });
  });

  it('gives an item it does not know back as it came', () => {
    const analysis = analyze(bigFramework(20, '').text);
    const item = { label: 'not-an-id', data: { uri } };
    assert.deepEqual(resolveCompletion(analysis, undefined, item), item);
  });
});

describe('sort texts of id items', () => {
  it('none when only this framework is offered (the editor sorts by label), own ids first when other frameworks follow', () => {
    const f = bigFramework(3, '');
    const analysis = analyze(f.text);
    const at = { line: f.line, character: f.character };
    const alone = completion(analysis, at, { snippets: true });
    assert.deepEqual(
      alone.items.map((i) => [i.label, i.sortText]),
      [
        ['ind-0', undefined],
        ['ind-1', undefined],
        ['ind-2', undefined],
      ],
    );
    const index = new WorkspaceIndex();
    index.updateFromText(
      'file:///other.framework.yaml',
      MINIMAL.replace('id: demo', 'id: other') +
        'indicators:\n  - { id: b, title: B, type: outcome, unit: percent, direction: increase }\n',
    );
    const withOthers = completion(analysis, at, { snippets: true, index });
    assert.deepEqual(
      withOthers.items.map((i) => [i.label, i.sortText]),
      [
        ['ind-0', '0ind-0'],
        ['ind-1', '0ind-1'],
        ['ind-2', '0ind-2'],
        ['other#b', '1other#b'],
      ],
    );
  });
});
