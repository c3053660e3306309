// V8's young generation kept at its starting size (1 MB semi-spaces) for the server's life. V8
// doubles it up to 16 MB semi-spaces (34 MB in all) as a big file is parsed, and gives that back
// only once a collection finds little allocated over its last 5 s: the 10k-indicator file kept RSS
// 33 MB higher for 7 s after its check (bench/: 190 -> 157 MB at 500 ms). It costs time: more,
// smaller scavenges make that file's didOpen about 15% slower (bench/young-generation.mjs).
// YARDSTICK_YOUNG_GENERATION=grow leaves V8's default, for whoever prefers the speed.
import { setFlagsFromString } from 'node:v8';

/** Sets V8's growth factor of the young generation to 1. The factor is read each time V8 would
 * grow the space, so setting it at start-up works (unlike --max-semi-space-size, which is read once
 * when the heap is made). But it is one flag for the whole process, and V8 raises it back to 2 for
 * every heap it makes: a worker thread's start (the index worker's) undoes it for the server's
 * thread too, so the worker calls this again first thing. */
export function keepYoungGenerationSmall(): void {
  if (process.env.YARDSTICK_YOUNG_GENERATION === 'grow') return;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // A runtime without the flag: the young generation grows as V8 sees fit.
  }
}
