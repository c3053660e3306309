// What the language server's heap holds with one big file open: starts dist/server.js, opens the
// file, collects garbage, writes a heap snapshot and groups what is left by object shape (the
// property names of plain objects and arrays), strings and the rest. Not part of `npm run bench`.
//
//   node bench/heap-composition.mjs [file]     (default: the generated 10,000-indicator file)
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigPath } from './generate.mjs';
import { startServer } from './lsp.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? bigPath(10000);
const text = readFileSync(file, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'yardstick-heap-'));
const server = await startServer({
  args: [
    '--expose-gc',
    '-r',
    join(HERE, 'heap-probe.cjs'),
    '--heapsnapshot-signal=SIGUSR1',
    `--diagnostic-dir=${dir}`,
    join(HERE, '..', 'dist', 'server.js'),
    '--stdio',
  ],
  configuration: () => ({}),
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
try {
  const opened = await server.open(`file:///heap/${file.split('/').pop()}`, text, 300_000);
  await sleep(500);
  const rss = server.rssMB();
  server.child.kill('SIGUSR2'); // the probe collects garbage and prints the heap numbers
  await sleep(1000);
  const probe = server.stderr
    .join('')
    .split('\n')
    .find((l) => l.startsWith('HEAP-PROBE '));
  server.child.kill('SIGUSR1');
  // The snapshot is written in pieces: complete once its size stops changing.
  let snapshot;
  let lastSize = -1;
  for (let i = 0; i < 600 && !snapshot; i++) {
    await sleep(1000);
    const name = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot'));
    const size = name ? statSync(join(dir, name)).size : -1;
    if (size > 0 && size === lastSize) snapshot = join(dir, name);
    lastSize = size;
  }
  console.log(`${file}: ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MB, ${opened.diagnostics} diagnostics`);
  console.log(`RSS 500 ms after the diagnostics: ${rss.rss.toFixed(0)} MB (peak ${rss.hwm.toFixed(0)} MB)`);
  if (probe) console.log(`after a full collection: ${probe.slice('HEAP-PROBE '.length)}`);
  if (snapshot) console.log(composition(JSON.parse(readFileSync(snapshot, 'utf8'))));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** The heap grouped by shape: plain objects and arrays by their property names, class instances by class, the rest by V8's node type. */
function composition(snap) {
  const {
    node_fields: nf,
    edge_fields: ef,
    node_types: [types],
    edge_types: [edgeTypes],
  } = snap.snapshot.meta;
  const [N, E] = [nf.length, ef.length];
  const [type, name, size, edges] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nf.indexOf(f));
  const [edgeType, edgeName] = ['type', 'name_or_index'].map((f) => ef.indexOf(f));
  const { nodes, strings } = snap;
  const groups = new Map();
  let total = 0;
  for (let i = 0, e = 0; i < nodes.length; i += N) {
    const count = nodes[i + edges];
    const t = types[nodes[i + type]];
    const n = strings[nodes[i + name]];
    let key = t;
    if (t === 'object' && (n === 'Object' || n === 'Array')) {
      const props = [];
      for (let k = 0; k < count; k++) {
        const at = e + k * E;
        if (edgeTypes[snap.edges[at + edgeType]] === 'property') props.push(strings[snap.edges[at + edgeName]]);
      }
      // Small integers live inside the object: only pointer-valued properties show as edges.
      key = `${n} {${props.filter((p) => p !== '__proto__').join(', ')}}`;
    } else if (t === 'array' || t === 'hidden' || t === 'code' || t === 'closure' || t === 'object') key = `${t} ${n}`.trim();
    const g = groups.get(key) ?? { bytes: 0, count: 0 };
    g.bytes += nodes[i + size];
    g.count++;
    groups.set(key, g);
    total += nodes[i + size];
    e += count * E;
  }
  const mb = (x) => (x / 2 ** 20).toFixed(2).padStart(7);
  const rows = [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 25);
  return [
    `heap in the snapshot: ${mb(total).trim()} MB`,
    '     MB    objects  shape',
    ...rows.map(([k, g]) => `${mb(g.bytes)} ${String(g.count).padStart(10)}  ${k.slice(0, 110)}`),
  ].join('\n');
}
