#!/usr/bin/env node
// End-to-end run of a built .vsix in a real VS Code (code-server 4.100.3) driven by
// playwright-core + Debian chromium. Install prerequisites with scripts/e2e/install.sh.
//
//   VSIX=path/to/ext.vsix WORKSPACE=samples node test/e2e/run.mjs
//
// Env:
//   VSIX          (required) .vsix to install
//   WORKSPACE     (required) folder to open; it is COPIED to a temp dir first, the
//                 original is never modified
//   SCENARIO      scenario module (default test/e2e/scenario.mjs); exports
//                 `steps: Array<{ name, run(ctx) }>`
//   CODE_SERVER   code-server binary (default ${YARDSTICK_E2E_CACHE:-~/.cache/yardstick-e2e}/code-server/node_modules/.bin/code-server)
//   CHROMIUM      browser binary (default /usr/bin/chromium)
//   E2E_TIMEOUT_MS overall timeout (default 180000)
//   E2E_ARTIFACTS screenshots/logs folder (default test-artifacts/e2e)
//   E2E_KEEP=1    keep the temp dir (code-server log, user data) for debugging
//   E2E_HEADED=1  show the browser (needs a display)
//
// Exit code 0 when every step passed, 1 otherwise (message + screenshot in E2E_ARTIFACTS).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import * as vscodePage from './vscode-page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
const log = (...a) => console.log(`[e2e ${secs()}s]`, ...a);

const cacheDir = process.env.YARDSTICK_E2E_CACHE || path.join(os.homedir(), '.cache', 'yardstick-e2e');
const CODE_SERVER = process.env.CODE_SERVER || path.join(cacheDir, 'code-server', 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 180_000);
const SCENARIO = path.resolve(process.env.SCENARIO || path.join(here, 'scenario.mjs'));

function fail(msg) {
  console.error(`[e2e] FAILED: ${msg}`);
  process.exit(1);
}

const VSIX = process.env.VSIX && path.resolve(process.env.VSIX);
const WORKSPACE = process.env.WORKSPACE && path.resolve(process.env.WORKSPACE);
if (!VSIX || !fs.existsSync(VSIX)) fail(`set VSIX to an existing .vsix (got ${JSON.stringify(process.env.VSIX)})`);
if (!WORKSPACE || !fs.statSync(WORKSPACE, { throwIfNoEntry: false })?.isDirectory())
  fail(`set WORKSPACE to an existing folder (got ${JSON.stringify(process.env.WORKSPACE)})`);
if (!fs.existsSync(CODE_SERVER)) fail(`code-server not found at ${CODE_SERVER}; run scripts/e2e/install.sh`);
if (!fs.existsSync(CHROMIUM)) fail(`chromium not found at ${CHROMIUM}; run scripts/e2e/install.sh`);
if (!fs.existsSync(SCENARIO)) fail(`scenario module not found: ${SCENARIO}`);

// ---------------------------------------------------------------------------
const state = { tmp: null, server: null, browser: null, cleaned: false };

function killServer() {
  const child = state.server;
  if (!child?.pid) return;
  state.server = null;
  // detached:true => the child called setsid(): it leads its own process group, so
  // -pid reaches code-server and every child (file watcher, extension host, ...).
  for (const sig of ['SIGTERM', 'SIGKILL']) {
    try {
      process.kill(-child.pid, sig);
    } catch {
      return; // group gone
    }
    if (sig === 'SIGTERM') {
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        try {
          process.kill(-child.pid, 0);
        } catch {
          return;
        }
        spawnSync('sleep', ['0.1']);
      }
    }
  }
}

