// The commands the server offers (in code actions) and runs itself on workspace/executeCommand,
// so that every client can use them, not only the VS Code extension. "Show documentation" asks
// the client to open the rule's page with window/showDocument: the page installed beside the
// server (a file: URI, offline) or, when the link is under a docs base URL, the web page.
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type ExecuteCommandParams } from 'vscode-languageserver/node';
import { SHOW_DOCS_COMMAND } from '../language-service/code-actions';
import { installedRulePage } from '../node/docs-pages';
import { ruleById } from '../rules';
import { guarded, refuseAfterShutdown } from './handlers';
import type { Log } from './log';
import type { Session } from './session';

/** Every command the server runs (its executeCommandProvider). */
export const COMMANDS = [SHOW_DOCS_COMMAND];

export function registerCommands(connection: Connection, session: Session, log: Log): void {
  connection.onExecuteCommand(
    guarded(log, 'executeCommand', async (params: ExecuteCommandParams) => {
      refuseAfterShutdown(session);
      const command = params?.command;
      if (command === SHOW_DOCS_COMMAND) return showRuleDocs(connection, session, params.arguments ?? []);
      throw new ResponseError(
        ErrorCodes.InvalidParams,
        `Unknown command ${JSON.stringify(command)}; the commands are ${COMMANDS.join(', ')}`,
      );
    }),
  );
}

/** Arguments as the code action gives them: [the page's link, the rule id]. */
async function showRuleDocs(connection: Connection, session: Session, args: unknown[]): Promise<null> {
  const [link, key] = args;
  const rule = typeof key === 'string' ? ruleById(key) : undefined;
  if (!rule)
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `${SHOW_DOCS_COMMAND} needs the link and the rule id (such as YS101) as its arguments; got ${JSON.stringify(args)}`,
    );
  const web = typeof link === 'string' && /^https?:\/\//i.test(link) ? link : undefined;
  const page = web ? undefined : installedRulePage(rule);
  if (!web && !page?.exists)
    throw failed(
      `The documentation of ${rule.meta.id} is not installed beside the language server (no file ${page?.path ?? rule.meta.docs}).`,
    );
  const uri = web ?? page!.uri;
  if (!session.capabilities.window?.showDocument?.support)
    throw failed(
      `This editor cannot open pages for the language server (it does not support window/showDocument). The documentation of ${rule.meta.id} is ${uri}`,
    );
  const shown = await connection.window.showDocument(web ? { uri, external: true } : { uri, takeFocus: true });
  if (!shown?.success) throw failed(`The editor did not open the documentation of ${rule.meta.id} (${uri}).`);
  return null;
}

function failed(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}
