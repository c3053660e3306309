// What keeping V8's young generation small (server/src/node/young-generation.ts) costs and saves:
// didOpen → diagnostics of the 10,000-indicator file, and RSS 500 ms after them, for the server as
// shipped and with YARDSTICK_YOUNG_GENERATION=grow (V8's default growth), interleaved. Not part of
// `npm run bench`; build first (`npm run build`); it generates bench/out/ when missing.
//
//   node bench/young-generation.mjs [rounds]      (default 6; each round starts each server once and opens the file twice)
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bigPath, generateAll } from './generate.mjs';
import { startServer } from './lsp.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SERVER = join(HERE, '..', 'dist', 'server.js');
if (!existsSync(bigPath(10000))) generateAll({ log: () => {} });
const big = readFileSync(bigPath(10000), 'utf8');
const warm = readFileSync(bigPath(1000), 'utf8');
const rounds = Number(process.argv[2] ?? 6);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const variants = { 'small (as shipped)': {}, 'grow (V8 default)': { YARDSTICK_YOUNG_GENERATION: 'grow' } };
const results = Object.fromEntries(Object.keys(variants).map((k) => [k, { open: [], rss: [] }]));
for (let round = 0; round < rounds; round++) {
  for (const [name, env] of Object.entries(variants)) {
    const server = await startServer({ args: [SERVER, '--stdio'], env, configuration: () => ({}) });
    try {
      await server.open(pathToFileURL('/young-generation/warm.framework.yaml').href, warm);
      // RSS with one big file open (as the bench's goal reads it); then a second open, timed only.
      for (let k = 0; k < 2; k++) {
        const uri = pathToFileURL(`/young-generation/big-${k}.framework.yaml`).href;
        const opened = await server.open(uri, big, 120_000);
        results[name].open.push(opened.ms);
        if (k === 0) {
          await sleep(500);
          results[name].rss.push(server.rssMB().rss);
        }
        server.close(uri);
      }
    } finally {
      await server.stop();
    }
  }
}
for (const [name, r] of Object.entries(results))
  console.log(
    `${name.padEnd(20)} didOpen → diagnostics of the 10k file: median ${median(r.open).toFixed(0)} ms (${r.open.length} opens); RSS 500 ms after: median ${median(r.rss).toFixed(0)} MB`,
  );
const [small, grow] = Object.values(results);
console.log(
  `small / grow: didOpen ${(median(small.open) / median(grow.open)).toFixed(2)}x, RSS ${(median(small.rss) / median(grow.rss)).toFixed(2)}x`,
);
