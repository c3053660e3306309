// Protocol hygiene: the built server over stdio, driven the way an editor that breaks the rules
// would drive it: versions that go backwards or repeat, URIs that do not decode, requests after
// `shutdown`. Every client is stopped in after() or finally, every wait has a timeout, and every
// assert.ok carries a message (a failing bare assert.ok reads the transpiled test's source and can
// hang the run).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, SocketMessageReader, SocketMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt } from '../dist';
import { LspClient, ROOT, SERVER, uriOf, type LspDiagnostic, type PublishedDiagnostics } from './lsp-client';

interface Pos {
  line: number;
  character: number;
}

const TEXT = `yardstick: 1
framework:
  id: hygiene
  title: T
  jurisdiction: UK
  period: { start: 2008-04-01, end: 2012-03-31 }
indicators:
  - { id: a, title: A, type: outcome, unit: percent, direction: increase }
agreements:
  - { id: g, kind: other, title: G, principal: P, agent: Q, indicators: [a] }
`;
const withRef = (ref: string) => TEXT.replace('indicators: [a]', `indicators: [${ref}]`);
const unknown = (p: PublishedDiagnostics) => p.diagnostics.filter((d) => d.code === 'YS003').map((d) => d.message);

/** Line/character of the first occurrence of `needle`. */
function find(text: string, needle: string): Pos {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
}

/** The exit code of the server process, or a rejection after `timeout` ms. */
function exitCode(client: LspClient | { proc: ChildProcess; stderr: string }, timeout = 5000): Promise<number | null> {
  const proc = client.proc;
  if (proc.exitCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not exit within ${timeout} ms; stderr: ${client.stderr}`)), timeout);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The promise's value, or a rejection saying `what` after `timeout` ms (the timer never outlives it). */
async function within<T>(promise: Promise<T>, timeout: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what())), timeout)))]);
  } finally {
    clearTimeout(timer);
  }
}

describe('protocol hygiene: document versions', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-versions-'));
    client = LspClient.start();
    await client.initialize(ws);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('checks a version that goes backwards and publishes it under that version', async () => {
    const uri = uriOf(join(ws, 'backwards.framework.yaml'));
    await client.open(uri, withRef('a'), 5);
    assert.deepEqual(unknown(await client.waitForDiagnostics(uri, (p) => p.version === 5)), []);
    const from = client.published.length;
    await client.change(uri, [{ text: withRef('b') }], 3);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 3, 10000, from);
    assert.deepEqual(unknown(p), ['Unknown indicator "b" in agreement "g"; did you mean "a"?']);
  });

  it('checks new text under a repeated version again, for diagnostics, hover and code actions', async () => {
    const uri = uriOf(join(ws, 'same-version.framework.yaml'));
    await client.open(uri, withRef('a'), 7);
    assert.deepEqual(unknown(await client.waitForDiagnostics(uri, (p) => p.version === 7)), []);
    const from = client.published.length;
    const text = withRef('zz');
    await client.change(uri, [{ text }], 7);
    const p = await client.waitForDiagnostics(uri, (x) => unknown(x).length > 0, 10000, from);
    assert.equal(p.version, 7);
    assert.deepEqual(unknown(p), ['Unknown indicator "zz" in agreement "g"; did you mean "a"?']);
    const at = find(text, 'zz]');
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: at });
    assert.match(hover.contents.value, /Unknown indicator "zz" in agreement "g"/);
    const diag = p.diagnostics.find((d) => d.code === 'YS003') as LspDiagnostic;
    const actions = await client.request<Array<{ title: string; edit?: { changes?: Record<string, unknown[]> } }>>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } },
    );
    const change = actions.find((a) => a.title === 'Change to "a"');
    assert.ok(change, `the did-you-mean fix of the new text is offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.deepEqual(change.edit?.changes?.[uri], [
      { range: { start: at, end: { line: at.line, character: at.character + 2 } }, newText: 'a' },
    ]);
  });
});

