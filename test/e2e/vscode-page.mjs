// Helpers that drive a VS Code 1.100 workbench (code-server 4.100.x) through
// playwright-core. Plain DOM + keyboard: no access to the VS Code API.
//
// Selectors verified against code-server 4.100.3 / VS Code 1.100.3:
//   workbench        .monaco-workbench
//   quick open       .quick-input-widget input, rows .quick-input-list .monaco-list-row
//   editor tabs      .tabs-container .tab (aria-label starts with the file name)
//   editor text      .monaco-editor .view-lines .view-line (virtualised, ordered by style.top)
//   line numbers     .margin-view-overlays .line-numbers
//   Problems panel   .markers-panel, rows .markers-panel .monaco-list-row
//   hover            .monaco-hover (content in .monaco-hover-content)
//   quick fix menu   .action-widget, items .action-widget .monaco-list-row.action

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS
  ? path.resolve(process.env.E2E_ARTIFACTS)
  : path.resolve(here, '..', '..', 'test-artifacts', 'e2e');

const EDITOR = '.editor-group-container.active .monaco-editor';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');

/** Poll `fn` until it returns a truthy value; throw `message` (plus last value) on timeout. */
export async function waitUntil(fn, { timeoutMs = 10_000, intervalMs = 200, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail ? ` (last: ${String(detail).slice(0, 500)})` : ''}`);
    }
    await sleep(intervalMs);
  }
}

/** Save a full-page PNG into test-artifacts/e2e/<name>.png and return its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${String(name).replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Press Escape a couple of times to close quick input, hovers, menus. */
export async function dismiss(page) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

/** Focus the active editor's text area (keyboard shortcuts then go to the editor). */
export async function focusEditor(page) {
  await page.locator(`${EDITOR} textarea.inputarea, ${EDITOR} .native-edit-context`).first().focus();
}

/** Ctrl+P, type the file name, Enter; wait until the active tab shows it and the editor has text. */
export async function openFile(page, name, { timeoutMs = 20_000 } = {}) {
  const base = path.basename(name);
  await page
    .locator('.monaco-workbench')
    .click({ position: { x: 5, y: 300 } })
    .catch(() => {});
  const input = page.locator('.quick-input-widget input');
  // Quick open may take a moment to register its keybinding right after start-up.
  await waitUntil(
    async () => {
      await page.keyboard.press('Control+P');
      return input.isVisible();
    },
    { timeoutMs, intervalMs: 500, message: 'quick open (Ctrl+P)' },
  );
  await input.fill(name);
  // File search is backed by ripgrep; wait for a result row naming the file. Quick open caches
  // its file list, so a file created during the run may show only when the query is typed again.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: base }).first();
  await waitUntil(
    async () => {
      if (await row.isVisible()) return true;
      await input.fill('');
      await input.fill(name);
      return row.waitFor({ state: 'visible', timeout: 2_000 }).then(
        () => true,
        () => false,
      );
    },
    { timeoutMs, intervalMs: 500, message: `quick open lists ${base}` },
  );
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: base }).first().waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`${EDITOR} .view-lines .view-line`).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Ctrl+G, type the line number, Enter. */
export async function gotoLine(page, n) {
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input').first().waitFor({ state: 'visible', timeout: 5_000 });
  // keyboard.type, not fill(): after fill() the Enter did not close the widget (5 s stall).
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
}

/** Open the Problems panel (Ctrl+Shift+M) and wait for it. */
export async function openProblems(page) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return panel;
}

/** Text of all rows in the Problems panel (one row per line; file rows and marker rows). */
export async function problemsText(page) {
  const rows = page.locator('.markers-panel .monaco-list-row');
  const n = await rows.count();
  const out = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const label = (await row.getAttribute('aria-label')) ?? '';
    const text = norm(await row.innerText().catch(() => ''))
      .replace(/\s+/g, ' ')
      .trim();
    out.push(label && !text.includes(label) ? `${text} | ${label}` : text);
  }
  return out.join('\n');
}

/** Open Problems and wait until some row contains `substring`; returns the whole Problems text. */
export async function waitForProblem(page, substring, timeoutMs = 30_000) {
  await openProblems(page);
  return waitUntil(
    async () => {
      const t = await problemsText(page);
      return t.includes(substring) ? t : false;
    },
    { timeoutMs, message: `a Problems entry containing ${JSON.stringify(substring)}` },
  );
}

/**
 * Screen rectangle of `textOnLine` on editor line `lineNumber` (1-based). Scrolls there
 * first (Ctrl+G) because view lines are virtualised.
 */
export async function tokenBox(page, lineNumber, textOnLine) {
  await gotoLine(page, lineNumber);
  return waitUntil(
    () =>
      page
        .evaluate(
          ({ editorSel, lineNumber, textOnLine }) => {
            const editor = document.querySelector(editorSel);
            if (!editor) return null;
            const num = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find(
              (el) => el.textContent.trim() === String(lineNumber),
            );
            if (!num) return null;
            const ny = num.getBoundingClientRect();
            const mid = ny.top + ny.height / 2;
            const line = [...editor.querySelectorAll('.view-lines .view-line')].find((el) => {
              const r = el.getBoundingClientRect();
              return r.top <= mid && mid <= r.bottom;
            });
            if (!line) return null;
            // Walk text nodes; VS Code renders spaces as U+00A0.
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            const nodes = [];
            let all = '';
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              nodes.push({ n, start: all.length });
              all += n.textContent.replace(/\u00a0/g, ' ');
            }
            const idx = all.indexOf(textOnLine);
            if (idx < 0) return { missing: true, line: all };
            const at = (offset) => {
              for (let i = nodes.length - 1; i >= 0; i--) {
                if (nodes[i].start <= offset) return [nodes[i].n, offset - nodes[i].start];
              }
              return [nodes[0].n, 0];
            };
            const range = document.createRange();
            const [sn, so] = at(idx);
            const [en, eo] = at(idx + textOnLine.length - 1);
            range.setStart(sn, so);
            range.setEnd(en, Math.min(eo + 1, en.textContent.length));
            const r = range.getBoundingClientRect();
            return { x: r.left, y: r.top, width: r.width, height: r.height, line: all };
          },
          { editorSel: EDITOR, lineNumber, textOnLine },
        )
        .then((res) =>
          res && !res.missing ? res : res?.missing ? Promise.reject(new Error(`line ${lineNumber} is ${JSON.stringify(res.line)}`)) : null,
        ),
    { timeoutMs: 5_000, message: `${JSON.stringify(textOnLine)} on line ${lineNumber}` },
  );
}

/** Hover the mouse over `textOnLine` on line `lineNumber`; return the text of the visible hover(s). */
export async function hoverText(page, lineNumber, textOnLine, { expect, timeoutMs = 15_000 } = {}) {
  const box = await tokenBox(page, lineNumber, textOnLine);
  const x = box.x + Math.min(box.width / 2, 20);
  const y = box.y + box.height / 2;
  let attempt = 0;
  let seen = '';
  return waitUntil(
    async () => {
      // Move away and back now and then: VS Code only (re)computes a hover on mouse move.
      if (attempt++ % 8 === 0) {
        await page.mouse.move(x, y + 200);
        await page.mouse.move(x, y, { steps: 3 });
      }
      const hovers = page.locator('.monaco-hover:visible');
      const n = await hovers.count();
      if (!n) return false;
      const texts = [];
      for (let i = 0; i < n; i++)
        texts.push(
          norm(
            await hovers
              .nth(i)
              .innerText()
              .catch(() => ''),
          ),
        );
      const text = texts.join('\n').trim();
      if (text) seen = text;
      if (!text || /^Loading\.{3}$/.test(text)) return false;
      if (expect && !text.includes(expect)) return false;
      return text;
    },
    {
      timeoutMs,
      intervalMs: 300,
      message: `a hover over ${JSON.stringify(textOnLine)} on line ${lineNumber}${expect ? ` containing ${JSON.stringify(expect)}` : ''}`,
    },
  ).catch((e) => {
    throw new Error(`${e.message}; last hover text: ${JSON.stringify(seen)}`);
  });
}

/** Put the cursor on `textOnLine` (line `lineNumber`), press Ctrl+. and pick the action whose title contains `fixTitleSubstring`. */
export async function applyQuickFix(page, lineNumber, textOnLine, fixTitleSubstring, { timeoutMs = 15_000 } = {}) {
  const box = await tokenBox(page, lineNumber, textOnLine);
  await page.mouse.click(box.x + Math.min(box.width / 2, 5), box.y + box.height / 2);
  await page.mouse.move(box.x, box.y + 300); // don't leave a hover on top of the menu
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const titles = async () => (await rows.allInnerTexts().catch(() => [])).map((t) => norm(t).trim());
  let seen = [];
  await waitUntil(
    async () => {
      if (
        !(await page
          .locator('.action-widget')
          .isVisible()
          .catch(() => false))
      ) {
        await focusEditor(page);
        await page.keyboard.press('Control+.');
        await sleep(300);
      }
      seen = await titles();
      if (seen.some((t) => t.includes(fixTitleSubstring))) return true;
      if (seen.length) await page.keyboard.press('Escape'); // menu without our fix yet: providers still answering
      return false;
    },
    { timeoutMs, intervalMs: 500, message: `a quick fix containing ${JSON.stringify(fixTitleSubstring)}` },
  ).catch((e) => {
    throw new Error(`${e.message}; last menu: ${JSON.stringify(seen)}`);
  });
  // Select with the keyboard: while the menu is open a .context-view-pointerBlock
  // overlay intercepts mouse clicks on the rows.
  const focused = page.locator('.action-widget .monaco-list-row.action.focused');
  let title = '';
  for (let i = 0; i <= seen.length + 1; i++) {
    title = norm(
      await focused
        .first()
        .innerText()
        .catch(() => ''),
    ).trim();
    if (title.includes(fixTitleSubstring)) break;
    await page.keyboard.press('ArrowDown');
    await sleep(50);
  }
  if (!title.includes(fixTitleSubstring))
    throw new Error(`could not focus quick fix ${JSON.stringify(fixTitleSubstring)} in ${JSON.stringify(seen)}`);
  await page.keyboard.press('Enter');
  await page
    .locator('.action-widget')
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  return title;
}

/**
 * Text of the active editor.
 * With `filePath`: saves (Ctrl+S) and reads the file from disk once it stops being dirty: exact.
 * Without: concatenates the rendered view lines (only what is scrolled into view).
 */
export async function editorText(page, { filePath, timeoutMs = 10_000 } = {}) {
  if (filePath) {
    await focusEditor(page);
    await page.keyboard.press('Control+S');
    await waitUntil(async () => (await page.locator('.tabs-container .tab.active.dirty').count()) === 0, {
      timeoutMs,
      message: 'the active editor to be saved',
    });
    return fs.readFileSync(filePath, 'utf8');
  }
  return page.evaluate((editorSel) => {
    const lines = [...document.querySelectorAll(`${editorSel} .view-lines .view-line`)];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
  }, EDITOR);
}
