import type { Position, Range } from './types';

/** Converts offsets to line/character positions and back, in O(log lines). */
export class LineIndex {
  /** Where each line starts: a typed array, one flat block of memory for some 180,000 lines of a
   * big file instead of a growing array of numbers (offsets fit: strings are shorter than 2^31). */
  private readonly lineStarts: Int32Array;

  constructor(
    readonly text: string,
    /** Line starts already known (see afterChange); computed from the text when absent. */
    known?: Int32Array,
  ) {
    this.lineStarts = known ?? lineStartsOf(text);
  }

  /** The index of `text`, which is this index's text with [start, end) replaced by `inserted`
   * characters: the lines around the change are scanned again, the ones after it moved. */
  afterChange(text: string, start: number, end: number, inserted: number): LineIndex {
    const starts = this.lineStarts;
    const delta = inserted - (end - start);
    // From the line before the change (a CR LF pair can join across its start) to two lines after.
    const first = Math.max(0, this.position(start).line - 1);
    const after = Math.min(this.position(end).line + 2, starts.length);
    const scanEnd = after < starts.length ? starts[after] + delta : text.length;
    const region: number[] = [];
    for (let i = starts[first]; i < scanEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      else if (c !== 10 && c !== 13) continue;
      if (i + 1 < scanEnd || after >= starts.length) region.push(i + 1);
    }
    const next = new Int32Array(first + 1 + region.length + (starts.length - after));
    next.set(starts.subarray(0, first + 1));
    next.set(region, first + 1);
    const moved = starts.subarray(after);
    const at = first + 1 + region.length;
    if (delta === 0) next.set(moved, at);
    else for (let k = 0; k < moved.length; k++) next[at + k] = moved[k] + delta;
    return new LineIndex(text, next);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  offset(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[pos.line];
    const lineEnd = pos.line + 1 < this.lineStarts.length ? this.lineStarts[pos.line + 1] : this.text.length;
    return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }
}

/** The offsets where the text's lines start (after LF, CRLF or a lone CR). */
function lineStartsOf(text: string): Int32Array {
  let starts: Int32Array = new Int32Array(Math.max(16, text.length >> 5));
  let count = 1;
  if (text.indexOf('\r') < 0) {
    // The common case (LF only): indexOf scans natively, several times faster than a JS loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (count === starts.length) starts = grown(starts);
      starts[count++] = i + 1;
    }
  } else {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      else if (c !== 10 && c !== 13) continue;
      if (count === starts.length) starts = grown(starts);
      starts[count++] = i + 1;
    }
  }
  // A short view keeps the whole buffer: copy when the guess was far too long.
  return count * 4 < starts.length * 3 ? starts.slice(0, count) : starts.subarray(0, count);
}

function grown(starts: Int32Array): Int32Array {
  const more = new Int32Array(starts.length * 2);
  more.set(starts);
  return more;
}
