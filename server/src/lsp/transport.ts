// The connection to the client. Under --stdio the message reader is ours so that a frame that
// cannot be read (no or a bad Content-Length, a body that is not JSON) ends the process with
// code 1: after a broken frame the reader has lost its place in the stream and would never answer
// again, while a server that exits is restarted by the client. --node-ipc (VS Code) carries whole
// messages, and --socket and --pipe are left to the library.
import { format } from 'node:util';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection, type Connection } from 'vscode-languageserver/node';

/** Time for the log line to reach the client before the process ends. */
const EXIT_DELAY_MS = 100;

export function openConnection(shutdownReceived: () => boolean): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
  reader.onError((error) => {
    const message = `Yardstick: a message from the client could not be read: ${whatWentWrong(error)}. The language server stops so that the client can start it again.`;
    process.stderr.write(`${message}\n`);
    connection.console.error(message);
    process.stdin.pause();
    setTimeout(() => process.exit(1), EXIT_DELAY_MS);
  });
  // What the library does for the streams it opens itself: the client went away.
  // (After the last frame is decoded, so that the reason a broken frame gives is logged first.)
  const gone = () => setTimeout(() => process.exit(shutdownReceived() ? 0 : 1), EXIT_DELAY_MS);
  process.stdin.on('end', gone);
  process.stdin.on('close', gone);
  redirectConsole(connection);
  return connection;
}

/** The reader's error in plain words (a body that JSON.parse refuses is a SyntaxError). */
function whatWentWrong(error: Error): string {
  const first = error.message.split('\n')[0];
  if (/must provide a Content-Length/.test(first)) return 'a frame has no Content-Length header';
  const length = /Content-Length value must be a number\. Got (.*)/.exec(first);
  if (length) return `a frame's Content-Length is not a number ("${length[1]}")`;
  if (error instanceof SyntaxError) return `a frame's body is not JSON, or its Content-Length is wrong (${first})`;
  return first;
}

/** stdout carries the protocol: console output from any module goes to the client's log instead. */
function redirectConsole(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
