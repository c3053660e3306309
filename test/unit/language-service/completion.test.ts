import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/lint/analyze';
import { completion, MAX_ID_ITEMS } from '../../../server/src/language-service/completion';
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
