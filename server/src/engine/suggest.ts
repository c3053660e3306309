// "Did you mean ...?" suggestions: the closest candidate by edit distance, found through
// indexes so that a file with N ids and N broken references costs about N, not N².
//
// Scoring (unchanged from the first version, so messages stay the same): an edit distance d
// scores d; a prefix relation (one starts with the other, both at least 3 letters) scores 1.5;
// a candidate is plausible when its score is at most max(2, longer length / 3). The lowest
// score wins, ties go to the candidate listed first.

import { CandidateHashes } from './candidate-hashes';

/** Longer inputs get no suggestion: ids are short, and distance on long strings costs length². */
export const MAX_SUGGEST_LENGTH = 64;
/** Farthest typo looked for beyond one edit: more than this many edits is no longer a typo. */
const MAX_FAR_EDITS = 4;
/** Gram postings one question may visit in the far (two or more edits) search. */
const FAR_SEARCH_BUDGET = 4096;
/** Candidate comparisons spent scanning for far typos before the letter-pair index is built: one
 * such reference in a big file should not pay for indexing ten thousand ids, nor the fortieth
 * for scanning them (a scan costs about as much as indexing a tenth of the candidates). */
const SCAN_BUDGET = 32_768;
/** Neighbour hashes the light index may look up, per letter of the candidates, before the
 * deletion-variant index is built: many questions share the cost of that index better. */
const NEIGHBOUR_BUDGET = 4;
/** Candidates visited by prefix scans of the light index before the names are sorted. */
const PREFIX_SCAN_BUDGET = 1 << 20;
/** The longest run of names starting with the needle that the prefix search walks. */
const PREFIX_RUN = 256;
/** Candidates this few are scanned for every question: cheaper than building any index (a
 * mapping's allowed keys, a small file's ids), with the same answers. */
const SCAN_ALL_UP_TO = 64;
const GRAM = 2;

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
  return prev[b.length] <= limit ? prev[b.length] : Infinity;
}

const allowedEdits = (a: string, b: string) => Math.max(2, Math.floor(Math.max(a.length, b.length) / 3));

/** The closest candidate, if it is close enough to be a plausible typo (or a prefix/contained match). */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(input);
}

/**
 * True when `suggestion` is the only candidate within two edits of `input` (case aside): a typo
 * with one possible correction, which fix-all may apply. Stops at the second close candidate.
 */
export function onlyCloseCandidate(input: string, suggestion: string, candidates: Iterable<string>): boolean {
  const needle = input.toLowerCase();
  const want = suggestion.toLowerCase();
  if (boundedDistance(needle, want, 2) > 2) return false;
  for (const c of candidates) {
    const l = c.toLowerCase();
    if (l === want || Math.abs(l.length - needle.length) > 2) continue;
    if (boundedDistance(needle, l, 2) <= 2) return false;
  }
  return true;
}

interface Best {
  index: number;
  score: number;
}

/**
 * Did-you-mean over one set of candidates, asked many times (every broken reference of a file).
 * Indexes, each answering one kind of closeness without comparing every candidate: a light one
 * of hashes (engine/candidate-hashes.ts) for one-edit typos and prefixes while the questions are
 * few, then one-deletion variants (every one-edit typo) and sorted names (prefixes) when they
 * are many, and letter pairs (farther typos, rarest pairs first, within a fixed budget per
 * question). A file with a few dozen broken references among ten thousand ids never builds more
 * than the light one.
 */
export class Suggester {
  private readonly names: string[] = [];
  private readonly lower: string[] = [];
  private readonly exact = new Map<string, number>();
  private deletions?: VariantIndex;
  private seen?: Int32Array;
  private stamp = 0;
  private sorted?: number[];
  private grams?: Map<string, number[]>;
  private byLength?: Map<number, number[]>;

  private hashes?: CandidateHashes;
  private letters = 0;
  private neighboursLooked = 0;
  private prefixesScanned = 0;

  private readonly scannedQuestions: number;
  private readonly farScans: number;

