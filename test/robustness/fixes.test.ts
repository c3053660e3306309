// Nothing lost: on fuzzed-but-valid variants of the samples and defect files (comments
// inserted, sibling keys reordered, flow <-> block style changes), every offered fix applied
// alone, and fix-all, change only the bytes they edit, keep every comment, and leave YAML
// that still parses.
import { strict as assert } from 'node:assert';
import { analyze } from '../../server/src/lint/analyze';
import { applyEdits, fixAll, plainEditsOf, safeFixEdits } from '../../server/src/lint/fix';
import type { Finding, Fix, TextEdit } from '../../server/src/engine/types';
import { mulberry32 } from '../../scripts/fuzz';
import { readRepoFile } from '../helpers';

const SEED = 5150;

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const indentOf = (l: string) => /^ */.exec(l)![0].length;
const blank = (l: string) => l.trim() === '' || l.trim().startsWith('#');
const KEY_LINE = /^( *)((?:- )?)([A-Za-z_][\w-]*):(?: |$)/;

/** Lines inside block scalars (| and >) and continuation lines of multi-line scalars. */
function unsafeLines(ls: string[]): Set<number> {
  const unsafe = new Set<number>();
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i];
    const code = l.replace(/\s+#.*$/, '');
    const parent = indentOf(l) + (/^ *- /.test(l) ? 2 : 0);
    const block = /:\s*[|>][-+0-9]*$/.test(code) || /^ *- [|>][-+0-9]*$/.test(code);
    // A value that goes on over the next lines: more indented lines that are not keys or items.
    let j = i + 1;
    while (j < ls.length && (ls[j].trim() === '' || (indentOf(ls[j]) > parent && (block || !KEY_LINE.test(ls[j]) && !/^ *- /.test(ls[j]))))) {
      if (ls[j].trim() !== '' || block) unsafe.add(j);
      j++;
    }
    if (j > i + 1 && !block) unsafe.add(i); // the line a multi-line plain or quoted scalar starts on
  }
  return unsafe;
}

let marker = 0;
const nextMarker = () => `fz-note-${++marker}`;

