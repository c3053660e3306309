// `npm run bench`: Yardstick against its floors and yaml-language-server, in one run on one
// machine. Writes bench/results.json and bench/RESULTS.md. Not a test: nothing here fails.
//
//   node --expose-gc bench/run.mjs [--quick] [--skip-yls] [--skip-40k] [--only=part,...]
//
// --only runs some parts (engine, cli, server, yls, superlinear, workspace) and prints their
// goals; it writes bench/results-only.json and leaves bench/RESULTS.md (a whole run's) alone.
//
// Every timing is the median of several repetitions (fewer on the big files) with gc()
// between them; each ratio compares two numbers measured in this run.
import { execFileSync, spawn } from 'node:child_process';
import { withGoals } from './readme-table.mjs';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildEngine } from './build-engine.mjs';
import { BIG_SIZES, MANY_DIR, bigPath, generateAll } from './generate.mjs';
import { startServer, TimeoutError } from './lsp.mjs';
import { bundleSchema } from './schema-bundle.mjs';
import { runSuperlinear, SLOPE_GOAL } from './superlinear.mjs';
import { runWorkspaceScale, WORKSPACE_FILES, WORKSPACE_GOAL } from './workspace-scale.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(import.meta.url);
const jsyaml = require('js-yaml');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SKIP_YLS = argv.includes('--skip-yls');
const SKIP_40K = argv.includes('--skip-40k');
const ONLY = argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part) => !ONLY || ONLY.includes(part);
const gc = globalThis.gc ?? (() => {});
if (!globalThis.gc) console.warn('(run with node --expose-gc for steadier numbers)');

const SERVER = join(ROOT, 'dist', 'server.js');
const CLI = join(ROOT, 'dist', 'cli.js');
const YLS = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const ENGINE_TIMEOUT = { 1000: 60_000, 2500: 60_000, 10000: 150_000, 40000: 100_000 };
const YLS_TIMEOUT = 90_000;

