// The light index of did-you-mean candidates (engine/suggest.ts), for files with few broken
// references among many ids: each candidate's prefix hashes side by side in one typed array and a
// small table of whole-string hashes, built in one pass over the candidates' letters. A question
// then enumerates its own one-edit neighbours and looks each up by hash, instead of every
// candidate's deletion variants being posted in a table: for ten thousand ids that table held
// some 300,000 postings in scattered memory, which cost more than a few dozen questions.
//
// Hashes are polynomial (H(s) = sum of s[j] * BASE^(n-1-j), mod 2^32), so the hash of a string
// one edit away from the needle follows from the needle's prefix hashes in a few operations.
// Equal hashes only make a candidate worth comparing: callers confirm with the real distance.

const BASE = 0x01000193;

export class CandidateHashes {
  /** Candidate i's prefix hashes, for lengths 0..n, are prefix[start[i] .. start[i] + n]. */
  private readonly start: Int32Array;
  private readonly prefix: Int32Array;
  /** Candidate lengths: a scan reads them here, not from each string in the heap. */
  private readonly lengths: Int32Array;
  /** Per candidate: its whole hash mixed with its length, and the next candidate in its bucket. */
  private readonly whole: Int32Array;
  private readonly chain: Int32Array;
  /** Per bucket: its first candidate, or -1. */
  private readonly heads: Int32Array;
  private readonly mask: number;
  /** The distinct characters of the candidates: inserting or substituting any other character
   * gives no candidate. */
  readonly alphabet: Int32Array;

  constructor(private readonly lower: readonly string[]) {
    let letters = 0;
    for (const l of lower) letters += l.length + 1;
    this.start = new Int32Array(lower.length);
    this.lengths = new Int32Array(lower.length);
    this.prefix = new Int32Array(letters);
    this.whole = new Int32Array(lower.length);
    this.chain = new Int32Array(lower.length);
    let buckets = 16;
    while (buckets < lower.length * 2) buckets *= 2;
    this.mask = buckets - 1;
    this.heads = new Int32Array(buckets).fill(-1);
    const distinct: number[] = [];
    let p = 0;
    for (let i = 0; i < lower.length; i++) {
      const l = lower[i];
      this.start[i] = p;
      this.lengths[i] = l.length;
      let h = 0;
      this.prefix[p++] = 0;
      for (let j = 0; j < l.length; j++) {
        const c = l.charCodeAt(j);
        if (seenLetters[c] === 0) {
          seenLetters[c] = 1;
          distinct.push(c);
        }
        h = (Math.imul(h, BASE) + c) | 0;
        this.prefix[p++] = h;
      }
      const mixed = mixLength(h, l.length);
      const b = bucketOf(mixed, this.mask);
      this.whole[i] = mixed;
      this.chain[i] = this.heads[b];
      this.heads[b] = i;
    }
    for (const c of distinct) seenLetters[c] = 0;
    this.alphabet = Int32Array.from(distinct).sort();
  }

  /** How many hashes `oneEditAway` looks up for a needle of this length (what a question costs). */
  neighbours(length: number): number {
    return length + (2 * length + 1) * this.alphabet.length;
  }

  /** Calls `found` with every candidate whose hash is that of a string one deletion, substitution
   * or insertion away from `needle` (possibly more than once, possibly a hash collision). */
  oneEditAway(needle: string, found: (index: number) => void): void {
    const n = needle.length;
    const { prefix, power } = needleHashes(needle);
    const full = prefix[n];
    const look = (hash: number, length: number) => {
      const mixed = mixLength(hash, length);
      for (let i = this.heads[bucketOf(mixed, this.mask)]; i >= 0; i = this.chain[i]) if (this.whole[i] === mixed) found(i);
    };
    const alphabet = this.alphabet;
    for (let i = 0; i < n; i++) {
      const after = power[n - 1 - i];
      // Deleting needle[i]: the prefix before it, shifted over the suffix after it.
      look((Math.imul(prefix[i], after) + (full - Math.imul(prefix[i + 1], after))) | 0, n - 1);
      // Substituting c for needle[i].
      const own = needle.charCodeAt(i);
      for (let k = 0; k < alphabet.length; k++) if (alphabet[k] !== own) look((full + Math.imul(alphabet[k] - own, after)) | 0, n);
    }
    for (let i = 0; i <= n; i++) {
      // Inserting c before needle[i] (at the end for i = n).
      const suffix = (full - Math.imul(prefix[i], power[n - i])) | 0;
      const head = Math.imul(prefix[i], power[n - i + 1]);
      for (let k = 0; k < alphabet.length; k++) look((head + Math.imul(alphabet[k], power[n - i]) + suffix) | 0, n + 1);
    }
  }

  /** The candidates that start with `needle` (itself included when it is one), each once. */
  startingWith(needle: string): number[] {
    const n = needle.length;
    const want = needleHashes(needle).prefix[n];
    const out: number[] = [];
    for (let i = 0; i < this.lower.length; i++) {
      if (this.lengths[i] >= n && this.prefix[this.start[i] + n] === want && this.lower[i].startsWith(needle)) out.push(i);
    }
    return out;
  }
}

// A mark per UTF-16 code unit, cleared after each use: cheaper than a Set of the letters, and
// shared, since small candidate lists (a mapping's keys) are indexed once per unknown key.
const seenLetters = new Uint8Array(0x10000);

// Scratch arrays for the needle's hashes: questions run in loops, so no allocation per call.
let needlePrefix = new Int32Array(66);
let needlePower = new Int32Array(66);

function needleHashes(needle: string): { prefix: Int32Array; power: Int32Array } {
  const n = needle.length;
  if (needlePrefix.length <= n + 1) {
    needlePrefix = new Int32Array(n + 2);
    needlePower = new Int32Array(n + 2);
  }
  needlePrefix[0] = 0;
  needlePower[0] = 1;
  for (let i = 0; i < n; i++) needlePrefix[i + 1] = (Math.imul(needlePrefix[i], BASE) + needle.charCodeAt(i)) | 0;
  for (let i = 0; i <= n; i++) needlePower[i + 1] = Math.imul(needlePower[i], BASE);
  return { prefix: needlePrefix, power: needlePower };
}

const mixLength = (hash: number, length: number) => (hash ^ Math.imul(length + 1, 0x9e3779b1)) | 0;
const bucketOf = (hash: number, mask: number) => ((Math.imul(hash, 0x9e3779b1) >>> 16) ^ hash) & mask;
