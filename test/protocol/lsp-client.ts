// The LSP client of the process-level tests (protocol, robustness, security): starts the built
// server (dist/server.js --stdio, built first when stale) and speaks JSON-RPC over its stdio the
// way an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt, SERVER } from '../dist';
import { ROOT } from '../helpers';

export { ROOT, SERVER };

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    source?: string;
    message: string;
    codeDescription?: { href: string };
    data?: unknown;
  }>;
}

export type LspDiagnostic = PublishedDiagnostics['diagnostics'][number];

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export interface StartOptions {
  /** Flags for the server's node process (e.g. `--require` a guard). */
  nodeArgs?: string[];
}

/** What the client declares at initialize unless a test adds to it. */
const CAPABILITIES = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    rename: { prepareSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** A `$/progress` notification (work-done progress: begin, report, end). */
export interface Progress {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  /** window/showMessage notifications. */
  readonly shown: Array<{ type: number; message: string }> = [];
  readonly progress: Progress[] = [];
  /** Every notification from the server, in the order it arrived. */
  readonly received: Array<{ method: string; params: unknown }> = [];
  /** The `yardstick` settings answered to workspace/configuration. */
  settings: Record<string, unknown> = { validate: { enable: true } };
  private listeners: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
  ) {}

  static start(options: StartOptions = {}): LspClient {
    ensureBuilt();
    const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, conn);
    proc.stderr.on('data', (d) => (client.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      client.received.push({ method: 'textDocument/publishDiagnostics', params: p });
      client.published.push(p);
      for (const l of [...client.listeners]) l();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
      for (const l of [...client.listeners]) l();
    });
    conn.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      client.received.push({ method: 'window/showMessage', params: p });
      client.shown.push(p);
      for (const l of [...client.listeners]) l();
    });
    conn.onNotification('$/progress', (p: Progress) => {
      client.received.push({ method: '$/progress', params: p });
      client.progress.push(p);
      for (const l of [...client.listeners]) l();
    });
    conn.onNotification((method: string, params: unknown) => {
      client.received.push({ method, params });
    });
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
    // client/registerCapability, window/workDoneProgress/create, window/showMessageRequest ...
    conn.onRequest(() => null);
    conn.listen();
    return client;
  }

  /** initialize + initialized. `capabilities` are merged over the defaults, one level deep per section. */
  async initialize(
    workspace: string = ROOT,
    capabilities: { workspace?: object; textDocument?: object; window?: object } = {},
    initializationOptions: object = {},
  ): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }>(
      'initialize',
      {
        processId: process.pid,
        rootUri: uriOf(workspace),
        workspaceFolders: [{ uri: uriOf(workspace), name: 'ws' }],
        initializationOptions: { trusted: true, ...initializationOptions },
        capabilities: {
          workspace: { ...CAPABILITIES.workspace, ...capabilities.workspace },
          textDocument: { ...CAPABILITIES.textDocument, ...capabilities.textDocument },
          ...(capabilities.window ? { window: capabilities.window } : {}),
        },
      },
    );
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yardstick', version, text } });
  }

  /** Replaces the whole text (a change without a range) or applies range edits; `version` defaults to the next one. */
  async change(
    uri: string,
    changes: Array<{ range?: unknown; text: string }>,
    version = (this.versions.get(uri) ?? 1) + 1,
  ): Promise<number> {
    this.versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async close(uri: string): Promise<void> {
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Opens a document, resolves with its first published diagnostics, and closes it again. */
  async diagnostics(uri: string, text: string, timeout = 15_000): Promise<LspDiagnostic[]> {
    const from = this.published.length;
    await this.open(uri, text);
    try {
      return (await this.waitForDiagnostics(uri, () => true, timeout, from)).diagnostics;
    } finally {
      await this.close(uri);
    }
  }

  /** Waits for a publishDiagnostics for uri matching `pred` (already received ones count from index `from`). */
  waitForDiagnostics(
    uri: string,
    pred: (p: PublishedDiagnostics) => boolean = () => true,
    timeout = 10000,
    from = 0,
  ): Promise<PublishedDiagnostics> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (let i = from; i < this.published.length; i++) {
          const p = this.published[i];
          if (p.uri === uri && pred(p)) {
            resolve(p);
            return true;
          }
        }
        return false;
      };
      if (check()) return;
      const listener = () => {
        if (check()) {
          this.listeners = this.listeners.filter((l) => l !== listener);
          clearTimeout(timer);
        }
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(
          new Error(
            `No matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}\nserver stderr: ${this.stderr}`,
          ),
        );
      }, timeout);
      this.listeners.push(listener);
    });
  }

  /** Waits until `check` holds, asked again on each diagnostics, message or progress notification. */
  waitUntil(check: () => boolean, what: string, timeout = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (check()) return resolve();
      const listener = () => {
        if (!check()) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== listener);
        reject(new Error(`Not within ${timeout} ms: ${what}\nserver stderr: ${this.stderr}`));
      }, timeout);
      this.listeners.push(listener);
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      await this.notify('exit', null);
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
