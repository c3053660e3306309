// Seeded fuzzer for the engine: mutates the samples and fixtures (byte flips, truncation,
// indentation shifts, swapped lines and keys, huge scalars, deep nesting, duplicated blocks,
// random unicode, tabs, CRLF, ...) and checks that `analyze` never throws, never hangs, and
// only reports findings and fixes with sane offsets and ranges.
//
// Every case is reproducible from (seed, index) alone: case i of seed s always mutates the
// same base text the same way. Failures are saved to test/fixtures/fuzz/ as JSON (text, seed,
// index, problem); test/robustness/fuzz.test.ts replays every saved fixture.
//
//   npm run fuzz -- --n 100000 --seed 7 [--jobs 2] [--slow-ms 1000] [--hang-ms 10000] [--from 0]
//
// The long run analyses in worker threads watched by a watchdog, so a real hang (an infinite
// loop in the engine) is caught, saved as a fixture, and the run goes on.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze } from '../server/src/lint/analyze';
import { LineIndex } from '../server/src/engine/text';
import type { Finding, Range, TextEdit } from '../server/src/engine/types';

export const ROOT = join(__dirname, '..');
export const FIXTURE_DIR = join(ROOT, 'test/fixtures/fuzz');

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The PRNG seed of case `index` of run `seed` (so any case can be regenerated alone). */
export function caseSeed(seed: number, index: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------
// Inputs and mutations

export const BASE_FILES = [
  'samples/defects.framework.yaml',
  'samples/uk-psa-2008.framework.yaml',
  'samples/us-hhs-2022.framework.yaml',
  'test/fixtures/structure-errors.framework.yaml',
  'test/fixtures/syntax-error.framework.yaml',
];

let bases: string[] | undefined;
export function baseTexts(): string[] {
  return (bases ??= BASE_FILES.map((f) => readFileSync(join(ROOT, f), 'utf8')));
}

const STRUCTURAL = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`',
  '?',
  ' ',
  '\n',
  '\t',
  '\r',
  '0',
  '9',
  'a',
  '\\',
  '<<',
];
const WEIRD = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u00ad',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\ud800',
  '\udfff',
  '\u0301',
  '\u4e2d',
  '\u0627',
  'é',
  'ß',
  '😀',
  '👩‍👩‍👧',
  '\ud83d',
];

function lines(text: string): string[] {
  return text.split('\n');
}

type Mutation = (text: string, r: Rng) => string;

const at = (text: string, r: Rng) => r.int(0, text.length);

export const MUTATIONS: Record<string, Mutation> = {
  byteFlip(text, r) {
    const n = r.int(1, 8);
    let t = text;
    for (let i = 0; i < n && t.length; i++) {
      const p = r.int(0, t.length - 1);
      t = t.slice(0, p) + r.pick(STRUCTURAL) + t.slice(p + 1);
    }
    return t;
  },
  deleteChars(text, r) {
    const p = at(text, r);
    return text.slice(0, p) + text.slice(Math.min(text.length, p + r.int(1, 40)));
  },
  truncate(text, r) {
    return text.slice(0, at(text, r));
  },
  indentShift(text, r) {
    const ls = lines(text);
    const from = r.int(0, ls.length - 1);
    const count = r.chance(0.7) ? 1 : r.int(1, 20);
    const delta = r.pick([-4, -2, -1, 1, 2, 4]);
    for (let i = from; i < Math.min(ls.length, from + count); i++) {
      ls[i] = delta > 0 ? ' '.repeat(delta) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-delta}}`), '');
    }
    return ls.join('\n');
  },
  swapLines(text, r) {
    const ls = lines(text);
    const a = r.int(0, ls.length - 1);
    const b = r.chance(0.5) ? Math.min(ls.length - 1, a + 1) : r.int(0, ls.length - 1);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  },
  swapKeys(text, r) {
    // Swap the key names of two `key:` lines.
    const ls = lines(text);
    const keyed = ls.map((l, i) => [i, /^(\s*(?:- )?)([\w-]+):/.exec(l)] as const).filter(([, m]) => m);
    if (keyed.length < 2) return text;
    const [i, m1] = r.pick(keyed);
    const [j, m2] = r.pick(keyed);
    ls[i] = m1![1] + m2![2] + ls[i].slice(m1![0].length - 1);
    ls[j] = m2![1] + m1![2] + ls[j].slice(m2![0].length - 1);
    return ls.join('\n');
  },
  hugeScalar(text, r) {
    const size = r.pick([10_000, 100_000, 1_000_000]);
    const body = r.chance(0.5)
      ? 'x'.repeat(size)
      : Array.from({ length: size / 10 }, (_, i) => `w${i % 97} `)
          .join('')
          .slice(0, size);
    const quote = r.pick(['', '"', "'"]);
    const ls = lines(text);
    const keyed = ls.map((l, i) => [i, /^(\s*(?:- )?[\w-]+:)/.exec(l)] as const).filter(([, m]) => m);
    if (keyed.length === 0 || r.chance(0.2)) return text.slice(0, at(text, r)) + body + text.slice(at(text, r));
    const [i, m] = r.pick(keyed);
    ls[i] = `${m![1]} ${quote}${body}${quote}`;
    return ls.join('\n');
  },
  deepNesting(text, r) {
    const depth = r.pick([50, 99, 100, 101, 150, 500, 2000]);
    const p = at(text, r);
    let nest: string;
    switch (r.int(0, 3)) {
      case 0:
        nest = '['.repeat(depth) + ']'.repeat(r.chance(0.8) ? depth : r.int(0, depth));
        break;
      case 1:
        nest = '{a: '.repeat(depth) + '1' + '}'.repeat(depth);
        break;
      case 2:
        nest = '\n' + Array.from({ length: Math.min(depth, 300) }, (_, i) => ' '.repeat(i) + 'k:').join('\n') + ' v\n';
        break;
      default:
        nest = '\n' + Array.from({ length: Math.min(depth, 300) }, (_, i) => ' '.repeat(i * 2) + '-').join('\n') + ' v\n';
    }
    return text.slice(0, p) + nest + text.slice(p);
  },
  duplicateBlock(text, r) {
    const ls = lines(text);
    const from = r.int(0, ls.length - 1);
    const block = ls.slice(from, from + r.int(1, 30));
    const to = r.chance(0.5) ? from + block.length : r.int(0, ls.length);
    const times = r.chance(0.9) ? 1 : r.int(2, 200);
    ls.splice(to, 0, ...Array.from({ length: times }, () => block).flat());
    return ls.join('\n');
  },
  randomUnicode(text, r) {
    let t = text;
    for (let i = r.int(1, 6); i > 0; i--) {
      const p = at(t, r);
      const c = r.chance(0.6) ? r.pick(WEIRD) : String.fromCharCode(r.int(0, 0xffff));
      t = t.slice(0, p) + c + t.slice(r.chance(0.5) ? p : p + 1);
    }
    return t;
  },
  tabs(text, r) {
    const ls = lines(text);
    for (let i = r.int(1, 5); i > 0; i--) {
      const k = r.int(0, ls.length - 1);
      ls[k] = r.chance(0.7) ? ls[k].replace(/^ {1,4}/, '\t') : ls[k].replace(/: /, ':\t');
    }
    return ls.join('\n');
  },
  crlf(text, r) {
    switch (r.int(0, 3)) {
      case 0:
        return text.replace(/\n/g, '\r\n');
      case 1:
        return text.replace(/\n/g, () => (r.chance(0.3) ? '\r\n' : '\n'));
      case 2:
        return text.replace(/\n/g, () => (r.chance(0.1) ? '\r' : '\n'));
      default:
        return text.replace(/\n/g, '\r\n').slice(0, at(text, r));
    }
  },
  yamlFeatures(text, r) {
    // Things frameworks never use but users paste: anchors, aliases, merge keys, tags,
    // documents, directives, complex keys, block scalars.
    const snippets = [
      '&a ',
      '*a',
      '*missing',
      '<<: *a\n',
      '<<: {x: 1}\n',
      '!!str ',
      '!tag ',
      '!!binary ',
      '\n---\n',
      '\n...\n',
      '%YAML 1.2\n---\n',
      '? [a, b]\n: c\n',
      '|\n  text\n',
      '>-\n  folded\n',
      '{ a: 1, a: 1 }',
      'yardstick: 1\n',
      'id: dup\n',
      '# yardstick-disable YS101\n',
      '# yardstick-disable-next-line\n',
      '"\\u00zz"',
      "'unterminated",
      '"unterminated',
    ];
    const p = at(text, r);
    return text.slice(0, p) + r.pick(snippets) + text.slice(p);
  },
  aliasBomb(text, r) {
    const levels = r.int(3, 12);
    const width = r.int(2, 10);
    const bomb = ['x-bomb-0: &l0 [lol]'];
    for (let i = 1; i <= levels; i++)
      bomb.push(
        `x-bomb-${i}: &l${i} [${Array(width)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    return text + (text.endsWith('\n') ? '' : '\n') + bomb.join('\n') + '\n';
  },
};

const NAMES = Object.keys(MUTATIONS);

/** The input of case `index` of run `seed`, and the mutations that made it. */
export function generateCase(seed: number, index: number): { text: string; mutations: string[] } {
  const r = new Rng(caseSeed(seed, index));
  let text = r.pick(baseTexts());
  const mutations: string[] = [];
  for (let i = r.chance(0.6) ? 1 : r.int(2, 4); i > 0; i--) {
    const name = r.pick(NAMES);
    mutations.push(name);
    text = MUTATIONS[name](text, r);
  }
  return { text, mutations };
}

// ---------------------------------------------------------------------------------------------
// Invariants

function rangeProblem(
  lines: LineIndex,
  text: string,
  start: number,
  end: number,
  range: Range | undefined,
  what: string,
): string | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `${what}: offsets not integers (${start}, ${end})`;
  if (!(start >= 0 && start <= end && end <= text.length))
    return `${what}: offsets out of bounds (${start}, ${end}, length ${text.length})`;
  if (!range) return undefined;
  const { start: s, end: e } = range;
  for (const p of [s, e]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `${what}: bad position ${JSON.stringify(p)}`;
    if (p.line >= lines.lineCount) return `${what}: line ${p.line} beyond the last line ${lines.lineCount - 1}`;
    if (p.character > lines.lineText(p.line).length)
      return `${what}: character ${p.character} beyond line ${p.line}'s length ${lines.lineText(p.line).length}`;
  }
  if (s.line > e.line || (s.line === e.line && s.character > e.character)) return `${what}: range ends before it starts`;
  if (lines.offset(s) !== start || lines.offset(e) !== end)
    return `${what}: range ${JSON.stringify(range)} does not match offsets (${start}, ${end})`;
  return undefined;
}

