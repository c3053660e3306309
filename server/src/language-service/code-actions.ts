// Code actions: the quick fixes findings carry (snippet edits for clients that take them),
// "Disable YSnnn for this line" and "for the entire file", "Show documentation for YSnnn", and
// `source.fixAll.yardstick` (the engine's safe fixes).
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis, AnalyzeOptions } from '../lint/analyze';
import { eolOf } from '../engine/edits';
import { fixAll } from '../lint/fix';
import { ruleById } from '../rules';
import { docsHref, docsPath } from '../rules/rule';
import { snippetEdit } from '../engine/fix-render';
import { insideScalar } from '../engine/suppress';
import type { Fix } from '../engine/types';
import { sameRange, SOURCE, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.yardstick';
export const SHOW_DOCS_COMMAND = 'yardstick.showRuleDocs';

export interface CodeActionContextInfo {
  uri: string;
  version?: number;
  /** The client accepts SnippetTextEdit in workspace edits (LSP 3.18). */
  snippetEdits: boolean;
  /** The client accepts documentChanges (versioned edits). */
  documentChanges: boolean;
  /** The client resolves a code action's edit (codeAction/resolve): fix-all is computed only when chosen. */
  resolveEdits?: boolean;
  options: AnalyzeOptions;
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

type SnippetTextEdit = { range: TextEdit['range']; snippet: { kind: 'snippet'; value: string } };

function workspaceEdit(ctx: CodeActionContextInfo, edits: Array<TextEdit | SnippetTextEdit>): WorkspaceEdit {
  if (ctx.documentChanges || edits.some((e) => 'snippet' in e)) {
    return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version ?? null }, edits: edits as TextEdit[] }] };
  }
  return { changes: { [ctx.uri]: edits as TextEdit[] } };
}

/** The fixes of the finding a diagnostic shows: looked up in the analysis of the current text by
 * code and range (a diagnostic of an older text that no finding matches any more gets none). */
function fixesFor(analysis: Analysis, d: Diagnostic): Fix[] {
  const code = String(d.code ?? '');
  const finding = analysis.findings.find((f) => f.code === code && sameRange(f.range, d.range));
  return finding?.fixes ?? [];
}

/** A fix's edits for this client: snippet edits (placeholders to tab through) when it takes them
 * and every edit renders as a snippet VS Code inserts as the plain text; plain edits otherwise. */
function renderFix(analysis: Analysis, fix: Fix, ctx: CodeActionContextInfo): Array<TextEdit | SnippetTextEdit> {
  const { lines } = analysis;
  const plain = fix.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText }));
  if (!ctx.snippetEdits || !fix.edits.some((e) => e.placeholders?.length)) return plain;
  const out: SnippetTextEdit[] = [];
  for (const e of fix.edits) {
    const s = snippetEdit(analysis.doc.text, e);
    if (!s) return plain;
    out.push({ range: lines.range(s.start, s.end), snippet: { kind: 'snippet', value: s.snippet } });
  }
  return out;
}

/**
 * "Disable YSnnn for this line": a `# yardstick-disable-next-line` comment line above the line
 * (merged into one already there); when that line starts inside a multi-line scalar, where a
 * comment line would become text, a `# yardstick-disable-line` at its end, or a next-line
 * comment at the end of the line before (a block scalar's header line).
 */
export function disableEdit(analysis: Analysis, code: string, line: number): TextEdit | undefined {
  const { lines, doc } = analysis;
  const eol = eolOf(doc.text);
  if (!insideScalar(doc, lines.lineStart(line))) {
    const text = lines.lineText(line);
    const indent = /^[ \t]*/.exec(text.replace(/^\uFEFF/, ''))![0];
    if (line > 0) {
      const prev = lines.lineText(line - 1);
      const m = /^([ \t]*#[ \t]*yardstick-disable-next-line)([^\r\n]*)$/.exec(prev);
      if (m) {
        const body = m[2].split('--', 1)[0];
        const names = body
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean);
        if (names.length === 0) return undefined; // already disables every rule
        if (names.some((n) => ruleById(n)?.meta.id === code)) return undefined;
        const insertAt = lines.lineStart(line - 1) + m[1].length + body.replace(/\s+$/, '').length;
        return { range: lines.range(insertAt, insertAt), newText: `, ${code}` };
      }
    }
    const at = line === 0 && doc.text.charCodeAt(0) === 0xfeff ? 1 : lines.lineStart(line);
    return { range: lines.range(at, at), newText: `${indent}# yardstick-disable-next-line ${code}${eol}` };
  }
  const end = lines.lineStart(line) + lines.lineText(line).length;
  if (!insideScalar(doc, end)) return { range: lines.range(end, end), newText: `  # yardstick-disable-line ${code}` };
  if (line > 0) {
    const prevEnd = lines.lineStart(line - 1) + lines.lineText(line - 1).length;
    if (!insideScalar(doc, prevEnd)) return { range: lines.range(prevEnd, prevEnd), newText: `  # yardstick-disable-next-line ${code}` };
  }
  return undefined;
}

