// Yardstick end-to-end scenario, run by test/e2e/run.mjs against the repo's samples/
// folder (copied to a temp dir first, so samples/ is never modified).
//
// Expected strings are parameters; each can be overridden by the env var named next to it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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
    // The server offers the command and the client's middleware opens the installed page rendered.
    name: `"Show documentation for ${PROBLEM_CODE}" opens the rule's page as a Markdown preview`,
    async run({ page, applyQuickFix, screenshot, waitUntil }) {
      const title = await applyQuickFix(page, shared.problemLine, problemWord(), `Show documentation for ${PROBLEM_CODE}`, {
        timeoutMs: 20_000,
      });
      const tab = page.locator('.tabs-container .tab', { hasText: `Preview ${PROBLEM_CODE}.md` }).first();
      await waitUntil(() => tab.isVisible().catch(() => false), { timeoutMs: 20_000, message: `a "Preview ${PROBLEM_CODE}.md" tab` });
      // The preview is a webview: the rendered page is two iframes down.
      const heading = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('h1');
      let shown = '';
      await waitUntil(
        async () => {
          shown = (
            await heading
              .first()
              .innerText({ timeout: 1_000 })
              .catch(() => '')
          ).trim();
          return shown.startsWith(`${PROBLEM_CODE}:`);
        },
        { timeoutMs: 20_000, message: `the preview's heading "${PROBLEM_CODE}: ..."` },
      );
      await screenshot(page, 'rule-docs-preview');
      // Back to the framework by its tab (keys typed now would go to the webview).
      await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
      await page.locator('.tabs-container .tab.active', { hasText: FILE }).first().waitFor({ state: 'visible', timeout: 10_000 });
      return `${title}: ${shown}`;
    },
  },
  {
    name: `quick fix "${FIX_TITLE}" on the ${PROBLEM_CODE} line`,
    async run({ page, applyQuickFix, screenshot }) {
      const title = await applyQuickFix(page, shared.problemLine, problemWord(), FIX_TITLE, { timeoutMs: 20_000 });
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

/** Code actions are asked for the cursor position: text at the diagnostic's start to click on
 * (the text from that column, which also disambiguates repeated words). */
function problemWord() {
  const line = shared.before.split(/\r?\n/)[shared.problemLine - 1] ?? '';
  const fromCol = line.slice(shared.problemCol - 1);
  const word = /^\s*$/.test(fromCol) ? /[A-Za-z0-9_][\w-]*/.exec(line)?.[0] : fromCol.slice(0, 40).trimEnd();
  if (!word) throw new Error(`line ${shared.problemLine} has no word to put the cursor on: ${JSON.stringify(line)}`);
  return word;
}

// ---- Every snippet quick fix of the gallery, applied in VS Code, saved, checked by the CLI ----

/** Quick fixes that reach VS Code as snippet edits (placeholders to fill in), by rule. */
const SNIPPET_FIXES = [
  ['YS101', 'Add a baseline'],
  ['YS106', 'Add a data section'],
  ['YS202', 'Add data.assured_by'],
  ['YS402', 'Add a review'],
  ['YS408', 'Add external_factors'],
];

/** `yardstick check --format json` on one file, with the built CLI: its messages. */
function check(repoRoot, file) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`yardstick check exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout)[0].messages;
}

const serious = (messages) =>
  messages.filter((m) => m.severity === 'error' || m.severity === 'warning').map((m) => `${m.ruleId} ${m.message}`);

/** What a saved fix must leave: it parses, nothing new at error or warning, the fixed finding gone. */
function assertFixed(before, after, fixed) {
  const syntax = after.filter((m) => m.ruleId === 'YS001');
  if (syntax.length) throw new Error(`the saved file does not parse: ${syntax.map((m) => `${m.line}: ${m.message}`).join('; ')}`);
  const left = new Map();
  for (const k of serious(before)) left.set(k, (left.get(k) ?? 0) + 1);
  const added = serious(after).filter((k) => {
    const n = left.get(k) ?? 0;
    left.set(k, n - 1);
    return n <= 0;
  });
  if (added.length) throw new Error(`new findings after the fix: ${added.join(' | ')}`);
  const key = `${fixed.ruleId} ${fixed.message}`;
  if (after.some((m) => `${m.ruleId} ${m.message}` === key)) throw new Error(`the fixed finding is still reported: ${key}`);
}

steps.push({
  name: `the "${FIX_TITLE}" fix, saved: yardstick check finds nothing new and not the fixed finding`,
  async run({ repoRoot }) {
    const before = check(repoRoot, path.join((shared.original ??= writeOriginal()), FILE));
    const after = check(repoRoot, shared.file);
    const fixed = before.find((m) => m.ruleId === PROBLEM_CODE && m.fixes?.some((f) => f.title.includes(FIX_TITLE)));
    if (!fixed) throw new Error(`the original ${FILE} has no ${PROBLEM_CODE} with a "${FIX_TITLE}" fix`);
    assertFixed(before, after, fixed);
    return `${serious(before).length} -> ${serious(after).length} errors and warnings`;
  },
});

/** A copy of the file as it was before any fix, for the CLI to compare against. */
function writeOriginal() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yardstick-e2e-original-'));
  fs.writeFileSync(path.join(dir, FILE), shared.before);
  return dir;
}

for (const [code, title] of SNIPPET_FIXES) {
  steps.push({
    name: `snippet fix "${title}" (${code}) applied, saved and checked`,
    async run({ page, repoRoot, applyQuickFix, editorText, screenshot, focusEditor }) {
      const before = check(repoRoot, shared.file);
      const target = before.find((m) => m.ruleId === code && m.fixes?.some((f) => f.title.startsWith(title)));
      if (!target) {
        if (code === PROBLEM_CODE) return 'applied in the earlier step';
        throw new Error(`no ${code} finding offering "${title}" in ${FILE}`);
      }
      const text = fs.readFileSync(shared.file, 'utf8');
      const line = text.split(/\r?\n/)[target.line - 1] ?? '';
      const fromCol = line.slice(target.column - 1);
      const word = /^\s*$/.test(fromCol) ? /[A-Za-z0-9_][\w-]*/.exec(line)?.[0] : fromCol.slice(0, 40).trimEnd();
      const applied = await applyQuickFix(page, target.line, word, title, { timeoutMs: 20_000 });
      // Leave snippet mode (the first placeholder is selected), then look at the result.
      await focusEditor(page);
      await page.keyboard.press('Escape');
      await screenshot(page, `snippet-fix-${code}`);
      const saved = await editorText(page, { filePath: shared.file });
      if (saved === text) throw new Error(`"${applied}" did not change the file`);
      const after = check(repoRoot, shared.file);
      assertFixed(before, after, target);
      return `${applied}: ${serious(before).length} -> ${serious(after).length} errors and warnings`;
    },
  });
}

// ---- The first hour: the walkthrough's New Framework step, then completion in the new file ----

/** Runs a command from the palette by its title. */
async function runCommand(page, title, { waitUntil, dismiss }) {
  const input = page.locator('.quick-input-widget input');
  await waitUntil(
    async () => {
      await page.keyboard.press('F1');
      return input.isVisible();
    },
    { timeoutMs: 15_000, intervalMs: 500, message: 'the command palette' },
  );
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 }).catch(async (e) => {
    await dismiss(page);
    throw e;
  });
  await page.keyboard.press('Enter');
}

export const NEW_FRAMEWORK_ID = env('E2E_NEW_FRAMEWORK_ID', 'health-2026');

steps.push(
  {
    name: 'open the Get started with Yardstick walkthrough',
    async run(ctx) {
      const { page, screenshot, waitUntil } = ctx;
      await runCommand(page, 'Welcome: Open Walkthrough...', ctx);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Yardstick' }).first();
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.type('Get started with Yardstick');
      await page.keyboard.press('Enter');
      const button = page.locator('.gettingStartedContainer').getByText('New Framework', { exact: true }).first();
      await waitUntil(() => button.isVisible(), { timeoutMs: 20_000, message: 'the walkthrough with its New Framework button' });
      await screenshot(page, 'walkthrough');
      return 'walkthrough open';
    },
  },
  {
    name: 'New Framework from the walkthrough: UK template, own id',
    async run({ page, workspace, screenshot, waitUntil }) {
      await page.locator('.gettingStartedContainer').getByText('New Framework', { exact: true }).first().click();
      const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: 'UK department' }).first();
      await pick.waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(page, 'new-framework-templates');
      await pick.click();
      const input = page.locator('.quick-input-widget input');
      await waitUntil(async () => (await input.inputValue().catch(() => '')) === 'uk-department-2025', {
        timeoutMs: 10_000,
        message: 'the framework id box, prefilled',
      });
      await page.keyboard.type(NEW_FRAMEWORK_ID);
      await page.keyboard.press('Enter');
      const name = `${NEW_FRAMEWORK_ID}.framework.yaml`;
      await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ state: 'visible', timeout: 20_000 });
      shared.newFile = path.join(workspace, name);
      await waitUntil(() => fs.existsSync(shared.newFile), { timeoutMs: 10_000, message: `${name} on disk` });
      const text = fs.readFileSync(shared.newFile, 'utf8');
      if (!text.includes(`  id: ${NEW_FRAMEWORK_ID}\n`))
        throw new Error(`the new file does not carry the chosen id:\n${text.slice(0, 600)}`);
      shared.newText = text;
      return `${name}: ${text.split('\n').length} lines`;
    },
  },
  {
    name: 'type a key with completion in the new framework',
    async run({ page, focusEditor, screenshot, waitUntil }) {
      await focusEditor(page);
      await page.keyboard.press('Control+End');
      // The template ends inside its agreement (keys at 4 spaces): add one more key there.
      await page.keyboard.type('    ext', { delay: 60 });
      const suggest = page.locator('.suggest-widget.visible');
      await waitUntil(async () => (await suggest.innerText().catch(() => '')).includes('external_factors'), {
        timeoutMs: 20_000,
        message: 'the completion list offering external_factors',
      });
      // Show the details of the focused item (the key's documentation).
      await page.keyboard.press('Control+Space');
      await screenshot(page, 'completion');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Demand for the service', { delay: 20 });
      await page.keyboard.press('Escape');
      return (await suggest.innerText().catch(() => '')).slice(0, 120) || 'accepted';
    },
  },
  {
    name: 'the completed framework is saved and has no problems',
    async run({ page, editorText, problemsText, openProblems, screenshot, waitUntil }) {
      const after = await editorText(page, { filePath: shared.newFile });
      if (!/\n {4}external_factors: \[Demand for the service\]\n?$/.test(after))
        throw new Error(`expected the completed key at the end; file ends:\n${after.slice(-300)}`);
      await openProblems(page);
      const name = path.basename(shared.newFile);
      // Problems lists files with problems: the new file must not be among them.
      await waitUntil(async () => !(await problemsText(page)).includes(name), {
        timeoutMs: 15_000,
        message: `no Problems entry for ${name}`,
      });
      await screenshot(page, 'completed-framework');
      return 'clean';
    },
  },
);

steps.push(
  {
    name: 'a .yaml file whose first key is yardstick: opens as a framework',
    async run({ page, workspace, openFile, waitUntil }) {
      fs.writeFileSync(path.join(workspace, 'plan.yaml'), '# A plan kept as plain .yaml\n\nyardstick: 1\nframework:\n  id: plain-yaml\n');
      await openFile(page, 'plan.yaml');
      const mode = page.locator('.statusbar-item', { hasText: 'Yardstick Framework' });
      await waitUntil(() => mode.first().isVisible(), {
        timeoutMs: 20_000,
        message: 'the language mode "Yardstick Framework" in the status bar',
      });
      return 'language mode: Yardstick Framework';
    },
  },
  {
    name: 'Settings: a severity row per rule',
    async run(ctx) {
      const { page, screenshot, waitUntil } = ctx;
      await runCommand(page, 'Preferences: Open Settings (UI)', ctx);
      const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .settings-header input').first();
      await search.waitFor({ state: 'visible', timeout: 20_000 });
      await search.focus();
      await page.keyboard.type('yardstick.severity');
      const row = page.locator('.settings-editor .setting-item-contents', { hasText: 'Severity' }).first();
      await waitUntil(async () => (await row.innerText().catch(() => '')).includes('YS101'), {
        timeoutMs: 20_000,
        message: 'the yardstick.severity setting with a row for YS101',
      });
      await screenshot(page, 'settings-severity');
      const text = await row.innerText();
      if (/Edit in settings\.json/.test(text))
        throw new Error(`yardstick.severity is shown as "Edit in settings.json" only:\n${text.slice(0, 400)}`);
      return text.replace(/\s+/g, ' ').slice(0, 160);
    },
  },
);