function editsProblem(lines: LineIndex, text: string, edits: readonly TextEdit[] | undefined, what: string): string | undefined {
  if (!edits) return undefined;
  for (const e of edits) {
    const p = rangeProblem(lines, text, e.start, e.end, undefined, what);
    if (p) return p;
    if (typeof e.newText !== 'string') return `${what}: newText is not a string`;
  }
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return `${what}: edits overlap`;
  return undefined;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Everything wrong with the engine's findings on `text` (empty when all is well). */
export function findingProblems(text: string, findings: readonly Finding[]): string[] {
  const lines = new LineIndex(text);
  const problems: string[] = [];
  for (const f of findings) {
    const what = `${f.code} "${String(f.message).slice(0, 80)}"`;
    if (!/^YS\d{3}$/.test(f.code)) problems.push(`${what}: bad code`);
    if (!SEVERITIES.has(f.severity)) problems.push(`${what}: bad severity ${f.severity}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${what}: empty message`);
    if ((f.data as { internalError?: boolean } | undefined)?.internalError) problems.push(`${what}: a rule threw (caught by analyze)`);
    const p = rangeProblem(lines, text, f.start, f.end, f.range, what);
    if (p) problems.push(p);
    for (const fix of f.fixes ?? []) {
      const q = editsProblem(lines, text, fix.edits, `${what} fix "${fix.title}"`);
      if (q) problems.push(q);
    }
  }
  return problems;
}

export interface CheckResult {
  ms: number;
  problems: string[];
}

/** Runs the engine on one input and checks every invariant except time (the caller's bound). */
export function checkInput(text: string): CheckResult {
  const t0 = performance.now();
  let findings: Finding[];
  try {
    findings = analyze(text).findings;
  } catch (e) {
    return { ms: performance.now() - t0, problems: [`analyze threw: ${(e as Error)?.stack ?? String(e)}`] };
  }
  const ms = performance.now() - t0;
  return { ms, problems: findingProblems(text, findings) };
}

// ---------------------------------------------------------------------------------------------
// Fixtures

export interface FuzzFixture {
  seed: number;
  index: number;
  mutations?: string[];
  problem: string;
  text: string;
}

export function saveFixture(f: FuzzFixture): string {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  const file = join(FIXTURE_DIR, `seed${f.seed}-case${f.index}.json`);
  writeFileSync(file, JSON.stringify(f, null, 2) + '\n');
  return file;
}

export function loadFixtures(): Array<{ file: string; fixture: FuzzFixture }> {
  let names: string[] = [];
  try {
    names = readdirSync(FIXTURE_DIR)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return names.map((n) => ({ file: n, fixture: JSON.parse(readFileSync(join(FIXTURE_DIR, n), 'utf8')) as FuzzFixture }));
}

// ---------------------------------------------------------------------------------------------
// The long run: worker threads + a watchdog

interface WorkerJob {
  seed: number;
  from: number;
  to: number;
  step: number;
  slowMs: number;
}
type WorkerMessage =
  | { type: 'start'; index: number }
  | { type: 'fail'; index: number; mutations: string[]; problem: string; text: string }
  | { type: 'done'; count: number; maxMs: number; maxIndex: number };

function workerMain(job: WorkerJob): void {
  // `yaml` warns on process (e.g. "Keys with collection values will be stringified"): not a
  // failure, and thousands of them would bury the report. (Reported: parse/full.ts could pass logLevel.)
  process.removeAllListeners('warning');
  let maxMs = 0;
  let maxIndex = -1;
  let count = 0;
  for (let i = job.from; i < job.to; i += job.step) {
    parentPort!.postMessage({ type: 'start', index: i } satisfies WorkerMessage);
    const { text, mutations } = generateCase(job.seed, i);
    let { ms, problems } = checkInput(text);
    if (ms > job.slowMs) {
      // Confirm before blaming the engine: the first run may have met a GC pause.
      const again = checkInput(text);
      ms = Math.min(ms, again.ms);
      if (ms > job.slowMs) problems = [...problems, `took ${Math.round(ms)} ms (limit ${job.slowMs} ms) on ${text.length} chars`];
    }
    if (ms > maxMs) [maxMs, maxIndex] = [ms, i];
    if (problems.length)
      parentPort!.postMessage({ type: 'fail', index: i, mutations, problem: problems.join('\n'), text } satisfies WorkerMessage);
    count++;
  }
  parentPort!.postMessage({ type: 'done', count, maxMs, maxIndex } satisfies WorkerMessage);
}

function parseArgs(argv: string[]): { n: number; seed: number; jobs: number; slowMs: number; hangMs: number; from: number } {
  const get = (name: string, dflt: number) => {
    const i = argv.indexOf(`--${name}`);
    if (i < 0) return dflt;
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v)) throw new Error(`--${name} needs a number`);
    return v;
  };
  return {
    n: get('n', 1000),
    seed: get('seed', 1),
    jobs: get('jobs', Math.min(4, availableParallelism())),
    slowMs: get('slow-ms', 1000),
    hangMs: get('hang-ms', 10_000),
    from: get('from', 0),
  };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const to = opts.from + opts.n;
  console.log(
    `fuzz: seed ${opts.seed}, cases ${opts.from}..${to - 1}, ${opts.jobs} worker(s), slow > ${opts.slowMs} ms, hang > ${opts.hangMs} ms`,
  );
  const t0 = Date.now();
  let failures = 0;
  let checked = 0;
  let worst = { ms: 0, index: -1 };

  const runWorker = (from: number, step: number): Promise<void> =>
    new Promise((resolve) => {
      // Workers cannot load .ts themselves: register tsx in the worker, then load this file.
      const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(__filename)});`;
      const worker = new Worker(boot, {
        eval: true,
        workerData: { seed: opts.seed, from, to, step, slowMs: opts.slowMs } satisfies WorkerJob,
        // The CLI and the language server run on a main thread (~1 MB stack); a worker's default
        // 4 MB stack lets runaway recursion in a parser go deeper, and slower, than users see.
        resourceLimits: { stackSizeMb: 1 },
      });
      let current = -1;
      let startedAt = Date.now();
      let finished = false;
      const watchdog = setInterval(() => {
        if (current < 0 || Date.now() - startedAt < opts.hangMs) return;
        finished = true;
        clearInterval(watchdog);
        const { text, mutations } = generateCase(opts.seed, current);
        const file = saveFixture({ seed: opts.seed, index: current, mutations, problem: `hang: no result after ${opts.hangMs} ms`, text });
        failures++;
        console.log(`HANG case ${current} → ${file}`);
        const next = current + step;
        void worker.terminate().then(() => (next < to ? runWorker(next, step).then(resolve) : resolve()));
      }, 250);
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'start') {
          current = m.index;
          startedAt = Date.now();
          checked++;
          if (checked % 5000 === 0) console.log(`  ${checked} cases, ${failures} failure(s), ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        } else if (m.type === 'fail') {
          failures++;
          const file = saveFixture({ seed: opts.seed, index: m.index, mutations: m.mutations, problem: m.problem, text: m.text });
          console.log(`FAIL case ${m.index} (${m.mutations.join(', ')}): ${m.problem.split('\n')[0].slice(0, 200)}\n  → ${file}`);
        } else if (m.type === 'done') {
          if (m.maxMs > worst.ms) worst = { ms: m.maxMs, index: m.maxIndex };
        }
      });
      const end = () => {
        if (finished) return;
        finished = true;
        clearInterval(watchdog);
        resolve();
      };
      worker.on('error', (e) => {
        failures++;
        console.log(`worker error near case ${current}: ${e.stack ?? e}`);
        if (current >= 0)
          saveFixture({
            seed: opts.seed,
            index: current,
            problem: `worker crashed: ${e.message}`,
            text: generateCase(opts.seed, current).text,
          });
        end();
      });
      worker.on('exit', end);
    });

  const starts = Array.from({ length: opts.jobs }, (_, j) => opts.from + j).filter((s) => s < to);
  await Promise.all(starts.map((s) => runWorker(s, opts.jobs)));
  const secs = (Date.now() - t0) / 1000;
  console.log(
    `fuzz: ${checked} cases in ${secs.toFixed(1)} s, ${failures} failure(s); slowest case ${worst.index} (${worst.ms.toFixed(0)} ms)`,
  );
  process.exitCode = failures ? 1 : 0;
}

if (!isMainThread && (workerData as WorkerJob | undefined)?.to !== undefined) workerMain(workerData as WorkerJob);
else if (isMainThread && require.main === module) void main();
