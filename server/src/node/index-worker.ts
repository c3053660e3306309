// The index worker (dist/index-worker.js): reads and parses the framework files it is given and
// posts what each declares back to the server, a batch at a time (see index-entries.ts).
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { READ_BATCH, readEntry, type EntriesMessage } from './index-entries';

async function run(paths: string[]): Promise<void> {
  // Background work: on Linux a thread's nice value is its own, so the editor's requests on the
  // server's thread come first. Elsewhere it would slow the whole process: left alone.
  if (process.platform === 'linux') {
    try {
      setPriority(10);
    } catch {
      // not allowed: run at the normal priority
    }
  }
  for (let from = 0; ; from += READ_BATCH) {
    const entries = await Promise.all(paths.slice(from, from + READ_BATCH).map(readEntry));
    const message: EntriesMessage = { entries, done: from + READ_BATCH >= paths.length };
    parentPort!.postMessage(message);
    if (message.done) return;
  }
}

void run((workerData as { paths: string[] }).paths);
