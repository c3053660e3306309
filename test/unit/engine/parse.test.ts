import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseFast, parseFull, YNodeKeyPair, type ParsedDocument, type YMap, type YNode } from '../../../server/src/engine/parse';
import { spliceItem } from '../../../server/src/engine/parse/splice';
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

describe('parse: the compact tree', () => {
  const both = (text: string): ParsedDocument[] => {
    const fast = parseFast(text);
    assert.equal(fast.ok, true, 'the fast path parses it');
    return [(fast as { doc: ParsedDocument }).doc, parseFull(text)];
  };
  const mapOf = (node: YNode | null | undefined): YMap => {
    assert.equal(node?.kind, 'map');
    return node as YMap;
  };

  it('a missing value is empty; a block scalar with no content is zero-length yet not empty, in both parsers', () => {
    for (const doc of both('a: |\nb:\nc: 1\n')) {
      const [a, b] = mapOf(doc.root).pairs.map((p) => p.value);
      assert.deepEqual([a.kind, a.start, a.end, a.kind === 'scalar' && a.empty], ['scalar', 5, 5, false], doc.parser);
      assert.deepEqual([b.kind, b.start, b.end, b.kind === 'scalar' && b.empty], ['scalar', 6, 6, true], doc.parser);
    }
  });

  it('scalar keys are kept as ranges; blank, alias and collection keys keep their node; both parsers agree', () => {
    const text = 'plain: 1\n"quoted": 2\n? |\n: 3\nm:\n  k: &a x\n  *a : 5\n';
    const [fast, full] = both(text);
    assert.deepStrictEqual(fast.root, full.root);
    const root = mapOf(fast.root);
    const m = mapOf(root.pairs[3].value);
    assert.deepEqual(
      [...root.pairs, ...m.pairs].map((p) => [p.key, text.slice(p.keyStart, p.keyEnd), p instanceof YNodeKeyPair, p.keyNode.kind]),
      [
        ['plain', 'plain', false, 'scalar'],
        ['quoted', '"quoted"', false, 'scalar'],
        ['', '', true, 'scalar'],
        ['m', 'm', false, 'scalar'],
        ['k', 'k', false, 'scalar'],
        ['[complex key]', '*a', true, 'alias'],
      ],
    );
    // The blank key's node says it is not a missing key, which its empty range alone could not.
    const blank = root.pairs[2].keyNode;
    assert.deepEqual([blank.start, blank.end, blank.kind === 'scalar' && blank.empty], [25, 25, false]);
  });

  it('a missing key is an empty scalar key made from its range', () => {
    for (const doc of both('{: v}\n')) {
      const key = mapOf(doc.root).pairs[0].keyNode;
      assert.deepEqual([key.kind, key.start, key.end, key.kind === 'scalar' && key.empty], ['scalar', 1, 1, true], doc.parser);
    }
  });

  it('a re-parsed list item moves the kept key ranges and key nodes after it, as a full parse places them', () => {
    const text = 'items:\n  - id: a\n    n: 1\n  - id: b\n    n: 2\nafter: x\n? |\n: y\nm: &k z\nq:\n  *k : 3\n';
    const at = text.indexOf('n: 1') + 4;
    const next = text.slice(0, at) + '23' + text.slice(at);
    const spliced = spliceItem(parse(text), { start: at, end: at, text: '23' }, next);
    assert.equal(spliced?.index, 0, 'the first item is re-parsed');
    const full = parse(next);
    assert.deepStrictEqual(spliced.doc.root, full.root);
    const root = mapOf(spliced.doc.root);
    const q = mapOf(root.pairs[4].value);
    assert.deepEqual(
      [root.pairs[1], root.pairs[2], q.pairs[0]].map((p) => next.slice(p.keyNode.start, p.keyNode.end + 1)),
      ['after:', ':', '*k '],
    );
  });

  it('a collection key (full parser only) keeps its node', () => {
    const [pair] = mapOf(parseFull('? [x, y]\n: 3\n').root).pairs;
    assert.deepEqual([pair instanceof YNodeKeyPair, pair.keyNode.kind, pair.keyStart, pair.keyEnd], [true, 'seq', 2, 8]);
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
