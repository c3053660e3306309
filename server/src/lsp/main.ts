#!/usr/bin/env node
// The Yardstick language server: LSP wiring only. The language service (../language-service)
// answers requests from analyses; this file creates the connection, declares the capabilities,
// connects the parts (documents, configuration, workspace index, validation, the request table)
// and routes notifications. Start with --stdio, --node-ipc or --socket.
import pkg from '../../../package.json';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND } from '../language-service/code-actions';
import { isConfigFile } from '../node/config-service';
import { keepYoungGenerationSmall } from '../node/young-generation';
import { ChangeLog } from './changes';
import { COMMANDS, registerCommands } from './commands';
import { Configuration } from './configuration';
import { Documents } from './documents';
import { register } from './handlers';
import { Log } from './log';
import { fullCollection, IdleCollector } from './memory';
import { Session } from './session';
import { openConnection } from './transport';
import { Validation } from './validation';
import { Workspace } from './workspace';

keepYoungGenerationSmall();
const memory = new IdleCollector({ collect: fullCollection() });
const connection = openConnection(
  () => session.shuttingDown,
  () => memory.activity(),
);
const log = new Log(connection);

// No handler or stray error may take the server down.
process.on('uncaughtException', (e) => log.error('uncaught exception', e));
process.on('unhandledRejection', (e) => log.error('unhandled rejection', e));

const session = new Session();
// Ranged changes are kept as offsets, so that an edit inside one object is re-checked alone.
const changes = new ChangeLog();
const open = new TextDocuments(changes.configuration);
const configuration: Configuration = new Configuration(connection, session, log, (path) => documents.textAtPath(path));
const workspace: Workspace = new Workspace(session, log, connection, {
  isOpen: (uri) => documents.isOpen(uri),
  indexChanged: (changedUri, affected) => validation.revalidateAll(changedUri, affected),
  configChanged: () => resetConfiguration(),
});
const documents: Documents = new Documents(open, configuration, workspace, changes);
const validation: Validation = new Validation(connection, session, documents, configuration, log);
validation.onBusyChange = (busy, edited) => {
  workspace.foregroundBusy(busy);
  memory.busyChanged(busy, edited);
};

function resetConfiguration(): void {
  configuration.reset();
  documents.clearAnalyses();
  validation.revalidateAll();
}

/** Wraps a notification handler: errors are logged, never thrown at the connection. */
function notification<P>(name: string, handler: (params: P) => unknown) {
  return (params: P): void => {
    try {
      const r = handler(params) as Promise<unknown> | undefined;
      if (r && typeof r.then === 'function') r.catch((e) => log.error(name, e));
    } catch (e) {
      log.error(name, e);
    }
  };
}

connection.onInitialize((params): InitializeResult => {
  session.initialize(params);
  configuration.initialize();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '[', ','], resolveProvider: true },
      documentSymbolProvider: { label: 'Yardstick' },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      executeCommandProvider: { commands: COMMANDS },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'yardstick-language-server', version: pkg.version },
  };
});

connection.onInitialized(
  notification('initialized', () => {
    const caps = session.capabilities.workspace;
    if (caps?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'yardstick' })
        .then(undefined, (e) => log.error('register configuration', e));
    }
    if (caps?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        notification('workspace folders', (e: { added: Array<{ uri: string }>; removed: Array<{ uri: string }> }) => {
          configuration.foldersChanged();
          return workspace.foldersChanged(e.added, e.removed);
        }),
      );
    }
    if (!session.trusted)
      log.info('Untrusted workspace: .yardstick.yaml files are not read; default rules and the yardstick.rules setting apply.');
    void workspace.scan(session.roots);
  }),
);

connection.onShutdown(() => {
  session.shuttingDown = true;
  validation.stop();
  workspace.stop();
  memory.stop();
});

open.onDidOpen(notification('didOpen', (e: { document: TextDocument }) => validation.opened(e.document.uri)));

open.onDidChangeContent(
  notification('didChange', (e: { document: TextDocument }) => {
    if (isConfigFile(e.document.uri)) {
      configuration.checkOpenFile(e.document.uri, e.document.getText());
      resetConfiguration();
    } else validation.changed(e.document);
  }),
);

open.onDidClose(
  notification('didClose', (e: { document: TextDocument }) => {
    const uri = e.document.uri;
    validation.closed(uri);
    documents.forget(uri);
    configuration.forget(uri);
    if (!isConfigFile(uri)) return workspace.closed(uri);
    resetConfiguration();
    return undefined;
  }),
);

connection.onDidChangeConfiguration(
  notification('didChangeConfiguration', (change: { settings?: unknown }) => {
    configuration.settingsChanged(change?.settings);
    documents.clearAnalyses();
    validation.revalidateAll();
  }),
);

connection.onDidChangeWatchedFiles(
  notification('didChangeWatchedFiles', (params: { changes?: Array<{ uri: string }> }) =>
    workspace.watchedFilesChanged(params.changes ?? []),
  ),
);

register(connection, { session, documents, workspace, log });
registerCommands(connection, session, log);

open.listen(connection);
connection.listen();
