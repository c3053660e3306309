// "Did you mean ...?" suggestions by edit distance.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

// Scratch row for boundedDistance: suggestions run in tight loops, so no allocation per call.
let row = new Int32Array(64);

/** Edit distance, or Infinity as soon as it must exceed `limit` (cheap rejection of far candidates). */
function boundedDistance(a: string, b: string, limit: number): number {
  if (limit < 0 || Math.abs(a.length - b.length) > limit) return Infinity;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  const prev = row;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      const v = Math.min(tmp + 1, prev[j - 1] + 1, diag + (ac === b.charCodeAt(j - 1) ? 0 : 1));
      prev[j] = v;
      diag = tmp;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return Infinity;
  }
  return prev[b.length];
}

/** Half the difference in letter counts: a lower bound of the edit distance. O(length). */
function letterCountBound(a: string, b: string, counts: Int32Array): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) & 127]++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]--;
  let diff = 0;
  // Sum each letter's difference once, resetting the counts for the next call as we go.
  for (let i = 0; i < a.length; i++) {
    const k = a.charCodeAt(i) & 127;
    diff += Math.abs(counts[k]);
    counts[k] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const k = b.charCodeAt(i) & 127;
    diff += Math.abs(counts[k]);
    counts[k] = 0;
  }
  return Math.ceil(diff / 2);
}

/** The closest candidate, if it is close enough to be a plausible typo (or a prefix/contained match). */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(input);
}

/**
 * Did-you-mean over one set of candidates, asked many times (every broken reference of a
 * file). Big sets (thousands of indicator ids) are bucketed by their first two letters, which
 * typos rarely hit, so each question compares against a few ids rather than all of them.
 */
export class Suggester {
  private readonly all: string[];
  private readonly buckets?: Map<string, string[]>;
  private readonly counts = new Int32Array(128);

  constructor(candidates: Iterable<string>) {
    this.all = [...candidates];
    if (this.all.length > 1000) {
      this.buckets = new Map();
      for (const c of this.all) {
        const key = c.slice(0, 2).toLowerCase();
        const bucket = this.buckets.get(key);
        if (bucket) bucket.push(c);
        else this.buckets.set(key, [c]);
      }
    }
  }

  suggest(input: string): string | undefined {
    const needle = input.toLowerCase();
    const pool = this.buckets && needle.length >= 4 ? this.buckets.get(needle.slice(0, 2)) ?? [] : this.all;
    let best: string | undefined;
    let bestScore = Infinity;
    // Prefix matches first (cheap): once one scores 1.5, only one-edit typos need a closer look.
    if (needle.length >= 3) {
      for (const candidate of pool) {
        const c = candidate.toLowerCase();
        if (c !== needle && (c.startsWith(needle) || needle.startsWith(c))) {
          best = candidate;
          bestScore = 1.5;
          break;
        }
      }
    }
    for (const candidate of pool) {
      const c = candidate.toLowerCase();
      if (bestScore <= 1.5 && Math.abs(c.length - needle.length) > 1) continue;
      const allowed = Math.max(2, Math.floor(Math.max(needle.length, c.length) / 3));
      // Cheap lower bound first: each edit changes the letter counts by at most two.
      if (letterCountBound(needle, c, this.counts) > allowed) continue;
      // A prefix match scores 1.5 (between one and two edits); only a closer typo can beat it.
      // Anything farther than a third of the longer word is no typo: stop computing early.
      const prefix = needle.length >= 3 && (c.startsWith(needle) || needle.startsWith(c));
      const ceiling = prefix ? Math.min(bestScore, 1.5) : bestScore;
      let score = boundedDistance(needle, c, Math.min(Math.ceil(ceiling) - 1, allowed));
      if (prefix) score = Math.min(score, 1.5);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    if (best === undefined) return undefined;
    const allowed = Math.max(2, Math.floor(Math.max(needle.length, best.length) / 3));
    return bestScore <= allowed ? best : undefined;
  }
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}