const median = (xs) => {
  if (!xs || xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  if (!xs || xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (x) =>
  x === null || x === undefined ? 'n/a' : typeof x === 'string' ? x : x >= 100 ? `${x.toFixed(0)} ms` : `${x.toFixed(1)} ms`;
const sum = (a, b) => (typeof a === 'number' && typeof b === 'number' ? a + b : null);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? a / b : null);
const log = (...a) => console.log(...a);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)}s`;

const results = {
  startedAt: new Date().toISOString(),
  flags: argv.filter((a) => a.startsWith('--')),
  machine: machine(),
  engine: {},
  cli: {},
  server: {},
  yls: {},
  superlinear: [],
  workspace: {},
  notes: [],
};

// ---- set-up ------------------------------------------------------------------------------
log('Generating files…');
generateAll({ log });
log('Building…');
// The bundles as they ship (the .vsix and the npm package are built with --production: minified,
// no source maps): the server and the CLI measured are the ones users run.
execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT, stdio: 'ignore' });
if (runs('engine')) await buildEngine();
const schemaFile = runs('yls') ? bundleSchema() : undefined;
const texts = Object.fromEntries(BIG_SIZES.map((n) => [n, readFileSync(bigPath(n), 'utf8')]));
const sizes = SKIP_40K ? BIG_SIZES.filter((n) => n !== 40000) : BIG_SIZES;

// ---- 1. engine ---------------------------------------------------------------------------
if (runs('engine')) log(`\n[${elapsed()}] Engine (bundled analyze, every registered rule) vs js-yaml load and yaml parseDocument`);
for (const n of runs('engine') ? sizes : []) {
  const budget = QUICK ? 3000 : n >= 40000 ? 20_000 : n >= 10000 ? 25_000 : 8000;
  // yaml's parseDocument is 10x slower than the engine: a quick run leaves it out.
  const args = ['--expose-gc', join(HERE, 'engine-child.mjs'), bigPath(n), String(budget), ...(QUICK ? [] : ['--yaml'])];
  if (n === 10000) args.push('--rules');
  const r = await runChild(args, ENGINE_TIMEOUT[n]);
  const lastLine = r.stdout.trim().split('\n').pop();
  if (!lastLine) {
    results.engine[n] = { timeout: true, bytes: Buffer.byteLength(texts[n]) };
    log(`  ${n}: timeout after ${ENGINE_TIMEOUT[n] / 1000} s`);
    continue;
  }
  const o = JSON.parse(lastLine);
  if (r.timeout)
    results.notes.push(
      `${n} indicators: the full check (analyze) did not finish within ${ENGINE_TIMEOUT[n] / 1000} s; parse and model times are reported.`,
    );
  const e = (results.engine[n] = {
    bytes: o.bytes,
    reps: o.analyze.length,
    load: median(o.load),
    yaml: median(o.yaml),
    parse: median(o.parse),
    model: median(o.model),
    analyze: r.timeout ? `timeout (>${ENGINE_TIMEOUT[n] / 1000} s)` : median(o.analyze),
    check: median(o.check),
    analyzeOverhead: median(o.analyzeOverhead),
    findings: o.findings,
    rules: o.rules,
  });
  log(
    `  ${String(n).padStart(5)} indicators (${(o.bytes / 1e6).toFixed(1)} MB, ${e.reps} reps): js-yaml load ${ms(e.load)}, yaml parseDocument ${ms(e.yaml)}, parse ${ms(e.parse)}, model ${ms(e.model)}, analyze ${ms(e.analyze)}, of which validation + rules ${ms(e.check)} (${e.findings} findings)`,
  );
}
if (results.engine[10000]?.rules) {
  const slow = Object.entries(results.engine[10000].rules).sort((a, b) => b[1] - a[1]);
  log(
    `  10k per-rule check() time: ${slow
      .slice(0, 8)
      .map(([id, t]) => `${id} ${ms(t)}`)
      .join(', ')}; all rules ${ms(slow.reduce((s, [, t]) => s + t, 0))}`,
  );
}

// ---- 2. CLI on 1,000 files ---------------------------------------------------------------
if (runs('cli')) {
  log(`\n[${elapsed()}] CLI on ${MANY_DIR} vs the sum of js-yaml loads`);
  const files = readdirSync(MANY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(MANY_DIR, f));
  const manyTexts = files.map((f) => readFileSync(f, 'utf8'));
  for (const t of manyTexts.slice(0, 50)) jsyaml.load(t); // warm up
  const loads = [];
  for (let i = 0; i < (QUICK ? 3 : 5); i++) {
    gc();
    const s = performance.now();
    for (const t of manyTexts) jsyaml.load(t);
    loads.push(performance.now() - s);
  }
  // The same loads in a fresh process that reads the files itself (start-up and I/O included).
  const floorScript = `const fs=require('fs'),p=require('path'),y=require(${JSON.stringify(require.resolve('js-yaml'))});const d=${JSON.stringify(MANY_DIR)};for(const f of fs.readdirSync(d))y.load(fs.readFileSync(p.join(d,f),'utf8'));`;
  const floorProc = [];
  const cli = [];
  let cliExit;
  let cliFindings;
  for (let i = 0; i < 3; i++) {
    let s = performance.now();
    execFileSync(process.execPath, ['-e', floorScript]);
    floorProc.push(performance.now() - s);
    s = performance.now();
    const r = await runChild([CLI, 'check', '--format', 'json', MANY_DIR], 120_000);
    cli.push(performance.now() - s);
    cliExit = r.code;
    try {
      const json = JSON.parse(r.stdout);
      cliFindings = Array.isArray(json)
        ? json.reduce((a, f) => a + (f.findings?.length ?? f.messages?.length ?? 0), 0)
        : (json.summary ?? json.counts ?? undefined);
    } catch {
      cliFindings = `unparsed output (${r.stdout.length} chars)`;
    }
  }
  results.cli = {
    files: files.length,
    bytes: manyTexts.reduce((a, t) => a + Buffer.byteLength(t), 0),
    sumLoads: median(loads),
    loadProcess: median(floorProc),
    cli: median(cli),
    exitCode: cliExit,
    findings: cliFindings,
  };
  log(
    `  ${files.length} files: sum of js-yaml loads ${ms(results.cli.sumLoads)}; node process reading + loading them ${ms(results.cli.loadProcess)}; yardstick check --format json ${ms(results.cli.cli)} (exit ${cliExit})`,
  );
}

// ---- 3. Yardstick language server --------------------------------------------------------
const uriFor = (tag, n) => `file:///bench/${tag}/bench-${n}.framework.yaml`;
if (!existsSync(SERVER)) {
  results.notes.push('dist/server.js does not exist yet: the language-server measurements were skipped.');
  log(`\n[${elapsed()}] dist/server.js not built yet: server measurements skipped.`);
} else if (runs('server')) {
  log(`\n[${elapsed()}] Yardstick server (dist/server.js --stdio)`);
  const s = await startServer({ args: [SERVER, '--stdio'], configuration: () => ({}) });
  const srv = results.server;
  try {
    const first = await s.open(uriFor('start', 1000), texts[1000], 60_000);
    srv.startupToFirstDiagnostics = first.at - s.spawnedAt;
    log(`  start-up (spawn → first diagnostics of the 1k file): ${ms(srv.startupToFirstDiagnostics)}`);
    s.close(uriFor('start', 1000));
    srv.open = {};
    for (const n of sizes) {
      // A check the server cannot interrupt would delay every later measurement: open the
      // 40k file only when the 10k one came back quickly enough to make it finish in time.
      if (n === 40000 && !(typeof srv.open[10000] === 'number' && srv.open[10000] < 10_000)) {
        srv.open[n] = `skipped (10k took ${ms(srv.open[10000])})`;
        log(`  didOpen → publishDiagnostics, ${n}: ${srv.open[n]}`);
        continue;
      }
      const reps = QUICK ? 1 : n >= 40000 ? 1 : n >= 10000 ? 3 : 5;
      const xs = [];
      for (let i = 0; i < reps; i++) {
        try {
          const r = await s.open(uriFor(`open${i}`, n), texts[n], 120_000);
          xs.push(r.ms);
          srv.diagnostics ??= {};
          srv.diagnostics[n] = r.diagnostics;
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          srv.open[n] = 'timeout (>120 s)';
          s.close(uriFor(`open${i}`, n));
          break;
        }
        s.close(uriFor(`open${i}`, n));
        if (xs.reduce((a, b) => a + b, 0) > 40_000) break;
      }
      if (srv.open[n] === undefined) srv.open[n] = median(xs);
      log(`  didOpen → publishDiagnostics, ${n}: ${ms(srv.open[n])} (${xs.length} reps)`);
    }
    // Keystrokes, hover, completion, memory on documents that stay open.
    srv.edit = {};
    srv.syntaxEdit = {};
    for (const n of [1000, 10000]) {
      const uri = uriFor('edit', n);
      await s.open(uri, texts[n], 120_000);
      const titleLines = s.lines(uri).flatMap((l, i) => (/^ {4}title: /.test(l) ? [i] : []));
      const pickLines = (k) => Array.from({ length: k }, (_, i) => titleLines[Math.floor(((i + 0.5) * titleLines.length) / k)]);
      const budgetMs = QUICK ? 5000 : 40_000;
      const normal = [];
      let spent = 0;
      for (const line of pickLines(20)) {
        // Keep the YAML valid: write "x " at the start of the title (inside its quotes, if any).
        const r = await s.replaceLine(uri, line, s.line(uri, line).replace(/^(\s*title: )(["']?)/, '$1$2x '), 120_000);
        normal.push(r.ms);
        spent += r.ms;
        if (normal.length >= 3 && spent > budgetMs) break;
      }
      const broken = [];
      spent = 0;
      for (const line of pickLines(20)) {
        const good = s.line(uri, line);
        const r = await s.replaceLine(uri, line, good.replace('title: ', 'title: [unclosed '), 120_000);
        broken.push(r.ms);
        spent += r.ms;
        const back = await s.replaceLine(uri, line, good, 120_000);
        spent += back.ms;
        if (broken.length >= 3 && spent > budgetMs) break;
      }
      srv.edit[n] = { p50: median(normal), p95: pct(normal, 95), n: normal.length };
      srv.syntaxEdit[n] = { p50: median(broken), p95: pct(broken, 95), n: broken.length };
      log(
        `  one-line edit → diagnostics, ${n}: p50 ${ms(srv.edit[n].p50)}, p95 ${ms(srv.edit[n].p95)} (${normal.length} edits); leaving a syntax error: p50 ${ms(srv.syntaxEdit[n].p50)}, p95 ${ms(srv.syntaxEdit[n].p95)} (${broken.length} edits)`,
      );
      if (n === 10000) {
        const lines = s.lines(uri);
        const typeLines = lines.flatMap((l, i) => (/^ {4}type: /.test(l) ? [i] : []));
        const refLines = lines.flatMap((l, i) => (/^ {6}- [a-z]/.test(l) ? [i] : []));
        const unitLines = lines.flatMap((l, i) => (/^ {4}unit: /.test(l) ? [i] : []));
        const spread = (xs, k, i) => xs[Math.floor(((i + 0.5) * xs.length) / k)];
        const hovers = [];
        const completions = [];
        // 40 samples each: with 15, the 95th percentile was simply the slowest one.
        const K = QUICK ? 10 : 40;
        for (let i = 0; i < K; i++) {
          const hPos = i % 2 ? { line: spread(typeLines, K, i), character: 6 } : { line: spread(refLines, K, i), character: 10 };
          hovers.push((await s.request('textDocument/hover', { textDocument: { uri }, position: hPos })).ms);
          const cl = i % 2 ? spread(unitLines, K, i) : spread(typeLines, K, i);
          const cPos = { line: cl, character: lines[cl].length };
          completions.push((await s.request('textDocument/completion', { textDocument: { uri }, position: cPos })).ms);
        }
        // A reference slot: every indicator id is a candidate.
        const refCompletions = [];
        for (let i = 0; i < K; i++) {
          const l = spread(refLines, K, i);
          refCompletions.push(
            (await s.request('textDocument/completion', { textDocument: { uri }, position: { line: l, character: 8 } })).ms,
          );
        }
        srv.hover = { p50: median(hovers), p95: pct(hovers, 95), n: hovers.length };
        srv.completion = { p50: median(completions), p95: pct(completions, 95), n: completions.length };
        srv.referenceCompletion = { p50: median(refCompletions), p95: pct(refCompletions, 95), n: refCompletions.length };
        log(
          `  hover on 10k: p50 ${ms(srv.hover.p50)}, p95 ${ms(srv.hover.p95)}; completion (enum values): p50 ${ms(srv.completion.p50)}, p95 ${ms(srv.completion.p95)}; completion (indicator references): p50 ${ms(srv.referenceCompletion.p50)}, p95 ${ms(srv.referenceCompletion.p95)}`,
        );
      }
      s.close(uri);
    }
    // Memory: a fresh server with only the 10k file open.
    await s.stop();
    // --expose-gc and the probe only answer a signal: the RSS goal is read before it is sent.
    const m = await startServer({
      args: ['--expose-gc', '-r', join(HERE, 'heap-probe.cjs'), SERVER, '--stdio'],
      configuration: () => ({}),
    });
    const opened = await m.open(uriFor('rss', 10000), texts[10000], 120_000);
    await new Promise((r) => setTimeout(r, 500));
    srv.rss = m.rssMB();
    srv.rssBudgetMB = 60 + (10 * Buffer.byteLength(texts[10000])) / 2 ** 20;
    // Left alone longer: the server collects once quiet, and shrinks the young generation after
    // 6 s (server/src/lsp/memory.ts). Read before the probe collects on its own.
    await new Promise((r) => setTimeout(r, Math.max(0, opened.at + 7000 - performance.now())));
    srv.rssQuiet = m.rssMB();
    srv.heap = await heapProbe(m);
    log(
      `  RSS with the 10k file open: ${srv.rss.rss.toFixed(0)} MB (peak ${srv.rss.hwm.toFixed(0)} MB); budget 60 MB + 10 x ${(Buffer.byteLength(texts[10000]) / 2 ** 20).toFixed(1)} MB = ${srv.rssBudgetMB.toFixed(0)} MB; 7 s after the diagnostics ${srv.rssQuiet.rss.toFixed(0)} MB`,
    );
    if (srv.heap)
      log(`  after a full garbage collection: heap used ${srv.heap.heapUsed} MB of ${srv.heap.heapTotal} MB, RSS ${srv.heap.rss} MB`);
    await m.stop();
  } catch (e) {
    results.notes.push(`Server measurement failed: ${e.message}; stderr: ${s.stderr.join('').slice(-500)}`);
    log(`  failed: ${e.message}`);
    await s.stop().catch(() => {});
  }
}

// ---- 4. yaml-language-server -------------------------------------------------------------
if (!SKIP_YLS && runs('yls')) {
  log(`\n[${elapsed()}] yaml-language-server with the framework schema (${schemaFile})`);
  const yamlSettings = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(schemaFile).href]: '*.framework.yaml' },
  };
  const configuration = (section) =>
    section === 'yaml'
      ? yamlSettings
      : section === '[yaml]' || section === 'editor' || section === 'files'
        ? {}
        : section === 'http'
          ? { proxyStrictSSL: false }
          : null;
  const y = await startServer({ args: [YLS, '--stdio'], configuration, settings: { yaml: yamlSettings } });
  const yls = results.yls;
  yls.open = {};
  try {
    const first = await y.open(uriFor('ylsstart', 1000), texts[1000], YLS_TIMEOUT);
    yls.startupToFirstDiagnostics = first.at - y.spawnedAt;
    yls.schemaDiagnostics1k = first.diagnostics;
    y.close(uriFor('ylsstart', 1000));
    log(
      `  start-up (spawn → first diagnostics of the 1k file): ${ms(yls.startupToFirstDiagnostics)} (${first.diagnostics} schema diagnostics)`,
    );
    for (const n of sizes) {
      const reps = QUICK ? 1 : n >= 10000 ? 2 : 3;
      const xs = [];
      for (let i = 0; i < reps; i++) {
        try {
          xs.push((await y.open(uriFor(`yls${i}`, n), texts[n], YLS_TIMEOUT)).ms);
          y.close(uriFor(`yls${i}`, n));
        } catch (e) {
          if (!(e instanceof TimeoutError)) throw e;
          yls.open[n] = `timeout (>${YLS_TIMEOUT / 1000} s)`;
          break;
        }
        if (xs.reduce((a, b) => a + b, 0) > 30_000) break;
      }
      if (yls.open[n] === undefined) yls.open[n] = median(xs);
      log(`  didOpen → publishDiagnostics, ${n}: ${ms(yls.open[n])} (${xs.length} reps)`);
      if (typeof yls.open[n] === 'string') break; // bigger files would time out too
    }
    yls.rss = y.rssMB();
  } catch (e) {
    results.notes.push(`yaml-language-server measurement failed: ${e.message}`);
    log(`  failed: ${e.message}`);
  }
  await y.stop().catch(() => {});
}

// ---- 5. super-linear input families -----------------------------------------------------
if (runs('superlinear')) {
  log(`\n[${elapsed()}] Super-linear families (four sizes spanning 16x, median of 5 interleaved runs, log-log slope)`);
  results.superlinear = await runSuperlinear({ log, reps: QUICK ? 3 : 5 });
}

// ---- 6. workspace scale -------------------------------------------------------------------
if (runs('workspace') && existsSync(SERVER)) {
  log(`\n[${elapsed()}] Open file while the server indexes ${WORKSPACE_FILES} framework files vs in an empty workspace`);
  const sample = readFileSync(join(ROOT, 'samples', 'uk-psa-2008.framework.yaml'), 'utf8');
  const w = (results.workspace = await runWorkspaceScale({
    log,
    server: SERVER,
    files: { '1k': texts[1000], sample },
    samples: QUICK ? 3 : 5,
    median,
  }));
  for (const [label, f] of Object.entries(w.byFile))
    log(
      `  didOpen → publishDiagnostics, ${label} (${(f.bytes / 1e3).toFixed(0)} KB): empty workspace ${ms(f.empty)} (${f.emptySamples}), while indexing ${ms(f.indexing)} (${f.indexingSamples}): ${f.ratio?.toFixed(2) ?? 'n/a'}x`,
    );
  log(
    `  indexing ${w.files} files: ${ms(w.indexMs)}, RSS after ${w.rssAfterIndexMB?.toFixed(0) ?? 'n/a'} MB (peak ${w.peakRssMB?.toFixed(0) ?? 'n/a'} MB); ${w.late} sample(s) dropped (indexing ended first)`,
  );
}

// ---- report ------------------------------------------------------------------------------
results.finishedAt = new Date().toISOString();
results.seconds = (performance.now() - t0) / 1000;
results.ratios = ratios(results);
if (ONLY) results.ratios = results.ratios.filter((x) => x.met !== null || x.measured != null);
writeFileSync(join(HERE, ONLY ? 'results-only.json' : 'results.json'), JSON.stringify(results, null, 2) + '\n');
const md = markdown(results);
if (!ONLY) {
  writeFileSync(join(HERE, 'RESULTS.md'), md);
  const readme = join(HERE, '..', 'README.md');
  writeFileSync(readme, withGoals(readFileSync(readme, 'utf8'), md));
}
log('\n' + md);
const tally = (want) => results.ratios.filter((x) => metLabel(x) === want).length;
log(`Goals: ${tally('met')} met, ${tally('not met')} not met, ${tally('not measured')} not measured in this run.`);
log(
  ONLY
    ? `Wrote bench/results-only.json in ${elapsed()}.`
    : `Wrote bench/results.json, bench/RESULTS.md and the README's speed table in ${elapsed()}.`,
);

// ---- helpers -----------------------------------------------------------------------------
// The goals of the speed issue, in its order; each compares two numbers from this run.
// `met` is null when the run did not measure one side (a skipped or timed-out part).
function ratios(r) {
  const e = r.engine;
  const e10 = e[10000] ?? {};
  const e40 = e[40000] ?? {};
  const num = (x) => (typeof x === 'number' ? x : null);
  const ylsOpen10 = num(r.yls.open?.[10000]);
  const srvOpen10 = num(r.server.open?.[10000]);
  const srvOpen40 = num(r.server.open?.[40000]);
  const out = [];
  const add = (what, a, aLabel, b, bLabel, goal, test, value = ratio(a, b)) =>
    out.push({
      what,
      measured: a,
      measuredLabel: aLabel,
      reference: b,
      referenceLabel: bLabel,
      ratio: value,
      goal,
      met: value === null || test === null ? null : test(value),
    });
  add(
    '10k: one-line edit → diagnostics p95 vs js-yaml load',
    r.server.edit?.[10000]?.p95,
    'edit p95',
    e10.load,
    'js-yaml load',
    '≤ 0.25x',
    (x) => x <= 0.25,
  );
  add('10k: full check (engine analyze) vs js-yaml load', e10.analyze, 'analyze', e10.load, 'js-yaml load', '≤ 1.75x', (x) => x <= 1.75);
  add(
    "10k: validation + rules (analyze after parse and model) vs the engine's parse",
    e10.check,
    'validation + rules',
    e10.parse,
    'engine parse',
    '≤ 0.35x',
    (x) => x <= 0.35,
  );
  add(
    '10k: yaml-language-server vs Yardstick server, didOpen → diagnostics',
    ylsOpen10,
    'YLS',
    srvOpen10,
    'Yardstick server',
    '≥ 8x',
    (x) => x >= 8,
  );
  if (typeof r.yls.open?.[40000] === 'string' && srvOpen40 !== null) {
    // yaml-language-server timed out: its time is at least the timeout, so the ratio is a floor.
    add(
      '40k: yaml-language-server vs Yardstick server, didOpen → diagnostics (YLS timed out: a lower bound)',
      YLS_TIMEOUT,
      'YLS timeout',
      srvOpen40,
      'Yardstick server',
      '(reported)',
      null,
    );
  } else {
    add(
      '40k: yaml-language-server vs Yardstick server, didOpen → diagnostics',
      num(r.yls.open?.[40000]),
      'YLS',
      srvOpen40,
      'Yardstick server',
      '(reported)',
      null,
    );
  }
  add('40k: full check (engine analyze) vs js-yaml load', e40.analyze, 'analyze', e40.load, 'js-yaml load', '(reported)', null);
  const ws = r.workspace?.byFile ?? {};
  add(
    `1k file: didOpen → diagnostics while ${WORKSPACE_FILES} framework files are indexed vs in an empty workspace`,
    ws['1k']?.indexing,
    'while indexing',
    ws['1k']?.empty,
    'empty workspace',
    `≤ ${WORKSPACE_GOAL}x`,
    (x) => x <= WORKSPACE_GOAL,
  );
  for (const f of r.superlinear ?? []) {
    out.push({
      what: `slope: ${f.family}`,
      measured: f.slope,
      measuredLabel: 'log-log slope',
      reference: SLOPE_GOAL,
      referenceLabel: 'goal',
      ratio: f.slope,
      goal: `≤ ${SLOPE_GOAL}`,
      met: f.met,
      unit: 'slope',
    });
  }
  add('10k: server RSS vs 60 MB + 10x file size', r.server.rss?.rss, 'RSS MB', r.server.rssBudgetMB, 'budget MB', '≤ 1x', (x) => x <= 1);
  out.at(-1).unit = 'MB';
  add('CLI on 1,000 files vs sum of their js-yaml loads', r.cli.cli, 'CLI', r.cli.sumLoads, 'sum of loads', '≤ 1.5x', (x) => x <= 1.5);
  // Requests answered from the analysis already made: each well under a hundredth of a parse.
  for (const [label, p95, what] of [
    ['10k: hover p95 vs js-yaml load', r.server.hover?.p95, 'hover p95'],
    ['10k: completion p95 (enum values) vs js-yaml load', r.server.completion?.p95, 'completion p95'],
    ['10k: completion p95 (indicator references) vs js-yaml load', r.server.referenceCompletion?.p95, 'completion p95'],
  ])
    add(label, p95, what, e10.load, 'js-yaml load', '≤ 0.01x', (x) => x <= 0.01);
  // Context, no goal of their own.
  add(
    '10k: one-line edit → diagnostics p50 vs js-yaml load',
    r.server.edit?.[10000]?.p50,
    'edit p50',
    e10.load,
    'js-yaml load',
    '(info)',
    null,
  );
  add(
    '10k: edit leaving a syntax error p95 vs js-yaml load',
    r.server.syntaxEdit?.[10000]?.p95,
    'edit p95',
    e10.load,
    'js-yaml load',
    '(info)',
    null,
  );
  add(
    '10k: parse + model (engine, before rules) vs js-yaml load',
    sum(e10.parse, e10.model),
    'parse+model',
    e10.load,
    'js-yaml load',
    '(info)',
    null,
  );
  add(
    `sample file (15 KB): didOpen → diagnostics while ${WORKSPACE_FILES} files are indexed vs in an empty workspace`,
    ws.sample?.indexing,
    'while indexing',
    ws.sample?.empty,
    'empty workspace',
    '(info)',
    null,
  );
  add(
    'CLI on 1,000 files vs a node process loading them with js-yaml',
    r.cli.cli,
    'CLI',
    r.cli.loadProcess,
    'load process',
    '(info)',
    null,
  );
  return out;
}

function metLabel(x) {
  return x.met === true ? 'met' : x.met === false ? 'not met' : x.goal.startsWith('(') ? '' : 'not measured';
}

function markdown(r) {
  const m = r.machine;
  const lines = [];
  lines.push('# Yardstick benchmark results', '');
  const flags = r.flags.length ? ` ${r.flags.join(' ')}` : '';
  lines.push(
    `Every number on this page comes from one run: ${r.startedAt}, \`npm run bench${flags ? ' --' + flags : ''}\` (${r.seconds.toFixed(0)} s). Bundles built as they ship (\`esbuild.mjs --production\`). Machine: ${m.nproc} CPUs (\`nproc\`), ${m.cpu}, ${m.memGB} GB RAM, Node ${m.node}, ${m.os}. Load average at start: ${m.load}.`,
    '',
  );
  lines.push('## Goals (ratios from this run)', '');
  lines.push('| measurement | value | reference | ratio | goal | met |', '|---|---|---|---|---|---|');
  for (const x of r.ratios) {
    const fmt = (v) => (typeof v !== 'number' ? 'n/a' : x.unit === 'MB' ? `${v.toFixed(0)} MB` : x.unit === 'slope' ? v.toFixed(2) : ms(v));
    const shown = x.ratio === null ? 'n/a' : x.unit === 'slope' ? x.ratio.toFixed(2) : `${x.ratio.toFixed(x.ratio < 0.1 ? 3 : 2)}x`;
    const met = metLabel(x);
    lines.push(
      `| ${x.what} | ${fmt(x.measured)} | ${fmt(x.reference)} (${x.referenceLabel}) | ${shown} | ${x.goal} | ${met === 'not met' ? '**not met**' : met} |`,
    );
  }
  lines.push('', '## Engine (in-process, median; every registered rule)', '');
  lines.push(
    '| file | size | js-yaml load | yaml parseDocument | parse | model | validation + rules | analyze | analyze / load |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const n of BIG_SIZES) {
    const e = r.engine[n];
    if (!e) continue;
    if (e.timeout) {
      lines.push(`| ${n} indicators | ${(e.bytes / 1e6).toFixed(1)} MB | timeout | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${n} indicators | ${(e.bytes / 1e6).toFixed(1)} MB | ${ms(e.load)} | ${ms(e.yaml)} | ${ms(e.parse)} | ${ms(e.model)} | ${ms(e.check)} | ${ms(e.analyze)} | ${ratio(e.analyze, e.load)?.toFixed(2) ?? 'n/a'}x |`,
    );
  }
  const rules = r.engine[10000]?.rules;
  if (rules) {
    const sorted = Object.entries(rules).sort((a, b) => b[1] - a[1]);
    lines.push(
      '',
      `Rule \`check()\` times on the 10k file (all rules: ${ms(sorted.reduce((s, [, t]) => s + t, 0))}; analyze overhead without rules — line index, suppressions, sorting: ${ms(r.engine[10000].analyzeOverhead)}): ${sorted
        .slice(0, 10)
        .map(([id, t]) => `${id} ${ms(t)}`)
        .join(', ')}.`,
    );
  }
  lines.push('', '## Language servers (didOpen → publishDiagnostics, median)', '');
  lines.push('| file | Yardstick server | yaml-language-server + schema | YLS / Yardstick |', '|---|---|---|---|');
  for (const n of BIG_SIZES) {
    const a = r.server.open?.[n];
    const b = r.yls.open?.[n];
    if (a === undefined && b === undefined) continue;
    lines.push(`| ${n} indicators | ${ms(a)} | ${ms(b)} | ${ratio(b, a)?.toFixed(1) ?? 'n/a'}x |`);
  }
  lines.push(
    `| start-up → first diagnostics (1k file) | ${ms(r.server.startupToFirstDiagnostics)} | ${ms(r.yls.startupToFirstDiagnostics)} | |`,
  );
  if (r.server.edit) {
    lines.push('', '| Yardstick server | p50 | p95 |', '|---|---|---|');
    for (const n of [1000, 10000]) {
      if (r.server.edit[n])
        lines.push(
          `| one-line edit → diagnostics, ${n} indicators (checked at once when no check is waiting; bursts are debounced 150 ms) | ${ms(r.server.edit[n].p50)} | ${ms(r.server.edit[n].p95)} |`,
        );
      if (r.server.syntaxEdit[n])
        lines.push(
          `| edit leaving a YAML syntax error, ${n} indicators | ${ms(r.server.syntaxEdit[n].p50)} | ${ms(r.server.syntaxEdit[n].p95)} |`,
        );
    }
    if (r.server.hover) lines.push(`| hover, 10k | ${ms(r.server.hover.p50)} | ${ms(r.server.hover.p95)} |`);
    if (r.server.completion)
      lines.push(`| completion (enum value), 10k | ${ms(r.server.completion.p50)} | ${ms(r.server.completion.p95)} |`);
    if (r.server.referenceCompletion)
      lines.push(
        `| completion (indicator reference), 10k | ${ms(r.server.referenceCompletion.p50)} | ${ms(r.server.referenceCompletion.p95)} |`,
      );
    if (r.server.rss)
      lines.push(`| RSS with the 10k file open | ${r.server.rss.rss.toFixed(0)} MB | peak ${r.server.rss.hwm.toFixed(0)} MB |`);
    if (r.server.rssQuiet)
      lines.push(`| RSS 7 s after its diagnostics (the same server, left alone) | ${r.server.rssQuiet.rss.toFixed(0)} MB | |`);
    if (r.server.heap)
      lines.push(
        `| the same server after a full garbage collection: heap used (of heap total), RSS | ${r.server.heap.heapUsed} MB (of ${r.server.heap.heapTotal} MB) | ${r.server.heap.rss} MB |`,
      );
  }
  const w = r.workspace;
  if (w?.byFile) {
    lines.push('', `## Workspace scale (didOpen → publishDiagnostics while ${w.files} framework files are indexed, median)`, '');
    lines.push('| open file | empty workspace | while indexing | ratio | samples (empty / indexing) |', '|---|---|---|---|---|');
    for (const [label, f] of Object.entries(w.byFile))
      lines.push(
        `| ${label === '1k' ? '1,000 indicators' : 'a sample'} (${(f.bytes / 1e3).toFixed(0)} KB) | ${ms(f.empty)} | ${ms(f.indexing)} | ${f.ratio?.toFixed(2) ?? 'n/a'}x | ${f.emptySamples} / ${f.indexingSamples} |`,
      );
    lines.push(
      '',
      `Each sample is a fresh server (a warm-up file opened first); a sample of the big workspace counts only when its diagnostics came before indexing ended (${w.late} dropped). Indexing all ${w.files} files took ${ms(w.indexMs)} (progress begin → end); RSS afterwards ${w.rssAfterIndexMB?.toFixed(0) ?? 'n/a'} MB, peak ${w.peakRssMB?.toFixed(0) ?? 'n/a'} MB.`,
    );
  }
  lines.push('', '## CLI', '');
  lines.push(
    `\`node dist/cli.js check --format json\` on ${r.cli.files} files (${(r.cli.bytes / 1e6).toFixed(1)} MB, 20-40 indicators each): ${ms(r.cli.cli)}; the sum of their js-yaml loads in-process: ${ms(r.cli.sumLoads)}; a node process reading and loading them: ${ms(r.cli.loadProcess)}.`,
  );
  if (r.notes.length) lines.push('', '## Notes', '', ...r.notes.map((n) => `- ${n}`));
  lines.push('');
  return lines.join('\n');
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    /* not Linux */
  }
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc').toString().trim());
  } catch {
    /* no nproc */
  }
  const os = require('node:os');
  return {
    nproc,
    cpu,
    node: process.version,
    memGB: (os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  };
}

/** Asks the probe preloaded into a server for its heap after a full collection. */
async function heapProbe(server) {
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const line = server.stderr
      .join('')
      .split('\n')
      .find((l) => l.startsWith('HEAP-PROBE '));
    if (line) return JSON.parse(line.slice('HEAP-PROBE '.length));
  }
  return undefined;
}

function runChild(args, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timeout: signal === 'SIGKILL' });
    });
  });
}
