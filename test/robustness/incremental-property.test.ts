// Incremental re-checking gives what a full check gives, after every edit of fuzzed edit sequences.
//
// Each sequence starts from a real file (the samples, the real-world corpus, a generated file of a
// few hundred indicators) and applies seeded random edits: characters typed and deleted inside
// values, keys and comments, lines duplicated, removed or broken, YAML punctuation, anchors and
// tags, line breaks of every kind. After every edit the spliced tree, value and line index are
// compared with a full parse of the same text, and the findings (code, range, message, fixes,
// data) of the incremental analysis with a full `analyze`. YARDSTICK_INCREMENTAL_EDITS=n runs longer sequences.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParsedDocument } from '../../server/src/engine/parse';
import { spliceItem, type TextChange } from '../../server/src/engine/parse/splice';
import { LineIndex } from '../../server/src/engine/text';
import { analyze, type Analysis } from '../../server/src/lint/analyze';
import { analyzeChange } from '../../server/src/lint/incremental';
import { mulberry32 } from '../../scripts/fuzz';
import { ROOT, readRepoFile } from '../helpers';
import { applyChange, generated, randomChange } from '../helpers/random-edits';

const EDITS_PER_FILE = Number(process.env.YARDSTICK_INCREMENTAL_EDITS ?? 40);
const SEED = Number(process.env.YARDSTICK_INCREMENTAL_SEED ?? 20261201);

/** Files every sequence starts from. */
function baseFiles(): Array<{ name: string; text: string }> {
  const real = readdirSync(join(ROOT, 'test/corpus/real'))
    .filter((f) => f.endsWith('.framework.yaml'))
    .sort()
    .map((f) => `test/corpus/real/${f}`);
  const samples = readdirSync(join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `samples/${f}`);
  return [
    ...[...samples, ...real].map((name) => ({ name, text: readRepoFile(name) })),
    { name: 'generated (120 indicators)', text: generated(120) },
    { name: 'generated, CRLF', text: generated(40).replace(/\n/g, '\r\n') },
  ];
}

describe('incremental re-checking: equal to a full check after every edit', function () {
  this.timeout(process.env.YARDSTICK_INCREMENTAL_EDITS ? 0 : 120_000);

  it('re-parses one item (tree, value, line index) exactly as the full parse does', () => {
    let spliced = 0;
    let edits = 0;
    baseFiles().forEach(({ name, text: base }, f) => {
      const r = mulberry32(SEED + f);
      let text = base;
      let doc: ParsedDocument = parse(text);
      let lines = new LineIndex(text);
      let undo: TextChange | undefined;
      let good = text;
      let broken = 0;
      for (let k = 0; k < EDITS_PER_FILE; k++) {
        // A slip that breaks the YAML is mostly undone next, and a text broken for three edits is
        // replaced by its last good version (as people do): edits keep landing on parsed files.
        const change = undo ?? randomChange(text, r);
        undo = undefined;
        const next = applyChange(text, change);
        const full = parse(next);
        const s = spliceItem(doc, change, next);
        const nextLines = lines.afterChange(next, change.start, change.end, change.text.length);
        const context = `${name}, edit ${k} ${JSON.stringify(change)}`;
        assert.deepEqual(lineStarts(nextLines), lineStarts(new LineIndex(next)), `line index, ${context}`);
        if (s) {
          spliced++;
          assert.equal(s.doc.text, next, context);
          assert.deepStrictEqual(s.doc.root, full.root, `tree, ${context}`);
          assert.deepStrictEqual(s.doc.value, full.value, `value, ${context}`);
          assert.deepStrictEqual(s.doc.errors, full.errors, `errors, ${context}`);
          doc = s.doc;
        } else doc = full;
        ({ good, broken, undo } = recover(full.errors.length === 0, { good, broken }, change, text, next, r));
        text = next;
        lines = nextLines;
        edits++;
      }
    });
    // The fuzzed edits must exercise the splice, not only the fallback.
    assert.ok(spliced > edits * 0.2, `${spliced} of ${edits} edits spliced`);
  });

  it('re-checks one object (findings, tree, value) exactly as a full analyze does', () => {
    let incremental = 0;
    let edits = 0;
    baseFiles().forEach(({ name, text: base }, f) => {
      const r = mulberry32(SEED + 1000 + f);
      let text = base;
      let analysis: Analysis = analyze(text);
      let good = text;
      let broken = 0;
      let undo: TextChange | undefined;
      for (let k = 0; k < EDITS_PER_FILE; k++) {
        const change = undo ?? randomChange(text, r);
        undo = undefined;
        const next = applyChange(text, change);
        const previousRoot = analysis.doc.root;
        const after = analyzeChange(analysis, change, next);
        const full = analyze(next);
        const context = `${name}, edit ${k} ${JSON.stringify(change)}`;
        if (after.doc.root === previousRoot && previousRoot !== null) incremental++;
        assert.deepStrictEqual(after.findings, full.findings, `findings, ${context}`);
        assert.deepStrictEqual(after.doc.root, full.doc.root, `tree, ${context}`);
        assert.deepStrictEqual(after.doc.value, full.doc.value, `value, ${context}`);
        assert.deepEqual(lineStarts(after.lines), lineStarts(full.lines), `line index, ${context}`);
        assert.deepEqual(
          after.model.indicators.map((o) => [o.index, o.id]),
          full.model.indicators.map((o) => [o.index, o.id]),
          `model, ${context}`,
        );
        ({ good, broken, undo } = recover(full.doc.errors.length === 0, { good, broken }, change, text, next, r));
        text = next;
        analysis = after;
        edits++;
      }
    });
    if (process.env.YARDSTICK_INCREMENTAL_EDITS) console.log(`${incremental} of ${edits} edits re-checked incrementally`);
    assert.ok(incremental > edits * 0.15, `${incremental} of ${edits} edits re-checked incrementally`);
  });
});

function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, i) => index.lineStart(i));
}

/**
 * Keep the fuzzed text mostly parseable: after an edit that leaves a syntax error, usually undo
 * it next, and after three broken edits in a row go back to the last good text.
 */
function recover(
  parsed: boolean,
  state: { good: string; broken: number },
  change: TextChange,
  text: string,
  next: string,
  r: () => number,
): { good: string; broken: number; undo: TextChange | undefined } {
  if (parsed) return { good: next, broken: 0, undo: undefined };
  const broken = state.broken + 1;
  if (broken > 2) return { good: state.good, broken, undo: { start: 0, end: next.length, text: state.good } };
  const undo =
    r() < 0.8 ? { start: change.start, end: change.start + change.text.length, text: text.slice(change.start, change.end) } : undefined;
  return { good: state.good, broken, undo };
}
