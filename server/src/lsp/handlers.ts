// The requests the server answers, as one table: each names its request type, the params it
// checks, and the language-service call on the open document's analysis. `register` adds the
// shared part: malformed params are InvalidParams, cancellation is honoured, a crash becomes an
// InternalError (never a dead server), and requests for documents that are not open frameworks
// are answered null.
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SelectionRangeRequest,
  type CancellationToken,
  type Connection,
  type RequestType,
  type TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import { knowledge } from '../knowledge';
import { codeActions, isFixAllData, resolveFixAll, type CodeActionContextInfo } from '../language-service/code-actions';
import { configCompletion, configHover } from '../language-service/config-file';
import { isConfigFile } from '../node/config-service';
import { completion, resolveCompletion, type IdItemData } from '../language-service/completion';
import { hover } from '../language-service/hover';
import { definition, prepareRename, references, rename, type NavigationContext } from '../language-service/navigation';
import { foldingRanges, selectionRanges } from '../language-service/ranges';
import { documentSymbols } from '../language-service/symbols';
import { uriToPath } from '../node/uri';
import { isFrameworkDocument, type Documents, type OpenFramework } from './documents';
import type { Log } from './log';
import type { Session } from './session';
import type { Workspace } from './workspace';

export interface Parts {
  session: Session;
  documents: Documents;
  workspace: Workspace;
  log: Log;
}

type Check<P> = (params: P) => void;

/** One row of the table, its params type checked where the row is written. */
interface Row {
  type: RequestType<unknown, unknown, unknown>;
  check(params: unknown): void;
  /** The document the request is about. */
  uriOf(params: unknown): unknown;
  run(file: OpenFramework, params: unknown): unknown;
  /** The answer when that is not an open framework document. */
  orElse(params: unknown): unknown;
}

const textDocumentUri = (params: { textDocument?: TextDocumentIdentifier } | undefined): unknown => params?.textDocument?.uri;

function on<P, R>(
  type: RequestType<P, R, unknown>,
  checks: Array<Check<P>>,
  run: (file: OpenFramework, params: P) => R,
  uriOf: (params: P) => unknown = textDocumentUri as (params: P) => unknown,
  orElse: (params: P) => R | null = () => null,
): Row {
  return {
    type: type as unknown as Row['type'],
    check: (params) => {
      for (const c of checks) c(params as P);
    },
    uriOf: (params) => uriOf(params as P),
    run: (file, params) => run(file, params as P),
    orElse: (params) => orElse(params as P),
  };
}

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

const position: Check<{ position?: { line?: unknown; character?: unknown } }> = (params) => {
  const p = params?.position;
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw invalid('Missing or invalid position');
};

