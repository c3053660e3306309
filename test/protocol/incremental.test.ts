// The language server re-checks ranged edits incrementally (lsp/changes.ts, lint/incremental.ts):
// after every edit of a seeded sequence, sent as the client sends them (one or several ranged
// changes per didChange, now and then the whole text), the diagnostics it publishes equal those of
// the same text opened fresh.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../scripts/fuzz';
import { readRepoFile } from '../helpers';
import { applyChange, generated, randomChange } from '../helpers/random-edits';
import { LspClient, type LspDiagnostic } from './lsp-client';

const EDITS = Number(process.env.YARDSTICK_INCREMENTAL_EDITS ?? 15);

/** Line and character of an offset, as LSP counts them (UTF-16 code units; \r\n, \r and \n break lines). */
function position(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

describe('language server: incremental re-checking of ranged edits', function () {
  this.timeout(120_000);
  let client: LspClient;
  let ws: string;

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'yardstick-lsp-incremental-'));
    client = LspClient.start();
    await client.initialize(ws);
  });

  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  for (const [name, base] of [
    ['samples/uk-psa-2008.framework.yaml', () => readRepoFile('samples/uk-psa-2008.framework.yaml')],
    ['a generated file of 60 indicators', () => generated(60)],
  ] as const) {
    it(`publishes after every edit what a fresh open of the same text publishes (${name})`, async () => {
      const r = mulberry32(77);
      const uri = `file://${ws}/edited.framework.yaml`;
      let text = base();
      await client.open(uri, text);
      await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000);
      let compared = 0;
      let good = text;
      let broken = false;
      for (let k = 0; k < EDITS; k++) {
        // One ranged change, two in one notification, or (rarely) the whole text.
        const roll = r();
        const changes: Array<{ range?: unknown; text: string }> = [];
        const steps = roll < 0.2 ? 2 : 1;
        for (let s = 0; s < steps; s++) {
          // A slip that breaks the YAML is undone by selecting all and pasting the last good text.
          const c = broken ? { start: 0, end: text.length, text: good } : randomChange(text, r);
          changes.push({ range: { start: position(text, c.start), end: position(text, c.end) }, text: c.text });
          text = applyChange(text, c);
          broken = false;
        }
        if (roll > 0.95) changes.splice(0, changes.length, { text });
        const from = client.published.length;
        const version = await client.change(uri, changes);
        const edited = await client.waitForDiagnostics(uri, (p) => p.version === version, 30_000, from);
        // With a syntax error the last good analysis (kept for completion) differs by design.
        broken = edited.diagnostics.some((d) => d.code === 'YS001');
        if (broken) continue;
        good = text;
        const fresh = await client.diagnostics(`file://${ws}/fresh-${k}.framework.yaml`, text, 30_000);
        assert.deepEqual(withoutUri(edited.diagnostics), withoutUri(fresh), `edit ${k}: ${JSON.stringify(changes)}`);
        compared++;
      }
      assert.ok(compared > EDITS / 3, `${compared} of ${EDITS} edits compared`);
    });
  }
});

/** Diagnostics without what names the document (code action data carries its URI). */
function withoutUri(diagnostics: LspDiagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics).replace(/file:\/\/[^"]*?\.framework\.yaml/g, '<uri>'));
}
