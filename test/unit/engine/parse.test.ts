import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseFast, parseFull, type YNode } from '../../../server/src/engine/parse';
import { ROOT, readRepoFile } from '../../helpers';

/** The tree without parser-specific detail, for comparing the two parsers. */
function shape(node: YNode | null): unknown {
  if (!node) return null;
  if (node.kind === 'map') return { m: [node.start, node.end], p: node.pairs.map((p) => [p.key, shape(p.keyNode), shape(p.value)]) };
  if (node.kind === 'seq') return { s: [node.start, node.end], i: node.items.map(shape) };
  return [node.kind, node.start, node.end, node.kind === 'scalar' ? node.empty : false];
}

const TRICKY = [
  'a: 1\nb: "two"\nc: \'three\'\nd: 2020-01-01\ne:\nf: ~\n',
  'list:\n  - x\n  - { p: q, r: [1, 2] }\n  - - nested\n    - more\n',
  'text: |\n  literal\n  block\n\nfolded: >-\n  folded\n  text\nafter: 1\n',
  'a: &anchor { k: v }\nb: *anchor\n',
  '# only a comment\nkey: value # trailing\n',
  'crlf: 1\r\nnext:\r\n  - a\r\n',
  'k: "multi\n  line"\nplain: multi\n  line plain\n',
];

describe('parse: fast path (js-yaml events) and full path (yaml) agree', () => {
  const samples = readdirSync(join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => readRepoFile(`samples/${f}`));
  for (const [i, text] of [...TRICKY, ...samples].entries()) {
    it(`same values and ranges, case ${i}`, () => {
      const fast = parseFast(text);
      assert.ok(fast.ok, 'fast path parses valid YAML');
      const full = parseFull(text);
      assert.deepEqual(full.errors, []);
      assert.deepEqual(fast.doc.value, full.value);
      assert.deepEqual(shape(fast.doc.root), shape(full.root));
    });
  }

  it('quoted scalars include their quotes; block scalars start at their text', () => {
    const doc = parse('a: "x y"\nb: |\n  body\n');
    assert.equal(doc.parser, 'fast');
    const root = doc.root!;
    assert.equal(root.kind, 'map');
    if (root.kind !== 'map') return;
    assert.deepEqual([root.pairs[0].value.start, root.pairs[0].value.end], [3, 8]);
    assert.equal(doc.text.slice(root.pairs[1].value.start, root.pairs[1].value.end), 'body');
  });
});

describe('parse: syntax errors', () => {
  it('reports every syntax error, with ranges, through the full path', () => {
    const text = 'a: [1, 2\nb: 3\nc:\n\t- x\n';
    const doc = parse(text);
    assert.equal(doc.parser, 'full');
    assert.ok(doc.errors.length >= 2, JSON.stringify(doc.errors));
    const lines = doc.errors.map((e) => text.slice(0, e.start).split('\n').length);
    assert.ok(lines.includes(4), `tab error on line 4: ${JSON.stringify(doc.errors)}`);
  });

  it('duplicate keys are syntax errors on the second key', () => {
    const text = 'a: 1\nb: 2\na: 3\n';
    const doc = parse(text);
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.errors[0].start, 10);
    assert.match(doc.errors[0].message, /unique/i);
  });

  it('a second YAML document is reported', () => {
    const doc = parse('a: 1\n---\nb: 2\n');
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /one YAML document/);
  });

  it('alias bombs are refused without expanding them', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++)
      text += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const doc = parse(text);
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /Aliases expand/);
  });

  it('deep nesting is refused with a clear message, not a stack overflow', () => {
    const text = 'a: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n';
    const doc = parse(text);
    assert.ok(doc.errors.length >= 1, `doc.errors.length is ${doc.errors.length}`);
    assert.match(doc.errors.map((e) => e.message).join(' '), /depth|nest/i);
  });
});

describe('parse: error recovery is bounded', () => {
  it('lists every syntax error in ordinary files', () => {
    const text = 'a: [1\nb: 2\nc:\n\t- x\n';
    assert.ok(parse(text).errors.length >= 2, 'parse(text).errors.length >= 2');
  });

  it('reports only the first syntax error above 256 Ki characters', () => {
    const text = 'a: [1\nb: 2\nc:\n\t- x\n' + '# padding\n'.repeat(30_000);
    const doc = parse(text);
    assert.equal(doc.errors.length, 1);
    assert.equal(doc.parser, 'fast');
  });

  it('does not send deeply nested flow collections to the recovering parser', () => {
    const doc = parse('a: 1\n\tb: 2\n' + '['.repeat(800) + ']'.repeat(800) + ': x\n');
    assert.deepEqual(
      doc.errors.map((e) => e.message),
      ['Tab characters must not be used in indentation'],
    );
  });
});
