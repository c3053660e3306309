// The VS Code client: starts the bundled language server (dist/server.js) over IPC, restarts it
// when it crashes (the default error handler, capped), and adds the Yardstick commands, the
// New Framework command, the language status item and content detection of `.yaml` files.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { startsWithYardstickKey } from './detect';
import { registerLanguageStatus } from './language-status';
import { newFramework } from './new-framework';
import { foldSeverities, type SeverityMap } from './severity';

/** The server's command behind "Show documentation for YSnnn" (language-service/code-actions). */
const SHOW_DOCS_COMMAND = 'yardstick.showRuleDocs';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

function severityDefaults(): SeverityMap {
  return (vscode.workspace.getConfiguration('yardstick').inspect<SeverityMap>('severity')?.defaultValue ?? {}) as SeverityMap;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.framework.yaml,*.framework.yml,.yardstick.yaml,.yardstick.yml}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    // Framework files, and the configuration files the server completes, hovers and checks.
    documentSelector: [{ language: 'yardstick' }, { pattern: '**/.yardstick.{yaml,yml}' }],
    outputChannel: output,
    synchronize: { fileEvents: watcher },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
    // The default error handler restarts a crashed server up to 4 times in 3 minutes.
    connectionOptions: { maxRestartCount: 4 },
    middleware: {
      // The server runs "Show documentation" in any editor (window/showDocument opens the page as
      // text); here the installed page opens as a rendered Markdown preview and a web page outside.
      // The client registers the command itself, from the server's executeCommandProvider.
      executeCommand: async (command, args, next) => {
        const [link] = args;
        if (command !== SHOW_DOCS_COMMAND || typeof link !== 'string') return next(command, args);
        if (/^https?:\/\//i.test(link)) return vscode.env.openExternal(vscode.Uri.parse(link));
        if (link.startsWith('file:')) return vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(link));
        return next(command, args);
      },
      workspace: {
        // The per-rule severity drop-downs reach the server inside `rules`.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          const defaults = severityDefaults();
          return result.map((section, i) =>
            params.items[i]?.section === 'yardstick' && section && typeof section === 'object'
              ? foldSeverities(section as Record<string, unknown>, defaults)
              : section,
          );
        },
      },
    },
  };
  return new LanguageClient('yardstick', 'Yardstick Language Server', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  await client.start();
}

/** `.yaml` files whose first key is `yardstick:` are framework files (docs/format.md). */
function detectFrameworkFiles(context: vscode.ExtensionContext): void {
  // Once per document: a user who switches a file back to YAML keeps it.
  const seen = new Set<string>();
  const check = (doc: vscode.TextDocument) => {
    if (doc.languageId !== 'yaml' || seen.has(doc.uri.toString())) return;
    seen.add(doc.uri.toString());
    if (/\.yardstick\.ya?ml$/.test(doc.uri.path) || !startsWithYardstickKey(doc.getText())) return;
    void vscode.languages
      .setTextDocumentLanguage(doc, 'yardstick')
      .then(undefined, (e) => output?.warn(`Could not set the language of ${doc.uri}: ${e}`));
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(check));
  for (const doc of vscode.workspace.textDocuments) check(doc);
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
    vscode.commands.registerCommand('yardstick.newFramework', (templateId?: unknown) => newFramework(templateId)),
    vscode.commands.registerCommand('yardstick.openFormatGuide', () =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'format.md')))),
    ),
    // Trusting the workspace lets the server read .yardstick.yaml: restart with the new trust.
    vscode.workspace.onDidGrantWorkspaceTrust(() => vscode.commands.executeCommand('yardstick.restartServer')),
  );
  detectFrameworkFiles(context);
  registerLanguageStatus(context);
  await start(context);
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
  client = undefined;
}