  /** `scannedQuestions` (tests): how many questions to answer by scanning every candidate before
   * indexing. By default none: the near answers (one edit, a prefix) come from the light index,
   * and the first questions that need a farther search scan, as many as fit SCAN_BUDGET
   * comparisons, before the letter-pair index is built. */
  constructor(candidates: Iterable<string>, { scannedQuestions }: { scannedQuestions?: number } = {}) {
    for (const name of candidates) {
      const l = name.toLowerCase();
      if (l.length > MAX_SUGGEST_LENGTH || this.exact.has(l)) continue;
      this.exact.set(l, this.names.length);
      this.names.push(name);
      this.lower.push(l);
      this.letters += l.length + 1;
    }
    this.scannedQuestions = scannedQuestions ?? (this.names.length <= SCAN_ALL_UP_TO ? Infinity : 0);
    this.farScans = scannedQuestions === undefined ? Math.floor(SCAN_BUDGET / Math.max(1, this.names.length)) : 0;
  }

  private farAsked = 0;

  private asked = 0;

  suggest(input: string): string | undefined {
    const needle = input.toLowerCase();
    if (needle.length > MAX_SUGGEST_LENGTH || this.names.length === 0) return undefined;
    return ++this.asked <= this.scannedQuestions ? this.scan(needle) : this.lookUp(needle);
  }

  /** Every candidate, cheapest rejections first. */
  private scan(needle: string): string | undefined {
    let bestScore = Infinity;
    let bestIndex = -1;
    for (let i = 0; i < this.lower.length; i++) {
      const c = this.lower[i];
      const prefix = needle.length >= 3 && c.length >= 3 && c !== needle && (c.startsWith(needle) || needle.startsWith(c));
      const limit = Math.min(prefix ? 1 : MAX_FAR_EDITS, allowedEdits(needle, c), Math.ceil(bestScore) - 1);
      let score = boundedDistance(needle, c, limit);
      if (prefix) score = Math.min(score, 1.5);
      if (score < bestScore) {
        bestScore = score;
        bestIndex = i;
        if (score === 0) break;
      }
    }
    return bestIndex >= 0 ? this.names[bestIndex] : undefined;
  }

  private lookUp(needle: string): string | undefined {
    let best: Best | undefined;
    const consider = (index: number, score: number) => {
      if (!best || score < best.score || (score === best.score && index < best.index)) best = { index, score };
    };
    const same = this.exact.get(needle);
    if (same !== undefined) consider(same, 0);
    if (!best) for (const i of this.oneEditAway(needle)) consider(i, 1);
    if (!best || best.score > 1) for (const i of this.prefixRelated(needle)) consider(i, 1.5);
    // Nothing near: a scan answers as the index would (the scan looks as far), without building it.
    if (!best && ++this.farAsked <= this.farScans) return this.scan(needle);
    if (!best) this.farSearch(needle, consider);
    if (!best) return undefined;
    const { index, score } = best;
    return score <= allowedEdits(needle, this.lower[index]) ? this.names[index] : undefined;
  }

  /** Candidates exactly one edit away: from the light index while its lookups stay within
   * NEIGHBOUR_BUDGET, then from the deletion-variant index. */
  private *oneEditAway(needle: string): Generator<number> {
    const stamp = ++this.stamp;
    const seen = (this.seen ??= new Int32Array(this.lower.length));
    const hashes = (this.hashes ??= new CandidateHashes(this.lower));
    const cost = hashes.neighbours(needle.length);
    if (!this.deletions && this.neighboursLooked + cost <= NEIGHBOUR_BUDGET * this.letters) {
      this.neighboursLooked += cost;
      const found: number[] = [];
      hashes.oneEditAway(needle, (i) => {
        if (seen[i] === stamp || this.lower[i] === needle) return;
        seen[i] = stamp;
        if (boundedDistance(needle, this.lower[i], 1) === 1) found.push(i);
      });
      yield* found;
      return;
    }
    // Variants are hashed, not built as strings; a hash collision only costs a comparison.
    const deletions = (this.deletions ??= new VariantIndex(this.lower));
    const count = variantHashes(needle);
    const variants = variantScratch.slice(0, count);
    for (let v = 0; v < count; v++) {
      const key = variants[v];
      for (let p = deletions.first(key); p >= 0; p = deletions.next(p, key)) {
        const i = deletions.owner[p];
        if (seen[i] === stamp || this.lower[i] === needle) continue;
        seen[i] = stamp;
        if (boundedDistance(needle, this.lower[i], 1) === 1) yield i;
      }
    }
  }

