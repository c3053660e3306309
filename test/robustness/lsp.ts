// A minimal LSP client for the robustness tests: starts dist/server.js over stdio, opens
// documents and collects their diagnostics (pushed, or pulled when the server offers that).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';

export const SERVER = join(ROOT, 'dist/server.js');
export const serverBuilt = () => existsSync(SERVER);

export interface LspDiagnostic {
  code?: string | number;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export class LspClient {
  private readonly proc: ChildProcess;
  readonly connection: MessageConnection;
  private readonly pushed = new Map<string, LspDiagnostic[]>();
  private readonly waiters = new Map<string, (d: LspDiagnostic[]) => void>();
  private pull = false;
  private version = 0;
  stderr = '';

  /** `nodeArgs`: flags for the server's node process (e.g. `--require` a guard). */
  constructor(nodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: LspDiagnostic[] }) => {
      this.pushed.set(p.uri, p.diagnostics);
      this.waiters.get(p.uri)?.(p.diagnostics);
    });
    // Answer the requests a server may send during start-up.
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      workspaceFolders: null,
      capabilities: { textDocument: { publishDiagnostics: {}, diagnostic: {} }, workspace: { configuration: true } },
    })) as { capabilities: { diagnosticProvider?: unknown } };
    this.pull = !!result.capabilities.diagnosticProvider;
    await this.connection.sendNotification('initialized', {});
  }

  /** Opens a document and resolves with its diagnostics (or rejects after `ms`). */
  async diagnostics(uri: string, text: string, ms = 15_000): Promise<LspDiagnostic[]> {
    const pushed = new Promise<LspDiagnostic[]>((resolve) => this.waiters.set(uri, resolve));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++this.version, text } });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${ms} ms; server stderr: ${this.stderr.slice(-500)}`)), ms);
    });
    try {
      if (this.pull) {
        const report = (await Promise.race([this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), timeout])) as { items?: LspDiagnostic[] };
        return report.items ?? [];
      }
      return await Promise.race([pushed, timeout]);
    } finally {
      clearTimeout(timer);
      this.waiters.delete(uri);
      await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
