// One fix model, two renderings. A rule writes an edit's text once, as literal pieces and
// placeholders (`placeholder('TODO: who validates the data')`); the edit carries the plain text
// (placeholders at their defaults) and where the placeholders are. Plain consumers (the CLI,
// clients without snippet edits, fix-all) apply newText as it is; snippetEdit turns the same edit
// into an LSP snippet that VS Code inserts as exactly that text.
import type { TextEdit, TextPlaceholder } from './types';

/** A part of an edit's text the user is meant to fill in; `text` is its default. */
export interface Placeholder {
  placeholder: string;
  /** Values to choose from; the default (`placeholder`) must be the first. */
  choices?: readonly string[];
}

/** Text for an edit: literal strings and placeholders, in order (nested lists are flattened). */
export type FixText = string | Placeholder | readonly FixText[];

export function placeholder(text: string, choices?: readonly string[]): Placeholder {
  if (choices && choices[0] !== text) throw new Error(`placeholder "${text}": the default must be the first choice`);
  return choices ? { placeholder: text, choices } : { placeholder: text };
}

/** A choice placeholder: the first value is the default. */
export function choice(values: readonly string[]): Placeholder {
  return placeholder(values[0], values);
}

export function isPlaceholder(x: unknown): x is Placeholder {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as Placeholder).placeholder === 'string';
}

/** The plain text of a FixText and where its placeholders are. */
export function composeText(parts: FixText): { text: string; placeholders: TextPlaceholder[] } {
  let text = '';
  const placeholders: TextPlaceholder[] = [];
  const walk = (p: FixText): void => {
    if (typeof p === 'string') text += p;
    else if (isPlaceholder(p)) {
      const start = text.length;
      text += p.placeholder;
      placeholders.push(p.choices ? { start, end: text.length, choices: p.choices } : { start, end: text.length });
    } else for (const q of p as readonly FixText[]) walk(q);
  };
  walk(parts);
  return { text, placeholders };
}

/** An edit from offsets and FixText (placeholders kept only when there are some). */
export function makeEdit(start: number, end: number, parts: FixText): TextEdit {
  const { text, placeholders } = composeText(parts);
  return placeholders.length ? { start, end, newText: text, placeholders } : { start, end, newText: text };
}

/** The edit as plain text: what the CLI and clients without snippet edits apply. */
export function plainEdit(edit: TextEdit): TextEdit {
  return { start: edit.start, end: edit.end, newText: edit.newText };
}

// VS Code inserts a snippet edit through SnippetSession.adjustWhitespace
// (src/vs/editor/contrib/snippet/browser/snippetSession.ts, microsoft/vscode):
//
//   const lineLeadingWhitespace = getLeadingWhitespace(line, 0, position.column - 1);
//   ... for every top-level Text marker of the inserted fragment (not inside a choice):
//     if (offset === 0) lines[0] = model.normalizeIndentation(lines[0]);
//     else if (previous char is \n or \r) lines[0] = model.normalizeIndentation(lineLeadingWhitespace + lines[0]);
//     for (let i = 1; i < lines.length; i++) lines[i] = model.normalizeIndentation(lineLeadingWhitespace + lines[i]);
//     const newValue = lines.join(model.getEOL());
//
// So every line after the first gets the indentation of the line the edit starts on added once
// more, and leading tabs are rewritten (to spaces, as YAML files are edited). Without an open
// editor VS Code inserts the snippet's text with no adjustment at all. A snippet is the same text
// both ways when the edit starts at column 0 or on a line with no indentation before the edit,
// and no line of it starts with a tab: so a multi-line edit that starts after indentation is
// widened to start at its line's start (re-inserting the bytes before it unchanged).

/** The edit as an LSP snippet ({ start, end, snippet }) that VS Code turns into exactly
 * edit.newText; undefined when no snippet can (then send the plain edit). */
export function snippetEdit(text: string, edit: TextEdit): { start: number; end: number; snippet: string } | undefined {
  let { start, newText } = edit;
  let placeholders = edit.placeholders ?? [];
  if (/[\r\n]/.test(newText)) {
    const lineStart = lineStartOf(text, start);
    const before = text.slice(lineStart, start);
    if (/^[ \t]/.test(before)) {
      start = lineStart;
      newText = before + newText;
      placeholders = placeholders.map((p) => ({ ...p, start: p.start + before.length, end: p.end + before.length }));
    }
  }
  // normalizeIndentation rewrites leading tabs of the first line and of every line after a break.
  if (/(^|[\r\n])[ ]*\t/.test(newText)) return undefined;
  let snippet = '';
  let at = 0;
  placeholders.forEach((p, i) => {
    snippet += escapeText(newText.slice(at, p.start));
    const value = newText.slice(p.start, p.end);
    snippet += p.choices ? `\${${i + 1}|${p.choices.map(escapeChoice).join(',')}|}` : `\${${i + 1}:${escapeText(value)}}`;
    at = p.end;
  });
  snippet += escapeText(newText.slice(at));
  return { start, end: edit.end, snippet };
}

/** Text outside and inside placeholders: `$`, `}` and `\` are escaped (SnippetParser.escape). */
function escapeText(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

/** A choice option: `,`, `|` and `\` are escaped. */
function escapeChoice(s: string): string {
  return s.replace(/[,|\\]/g, '\\$&');
}

function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0 && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i--;
  return i + 1;
}
