// A minimal LSP client for the benchmark: spawns a server over stdio (vscode-jsonrpc), answers
// workspace/configuration, and times requests and didOpen/didChange → publishDiagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export class TimeoutError extends Error {}

/**
 * Starts `node <args>`; `configuration(section)` answers workspace/configuration items;
 * `settings` is also pushed with workspace/didChangeConfiguration after `initialized`.
 */
export async function startServer({
  args,
  configuration = () => null,
  settings,
  initializationOptions,
  workspaceFolder,
  workDoneProgress,
  /** Variables added to this process's environment for the server. */
  env,
}) {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'], env: env ? { ...process.env, ...env } : process.env });
  const stderr = [];
  child.stderr.on('data', (d) => {
    stderr.push(String(d));
    if (stderr.length > 50) stderr.shift();
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** uri → waiters { minVersion, resolve } */
  const waiters = new Map();
  const last = new Map();
  /** $/progress notifications, with the time each arrived. */
  const progress = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const at = performance.now();
    last.set(p.uri, p);
    const list = waiters.get(p.uri);
    if (!list) return;
    for (const w of [...list]) {
      if (p.version !== undefined && p.version !== null && w.minVersion !== undefined && p.version < w.minVersion) continue;
      list.splice(list.indexOf(w), 1);
      w.resolve({ at, params: p });
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map((it) => configuration(it.section)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('client/unregisterCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('window/showMessageRequest', () => null);
  conn.onNotification('$/progress', (p) => progress.push({ at: performance.now(), ...p }));
  conn.onNotification('window/logMessage', () => {});
  conn.onNotification('window/showMessage', () => {});
  conn.onNotification('telemetry/event', () => {});
  conn.onUnhandledNotification(() => {});
  conn.onError(() => {});
  conn.listen();

  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceFolder ? pathToFileURL(workspaceFolder).href : null,
    workspaceFolders: workspaceFolder ? [{ uri: pathToFileURL(workspaceFolder).href, name: 'workspace' }] : null,
    initializationOptions,
    capabilities: {
      ...(workDoneProgress ? { window: { workDoneProgress: true } } : {}),
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
      textDocument: {
        synchronization: { didSave: false, dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        // As VS Code's client declares them (vscode-languageclient): a list-wide edit range and data,
        // documentation resolved when an item is shown (completionItem/resolve).
        completion: {
          completionItem: {
            snippetSupport: true,
            documentationFormat: ['markdown', 'plaintext'],
            resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
          },
          completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
        },
      },
    },
  });
  conn.sendNotification('initialized', {});
  if (settings !== undefined) conn.sendNotification('workspace/didChangeConfiguration', { settings });

  /** Resolves with the time the next diagnostics for `uri` (version ≥ minVersion) arrived. */
  const nextDiagnostics = (uri, minVersion, timeoutMs) =>
    new Promise((resolve, reject) => {
      const w = { minVersion, resolve: (r) => (clearTimeout(timer), resolve(r)) };
      const timer = setTimeout(() => {
        const list = waiters.get(uri);
        if (list) list.splice(list.indexOf(w), 1);
        reject(new TimeoutError(`no diagnostics for ${uri} v${minVersion} in ${timeoutMs} ms`));
      }, timeoutMs);
      if (!waiters.has(uri)) waiters.set(uri, []);
      waiters.get(uri).push(w);
    });

  const docs = new Map();
  return {
    child,
    conn,
    spawnedAt,
    stderr,
    lastDiagnostics: (uri) => last.get(uri),
    progress,
    /** ms from didOpen to its diagnostics. */
    async open(uri, text, timeoutMs = 60_000, languageId = 'yaml') {
      docs.set(uri, { lines: text.split('\n'), version: 1 });
      const wait = nextDiagnostics(uri, 1, timeoutMs);
      const t0 = performance.now();
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      const { at, params } = await wait;
      return { ms: at - t0, diagnostics: params.diagnostics.length, at };
    },
    close(uri) {
      docs.delete(uri);
      conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    line(uri, n) {
      return docs.get(uri).lines[n];
    },
    lines(uri) {
      return docs.get(uri).lines;
    },
    /** Replaces line `n` with `newText`; ms to the diagnostics of the new version. */
    async replaceLine(uri, n, newText, timeoutMs = 60_000) {
      const d = docs.get(uri);
      const old = d.lines[n];
      d.lines[n] = newText;
      const version = ++d.version;
      const wait = nextDiagnostics(uri, version, timeoutMs);
      const t0 = performance.now();
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: n, character: 0 }, end: { line: n, character: old.length } }, text: newText }],
      });
      const { at, params } = await wait;
      return { ms: at - t0, diagnostics: params.diagnostics.length };
    },
    async request(method, params) {
      const t0 = performance.now();
      const result = await conn.sendRequest(method, params);
      return { ms: performance.now() - t0, result };
    },
    rssMB() {
      return readRss(child.pid);
    },
    async stop() {
      try {
        await Promise.race([conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        conn.sendNotification('exit');
      } catch {
        /* already gone */
      }
      const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 3000))]);
      if (done === 'timeout') child.kill('SIGKILL');
      conn.dispose();
    },
  };
}

/** VmRSS and VmHWM of a process, in MB (Linux /proc). */
export function readRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, hwm: NaN };
  }
}
