#!/usr/bin/env node
// The Yardstick language server: LSP wiring only. Every feature lives in ./features and works
// on the engine's results; this file keeps documents, settings, configuration, the workspace
// index and the analysis cache, and routes requests. Start with --stdio, --node-ipc or --socket.
import { promises as fsp, readFileSync } from 'node:fs';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../lint/analyze';
import { knowledge } from '../knowledge';
import { codeActions, FIX_ALL_KIND } from '../language-service/code-actions';
import { completion } from '../language-service/completion';
import { ConfigService, configUri, isConfigFile, type DocumentConfig } from '../node/config-service';
import { SOURCE, toDiagnostics } from '../language-service/convert';
import { hover } from '../language-service/hover';
import { definition, prepareRename, references, rename, type NavigationContext } from '../language-service/navigation';
import { foldingRanges, selectionRanges } from '../language-service/ranges';
import { documentSymbols } from '../language-service/symbols';
import { FrameworkIndex, indexKey, pathToUri, uriToPath } from '../language-service/workspace-index';
import { FRAMEWORK_FILE, scanFrameworkFiles } from '../node/workspace-scan';

const VALIDATION_DELAY_MS = 150;
const SCAN_CAP = 2000;

interface Settings {
  rules?: unknown;
  validate: { enable: boolean };
}

const DEFAULT_SETTINGS: Settings = { validate: { enable: true } };

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let capabilities: ClientCapabilities = {};
let hasConfigurationCapability = false;
let hasDynamicConfiguration = false;
let trusted = true;
let roots: string[] = [];
let globalSettings: Settings = DEFAULT_SETTINGS;
let shuttingDown = false;

const settingsCache = new Map<string, Promise<Settings>>();
const analyses = new Map<string, { version: number; key: string; analysis: Analysis }>();
const lastGood = new Map<string, Analysis>();
const timers = new Map<string, NodeJS.Timeout>();
const published = new Map<string, number>();
const configProblemsPublished = new Map<string, string>();
const warnedSettings = new Set<string>();
const index = new FrameworkIndex();
const configs = new ConfigService((path) => {
  for (const d of documents.all()) if (uriToPath(d.uri) === path) return d.getText();
  return undefined;
});

// ---- safety: no handler or stray error may take the server down --------------------------

function log(message: string): void {
  try {
    connection.console.log(`[yardstick] ${message}`);
  } catch {
    // the connection is gone; nothing to tell
  }
}

function logError(where: string, e: unknown): void {
  const err = e as Error;
  try {
    connection.console.error(`[yardstick] ${where} failed: ${err?.stack ?? err?.message ?? String(e)}`);
  } catch {
    // ignore
  }
}

