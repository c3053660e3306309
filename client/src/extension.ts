// The VS Code client: starts the bundled language server (dist/server.js) over IPC, restarts it
// when it crashes (the default error handler, capped), and adds the Yardstick commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.framework.yaml,*.framework.yml,.yardstick.yaml,.yardstick.yml}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yardstick' }],
    outputChannel: output,
    synchronize: { fileEvents: watcher },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    // The default error handler restarts a crashed server up to 4 times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
  };
  return new LanguageClient('yardstick', 'Yardstick Language Server', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Yardstick', { log: true });
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('yardstick.restartServer', async () => {
      if (client) {
        output?.appendLine('Restarting the Yardstick language server.');
        await client.stop().catch(() => undefined);
        await client.dispose().catch(() => undefined);
      }
      await start(context);
    }),
    vscode.commands.registerCommand('yardstick.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('yardstick.showRuleDocs', async (url?: unknown) => {
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
      await vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    // Trusting the workspace lets the server read .yardstick.yaml: restart with the new trust.
    vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.commands.executeCommand('yardstick.restartServer')),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
  client = undefined;
}