async function cleanup() {
  if (state.cleaned) return;
  state.cleaned = true;
  if (state.browser) await Promise.race([state.browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
  killServer();
  if (state.tmp) {
    if (process.env.E2E_KEEP) log(`keeping ${state.tmp}`);
    else fs.rmSync(state.tmp, { recursive: true, force: true });
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[e2e] received ${sig}, cleaning up`);
    killServer();
    if (state.tmp && !process.env.E2E_KEEP) fs.rmSync(state.tmp, { recursive: true, force: true });
    process.exit(1);
  });
}
process.on('exit', () => killServer()); // last resort, synchronous

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function tail(file, n = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

async function main(ctxOut) {
  state.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-e2e-'));
  const ud = path.join(state.tmp, 'user-data');
  const ext = path.join(state.tmp, 'extensions');
  const ws = path.join(state.tmp, 'workspace', path.basename(WORKSPACE));
  const serverLog = path.join(state.tmp, 'code-server.log');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.mkdirSync(ext, { recursive: true });
  fs.cpSync(WORKSPACE, ws, { recursive: true });
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'editor.hover.delay': 150,
        'editor.minimap.enabled': false,
        'files.autoSave': 'off',
        'git.enabled': false,
      },
      null,
      2,
    ),
  );
  ctxOut.workspace = ws;
  log(`workspace copy: ${ws}`);

  // 1. install the vsix --------------------------------------------------------
  const common = ['--user-data-dir', ud, '--extensions-dir', ext];
  const inst = spawnSync(CODE_SERVER, [...common, '--install-extension', VSIX], { encoding: 'utf8', timeout: 120_000 });
  const instOut = `${inst.stdout ?? ''}${inst.stderr ?? ''}`;
  if (inst.status !== 0 || !/successfully installed/i.test(instOut))
    throw new Error(`--install-extension failed (status ${inst.status}${inst.error ? `, ${inst.error.message}` : ''}):\n${instOut}`);
  log(`installed ${path.basename(VSIX)}: ${instOut.trim().split('\n').pop()}`);

  // 2. start code-server in its own session / process group ---------------------
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFd = fs.openSync(serverLog, 'a');
  state.server = spawn(
    CODE_SERVER,
    [
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...common,
      ws,
    ],
    { detached: true /* = setsid() */, stdio: ['ignore', logFd, logFd], env: { ...process.env, CI: 'true' } },
  );
  fs.closeSync(logFd);
  let exited = null;
  state.server.on('exit', (code, sig) => (exited = `exited with ${code ?? sig}`));
  log(`code-server pid ${state.server.pid} on ${base} (log ${serverLog})`);

  await vscodePage
    .waitUntil(
      async () => {
        if (exited) throw new Error(`code-server ${exited}:\n${tail(serverLog)}`);
        const res = await fetch(`${base}/healthz`).catch(() => null);
        return res?.ok;
      },
      { timeoutMs: 30_000, intervalMs: 200, message: `${base}/healthz` },
    )
    .catch((e) => {
      throw new Error(`${e.message}\n--- code-server log ---\n${tail(serverLog)}`);
    });
  log('code-server healthy');

  // 3. browser -------------------------------------------------------------------
  state.browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADED,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await state.browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  ctxOut.page = page;
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  ctxOut.consoleErrors = consoleErrors;

  await page.goto(`${base}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 30_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The explorer shows the folder once the remote file system is ready.
  await page
    .locator('.explorer-folders-view, .explorer-viewlet')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch(() => {});
  log('workbench loaded');

  // 4. scenario ------------------------------------------------------------------
  const scenario = await import(pathToFileURL(SCENARIO).href);
  const steps = scenario.steps ?? scenario.default;
  if (!Array.isArray(steps) || !steps.length) throw new Error(`${SCENARIO} must export steps: [{ name, run(ctx) }]`);
  const ctx = { page, workspace: ws, originalWorkspace: WORKSPACE, repoRoot, baseUrl: base, log, ...vscodePage, vscode: vscodePage };
  for (const [i, step] of steps.entries()) {
    ctxOut.step = `${i + 1}-${step.name}`;
    const s = Date.now();
    log(`step ${i + 1}/${steps.length}: ${step.name}`);
    const result = await step.run(ctx);
    log(`  ok (${Date.now() - s} ms)${result !== undefined ? `: ${String(result).replace(/\s+/g, ' ').slice(0, 200)}` : ''}`);
  }
  await vscodePage.screenshot(page, 'final');
  ctxOut.serverLog = serverLog;
}

// ---------------------------------------------------------------------------
const ctxOut = {};
let exitCode = 0;
let timer;
try {
  await Promise.race([
    main(ctxOut),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`overall timeout of ${TIMEOUT_MS} ms exceeded`)), TIMEOUT_MS);
    }),
  ]);
  log(`PASSED (${path.basename(SCENARIO)})`);
} catch (err) {
  exitCode = 1;
  console.error(`[e2e ${secs()}s] FAILED${ctxOut.step ? ` in step ${ctxOut.step}` : ''}: ${err?.stack || err}`);
  if (ctxOut.page) {
    const shot = await Promise.race([
      vscodePage.screenshot(ctxOut.page, `failed-${ctxOut.step ?? 'setup'}`).catch((e) => `(screenshot failed: ${e.message})`),
      new Promise((r) => setTimeout(() => r('(screenshot timed out)'), 10_000)),
    ]);
    console.error(`[e2e] screenshot: ${shot}`);
    if (ctxOut.consoleErrors?.length) {
      fs.mkdirSync(vscodePage.ARTIFACTS_DIR, { recursive: true });
      const f = path.join(vscodePage.ARTIFACTS_DIR, 'browser-console-errors.txt');
      fs.writeFileSync(f, ctxOut.consoleErrors.join('\n'));
      console.error(`[e2e] browser console errors (${ctxOut.consoleErrors.length}, mostly harmless gallery/404 noise): ${f}`);
    }
  }
  if (state.tmp) {
    const f = path.join(state.tmp, 'code-server.log');
    if (fs.existsSync(f)) {
      fs.mkdirSync(vscodePage.ARTIFACTS_DIR, { recursive: true });
      fs.copyFileSync(f, path.join(vscodePage.ARTIFACTS_DIR, 'code-server.log'));
    }
  }
} finally {
  clearTimeout(timer);
  // Hard stop if cleanup itself hangs.
  setTimeout(() => {
    killServer();
    process.exit(exitCode || 1);
  }, 20_000).unref();
  await cleanup();
}
process.exit(exitCode);