  /** Candidates that start with the needle, or that the needle starts with (3+ letters each). */
  private *prefixRelated(needle: string): Generator<number> {
    if (needle.length < 3) return;
    for (let n = 3; n < needle.length; n++) {
      const i = this.exact.get(needle.slice(0, n));
      if (i !== undefined) yield i;
    }
    // Few questions: a scan of the prefix hashes finds the names starting with the needle. When
    // they are more than the walk below takes, the walk decides which count.
    const hashes = (this.hashes ??= new CandidateHashes(this.lower));
    if (!this.sorted && (this.prefixesScanned += this.lower.length) <= PREFIX_SCAN_BUDGET) {
      const starting = hashes.startingWith(needle);
      if (starting.length <= PREFIX_RUN) {
        for (const i of starting) if (this.lower[i] !== needle) yield i;
        return;
      }
    }
    // The names are distinct, so sorting them (the built-in order, by UTF-16 code units, as `<`)
    // and mapping back gives each index once.
    const sorted = (this.sorted ??= this.lower
      .slice()
      .sort()
      .map((l) => this.exact.get(l)!));
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lower[sorted[mid]] < needle) lo = mid + 1;
      else hi = mid;
    }
    // The lowest-indexed one is enough for ties, but the run of names with this prefix can be
    // long: walk it only while it may still hold a lower index, up to a fixed count.
    for (let k = lo, walked = 0; k < sorted.length && walked < PREFIX_RUN && this.lower[sorted[k]].startsWith(needle); k++, walked++) {
      if (this.lower[sorted[k]] !== needle) yield sorted[k];
    }
  }

  /**
   * Two or more edits: candidates of a near length sharing enough letter pairs (q-gram count
   * filter), visiting the needle's rarest pairs first and stopping at a fixed budget, so a
   * question never costs more than a few thousand steps however many ids share their letters.
   */
  private farSearch(needle: string, consider: (index: number, score: number) => void): void {
    const grams = (this.grams ??= this.buildGrams());
    const maxEdits = Math.min(MAX_FAR_EDITS, Math.max(2, Math.floor((needle.length + MAX_FAR_EDITS) / 3)));
    const lists = [...new Set(gramsOf(needle))].map((g) => grams.get(g) ?? []).sort((a, b) => a.length - b.length);
    // Each edit removes at most GRAM of the needle's distinct pairs; the rest occur in the candidate.
    const needed = lists.length - GRAM * maxEdits;
    const shared = new Map<number, number>();
    let budget = FAR_SEARCH_BUDGET;
    if (needed <= 0) {
      // Too short for pairs to say anything: every candidate of a near length, within the budget.
      const byLength = (this.byLength ??= this.buildByLength());
      for (let n = Math.max(0, needle.length - maxEdits); n <= needle.length + maxEdits; n++) {
        for (const i of byLength.get(n) ?? []) if (budget-- > 0) shared.set(i, 0);
      }
    }
    for (const list of needed > 0 ? lists : []) {
      for (const i of list) {
        if (budget-- <= 0) break;
        if (Math.abs(this.lower[i].length - needle.length) <= maxEdits) shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    let bestScore = Infinity;
    let bestIndex = -1;
    for (const [i, count] of shared) {
      const c = this.lower[i];
      if (count < needed) continue;
      const limit = Math.min(bestScore === Infinity ? maxEdits : bestScore, allowedEdits(needle, c));
      const d = boundedDistance(needle, c, limit);
      if (d < bestScore || (d === bestScore && i < bestIndex)) {
        bestScore = d;
        bestIndex = i;
      }
    }
    if (bestIndex >= 0) consider(bestIndex, bestScore);
  }

  private buildByLength(): Map<number, number[]> {
    const map = new Map<number, number[]>();
    this.lower.forEach((l, i) => {
      const list = map.get(l.length);
      if (list) list.push(i);
      else map.set(l.length, [i]);
    });
    return map;
  }

  private buildGrams(): Map<string, number[]> {
    const map = new Map<string, number[]>();
    this.lower.forEach((l, i) => {
      for (const g of new Set(gramsOf(l))) {
        const list = map.get(g);
        if (list) list.push(i);
        else map.set(g, [i]);
      }
    });
    return map;
  }
}

/**
 * Every candidate's one-deletion variant hashes in one chained hash table of typed arrays:
 * ten thousand ids give some 200,000 postings, which a Map of arrays pays for in allocations.
 */
class VariantIndex {
  /** Per posting: its variant hash, the candidate it belongs to, the next posting in its bucket. */
  readonly owner: Int32Array;
  private readonly hash: Int32Array;
  private readonly chain: Int32Array;
  /** Per bucket: its first posting, or -1. */
  private readonly heads: Int32Array;
  private readonly mask: number;

  constructor(lower: readonly string[]) {
    let postings = 0;
    for (const l of lower) postings += l.length + 1;
    let buckets = 16;
    while (buckets < postings * 2) buckets *= 2;
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(-1);
    this.owner = new Int32Array(postings);
    this.hash = new Int32Array(postings);
    this.chain = new Int32Array(postings);
    let p = 0;
    for (let i = 0; i < lower.length; i++) {
      const count = variantHashes(lower[i]);
      for (let v = 0; v < count; v++) {
        const h = variantScratch[v];
        const b = bucketOf(h, this.mask);
        this.owner[p] = i;
        this.hash[p] = h;
        this.chain[p] = this.heads[b];
        this.heads[b] = p++;
      }
    }
  }

  /** The first posting with this hash, or -1. */
  first(hash: number): number {
    return this.skip(this.heads[bucketOf(hash, this.mask)], hash);
  }

  /** The posting after p with this hash, or -1. */
  next(p: number, hash: number): number {
    return this.skip(this.chain[p], hash);
  }

  private skip(p: number, hash: number): number {
    while (p >= 0 && this.hash[p] !== hash) p = this.chain[p];
    return p;
  }
}

const bucketOf = (hash: number, mask: number) => ((Math.imul(hash, 0x9e3779b1) >>> 16) ^ hash) & mask;

const HASH_BASE = 0x01000193;
let prefixHash = new Int32Array(MAX_SUGGEST_LENGTH + 1);
let basePower = new Int32Array(MAX_SUGGEST_LENGTH + 1);
/** variantHashes writes here (no array per call). */
let variantScratch = new Int32Array(MAX_SUGGEST_LENGTH + 2);

/** Polynomial hashes (mod 2^32, mixed with the length) of `s` and of each string made by
 * deleting one of its characters, written to variantScratch: two strings one edit apart share
 * one of these. Returns how many were written (s.length + 1). */
function variantHashes(s: string): number {
  const n = s.length;
  if (prefixHash.length <= n) {
    prefixHash = new Int32Array(n + 1);
    basePower = new Int32Array(n + 1);
  }
  if (variantScratch.length <= n) variantScratch = new Int32Array(n + 1);
  basePower[0] = 1;
  for (let i = 0; i < n; i++) {
    prefixHash[i + 1] = (Math.imul(prefixHash[i], HASH_BASE) + s.charCodeAt(i)) | 0;
    basePower[i + 1] = Math.imul(basePower[i], HASH_BASE);
  }
  const full = prefixHash[n];
  variantScratch[0] = mixLength(full, n);
  for (let i = 0; i < n; i++) {
    const after = n - 1 - i;
    const suffix = (full - Math.imul(prefixHash[i + 1], basePower[after])) | 0;
    variantScratch[i + 1] = mixLength((Math.imul(prefixHash[i], basePower[after]) + suffix) | 0, n - 1);
  }
  return n + 1;
}

const mixLength = (hash: number, length: number) => (hash ^ Math.imul(length + 1, 0x9e3779b1)) | 0;

function gramsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + GRAM <= s.length; i++) out.push(s.slice(i, i + GRAM));
  return out;
}

export function quoteList(values: readonly unknown[]): string {
  return values.map((v) => String(v)).join(', ');
}