/** Full-line comments before entries, and end-of-line comments after single-line values. */
function insertComments(text: string, r: Rand): string {
  const ls = text.split('\n');
  const unsafe = unsafeLines(ls);
  const out: string[] = [];
  ls.forEach((l, i) => {
    if (!unsafe.has(i) && KEY_LINE.test(l) && r() < 0.15) out.push(`${' '.repeat(indentOf(l))}# ${nextMarker()} inserted comment`);
    if (!unsafe.has(i) && KEY_LINE.test(l) && !l.includes('#') && !/:\s*$/.test(l) && !/["']/.test(l) && r() < 0.15) out.push(`${l}  # ${nextMarker()}`);
    else out.push(l);
  });
  if (r() < 0.5) out.splice(0, 0, `# ${nextMarker()} header comment`);
  return out.join('\n');
}

/** Swaps two adjacent sibling entries of a block mapping (never the `- ` line of an item). */
function reorderKeys(text: string, r: Rand): string {
  const ls = text.split('\n');
  const unsafe = unsafeLines(ls);
  const candidates = ls.map((_, i) => i).filter((i) => !unsafe.has(i) && /^ *[A-Za-z_][\w-]*:/.test(ls[i]));
  for (let attempt = 0; attempt < 10 && candidates.length; attempt++) {
    const at = pick(r, candidates);
    const n = indentOf(ls[at]);
    // The parent's extent: back and forward while lines are deeper, siblings, blank or comments.
    let from = at;
    while (from > 0 && (blank(ls[from - 1]) || indentOf(ls[from - 1]) >= n) && !(indentOf(ls[from - 1]) === n - 2 && /^ *- /.test(ls[from - 1]))) from--;
    let to = at;
    while (to + 1 < ls.length && (blank(ls[to + 1]) || indentOf(ls[to + 1]) > n || (indentOf(ls[to + 1]) === n && !/^ *- /.test(ls[to + 1])))) to++;
    const starts = [];
    for (let i = from; i <= to; i++) if (indentOf(ls[i]) === n && /^ *[A-Za-z_][\w-]*:/.test(ls[i]) && !unsafe.has(i)) starts.push(i);
    if (starts.length < 2) continue;
    const k = int(r, 0, starts.length - 2);
    const a = starts[k];
    const b = starts[k + 1];
    let end = k + 2 < starts.length ? starts[k + 2] : to + 1;
    while (end > b + 1 && blank(ls[end - 1]) && ls[end - 1].trim() === '') end--; // keep trailing blank lines in place
    const first = ls.slice(a, b);
    const second = ls.slice(b, end);
    // Comments directly above the first entry stay with it only if they were part of it; simple swap.
    ls.splice(a, end - a, ...second, ...first);
    return ls.join('\n');
  }
  return text;
}

const SIMPLE = /^[^{}[\]"'#,&*!|>%@`]+$/;

/** `key: { a: 1, b: 2 }` → block mapping; `- { a: 1 }` → block item; `key: [a, b]` → block sequence. */
function flowToBlock(text: string, r: Rand): string {
  const ls = text.split('\n');
  const unsafe = unsafeLines(ls);
  const out: string[] = [];
  ls.forEach((l, i) => {
    if (unsafe.has(i) || r() > 0.4) return void out.push(l);
    let m = /^( *)((?:- )?)([A-Za-z_][\w-]*): \{ ?(.*?) ?\}( +#.*)?$/.exec(l);
    if (m && m[4].split(', ').every((p) => SIMPLE.test(p) && /^[\w-]+: \S/.test(p))) {
      const child = ' '.repeat(m[1].length + m[2].length + 2);
      return void out.push(`${m[1]}${m[2]}${m[3]}:${m[5] ?? ''}`, ...m[4].split(', ').map((p) => child + p));
    }
    m = /^( *)- \{ ?(.*?) ?\}( +#.*)?$/.exec(l);
    if (m && m[2].split(', ').every((p) => SIMPLE.test(p) && /^[\w-]+: \S/.test(p))) {
      const [head, ...rest] = m[2].split(', ');
      return void out.push(`${m[1]}- ${head}${m[3] ?? ''}`, ...rest.map((p) => `${m![1]}  ${p}`));
    }
    m = /^( *)((?:- )?)([A-Za-z_][\w-]*): \[(.+?)\]( +#.*)?$/.exec(l);
    if (m && m[4].split(',').every((p) => SIMPLE.test(p) && p.trim() && !p.includes(': '))) {
      const child = ' '.repeat(m[1].length + m[2].length + 2);
      return void out.push(`${m[1]}${m[2]}${m[3]}:${m[5] ?? ''}`, ...m[4].split(',').map((p) => `${child}- ${p.trim()}`));
    }
    out.push(l);
  });
  return out.join('\n');
}

/** A block mapping of plain `k: v` lines → `key: { k: v, ... }`. */
function blockToFlow(text: string, r: Rand): string {
  const ls = text.split('\n');
  const unsafe = unsafeLines(ls);
  for (let i = 0; i < ls.length; i++) {
    const m = /^( *)((?:- )?)([A-Za-z_][\w-]*):$/.exec(ls[i]);
    if (!m || unsafe.has(i) || r() > 0.5) continue;
    const child = m[1].length + m[2].length + 2;
    let j = i + 1;
    const pairs: string[] = [];
    while (j < ls.length && indentOf(ls[j]) === child && /^ *[\w-]+: [^\s].*$/.test(ls[j]) && SIMPLE.test(ls[j].trim()) && !unsafe.has(j)) {
      pairs.push(ls[j].trim());
      j++;
    }
    if (pairs.length === 0 || (j < ls.length && ls[j].trim() !== '' && indentOf(ls[j]) > m[1].length + m[2].length)) continue;
    ls.splice(i, j - i, `${m[1]}${m[2]}${m[3]}: { ${pairs.join(', ')} }`);
  }
  return ls.join('\n');
}

const TRANSFORMS = { insertComments, reorderKeys, flowToBlock, blockToFlow };

function variant(base: string, seed: number): { text: string; steps: string[] } {
  const r = mulberry32(seed);
  let text = base;
  const steps: string[] = [];
  for (let i = int(r, 1, 4); i > 0; i--) {
    const name = pick(r, Object.keys(TRANSFORMS)) as keyof typeof TRANSFORMS;
    steps.push(name);
    text = TRANSFORMS[name](text, r);
  }
  // Comments always: they are what must survive.
  steps.push('insertComments');
  return { text: insertComments(text, r), steps };
}

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

const syntaxErrors = (text: string) => analyze(text).findings.filter((f) => f.code === 'YS001').map((f) => `${f.range.start.line + 1}: ${f.message}`);

function checkFix(text: string, finding: Finding, fix: Fix): string[] {
  const what = `${finding.code} fix "${fix.title}"`;
  const edits = plainEditsOf(fix);
  const problems: string[] = [];
  if (edits.length === 0) return [`${what}: no plain edits${fix.snippet ? ' (snippet without plainEdits)' : ''}`];
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