/** "Disable YSnnn for the entire file": a `# yardstick-disable-file` line at the top (after a
 * BOM), or the code added to such a line among the file's leading comments. */
export function disableFileEdit(analysis: Analysis, code: string): TextEdit | undefined {
  const { lines, doc } = analysis;
  for (let line = 0; line < lines.lineCount; line++) {
    const full = lines.lineText(line);
    const text = full.replace(/^\uFEFF/, '');
    if (text.trim() === '') continue;
    if (!text.trimStart().startsWith('#')) break;
    const m = /^([ \t]*#[ \t]*yardstick-disable-file)([^\r\n]*)$/.exec(text);
    if (!m) continue;
    const body = m[2].split('--', 1)[0];
    const names = body
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (names.length === 0 || names.some((n) => ruleById(n)?.meta.id === code)) return undefined;
    const insertAt = lines.lineStart(line) + (full.length - text.length) + m[1].length + body.replace(/\s+$/, '').length;
    return { range: lines.range(insertAt, insertAt), newText: `, ${code}` };
  }
  const at = doc.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { range: lines.range(at, at), newText: `# yardstick-disable-file ${code}${eolOf(doc.text)}` };
}

export function codeActions(analysis: Analysis, params: CodeActionParams, ctx: CodeActionContextInfo): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const fileDisables: CodeAction[] = [];
  const seen = new Set<string>();
  const seenFile = new Set<string>();
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      // Findings kept from the last valid version may point at moved text: no actions until re-checked.
      if (d.source !== SOURCE || d.code === undefined || (d.data as DiagnosticData | undefined)?.stale) continue;
      const code = String(d.code);
      for (const fix of fixesFor(analysis, d)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(ctx, renderFix(analysis, fix, ctx)),
        });
      }
      const key = `${code}:${d.range.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // A syntax error or an unreadable version cannot be switched off; YS006 reports directives.
      if (code !== 'YS001' && code !== 'YS005' && code !== 'YS006') {
        const edit = disableEdit(analysis, code, d.range.start.line);
        if (edit)
          disables.push({
            title: `Disable ${code} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: workspaceEdit(ctx, [edit]),
          });
        const fileEdit = seenFile.has(code) ? undefined : disableFileEdit(analysis, code);
        seenFile.add(code);
        if (fileEdit)
          fileDisables.push({
            title: `Disable ${code} for the entire file`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: workspaceEdit(ctx, [fileEdit]),
          });
      }
      const url = d.codeDescription?.href ?? docsHref(ruleById(code)?.meta.docs ?? docsPath(code));
      if (url && !docs.some((a) => a.title.endsWith(` ${code}`))) {
        docs.push({
          title: `Show documentation for ${code}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          command: { title: `Show documentation for ${code}`, command: SHOW_DOCS_COMMAND, arguments: [url, code] },
        });
      }
    }
  }
  actions.push(...disables, ...fileDisables, ...docs);
  const fixAllOffer = wants(only, FIX_ALL_KIND) ? offerFixAll(analysis, ctx) : undefined;
  if (fixAllOffer) actions.push(fixAllOffer);
  return actions;
}

/** What a fix-all action carries until it is resolved. */
export interface FixAllData {
  fixAll: { uri: string; version?: number };
}

export function isFixAllData(data: unknown): data is FixAllData {
  const f = (data as FixAllData | undefined)?.fixAll;
  return !!f && typeof f.uri === 'string';
}

const FIX_ALL_TITLE = 'Fix all auto-fixable Yardstick problems';

/**
 * `source.fixAll.yardstick`, offered when a finding carries a safe fix. Fixing re-checks the text
 * after each round, so clients that resolve code actions get the edit only when they choose it.
 */
export function offerFixAll(analysis: Analysis, ctx: CodeActionContextInfo): CodeAction | undefined {
  if (!analysis.findings.some((f) => f.fixes?.some((x) => x.safe))) return undefined;
  if (ctx.resolveEdits)
    return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { fixAll: { uri: ctx.uri, version: ctx.version } } satisfies FixAllData };
  return fixAllAction(analysis, ctx);
}

/** codeAction/resolve: the edit of a fix-all action, for the document's current text. */
export function resolveFixAll(analysis: Analysis, action: CodeAction, ctx: CodeActionContextInfo): CodeAction {
  return { ...action, edit: workspaceEdit(ctx, fixAllEdits(analysis, ctx.options)) };
}

/** All safe fixes, as one minimal edit (the span between the first and last change). */
export function fixAllEdits(analysis: Analysis, options: AnalyzeOptions): TextEdit[] {
  const before = analysis.doc.text;
  const { text: after } = fixAll(before, options);
  if (after === before) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return [{ range: analysis.lines.range(start, endB), newText: after.slice(start, endA) }];
}

export function fixAllAction(analysis: Analysis, ctx: CodeActionContextInfo): CodeAction | undefined {
  const edits = fixAllEdits(analysis, ctx.options);
  if (edits.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, edits) };
}
