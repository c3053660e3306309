// Nothing lost: on fuzzed-but-valid variants of the samples and defect files (comments
// inserted, sibling keys reordered, flow <-> block style changes), every offered fix applied
// alone, and fix-all, change only the bytes they edit, keep every comment, and leave YAML
// that still parses.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/lint/analyze';
import { applyEdits, fixAll, safeFixEdits } from '../../server/src/lint/fix';
import type { Finding, Fix, TextEdit } from '../../server/src/engine/types';
import { mulberry32 } from '../../scripts/fuzz';
import { TRANSFORMS, variant } from '../helpers/yaml-variants';
import { readRepoFile } from '../helpers';

const SEED = 5150;

// ---------------------------------------------------------------------------------------------
// What must hold after a fix

/** The edited text keeps every byte outside the edits; returns a problem or undefined. */
function outsideUnchanged(before: string, after: string, edits: readonly TextEdit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let inPos = 0;
  let outPos = 0;
  for (const e of sorted) {
    const kept = before.slice(inPos, e.start);
    if (after.slice(outPos, outPos + kept.length) !== kept) return `bytes ${inPos}..${e.start} changed`;
    outPos += kept.length;
    if (after.slice(outPos, outPos + e.newText.length) !== e.newText) return `edit at ${e.start} not applied as given`;
    outPos += e.newText.length;
    inPos = e.end;
  }
  if (after.slice(outPos) !== before.slice(inPos)) return `bytes after ${inPos} changed`;
  return undefined;
}

function commentLines(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const l of text.split(/\r?\n/)) if (l.trim().startsWith('#')) counts.set(l.trim(), (counts.get(l.trim()) ?? 0) + 1);
  return counts;
}

/** Comments (full lines, and inserted markers anywhere) lost from `before` in `after`. */
function lostComments(before: string, after: string, allowed: (line: string) => boolean = () => false): string[] {
  const lost: string[] = [];
  const now = commentLines(after);
  for (const [line, n] of commentLines(before)) if ((now.get(line) ?? 0) < n && !allowed(line)) lost.push(line);
  for (const m of before.match(/fz-note-\d+/g) ?? []) if (!after.includes(m)) lost.push(m);
  return lost;
}

const syntaxErrors = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.code === 'YS001')
    .map((f) => `${f.range.start.line + 1}: ${f.message}`);

function checkFix(text: string, finding: Finding, fix: Fix): string[] {
  const what = `${finding.code} fix "${fix.title}"`;
  const edits = fix.edits;
  const problems: string[] = [];
  if (edits.length === 0) return [`${what}: no edits`];
  const { text: after, applied } = applyEdits(text, edits);
  if (applied.length !== edits.length) problems.push(`${what}: ${edits.length - applied.length} of its edits overlap and were dropped`);
  const outside = outsideUnchanged(text, after, applied);
  if (outside) problems.push(`${what}: ${outside}`);
  // Removing an unused yardstick-disable comment is the point of YS006's fix.
  const lost = lostComments(text, after, (l) => finding.code === 'YS006' && /yardstick-disable/.test(l));
  if (lost.length) problems.push(`${what}: lost comments ${JSON.stringify(lost)}`);
  const broken = syntaxErrors(after);
  if (broken.length) problems.push(`${what}: the result does not parse: ${broken.join('; ')}`);
  return problems;
}

/** fixAll, pass by pass, checking each pass's edits; then the same text as fixAll itself. */
function checkFixAll(text: string): string[] {
  const problems: string[] = [];
  let current = text;
  for (let pass = 0; pass < 10; pass++) {
    const edits = safeFixEdits(analyze(current).findings);
    if (edits.length === 0) break;
    const { text: next, applied } = applyEdits(current, edits);
    if (applied.length !== edits.length) problems.push(`fix-all pass ${pass}: safeFixEdits chose overlapping edits`);
    const outside = outsideUnchanged(current, next, applied);
    if (outside) problems.push(`fix-all pass ${pass}: ${outside}`);
    if (next === current) break;
    current = next;
  }
  const all = fixAll(text);
  if (all.text !== current) problems.push('fixAll gave a different text from its passes replayed');
  const lost = lostComments(text, all.text, (l) => /yardstick-disable/.test(l));
  if (lost.length) problems.push(`fix-all lost comments ${JSON.stringify(lost)}`);
  const broken = syntaxErrors(all.text);
  if (broken.length) problems.push(`fix-all result does not parse: ${broken.join('; ')}`);
  if (fixAll(all.text).fixed !== 0) problems.push('fix-all is not idempotent: a second run fixes more');
  return problems;
}

// ---------------------------------------------------------------------------------------------

const BASES: Array<[string, number]> = [
  ['samples/defects.framework.yaml', 12],
  ['test/fixtures/structure-errors.framework.yaml', 6],
  ['samples/uk-psa-2008.framework.yaml', 2],
  ['samples/us-hhs-2022.framework.yaml', 2],
];

describe('robustness: fixes lose nothing', function () {
  this.timeout(120_000);

  it('the variant transforms keep the samples valid YAML and actually change them', () => {
    const bases = BASES.map(([file]) => readRepoFile(file));
    for (const [name, t] of Object.entries(TRANSFORMS)) {
      let changed = 0;
      for (const [i, base] of bases.entries()) {
        for (let seed = 1; seed <= 3; seed++) {
          const out = t(base, mulberry32(seed));
          if (out !== base) changed++;
          assert.deepEqual(syntaxErrors(out), [], `${name} on ${BASES[i][0]}, seed ${seed}`);
        }
      }
      assert.ok(changed >= 3, `${name} changed only ${changed} of ${bases.length * 3} texts`);
    }
  });

  for (const [file, count] of BASES) {
    const base = readRepoFile(file);
    for (let i = 0; i < count; i++) {
      const seed = SEED + i * 7919 + file.length;
      const { text, steps } = variant(base, seed);
      it(`${file} variant ${i} (${steps.join(', ')}): every fix alone, and fix-all`, () => {
        assert.deepEqual(syntaxErrors(text), [], `the variant itself must parse (seed ${seed})`);
        const problems: string[] = [];
        let fixes = 0;
        for (const f of analyze(text).findings) {
          for (const fix of f.fixes ?? []) {
            fixes++;
            problems.push(...checkFix(text, f, fix));
          }
        }
        problems.push(...checkFixAll(text));
        assert.deepEqual(problems, [], `seed ${seed}`);
        if (file.includes('defects') || file.includes('structure-errors')) assert.ok(fixes > 0, 'the defect files offer fixes');
      });
    }
  }

  it('the unvaried defect files: every fix alone, and fix-all', () => {
    for (const file of ['samples/defects.framework.yaml', 'test/fixtures/structure-errors.framework.yaml']) {
      const text = readRepoFile(file);
      const problems = analyze(text).findings.flatMap((f) => (f.fixes ?? []).flatMap((fix) => checkFix(text, f, fix)));
      assert.deepEqual([...problems, ...checkFixAll(text)], [], file);
    }
  });
});
