// The connection to the client. Over a byte stream (--stdio, --socket, --pipe) the message reader
// is ours so that a frame that cannot be read (no or a bad Content-Length, a body that is not
// JSON) ends the process with code 1: after a broken frame the reader has lost its place in the
// stream and would never answer again, while a server that exits is restarted by the client.
// --node-ipc (VS Code) carries whole messages and is left to the library.
import { createConnection as connectTo, type Socket } from 'node:net';
import { format } from 'node:util';
import {
  ProposedFeatures,
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Time for the log line to reach the client before the process ends. */
const EXIT_DELAY_MS = 100;

interface ByteStream {
  reader: MessageReader;
  writer: MessageWriter;
  input: NodeJS.ReadableStream | Socket;
  /** stdout carries the protocol. */
  stdio: boolean;
}

/** `activity` is told of each message, or each chunk of one, from the client. */
export function openConnection(shutdownReceived: () => boolean, activity: () => void = () => {}): Connection {
  const stream = byteStream(process.argv.slice(2));
  if (!stream) {
    process.on('message', activity);
    return createConnection(ProposedFeatures.all);
  }
  const connection = createConnection(ProposedFeatures.all, telling(stream, activity), stream.writer);
  stream.reader.onError((error) => {
    const message = `Yardstick: a message from the client could not be read: ${whatWentWrong(error)}. The language server stops so that the client can start it again.`;
    process.stderr.write(`${message}\n`);
    connection.console.error(message);
    stream.input.pause();
    setTimeout(() => process.exit(1), EXIT_DELAY_MS);
  });
  // What the library does for stdin: the client went away (after the last frame is decoded, so
  // that the reason a broken frame gives is logged first).
  const gone = () => setTimeout(() => process.exit(shutdownReceived() ? 0 : 1), EXIT_DELAY_MS);
  stream.input.on('end', gone);
  stream.input.on('close', gone);
  if (stream.stdio) redirectConsole(connection);
  return connection;
}

/** The stream's reader, telling `activity` of every chunk that arrives: a big message (a 7 MB
 * didOpen) takes a while to come in whole, and that is not a quiet moment. */
function telling({ reader, input }: ByteStream, activity: () => void): MessageReader {
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) => {
    const listening = listen(callback);
    // After the reader's own listener: the stream starts flowing with the reader in place.
    input.on('data', activity);
    return listening;
  };
  return reader;
}

/** The transport the command line names, as the library reads it; undefined for --node-ipc. */
function byteStream(argv: string[]): ByteStream | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--node-ipc') return undefined;
    if (flag === '--stdio')
      return {
        reader: new StreamMessageReader(process.stdin),
        writer: new StreamMessageWriter(process.stdout),
        input: process.stdin,
        stdio: true,
      };
    if ((flag === '--socket' && Number(value) > 0) || (flag === '--pipe' && value)) {
      const socket = flag === '--socket' ? connectTo(Number(value), '127.0.0.1') : connectTo(value);
      return { reader: new SocketMessageReader(socket), writer: new SocketMessageWriter(socket), input: socket, stdio: false };
    }
  }
  return undefined;
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