describe('protocol hygiene: URIs that do not decode', function () {
  this.timeout(30000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-uris-'));
    client = LspClient.start();
    await client.initialize(ws);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('answers requests on a bare "%" with InvalidParams in plain words and keeps re-checking other documents', async () => {
    const bad = 'file:///tmp/100%.framework.yaml';
    const good = uriOf(join(ws, 'good.framework.yaml'));
    await client.open(bad, withRef('a'));
    await client.open(good, withRef('missing'));
    assert.equal(unknown(await client.waitForDiagnostics(good)).length, 1);
    await assert.rejects(
      client.request('textDocument/hover', { textDocument: { uri: bad }, position: { line: 0, character: 1 } }),
      (e: { code?: number; message?: string }) => {
        assert.equal(e.code, -32602);
        assert.equal(e.message, 'The URI file:///tmp/100%.framework.yaml does not decode to a file path (a "%" must be written "%25")');
        return true;
      },
    );
    // A settings change re-checks every open document: the one that does not decode must not stop the loop.
    client.settings = { validate: { enable: true }, rules: { YS003: 'off' } };
    const from = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(unknown(await client.waitForDiagnostics(good, () => true, 10000, from)), []);
    client.settings = { validate: { enable: true } };
    const from2 = client.published.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal(unknown(await client.waitForDiagnostics(good, () => true, 10000, from2)).length, 1);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
  });
});

describe('protocol hygiene: shutdown and exit', function () {
  this.timeout(30000);
  let ws: string;
  const someUri = () => uriOf(join(ws, 'x.framework.yaml'));

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-shutdown-'));
  });

  after(() => {
    rmSync(ws, { recursive: true, force: true });
  });

  it('answers requests after shutdown with InvalidRequest, and exits 0 on exit', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(ws);
      await client.open(someUri(), TEXT);
      await client.waitForDiagnostics(someUri());
      assert.equal(await client.request('shutdown', null), null);
      for (const [method, params] of [
        ['textDocument/hover', { textDocument: { uri: someUri() }, position: { line: 0, character: 0 } }],
        ['textDocument/documentSymbol', { textDocument: { uri: someUri() } }],
        ['textDocument/completion', { textDocument: { uri: someUri() }, position: { line: 0, character: 0 } }],
        ['workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: ['', 'YS101'] }],
        ['yardstick/noSuchMethod', {}],
      ] as const)
        await assert.rejects(client.request(method, params), (e: { code?: number; message?: string }) => {
          assert.equal(e.code, -32600, method);
          assert.equal(e.message, 'The server is shutting down');
          return true;
        });
      await client.notify('exit', null);
      assert.equal(await exitCode(client), 0);
    } finally {
      await client.stop();
    }
  });

  it('exits 1 on exit without shutdown', async () => {
    const client = LspClient.start();
    try {
      await client.initialize(ws);
      await client.notify('exit', null);
      assert.equal(await exitCode(client), 1);
    } finally {
      await client.stop();
    }
  });
});

