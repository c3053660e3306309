// Code actions: the quick fixes findings carry, "Disable YSnnn for this line", "Show
// documentation for YSnnn", and `source.fixAll.yardstick` (the engine's safe fixes).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis, AnalyzeOptions } from '../lint/analyze';
import { eolOf } from '../engine/edits';
import { fixAll } from '../lint/fix';
import { ruleById } from '../rules';
import { fixData, sameRange, SOURCE, type DiagnosticData, type FixData } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.yardstick';
export const SHOW_DOCS_COMMAND = 'yardstick.showRuleDocs';

export interface CodeActionContextInfo {
  uri: string;
  version?: number;
  /** The client accepts SnippetTextEdit in workspace edits (LSP 3.18). */
  snippetEdits: boolean;
  /** The client accepts documentChanges (versioned edits). */
  documentChanges: boolean;
  options: AnalyzeOptions;
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(ctx: CodeActionContextInfo, edits: Array<TextEdit | { range: TextEdit['range']; snippet: { kind: 'snippet'; value: string } }>): WorkspaceEdit {
  if (ctx.documentChanges || edits.some((e) => 'snippet' in e)) {
    return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version ?? null }, edits: edits as TextEdit[] }] };
  }
  return { changes: { [ctx.uri]: edits as TextEdit[] } };
}

function fixesFor(analysis: Analysis, d: Diagnostic, version: number | undefined): FixData[] {
  const code = String(d.code ?? '');
  const finding = analysis.findings.find((f) => f.code === code && sameRange(f.range, d.range));
  if (finding) return (finding.fixes ?? []).map((f) => fixData(analysis.lines, f));
  const data = d.data as DiagnosticData | undefined;
  // The diagnostic is from another version: its fixes no longer match the text.
  if (data?.version !== undefined && version !== undefined && data.version !== version) return [];
  return Array.isArray(data?.fixes) ? data!.fixes! : [];
}

export function disableEdit(analysis: Analysis, code: string, line: number): TextEdit | undefined {
  const lines = analysis.lines;
  const text = lines.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = eolOf(analysis.doc.text);
  if (line > 0) {
    const prev = lines.lineText(line - 1);
    const m = /^([ \t]*#[ \t]*yardstick-disable-next-line)([^\r\n]*)$/.exec(prev);
    if (m) {
      const [body, reason] = m[2].split('--', 2) as [string, string | undefined];
      const names = body.trim().split(/[\s,]+/).filter(Boolean);
      if (names.length === 0) return undefined; // already disables every rule
      if (names.some((n) => ruleById(n)?.meta.id === code)) return undefined;
      const insertAt = lines.lineStart(line - 1) + m[1].length + body.replace(/\s+$/, '').length;
      void reason;
      return { range: lines.range(insertAt, insertAt), newText: `, ${code}` };
    }
  }
  const at = lines.lineStart(line);
  return { range: lines.range(at, at), newText: `${indent}# yardstick-disable-next-line ${code}${eol}` };
}

export function codeActions(analysis: Analysis, params: CodeActionParams, ctx: CodeActionContextInfo): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const disables: CodeAction[] = [];
  const docs: CodeAction[] = [];
  const seen = new Set<string>();
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      // Findings kept from the last valid version may point at moved text: no actions until re-checked.
      if (d.source !== SOURCE || d.code === undefined || (d.data as DiagnosticData | undefined)?.stale) continue;
      const code = String(d.code);
      for (const fix of fixesFor(analysis, d, ctx.version)) {
        let edits;
        if (fix.snippet) {
          if (ctx.snippetEdits) edits = fix.edits.map((e) => ({ range: e.range, snippet: { kind: 'snippet' as const, value: e.newText } }));
          else if (fix.plainEdits?.length) edits = fix.plainEdits;
          else continue;
        } else edits = fix.edits;
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred === true, edit: workspaceEdit(ctx, edits) });
      }
      const key = `${code}:${d.range.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (code !== 'YS001') {
        const edit = disableEdit(analysis, code, d.range.start.line);
        if (edit) disables.push({ title: `Disable ${code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(ctx, [edit]) });
      }
      const url = d.codeDescription?.href ?? ruleById(code)?.meta.docs;
      if (url && !docs.some((a) => a.title.endsWith(` ${code}`))) {
        docs.push({ title: `Show documentation for ${code}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `Show documentation for ${code}`, command: SHOW_DOCS_COMMAND, arguments: [url, code] } });
      }
    }
  }
  actions.push(...disables, ...docs);
  if (only && only.length && wants(only, FIX_ALL_KIND)) {
    const action = fixAllAction(analysis, ctx);
    if (action) actions.push(action);
  } else if (!only && analysis.findings.some((f) => f.fixes?.some((x) => x.safe))) {
    const action = fixAllAction(analysis, ctx);
    if (action) actions.push(action);
  }
  return actions;
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
  return { title: 'Fix all auto-fixable Yardstick problems', kind: FIX_ALL_KIND, edit: workspaceEdit(ctx, edits) };
}
