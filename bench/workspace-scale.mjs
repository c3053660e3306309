// Workspace scale: the open file's didOpen → publishDiagnostics while the server indexes a
// workspace of 10,000 framework files, against the same in an empty workspace, in one run.
//
// Each sample is a fresh server: it is started on the folder, the indexing progress has begun
// (and, in the big workspace, reached the files), each file is opened and closed once to warm
// up, then opened again and timed. A sample of the big workspace counts only when its diagnostics
// arrived before the indexing ended. Empty and big servers alternate.
//
//   node --expose-gc bench/run.mjs --only=workspace      (this part alone, with its goal)
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateFramework, OUT } from './generate.mjs';
import { startServer } from './lsp.mjs';

export const WORKSPACE_FILES = 10_000;
export const WORKSPACE_GOAL = 1.2;
const WORKSPACE_DIR = join(OUT, 'workspace-10k');
const EMPTY_DIR = join(OUT, 'workspace-empty');
const PER_FOLDER = 500;
const id = (k) => `ws-${String(k).padStart(5, '0')}`;

/** 10,000 files of 10-30 indicators (13-17 KB like the samples), in folders of 500; kept between runs. */
function ensureWorkspace(log) {
  const marker = join(WORKSPACE_DIR, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(WORKSPACE_FILES)) return;
  rmSync(WORKSPACE_DIR, { recursive: true, force: true });
  let bytes = 0;
  for (let k = 0; k < WORKSPACE_FILES; k++) {
    const dir = join(WORKSPACE_DIR, `part-${String(Math.floor(k / PER_FOLDER)).padStart(2, '0')}`);
    if (k % PER_FOLDER === 0) mkdirSync(dir, { recursive: true });
    const text = generateFramework({
      indicators: 10 + (k % 21),
      seed: 50_000 + k,
      id: id(k),
      crossRefs: [id((k + 1) % WORKSPACE_FILES), id((k + 97) % WORKSPACE_FILES)],
    });
    bytes += text.length;
    writeFileSync(join(dir, `${id(k)}.framework.yaml`), text);
  }
  writeFileSync(marker, String(WORKSPACE_FILES));
  log(`  ${WORKSPACE_DIR}: ${WORKSPACE_FILES} files, ${(bytes / 1e6).toFixed(0)} MB`);
}

const until = async (check, timeoutMs, what) => {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};
const kindOf = (p) => p.value?.kind;

/**
 * `files`: { label: text } opened in each sample (the first is the one with the goal).
 * Returns per label the empty and indexing medians, sample counts and the ratio.
 */
export async function runWorkspaceScale({ log, server, files, samples = 5, median }) {
  ensureWorkspace(log);
  mkdirSync(EMPTY_DIR, { recursive: true });
  for (const f of readdirSync(EMPTY_DIR)) rmSync(join(EMPTY_DIR, f), { recursive: true, force: true });
  const labels = Object.keys(files);
  const times = Object.fromEntries(labels.map((l) => [l, { empty: [], indexing: [] }]));
  let late = 0;
  let n = 0;
  for (let i = 0; i < samples; i++) {
    for (const where of ['empty', 'indexing']) {
      const s = await startServer({
        args: [server, '--stdio'],
        configuration: () => ({}),
        workspaceFolder: where === 'empty' ? EMPTY_DIR : WORKSPACE_DIR,
        workDoneProgress: true,
      });
      try {
        // Empty: indexing over. Big: the folders walked and the files being read and parsed.
        await until(() => s.progress.some((p) => kindOf(p) === (where === 'empty' ? 'end' : 'report')), 60_000, 'indexing progress');
        const ended = () => s.progress.some((p) => kindOf(p) === 'end');
        for (const label of labels) {
          const warm = `file:///bench/ws/warm-${label}-${n}.framework.yaml`;
          await s.open(warm, files[label], 60_000);
          s.close(warm);
        }
        for (const label of labels) {
          const uri = `file:///bench/ws/${label}-${n++}.framework.yaml`;
          const r = await s.open(uri, files[label], 60_000);
          s.close(uri);
          if (where === 'indexing' && ended()) late++;
          else times[label][where].push(r.ms);
        }
      } finally {
        await s.stop();
      }
    }
  }
  // One more server on the big workspace, left to finish: how long indexing takes, what it holds.
  const s = await startServer({
    args: [server, '--stdio'],
    configuration: () => ({}),
    workspaceFolder: WORKSPACE_DIR,
    workDoneProgress: true,
  });
  let indexMs = null;
  let rss = null;
  try {
    await until(() => s.progress.some((p) => kindOf(p) === 'end'), 300_000, 'indexing to end');
    const begin = s.progress.find((p) => kindOf(p) === 'begin');
    const end = s.progress.find((p) => kindOf(p) === 'end');
    indexMs = end.at - begin.at;
    rss = s.rssMB();
  } finally {
    await s.stop();
  }
  const out = { files: WORKSPACE_FILES, indexMs, rssAfterIndexMB: rss?.rss ?? null, peakRssMB: rss?.hwm ?? null, late, byFile: {} };
  for (const label of labels) {
    const t = times[label];
    const empty = median(t.empty);
    const indexing = median(t.indexing);
    out.byFile[label] = {
      bytes: Buffer.byteLength(files[label]),
      empty,
      indexing,
      emptySamples: t.empty.length,
      indexingSamples: t.indexing.length,
      ratio: typeof empty === 'number' && typeof indexing === 'number' && empty > 0 ? indexing / empty : null,
    };
  }
  return out;
}
