// The index worker (dist/index-worker.js): reads and parses the framework files it is given and
// posts what each declares back to the server, a batch at a time (see index-entries.ts). It
// waits before each file while the server's thread has an open document to check.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readFrameworkFile } from './framework-files';
import { entryOf, ForegroundGate, READ_BATCH, type EntriesMessage } from './index-entries';
import { pathToUri } from './uri';
import { keepYoungGenerationSmall } from './young-generation';

// First of all: making this thread's heap let the server's young generation grow again.
keepYoungGenerationSmall();

async function run(paths: string[], gate: ForegroundGate): Promise<void> {
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
    const uris = paths.slice(from, from + READ_BATCH).map(pathToUri);
    const texts = await Promise.all(uris.map(readFrameworkFile));
    const entries = uris.map((uri, k) => {
      gate.waitWhileUp();
      return entryOf(uri, texts[k]);
    });
    const message: EntriesMessage = { entries, done: from + READ_BATCH >= paths.length };
    parentPort!.postMessage(message);
    if (message.done) return;
  }
}

const data = workerData as { paths: string[]; gate: Int32Array<SharedArrayBuffer> };
void run(data.paths, new ForegroundGate(data.gate));