/** The table: one row per request. */
export function handlers(parts: Parts): Row[] {
  const { session, documents, workspace } = parts;
  const index = workspace.index;
  const navigation = (f: OpenFramework): NavigationContext => ({
    uri: f.doc.uri,
    index,
    analysisOf: (uri) => documents.analysisOfOther(uri),
    versionOf: (uri) => documents.versionOf(uri),
    documentChanges: !!(session.capabilities.workspace?.workspaceEdit as { documentChanges?: boolean } | undefined)?.documentChanges,
  });
  const codeActionContext = (f: OpenFramework): CodeActionContextInfo => {
    const edits = session.capabilities.workspace?.workspaceEdit as { documentChanges?: boolean; snippetEditSupport?: boolean } | undefined;
    return {
      uri: f.doc.uri,
      version: f.doc.version,
      snippetEdits: !!edits?.snippetEditSupport,
      documentChanges: !!edits?.documentChanges,
      resolveEdits: !!session.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'),
      options: f.options,
    };
  };
  return [
    on(HoverRequest.type, [position], (f, p) =>
      hover(f.analysis, p.position, {
        knowledge,
        index,
        analysisOf: (uri) => documents.analysisOfOther(uri),
        docsBaseUrl: f.settings.docs.baseUrl,
      }),
    ),
    on(CompletionRequest.type, [position], (f, p) => {
      const caps = session.capabilities.textDocument?.completion;
      return completion(f.analysis, p.position, {
        snippets: !!caps?.completionItem?.snippetSupport,
        lastGood: documents.lastGoodOf(f.doc.uri),
        index,
        defaultEditRange: !!caps?.completionList?.itemDefaults?.includes('editRange'),
        resolveUri: caps?.completionItem?.resolveSupport?.properties.includes('documentation') ? f.doc.uri : undefined,
        defaultData: !!caps?.completionList?.itemDefaults?.includes('data'),
      });
    }),
    // The documentation an id item was sent without; any other item (no URI in its data: no
    // open document) is answered as it came.
    on(
      CompletionResolveRequest.type,
      [],
      (f, item) => resolveCompletion(f.analysis, documents.lastGoodOf(f.doc.uri), item),
      (item) => (item?.data as Partial<IdItemData> | undefined)?.uri ?? '',
      (item) => item,
    ),
    // While the text does not parse, the outline of the last version that did.
    on(DocumentSymbolRequest.type, [], (f) =>
      documentSymbols(f.analysis.doc.errors.length ? (documents.lastGoodOf(f.doc.uri) ?? f.analysis) : f.analysis),
    ),
    on(DefinitionRequest.type, [position], (f, p) => definition(f.analysis, p.position, navigation(f))),
    on(ReferencesRequest.type, [position], (f, p) =>
      references(f.analysis, p.position, p.context?.includeDeclaration !== false, navigation(f)),
    ),
    on(PrepareRenameRequest.type, [position], (f, p) => prepareRename(f.analysis, p.position)),
    on(
      RenameRequest.type,
      [
        position,
        (p) => {
          if (typeof p.newName !== 'string') throw invalid('Missing newName');
        },
      ],
      (f, p) => rename(f.analysis, p.position, p.newName, navigation(f)),
    ),
    on(
      CodeActionRequest.type,
      [
        (p) => {
          if (!p?.range || !p.context || !Array.isArray(p.context.diagnostics)) throw invalid('Missing range or context');
        },
      ],
      (f, p) => codeActions(f.analysis, p, codeActionContext(f)),
    ),
    on(
      CodeActionResolveRequest.type,
      [],
      (f, action) => (isFixAllData(action.data) ? resolveFixAll(f.analysis, action, codeActionContext(f)) : action),
      // Only fix-all is resolved; any other action is answered as it came.
      (action) => (isFixAllData(action?.data) ? action.data.fixAll.uri : ''),
      (action) => action,
    ),
    on(FoldingRangeRequest.type, [], (f) => foldingRanges(f.analysis)),
    on(
      SelectionRangeRequest.type,
      [
        (p) => {
          if (!Array.isArray(p?.positions)) throw invalid('Missing positions');
        },
      ],
      (f, p) => selectionRanges(f.analysis, p.positions),
    ),
  ];
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Wraps a request handler: honours cancellation, turns crashes into errors. */
export function guarded<P, R>(log: Log, name: string, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
  return async (params: P, token: CancellationToken): Promise<R> => {
    if (token?.isCancellationRequested) throw cancelled();
    try {
      const result = await handler(params, token);
      if (token?.isCancellationRequested) throw cancelled();
      return result;
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log.error(name, e);
      throw new ResponseError(ErrorCodes.InternalError, `Yardstick: ${name} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}

/** LSP: after `shutdown` every request is an error (only the `exit` notification is left). */
export function refuseAfterShutdown(session: Session): void {
  if (session.shuttingDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down');
}

/** Registers every row of the table on the connection. */
export function register(connection: Connection, parts: Parts): void {
  for (const row of handlers(parts)) {
    const name = row.type.method.replace(/^textDocument\//, '');
    connection.onRequest(
      row.type,
      guarded(parts.log, name, async (params: unknown) => {
        refuseAfterShutdown(parts.session);
        row.check(params);
        const config = configFileAnswer(row.type.method, parts.documents, params as ConfigParams);
        if (config !== undefined) return config;
        const file = await openFramework(parts.documents, row.uriOf(params));
        return file ? row.run(file, params) : row.orElse(params);
      }),
    );
  }
  // A request nobody answers: after shutdown the same InvalidRequest as every other request.
  connection.onRequest((method: string) => {
    refuseAfterShutdown(parts.session);
    throw new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
  });
}

type ConfigParams = { textDocument?: TextDocumentIdentifier; position?: { line: number; character: number } } | undefined;

/** Hover and completion in an open `.yardstick.yaml`; undefined for every other request or document. */
function configFileAnswer(method: string, documents: Documents, params: ConfigParams): unknown {
  const uri = params?.textDocument?.uri;
  if (typeof uri !== 'string' || !isConfigFile(uri) || !params?.position) return undefined;
  const doc = documents.get(uri);
  if (!doc) return undefined;
  if (method === HoverRequest.method) return configHover(doc.getText(), params.position);
  if (method === CompletionRequest.method) return configCompletion(doc.getText(), params.position);
  return undefined;
}

/** The open framework document a request names; malformed params are an InvalidParams error. */
async function openFramework(documents: Documents, uri: unknown): Promise<OpenFramework | undefined> {
  if (typeof uri !== 'string') throw invalid('Missing textDocument.uri');
  if (uri.startsWith('file:') && uriToPath(uri) === undefined)
    throw invalid(`The URI ${uri} does not decode to a file path (a "%" must be written "%25")`);
  const doc = documents.get(uri);
  if (!doc || !isFrameworkDocument(doc)) return undefined;
  return documents.analysisFor(doc);
}
