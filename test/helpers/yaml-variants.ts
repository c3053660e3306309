// Seeded variants of valid framework files for the edit tests: comments inserted, sibling keys
// reordered, flow <-> block style changes. Every variant is still valid YAML.
import { mulberry32 } from '../../scripts/fuzz';

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
    while (
      j < ls.length &&
      (ls[j].trim() === '' || (indentOf(ls[j]) > parent && (block || (!KEY_LINE.test(ls[j]) && !/^ *- /.test(ls[j])))))
    ) {
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
export function insertComments(text: string, r: Rand): string {
  const ls = text.split('\n');
  const unsafe = unsafeLines(ls);
  const out: string[] = [];
  ls.forEach((l, i) => {
    if (!unsafe.has(i) && KEY_LINE.test(l) && r() < 0.15) out.push(`${' '.repeat(indentOf(l))}# ${nextMarker()} inserted comment`);
    if (!unsafe.has(i) && KEY_LINE.test(l) && !l.includes('#') && !/:\s*$/.test(l) && !/["']/.test(l) && r() < 0.15)
      out.push(`${l}  # ${nextMarker()}`);
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
    while (
      from > 0 &&
      (blank(ls[from - 1]) || indentOf(ls[from - 1]) >= n) &&
      !(indentOf(ls[from - 1]) === n - 2 && /^ *- /.test(ls[from - 1]))
    )
      from--;
    let to = at;
    while (
      to + 1 < ls.length &&
      (blank(ls[to + 1]) || indentOf(ls[to + 1]) > n || (indentOf(ls[to + 1]) === n && !/^ *- /.test(ls[to + 1])))
    )
      to++;
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

export const TRANSFORMS = { insertComments, reorderKeys, flowToBlock, blockToFlow };

export function variant(base: string, seed: number): { text: string; steps: string[] } {
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