describe('protocol hygiene: frames that cannot be read', function () {
  this.timeout(30000);
  let ws: string;

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-frames-'));
  });

  after(() => {
    rmSync(ws, { recursive: true, force: true });
  });

  const request = (id: number, method: string) => JSON.stringify({ jsonrpc: '2.0', id, method, params: {} });
  const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
  const cases: Array<{ name: string; bytes: string; says: RegExp }> = [
    {
      name: 'no Content-Length',
      bytes: `Content-Type: application/json\r\n\r\n${request(90, 'x')}`,
      says: /: a frame has no Content-Length header\. /,
    },
    {
      name: 'a Content-Length that is not a number',
      bytes: `Content-Length: twelve\r\n\r\n${request(90, 'x')}`,
      says: /: a frame's Content-Length is not a number \("twelve"\)\. /,
    },
    {
      name: 'a body that is not JSON',
      bytes: frame('{"jsonrpc": "2.0", "id": 90, '),
      says: /: a frame's body is not JSON, or its Content-Length is wrong \(.*JSON.*\)\. /,
    },
    {
      name: 'a Content-Length too short',
      bytes: frame(request(90, 'x'), 10),
      says: /: a frame's body is not JSON, or its Content-Length is wrong \(.*JSON.*\)\. /,
    },
    {
      // The next frame is swallowed into the body of the first one.
      name: 'a Content-Length too long, then a good frame',
      bytes: frame(request(90, 'x'), 80) + frame(request(91, 'shutdown')),
      says: /: a frame's body is not JSON, or its Content-Length is wrong \(.*JSON.*\)\. /,
    },
  ];

  for (const c of cases)
    it(`exits 1 and says why after a frame with ${c.name}`, async () => {
      const client = LspClient.start();
      try {
        await client.initialize(ws);
        client.proc.stdin.write(c.bytes);
        assert.equal(await exitCode(client), 1);
        const line = client.stderr.split('\n').find((l) => l.startsWith('Yardstick: a message from the client could not be read: '));
        assert.ok(line, `the reason is on stderr: ${client.stderr}`);
        assert.match(line, c.says);
        assert.match(line, / The language server stops so that the client can start it again\.$/);
        assert.ok(
          client.logs.some((l) => l === line),
          `the same line is in the client's log: ${JSON.stringify(client.logs)}`,
        );
      } finally {
        await client.stop();
      }
    });

  for (const transport of ['--socket', '--pipe'])
    it(`does the same over ${transport}, where the server connects to the client`, async () => {
      ensureBuilt();
      const listener = createServer();
      const pipe = join(ws, 'client.sock');
      await new Promise<void>((resolve) =>
        transport === '--pipe' ? listener.listen(pipe, resolve) : listener.listen(0, '127.0.0.1', resolve),
      );
      const address = transport === '--pipe' ? pipe : String((listener.address() as AddressInfo).port);
      const connected = new Promise<Socket>((resolve) => listener.once('connection', resolve));
      const server = {
        proc: spawn(process.execPath, [SERVER, `${transport}=${address}`], {
          stdio: ['ignore', 'ignore', 'pipe'],
        }),
        stderr: '',
      };
      server.proc.stderr!.on('data', (d) => (server.stderr += String(d)));
      let socket: Socket | undefined;
      let conn: MessageConnection | undefined;
      try {
        socket = await within(connected, 10000, () => `no connection from the server; stderr: ${server.stderr}`);
        conn = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
        conn.listen();
        const init = await conn.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
          processId: process.pid,
          rootUri: null,
          capabilities: {},
        });
        assert.equal(init.serverInfo?.name, 'yardstick-language-server');
        socket.write('Content-Length: twelve\r\n\r\n{}');
        assert.equal(await exitCode(server), 1);
        assert.match(
          server.stderr,
          /^Yardstick: a message from the client could not be read: a frame's Content-Length is not a number \("twelve"\)\. /m,
        );
      } finally {
        conn?.dispose();
        socket?.destroy();
        listener.close();
        if (server.proc.exitCode === null) server.proc.kill();
      }
    });

  it('exits 1 when the client closes the stream without shutdown, 0 after shutdown', async () => {
    const abrupt = LspClient.start();
    try {
      await abrupt.initialize(ws);
      abrupt.proc.stdin.end();
      assert.equal(await exitCode(abrupt), 1);
    } finally {
      await abrupt.stop();
    }
    const orderly = LspClient.start();
    try {
      await orderly.initialize(ws);
      await orderly.request('shutdown', null);
      orderly.proc.stdin.end();
      assert.equal(await exitCode(orderly), 0);
    } finally {
      await orderly.stop();
    }
  });
});

