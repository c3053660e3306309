// A small LSP client for protocol tests: starts the built server (dist/server.js --stdio) and
// speaks JSON-RPC over its stdio the way an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

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

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export class LspClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown> = { validate: { enable: true } };
  private listeners: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
  ) {}

  static start(): LspClient {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "node esbuild.mjs" (npm test builds it) first`);
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, conn);
    proc.stderr.on('data', (d) => (client.stderr += String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      client.published.push(p);
      for (const l of [...client.listeners]) l();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.logs.push(p.message);
    });
    conn.onNotification((method: string) => void method);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => client.settings));
    conn.onRequest((method: string) => {
      if (method === 'client/registerCapability' || method === 'window/workDoneProgress/create') return null;
      if (method === 'window/showMessageRequest') return null;
      return null;
    });
    conn.listen();
    return client;
  }

  async initialize(workspace: string): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: uriOf(workspace),
      workspaceFolders: [{ uri: uriOf(workspace), name: 'ws' }],
      initializationOptions: { trusted: true },
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: false } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yardstick', version: 1, text } });
  }

  /** Replaces the whole text (as one incremental change covering the old text) or applies range edits. */
  async change(uri: string, changes: Array<{ range?: unknown; text: string }>): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
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

  /** Waits for a publishDiagnostics for uri matching `pred` (already received ones count from index `from`). */
  waitForDiagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, timeout = 10000, from = 0): Promise<PublishedDiagnostics> {
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
        reject(new Error(`No matching diagnostics for ${uri} within ${timeout} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => [p.version, p.diagnostics.map((d) => d.code)]))}\nserver stderr: ${this.stderr}`));
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
