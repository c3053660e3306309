// Every edit Yardstick offers, applied the way editors apply it, on every shape of file.
//
// Over a corpus of files covering empty values, flow and block styles, comments, document
// markers and directives, anchors, multi-line and block scalars, multi-byte text and tabs
// (test/fixtures/edits/, the samples), each as it is, with CRLF, with lone CRs, with a BOM, and
// in seeded fuzzed variants, every quick fix the language server offers (rule fixes, "Disable
// for this line", "Disable for the entire file") and fix-all is applied
//   - as plain text (the CLI, clients without snippet edits), and
//   - as VS Code applies the server's snippet edits, in an open editor and with none
//     (test/helpers/vscode-snippet.ts, modelled on VS Code's source),
// and must leave: text that parses; no error or warning that was not there; every comment and
// every byte outside the edited ranges unchanged; the finding it was for gone. Fix-all must be
// idempotent. The snippet renderings must give exactly the plain text.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import { analyze, type Analysis } from '../../server/src/lint/analyze';
import { fixAll } from '../../server/src/lint/fix';
import { codeActions, FIX_ALL_KIND, type CodeActionContextInfo } from '../../server/src/language-service/code-actions';
import { toDiagnostics } from '../../server/src/language-service/convert';
import { mulberry32 } from '../../scripts/fuzz';
import { ROOT, readRepoFile } from '../helpers';
import { variant } from '../helpers/yaml-variants';
import { applyInEditor, applyWithoutEditor, openInVsCode, type LspEdit } from '../helpers/vscode-snippet';

const URI = 'file:///work/corpus.framework.yaml';
const FIXTURE_DIR = 'test/fixtures/edits';
const BASES = [
  ...readdirSync(join(ROOT, FIXTURE_DIR))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${FIXTURE_DIR}/${f}`),
  'samples/defects.framework.yaml',
  'test/fixtures/structure-errors.framework.yaml',
];
const FUZZED_PER_BASE = 3;

/** The shapes every base is also tried in. */
const LINE_BREAKS: Record<string, (t: string) => string> = {
  LF: (t) => t,
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  CR: (t) => t.replace(/\r?\n/g, '\r'),
  BOM: (t) => `\ufeff${t}`,
};

// ---------------------------------------------------------------------------------------------
// What must hold

/** Real comments (not "#" inside scalars), from the `yaml` package's concrete syntax tree. */
function comments(text: string): string[] {
  const out: string[] = [];
  const walk = (o: unknown): void => {
    if (Array.isArray(o)) return o.forEach(walk);
    if (o && typeof o === 'object') {
      if ((o as { type?: string }).type === 'comment') out.push((o as { source: string }).source.trim());
      for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
    }
  };
  // The yaml package takes only \n and \r\n as line breaks.
  for (const token of new Parser().parse(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'))) walk(token);
  return out;
}

function missingFrom(before: string[], after: string[]): string[] {
  const left = new Map<string, number>();
  for (const c of after) left.set(c, (left.get(c) ?? 0) + 1);
  const missing: string[] = [];
  for (const c of before) {
    const n = left.get(c) ?? 0;
    if (n === 0) missing.push(c);
    else left.set(c, n - 1);
  }
  return missing;
}

const serious = (a: Analysis) => a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const key = (f: { code: string; message: string }) => `${f.code} ${f.message}`;

function counts(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Offsets edited, in the text before: the LSP ranges of the applied edits. */
interface Span {
  start: number;
  end: number;
}

/** The bytes outside the spans, in order, must be in `after` unchanged, with only the spans' text between them. */
function outsideProblem(before: string, after: string, spans: Span[]): string | undefined {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const kept: string[] = [];
  let pos = 0;
  for (const s of sorted) {
    kept.push(before.slice(pos, s.start));
    pos = s.end;
  }
  kept.push(before.slice(pos));
  if (!after.startsWith(kept[0])) return 'the text before the first edit changed';
  if (!after.endsWith(kept[kept.length - 1])) return 'the text after the last edit changed';
  let at = kept[0].length;
  for (let i = 1; i < kept.length - 1; i++) {
    const found = after.indexOf(kept[i], at);
    if (found < 0) return `the text between edits ${i} and ${i + 1} changed`;
    at = found + kept[i].length;
  }
  return undefined;
}

interface Check {
  what: string;
  before: Analysis;
  after: string;
  spans: Span[];
  /** The finding the edit is for (none for fix-all). */
  target?: { code: string; message: string };
  /** Comments the edit may remove (YS006's fix removes the unused directive). */
  mayRemoveDirective?: boolean;
  /** "Create indicator ..." starts a new object with placeholders: the rules then check it too. */
  createsObject?: boolean;
}

function problemsOf(c: Check): string[] {
  const problems: string[] = [];
  const after = analyze(c.after);
  const syntax = after.findings.filter((f) => f.code === 'YS001');
  if (syntax.length)
    return [`${c.what}: the result does not parse: ${syntax.map((f) => `${f.range.start.line + 1}: ${f.message}`).join('; ')}`];
  const was = counts(serious(c.before).map(key));
  const now = counts(serious(after).map(key));
  if (!c.createsObject) for (const [k, n] of now) if (n > (was.get(k) ?? 0)) problems.push(`${c.what}: new finding ${k}`);
  if (c.target) {
    const k = key(c.target);
    const left = after.findings.filter((f) => key(f) === k).length;
    const had = c.before.findings.filter((f) => key(f) === k).length;
    if (left >= had) problems.push(`${c.what}: the finding is still there`);
  }
  const now2 = comments(c.after);
  const lost = missingFrom(comments(c.before.doc.text), now2)
    .filter((l) => !(c.mayRemoveDirective && /yardstick-disable/.test(l)))
    // "Disable YSnnn" adds its code to a directive already there.
    .filter((l) => !(c.target && now2.some((n) => n.replace(`, ${c.target!.code}`, '') === l)));
  if (lost.length) problems.push(`${c.what}: lost comments ${JSON.stringify(lost)}`);
  const outside = outsideProblem(c.before.doc.text, c.after, c.spans);
  if (outside) problems.push(`${c.what}: ${outside}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Getting the edits as the language server offers them

function ctxFor(snippetEdits: boolean): CodeActionContextInfo {
  return { uri: URI, version: 1, snippetEdits, documentChanges: true, options: {} };
}

function editsOf(action: CodeAction): LspEdit[] {
  const changes = action.edit?.documentChanges ?? [];
  const edits: LspEdit[] = [];
  for (const c of changes) if ('edits' in c && c.textDocument.uri === URI) edits.push(...(c.edits as LspEdit[]));
  const plain = action.edit?.changes?.[URI] ?? [];
  return [...edits, ...(plain as LspTextEdit[])];
}

function quickFixes(analysis: Analysis, d: Diagnostic, snippetEdits: boolean): CodeAction[] {
  return codeActions(analysis, { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } }, ctxFor(snippetEdits)).filter(
    (a) => a.kind === CodeActionKind.QuickFix && a.edit,
  );
}

