// Yardstick end-to-end scenario, run by test/e2e/run.mjs against the repo's samples/
// folder (copied to a temp dir first, so samples/ is never modified).
//
// Expected strings are parameters; each can be overridden by the env var named next to it.
import fs from 'node:fs';
import path from 'node:path';

const env = (name, fallback) => process.env[name] ?? fallback;

export const FILE = env('E2E_FILE', 'defects.framework.yaml');
/** Diagnostic code that must show in the Problems panel. */
export const PROBLEM_CODE = env('E2E_PROBLEM_CODE', 'YS101');
/** Token to hover (first line of FILE that contains it) and text the hover must contain. */
export const HOVER_TOKEN = env('E2E_HOVER_TOKEN', 'public-service-agreement');
export const HOVER_EXPECT = env('E2E_HOVER_EXPECT', 'Public Service Agreement');
/** Quick fix offered on the PROBLEM_CODE line, and text the file must contain after applying it. */
export const FIX_TITLE = env('E2E_FIX_TITLE', 'baseline');
export const FIX_EXPECT_TEXT = env('E2E_FIX_EXPECT_TEXT', 'baseline:');

const shared = {};

export const steps = [
  {
    name: `open ${FILE}`,
    async run({ page, workspace, openFile }) {
      shared.file = path.join(workspace, FILE);
      shared.before = fs.readFileSync(shared.file, 'utf8');
      await openFile(page, FILE);
    },
  },
  {
    name: `${PROBLEM_CODE} in Problems`,
    async run({ page, waitForProblem }) {
      const text = await waitForProblem(page, PROBLEM_CODE, 45_000);
      // Marker rows read like "<message> yardstick(YS101) [Ln 12, Col 5]".
      const row = text.split('\n').find((l) => l.includes(PROBLEM_CODE) && /\[Ln \d+/.test(l));
      const m = row && /\[Ln (\d+), Col (\d+)\]/.exec(row);
      if (!m) throw new Error(`no line number in Problems row for ${PROBLEM_CODE}:\n${text}`);
      shared.problemLine = Number(m[1]);
      shared.problemCol = Number(m[2]);
      return row;
    },
  },
  {
    name: `hover ${HOVER_TOKEN}`,
    async run({ page, hoverText, screenshot }) {
      const lines = shared.before.split(/\r?\n/);
      const idx = lines.findIndex((l) => l.includes(HOVER_TOKEN));
      if (idx < 0) throw new Error(`${FILE} does not contain ${JSON.stringify(HOVER_TOKEN)}`);
      const text = await hoverText(page, idx + 1, HOVER_TOKEN, { expect: HOVER_EXPECT, timeoutMs: 20_000 });
      await screenshot(page, 'hover');
      await page.keyboard.press('Escape');
      return text;
    },
  },
  {
    name: `quick fix "${FIX_TITLE}" on the ${PROBLEM_CODE} line`,
    async run({ page, applyQuickFix, screenshot }) {
      const line = shared.before.split(/\r?\n/)[shared.problemLine - 1] ?? '';
      // Code actions are asked for the cursor position: put it at the diagnostic's start
      // (the text from that column, which also disambiguates repeated words).
      const fromCol = line.slice(shared.problemCol - 1);
      const word = /^\s*$/.test(fromCol) ? /[A-Za-z0-9_][\w-]*/.exec(line)?.[0] : fromCol.slice(0, 40).trimEnd();
      if (!word) throw new Error(`line ${shared.problemLine} has no word to put the cursor on: ${JSON.stringify(line)}`);
      const title = await applyQuickFix(page, shared.problemLine, word, FIX_TITLE, { timeoutMs: 20_000 });
      await screenshot(page, 'after-quick-fix');
      return title;
    },
  },
  {
    name: `file contains ${JSON.stringify(FIX_EXPECT_TEXT)}`,
    async run({ page, editorText }) {
      const after = await editorText(page, { filePath: shared.file });
      if (after === shared.before) throw new Error('the quick fix did not change the file');
      if (!after.includes(FIX_EXPECT_TEXT) || shared.before.split(FIX_EXPECT_TEXT).length >= after.split(FIX_EXPECT_TEXT).length)
        throw new Error(`expected one more ${JSON.stringify(FIX_EXPECT_TEXT)} after the fix; file is now:\n${after}`);
      return `${after.split(FIX_EXPECT_TEXT).length - shared.before.split(FIX_EXPECT_TEXT).length} more ${FIX_EXPECT_TEXT}`;
    },
  },
];