describe('protocol hygiene: the commands the server offers are the commands it runs', function () {
  this.timeout(30000);
  let ws: string;
  const defects = readFileSync(join(ROOT, 'samples', 'defects.framework.yaml'), 'utf8');
  const SHOW_DOCUMENT = { showDocument: { support: true } };

  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-commands-'));
  });

  after(() => {
    rmSync(ws, { recursive: true, force: true });
  });

  /** Every command in the code actions for every problem of the defects sample. */
  async function offeredCommands(client: LspClient, uri: string): Promise<Array<{ command: string; arguments?: unknown[] }>> {
    await client.open(uri, defects);
    const p = await client.waitForDiagnostics(uri);
    assert.ok(p.diagnostics.length > 5, `the sample has problems: ${p.diagnostics.length}`);
    const offered: Array<{ command: string; arguments?: unknown[] }> = [];
    for (const d of p.diagnostics) {
      const actions = await client.request<Array<{ command?: { command: string; arguments?: unknown[] } }>>('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
      for (const a of actions) if (a.command) offered.push(a.command);
    }
    return offered;
  }

  it('advertises every command its code actions carry, and opens a rule page with window/showDocument', async () => {
    const client = LspClient.start();
    const shown: unknown[] = [];
    client.conn.onRequest('window/showDocument', (params: unknown) => {
      shown.push(params);
      return { success: true };
    });
    try {
      const init = await client.initialize(ws, { window: SHOW_DOCUMENT });
      const advertised = (init.capabilities.executeCommandProvider as { commands: string[] }).commands;
      assert.deepEqual(advertised, ['yardstick.showRuleDocs']);
      const offered = await offeredCommands(client, uriOf(join(ws, 'defects.framework.yaml')));
      assert.ok(offered.length > 5, `commands offered: ${offered.length}`);
      for (const c of offered) assert.ok(advertised.includes(c.command), `${c.command} is offered but not advertised`);
      const ys101 = offered.find((c) => c.arguments?.[1] === 'YS101');
      assert.ok(ys101, `YS101's documentation is offered: ${JSON.stringify(offered.map((c) => c.arguments?.[1]))}`);
      assert.equal(await client.request('workspace/executeCommand', ys101), null);
      const page = pathToFileURL(join(ROOT, 'docs', 'rules', 'YS101.md')).href;
      assert.deepEqual(shown, [{ uri: page, takeFocus: true }]);
      assert.ok(existsSync(fileURLToPath(page)), `${page} is on disk`);
      assert.match(readFileSync(fileURLToPath(page), 'utf8'), /^# YS101/);
      // Under a docs base URL the link is the published page, opened outside the editor.
      shown.length = 0;
      const web = 'https://example.org/yardstick/docs/rules/YS101.md';
      assert.equal(
        await client.request('workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: [web, 'YS101'] }),
        null,
      );
      assert.deepEqual(shown, [{ uri: web, external: true }]);
    } finally {
      await client.stop();
    }
  });

  it('answers in plain words when the arguments, the command or the client fall short', async () => {
    const client = LspClient.start();
    let success = false;
    client.conn.onRequest('window/showDocument', () => ({ success }));
    try {
      await client.initialize(ws, { window: SHOW_DOCUMENT });
      const refused = (code: number, message: string) => (e: { code?: number; message?: string }) => {
        assert.equal(e.code, code);
        assert.equal(e.message, message);
        return true;
      };
      await assert.rejects(
        client.request('workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: ['x', 'YS999'] }),
        refused(-32602, 'yardstick.showRuleDocs needs the link and the rule id (such as YS101) as its arguments; got ["x","YS999"]'),
      );
      await assert.rejects(
        client.request('workspace/executeCommand', { command: 'yardstick.noSuchCommand' }),
        refused(-32602, 'Unknown command "yardstick.noSuchCommand"; the commands are yardstick.showRuleDocs'),
      );
      const page = pathToFileURL(join(ROOT, 'docs', 'rules', 'YS003.md')).href;
      await assert.rejects(
        client.request('workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: [page, 'YS003'] }),
        refused(-32803, `The editor did not open the documentation of YS003 (${page}).`),
      );
      success = true;
      assert.equal(
        await client.request('workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: [page, 'YS003'] }),
        null,
      );
    } finally {
      await client.stop();
    }
    const plain = LspClient.start();
    try {
      await plain.initialize(ws);
      const page = pathToFileURL(join(ROOT, 'docs', 'rules', 'YS003.md')).href;
      await assert.rejects(
        plain.request('workspace/executeCommand', { command: 'yardstick.showRuleDocs', arguments: [page, 'YS003'] }),
        (e: { code?: number; message?: string }) => {
          assert.equal(e.code, -32803);
          assert.equal(
            e.message,
            `This editor cannot open pages for the language server (it does not support window/showDocument). The documentation of YS003 is ${page}`,
          );
          return true;
        },
      );
    } finally {
      await plain.stop();
    }
  });
});

describe('protocol hygiene: ranges at positions past the end of a line', function () {
  this.timeout(120000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-ranges-'));
    client = LspClient.start();
    await client.initialize(ws);
  });

  after(async () => {
    await client?.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  interface Range {
    start: Pos;
    end: Pos;
  }

  /** Every range in an answer: any object with start and end positions, however deep. */
  function rangesIn(value: unknown, out: Range[] = []): Range[] {
    if (Array.isArray(value)) for (const v of value) rangesIn(v, out);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      const isPos = (p: unknown) => !!p && typeof (p as Pos).line === 'number' && typeof (p as Pos).character === 'number';
      if (isPos(o.start) && isPos(o.end)) out.push(o as unknown as Range);
      for (const v of Object.values(o)) rangesIn(v, out);
    }
    return out;
  }

  const texts = {
    'uk.framework.yaml': readFileSync(join(ROOT, 'samples', 'uk-psa-2008.framework.yaml'), 'utf8'),
    'defects.framework.yaml': readFileSync(join(ROOT, 'samples', 'defects.framework.yaml'), 'utf8'),
    // Half-typed: a value to choose, an empty line with trailing spaces, a word begun, a list left open.
    'typing.framework.yaml': [
      'yardstick: 1',
      'framework:',
      '  id: typing',
      '  title: T',
      'indicators:',
      '  - id: b',
      '    title: B',
      '    type: ',
      '    unit: percent',
      '    ',
      '    direction: incr',
      'agreements:',
      '  - id: g',
      '    indicators: [b, ',
      '',
    ].join('\n'),
  };

  for (const [name, text] of Object.entries(texts))
    it(`answers completion, hover, code actions, definitions and selection ranges with ranges inside ${name}, never reversed`, async () => {
      const uri = uriOf(join(ws, name));
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri);
      const lines = text.split('\n');
      const inside = (p: Pos) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
      const problems: string[] = [];
      let ranges = 0;
      let fixes = 0;
      for (let line = 0; line < lines.length; line++)
        for (const past of [1, 9]) {
          const position = { line, character: lines[line].length + past };
          const lineStart = { line, character: 0 };
          const answers = await Promise.all([
            client.request('textDocument/completion', { textDocument: { uri }, position }),
            client.request('textDocument/hover', { textDocument: { uri }, position }),
            client.request('textDocument/definition', { textDocument: { uri }, position }),
            client.request('textDocument/selectionRange', { textDocument: { uri }, positions: [position] }),
            client.request('textDocument/codeAction', {
              textDocument: { uri },
              range: { start: lineStart, end: position },
              // Quick fixes only: the fix-all edit does not depend on the position (and is the slow part).
              context: {
                diagnostics: published.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line),
                only: ['quickfix'],
              },
            }),
          ]);
          for (const [i, answer] of answers.entries())
            for (const r of rangesIn(answer)) {
              ranges++;
              if (i === 4) fixes++;
              const reversed = r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character);
              if (reversed || !inside(r.start) || !inside(r.end))
                problems.push(
                  `${['completion', 'hover', 'definition', 'selectionRange', 'codeAction'][i]} at ${line}:${position.character}: ${JSON.stringify(r)}${reversed ? ' reversed' : ' outside the text'}`,
                );
            }
        }
      assert.ok(ranges > lines.length, `answers carry ranges to check: ${ranges}`);
      if (name === 'defects.framework.yaml') assert.ok(fixes > 20, `quick fixes carry ranges to check: ${fixes}`);
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} bad ranges`);
      await client.close(uri);
    });
});