function spansOf(analysis: Analysis, edits: LspEdit[]): Span[] {
  return edits.map((e) => ({ start: analysis.lines.offset(e.range.start), end: analysis.lines.offset(e.range.end) }));
}

export interface CorpusStats {
  texts: number;
  quickFixes: number;
  snippetFixes: number;
  fixAllEdits: number;
}

/** Every problem with the edits offered on one text (as VS Code holds it: no BOM, one EOL kind for the snippet path). */
export function editProblems(fileText: string, stats: CorpusStats): string[] {
  const problems: string[] = [];
  stats.texts++;
  // Plain clients and the CLI see the file's text as it is.
  const plainAnalysis = analyze(fileText);
  for (const d of toDiagnostics(plainAnalysis)) {
    const target = { code: String(d.code), message: String(d.message) };
    for (const action of quickFixes(plainAnalysis, d, false)) {
      stats.quickFixes++;
      const edits = editsOf(action);
      const what = `${d.code} "${action.title}" (plain)`;
      if (edits.some((e) => e.snippet)) problems.push(`${what}: a snippet edit sent to a client without snippet edits`);
      const after = applyWithoutEditor(fileText, edits);
      problems.push(
        ...problemsOf({
          what,
          before: plainAnalysis,
          after,
          spans: spansOf(plainAnalysis, edits),
          target,
          mayRemoveDirective: d.code === 'YS006',
          createsObject: action.title.startsWith('Create '),
        }),
      );
    }
  }
  // VS Code: the text it opened the file as, and the server's snippet edits.
  const model = openInVsCode(fileText);
  const analysis = analyze(model);
  for (const d of toDiagnostics(analysis)) {
    const plain = quickFixes(analysis, d, false);
    const snippets = quickFixes(analysis, d, true);
    assert.deepEqual(
      snippets.map((a) => a.title),
      plain.map((a) => a.title),
      'the same actions with and without snippet edits',
    );
    snippets.forEach((action, i) => {
      const edits = editsOf(action);
      if (!edits.some((e) => e.snippet)) return;
      stats.snippetFixes++;
      const what = `${d.code} "${action.title}" (VS Code snippet)`;
      const expected = applyWithoutEditor(model, editsOf(plain[i]));
      const inEditor = applyInEditor(model, edits);
      const noEditor = applyWithoutEditor(model, edits);
      if (inEditor !== expected) problems.push(`${what}: VS Code's editor inserts ${JSON.stringify(diff(expected, inEditor))}`);
      if (noEditor !== expected) problems.push(`${what}: VS Code without an editor inserts ${JSON.stringify(diff(expected, noEditor))}`);
      problems.push(
        ...problemsOf({
          what,
          before: analysis,
          after: inEditor,
          spans: spansOf(analysis, edits),
          target: { code: String(d.code), message: String(d.message) },
          createsObject: action.title.startsWith('Create '),
        }),
      );
    });
  }
  // Fix-all: the engine's (CLI --fix) and the code action's, which must agree, and be idempotent.
  const all = fixAll(fileText);
  problems.push(
    ...problemsOf({
      what: 'fix-all',
      before: plainAnalysis,
      after: all.text,
      spans: all.text === fileText ? [] : [{ start: 0, end: fileText.length }],
      mayRemoveDirective: true,
    }),
  );
  if (fixAll(all.text).fixed !== 0) problems.push('fix-all is not idempotent: a second run fixes more');
  stats.fixAllEdits += all.fixed;
  const action = codeActions(
    analysis,
    { textDocument: { uri: URI }, range: analysis.lines.range(0, 0), context: { diagnostics: [], only: [FIX_ALL_KIND] } },
    ctxFor(true),
  )[0];
  const fixedModel = fixAll(model).text;
  const viaAction = action ? applyInEditor(model, editsOf(action)) : model;
  if (viaAction !== fixedModel)
    problems.push(`fix-all code action differs from the engine's fix-all: ${JSON.stringify(diff(fixedModel, viaAction))}`);
  return problems;
}

