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

/** Edit distance, or Infinity as soon as it must exceed `limit` (cheap rejection of far candidates). */
function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > limit) return Infinity;
  }
  return prev[b.length];
}

/** Half the difference in letter counts: a lower bound of the edit distance. */
function letterCountBound(a: string, b: string, counts: Int32Array): number {
  counts.fill(0);
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i) & 127]++;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i) & 127]--;
  let diff = 0;
  for (let i = 0; i < 128; i++) diff += Math.abs(counts[i]);
  return Math.ceil(diff / 2);
}

/** The closest candidate, if it is close enough to be a plausible typo (or a prefix/contained match). */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const counts = new Int32Array(128);
  let best: string | undefined;
  let bestScore = Infinity;
  const pool = [...candidates];
  // In big id sets (thousands of indicators) only look at ids sharing the first two letters:
  // typos rarely hit those, and comparing against every id makes each miss cost milliseconds.
  const narrow = pool.length > 1000 && needle.length >= 4;
  for (const candidate of pool) {
    if (narrow && (candidate.charCodeAt(0) | 32) !== needle.charCodeAt(0)) continue;
    if (narrow && (candidate.charCodeAt(1) | 32) !== (needle.charCodeAt(1) | 32)) continue;
    const c = candidate.toLowerCase();
    // Cheap lower bound first: each edit changes the letter counts by at most two.
    if (letterCountBound(needle, c, counts) > Math.max(2, Math.floor(Math.max(needle.length, c.length) / 3))) continue;
    // Anything farther than a third of the longer word is no typo: stop computing early.
    // A prefix match scores 1.5 (between one and two edits); only a closer typo can beat it.
    const prefix = needle.length >= 3 && (c.startsWith(needle) || needle.startsWith(c));
    const ceiling = prefix ? Math.min(bestScore, 1.5) : bestScore;
    const limit = Math.min(Math.ceil(ceiling) - 1, Math.max(2, Math.floor(Math.max(needle.length, c.length) / 3)));
    let score = boundedDistance(needle, c, limit);
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

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}