process.on('uncaughtException', (e) => logError('uncaught exception', e));
process.on('unhandledRejection', (e) => logError('unhandled rejection', e));

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Wraps a request handler: checks params, honours cancellation, turns crashes into errors. */
function request<P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (token?.isCancellationRequested) throw cancelled();
    try {
      const result = await handler(params, token);
      if (token?.isCancellationRequested) throw cancelled();
      return result;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      logError(name, e);
      throw new ResponseError(ErrorCodes.InternalError, `Yardstick: ${name} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}

function notification<P>(name: string, handler: (params: P) => unknown) {
  return (params: P): void => {
    try {
      const r = handler(params) as Promise<unknown> | undefined;
      if (r && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).catch((e) => logError(name, e));
    } catch (e) {
      logError(name, e);
    }
  };
}

/** The document a request names; malformed params are an InvalidParams error. */
function documentOf(params: { textDocument?: TextDocumentIdentifier } | undefined): TextDocument | undefined {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Missing textDocument.uri');
  return documents.get(uri);
}

function checkPosition(params: { position?: { line?: unknown; character?: unknown } }): void {
  const p = params?.position;
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new ResponseError(ErrorCodes.InvalidParams, 'Missing or invalid position');
}

function isFrameworkDocument(doc: TextDocument): boolean {
  return !isConfigFile(doc.uri);
}

// ---- settings and configuration -----------------------------------------------------------

function normaliseSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = (s.validate && typeof s.validate === 'object' ? s.validate : {}) as Record<string, unknown>;
  return { rules: s.rules, validate: { enable: validate.enable !== false } };
}

function settingsFor(uri: string): Promise<Settings> {
  if (!hasConfigurationCapability) return Promise.resolve(globalSettings);
  let result = settingsCache.get(uri);
  if (!result) {
    result = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'yardstick' })
      .then(normaliseSettings, (e) => {
        logError('workspace/configuration', e);
        return DEFAULT_SETTINGS;
      });
    settingsCache.set(uri, result);
  }
  return result;
}

function configFor(uri: string, settings: Settings): DocumentConfig {
  const config = configs.forDocument(uri, settings, roots, trusted);
  for (const p of config.settingProblems) {
    if (warnedSettings.has(p)) continue;
    warnedSettings.add(p);
    log(p);
    void Promise.resolve(connection.window.showWarningMessage(`Yardstick: ${p}`)).catch(() => undefined);
  }
  if (config.file) publishConfigProblems(config);
  return config;
}

function publishConfigProblems(config: DocumentConfig): void {
  if (!config.file) return;
  const uri = configUri(config.file);
  const diagnostics: Diagnostic[] = config.problems.map((p) => ({
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    severity: 2,
    source: SOURCE,
    code: 'config',
    message: p.message,
  }));
  const key = JSON.stringify(diagnostics);
  if (configProblemsPublished.get(uri) === key) return;
  configProblemsPublished.set(uri, key);
  void connection.sendDiagnostics({ uri, diagnostics });
}

// ---- analysis cache -----------------------------------------------------------------------

function optionsFor(uri: string, settings: Settings): { options: AnalyzeOptions; key: string } {
  const config = configFor(uri, settings);
  return { options: { config: config.config, workspace: index.workspace() }, key: `${config.key}|${indexGeneration}` };
}

let indexGeneration = 0;

/** The analysis of an open document's current version (cached per version and configuration). */
async function analysisFor(doc: TextDocument): Promise<{ analysis: Analysis; options: AnalyzeOptions }> {
  const settings = await settingsFor(doc.uri);
  const { options, key } = optionsFor(doc.uri, settings);
  const cached = analyses.get(doc.uri);
  if (cached && cached.version === doc.version && cached.key === key) return { analysis: cached.analysis, options };
  const analysis = analyze(doc.getText(), options);
  if (analysis.doc.errors.length === 0) lastGood.set(doc.uri, analysis);
  // Only files without syntax errors update the index (half-typed text would drop its ids).
  const changed = analysis.doc.errors.length === 0 && index.update(doc.uri, analysis.model);
  if (changed) onIndexChanged(doc.uri);
  // This file's own ids do not affect its analysis: cache it under the new index generation.
  analyses.set(doc.uri, { version: doc.version, key: changed ? optionsFor(doc.uri, settings).key : key, analysis });
  return { analysis, options };
}

/** Another file's analysis, for cross-file navigation: open documents first, then the disk. */
function analysisOfOther(uri: string): Analysis | undefined {
  const key = indexKey(uri);
  const open = documents.all().find((d) => indexKey(d.uri) === key);
  if (open) {
    const cached = analyses.get(open.uri);
    if (cached && cached.version === open.version) return cached.analysis;
    return analyze(open.getText(), { workspace: index.workspace() });
  }
  const path = uriToPath(uri);
  if (!path) return undefined;
  try {
    return analyze(readFileSync(path, 'utf8'), { workspace: index.workspace() });
  } catch {
    return undefined;
  }
}

// ---- validation ---------------------------------------------------------------------------

function scheduleValidation(doc: TextDocument, delay = VALIDATION_DELAY_MS): void {
  const uri = doc.uri;
  const version = doc.version;
  const old = timers.get(uri);
  if (old) clearTimeout(old);
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      validate(uri, version).catch((e) => logError(`validating ${uri}`, e));
    }, delay),
  );
}

async function validate(uri: string, version: number): Promise<void> {
  if (shuttingDown) return;
  const doc = documents.get(uri);
  if (!doc || doc.version !== version || !isFrameworkDocument(doc)) return; // stale: a newer run is scheduled
  const settings = await settingsFor(uri);
  if (documents.get(uri)?.version !== version) return;
  if (!settings.validate.enable) {
    // Keep the index fresh even when problems are not shown.
    const { analysis } = await analysisFor(doc);
    void analysis;
    publish(uri, version, []);
    return;
  }
  const { analysis } = await analysisFor(doc);
  if (documents.get(uri)?.version !== version) return; // the text changed while we worked: drop
  publish(uri, version, toDiagnostics(analysis, version));
}

function publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
  const last = published.get(uri);
  if (last !== undefined && last > version) return; // never replace newer results with older ones
  published.set(uri, version);
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function revalidateAll(except?: string): void {
  for (const doc of documents.all()) if (doc.uri !== except && isFrameworkDocument(doc)) scheduleValidation(doc, VALIDATION_DELAY_MS * 2);
}

let indexTimer: NodeJS.Timeout | undefined;
/** What one file declares changed: re-check the others (their cross-file references). */
function onIndexChanged(changedUri?: string): void {
  indexGeneration++;
  if (indexTimer) clearTimeout(indexTimer);
  indexTimer = setTimeout(() => {
    indexTimer = undefined;
    revalidateAll(changedUri);
  }, 300);
}

function resetConfiguration(): void {
  configs.invalidate();
  settingsCache.clear();
  analyses.clear();
  warnedSettings.clear();
  revalidateAll();
}

// ---- lifecycle ----------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  capabilities = params.capabilities ?? {};
  hasConfigurationCapability = !!capabilities.workspace?.configuration;
  hasDynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown };
  trusted = init.trusted !== false;
  if (init.settings !== undefined) globalSettings = normaliseSettings(init.settings);
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  roots = folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '[', ','], resolveProvider: false },
      documentSymbolProvider: { label: 'Yardstick' },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'yardstick-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(
  notification('initialized', () => {
    if (hasDynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'yardstick' }).then(undefined, (e) => logError('register configuration', e));
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        notification('workspace folders', (e: { added: Array<{ uri: string }>; removed: Array<{ uri: string }> }) => {
          const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
          roots = roots.filter((r) => !removed.has(r));
          const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
          roots.push(...added);
          configs.invalidate();
          void scanWorkspace(added);
        }),
      );
    }
    if (!trusted) log('Untrusted workspace: .yardstick.yaml files are not read; default rules and the yardstick.rules setting apply.');
    void scanWorkspace(roots);
  }),
);

async function scanWorkspace(folders: string[]): Promise<void> {
  if (folders.length === 0) return;
  const started = Date.now();
  const { files, truncated } = await scanFrameworkFiles(folders, SCAN_CAP, 5000, () => shuttingDown);
  let changed = false;
  for (const file of files) {
    if (shuttingDown) return;
    const canonical = pathToUri(file);
    if (documents.all().some((d) => indexKey(d.uri) === canonical)) continue; // open: its text wins
    try {
      const text = await fsp.readFile(file, 'utf8');
      if (index.updateFromText(canonical, text)) changed = true;
    } catch (e) {
      logError(`indexing ${file}`, e);
    }
  }
  log(`Indexed ${files.length} framework file(s) in ${Date.now() - started} ms${truncated ? ` (stopped at ${SCAN_CAP})` : ''}.`);
  if (changed) onIndexChanged();
}

connection.onShutdown(() => {
  shuttingDown = true;
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
});

// ---- documents ----------------------------------------------------------------------------

const justOpened = new Set<string>();
documents.onDidOpen((e) => {
  justOpened.add(e.document.uri);
});

documents.onDidChangeContent((e) => {
  try {
    if (isConfigFile(e.document.uri)) {
      resetConfiguration();
      return;
    }
    // Fires on open too: check a newly opened file at once. An edit is checked at once too
    // when no check is waiting (leading edge); edits that arrive while one waits (a burst of
    // typing, or changes queued during a long check) are debounced into one check.
    const uri = e.document.uri;
    const waiting = timers.has(uri);
    scheduleValidation(e.document, justOpened.delete(uri) || !waiting ? 0 : VALIDATION_DELAY_MS);
  } catch (err) {
    logError('didChange', err);
  }
});

documents.onDidClose((e) => {
  try {
    const uri = e.document.uri;
    justOpened.delete(uri);
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    analyses.delete(uri);
    lastGood.delete(uri);
    settingsCache.delete(uri);
    published.delete(uri);
    if (isConfigFile(uri)) {
      resetConfiguration();
      return;
    }
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Back to what the disk says (or out of the index if it is not on disk).
    const path = uriToPath(uri);
    let changed = false;
    if (path && FRAMEWORK_FILE.test(path)) {
      try {
        changed = index.updateFromText(uri, readFileSync(path, 'utf8'));
      } catch {
        changed = index.remove(uri);
      }
    } else changed = index.remove(uri);
    if (changed) onIndexChanged(uri);
  } catch (err) {
    logError('didClose', err);
  }
});

connection.onDidChangeConfiguration(
  notification('didChangeConfiguration', (change: { settings?: unknown }) => {
    if (!hasConfigurationCapability) {
      const s = (change?.settings as Record<string, unknown> | undefined)?.yardstick;
      globalSettings = normaliseSettings(s ?? {});
    }
    resetConfiguration();
  }),
);

connection.onDidChangeWatchedFiles(
  notification('didChangeWatchedFiles', async (params: { changes: Array<{ uri: string; type: number }> }) => {
    let configChanged = false;
    let indexChanged = false;
    for (const c of params.changes ?? []) {
      if (isConfigFile(c.uri)) {
        configChanged = true;
        continue;
      }
      const path = uriToPath(c.uri);
      if (!path || !FRAMEWORK_FILE.test(path)) continue;
      if (documents.all().some((d) => indexKey(d.uri) === indexKey(c.uri))) continue; // open: the editor's text wins
      if (c.type === 3) indexChanged = index.remove(c.uri) || indexChanged;
      else {
        try {
          indexChanged = index.updateFromText(c.uri, await fsp.readFile(path, 'utf8')) || indexChanged;
        } catch {
          indexChanged = index.remove(c.uri) || indexChanged;
        }
      }
    }
    if (configChanged) resetConfiguration();
    else if (indexChanged) onIndexChanged();
  }),
);

// ---- features -----------------------------------------------------------------------------

function navigationContext(uri: string): NavigationContext {
  return { uri, index, analysisOf: analysisOfOther };
}

async function analysisOrNull(params: { textDocument?: TextDocumentIdentifier }): Promise<{ doc: TextDocument; analysis: Analysis; options: AnalyzeOptions } | undefined> {
  const doc = documentOf(params);
  if (!doc || !isFrameworkDocument(doc)) return undefined;
  const { analysis, options } = await analysisFor(doc);
  return { doc, analysis, options };
}

connection.onHover(
  request('hover', async (params) => {
    checkPosition(params);
    const a = await analysisOrNull(params);
    return a ? hover(a.analysis, params.position, { knowledge, index }) : null;
  }),
);

connection.onCompletion(
  request('completion', async (params) => {
    checkPosition(params);
    const a = await analysisOrNull(params);
    if (!a) return null;
    return completion(a.analysis, params.position, {
      snippets: !!capabilities.textDocument?.completion?.completionItem?.snippetSupport,
      lastGood: lastGood.get(a.doc.uri),
      index,
    });
  }),
);

connection.onDocumentSymbol(
  request('documentSymbol', async (params) => {
    const a = await analysisOrNull(params);
    return a ? documentSymbols(a.analysis) : null;
  }),
);

connection.onDefinition(
  request('definition', async (params) => {
    checkPosition(params);
    const a = await analysisOrNull(params);
    return a ? definition(a.analysis, params.position, navigationContext(a.doc.uri)) : null;
  }),
);

connection.onReferences(
  request('references', async (params) => {
    checkPosition(params);
    const a = await analysisOrNull(params);
    return a ? references(a.analysis, params.position, params.context?.includeDeclaration !== false, navigationContext(a.doc.uri)) : null;
  }),
);

connection.onPrepareRename(
  request('prepareRename', async (params) => {
    checkPosition(params);
    const a = await analysisOrNull(params);
    return a ? prepareRename(a.analysis, params.position) : null;
  }),
);

connection.onRenameRequest(
  request('rename', async (params) => {
    checkPosition(params);
    if (typeof params.newName !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'Missing newName');
    const a = await analysisOrNull(params);
    return a ? rename(a.analysis, params.position, params.newName, navigationContext(a.doc.uri)) : null;
  }),
);

connection.onCodeAction(
  request('codeAction', async (params) => {
    if (!params?.range || !params.context || !Array.isArray(params.context.diagnostics)) throw new ResponseError(ErrorCodes.InvalidParams, 'Missing range or context');
    const a = await analysisOrNull(params);
    if (!a) return null;
    const ws = capabilities.workspace?.workspaceEdit as ({ documentChanges?: boolean; snippetEditSupport?: boolean } | undefined);
    return codeActions(a.analysis, params, {
      uri: a.doc.uri,
      version: a.doc.version,
      snippetEdits: !!ws?.snippetEditSupport,
      documentChanges: !!ws?.documentChanges,
      options: a.options,
    });
  }),
);

connection.onFoldingRanges(
  request('foldingRange', async (params) => {
    const a = await analysisOrNull(params);
    return a ? foldingRanges(a.analysis) : null;
  }),
);

connection.onSelectionRanges(
  request('selectionRange', async (params) => {
    if (!Array.isArray(params?.positions)) throw new ResponseError(ErrorCodes.InvalidParams, 'Missing positions');
    const a = await analysisOrNull(params);
    return a ? selectionRanges(a.analysis, params.positions) : null;
  }),
);

documents.listen(connection);
connection.listen();