/** The first difference, for messages. */
function diff(expected: string, actual: string): { at: number; expected: string; actual: string } {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  return { at: i, expected: expected.slice(Math.max(0, i - 20), i + 60), actual: actual.slice(Math.max(0, i - 20), i + 60) };
}

// ---------------------------------------------------------------------------------------------

describe('robustness: every edit, applied as editors apply it, on every shape (property)', function () {
  this.timeout(300_000);
  const stats: CorpusStats = { texts: 0, quickFixes: 0, snippetFixes: 0, fixAllEdits: 0 };

  for (const file of BASES) {
    const base = readRepoFile(file);
    for (const [shape, convert] of Object.entries(LINE_BREAKS)) {
      it(`${file} (${shape})`, () => {
        assert.deepEqual(editProblems(convert(base), stats), []);
      });
    }
    it(`${file}: ${FUZZED_PER_BASE} seeded fuzzed variants`, () => {
      const problems: string[] = [];
      let tried = 0;
      for (let i = 0; i < FUZZED_PER_BASE * 3 && tried < FUZZED_PER_BASE; i++) {
        const seed = 9001 + i * 7919 + file.length;
        const { text } = variant(base, seed);
        if (text === base || analyze(text).findings.some((f) => f.code === 'YS001')) continue;
        tried++;
        const r = mulberry32(seed);
        const shaped = r() < 0.3 ? LINE_BREAKS.CRLF(text) : text;
        problems.push(...editProblems(shaped, stats).map((p) => `seed ${seed}: ${p}`));
      }
      assert.deepEqual(problems, []);
    });
  }

  it('tried a real number of edits', () => {
    assert.ok(stats.texts >= BASES.length * 4, `${stats.texts} texts`);
    assert.ok(stats.quickFixes > 1000, `${stats.quickFixes} quick fixes`);
    assert.ok(stats.snippetFixes > 200, `${stats.snippetFixes} snippet fixes`);
    assert.ok(stats.fixAllEdits > 40, `${stats.fixAllEdits} fix-all edits`);
  });
});
