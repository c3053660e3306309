// Code actions, called on the language service directly: the fixes a diagnostic is offered (found
// in the analysis by code and range), "disable for this line", documentation, and fix-all, eager
// or resolved later. Each edit is applied: the result parses, the finding is gone, the rest is unchanged.
import { strict as assert } from 'node:assert';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { analyze, type Analysis } from '../../../server/src/lint/analyze';
import { LineIndex } from '../../../server/src/engine/text';
import { codeActions, isFixAllData, resolveFixAll, type CodeActionContextInfo } from '../../../server/src/language-service/code-actions';
import { STALE_NOTE, toDiagnostics } from '../../../server/src/language-service/convert';
import { allRules, ruleById } from '../../../server/src/rules';
import { docsHref } from '../../../server/src/rules/rule';
import { MINIMAL, WAIT_INDICATOR } from '../../helpers';

const URI = 'file:///ws/demo.framework.yaml';
/** The structure rules only (YS0xx): the lint rules' findings would only add noise here. */
const OPTIONS = { rules: allRules.filter((r) => r.meta.id < 'YS100') };
const check = (text: string) => analyze(text, OPTIONS);
const TEXT = `${MINIMAL}indicators:
${WAIT_INDICATOR}agreements:
  - id: psa
    kind: other
    title: A
    principal: P
    agent: Q
    # yardstick-disable-next-line YS101
    indicators: [wait, wiat]
`;

/** TEXT with every safe fix applied. */
const FIXED = TEXT.replace('    # yardstick-disable-next-line YS101\n', '').replace('[wait, wiat]', '[wait, wait]');

function apply(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offset(b.range.start) - lines.offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offset(e.range.start)) + e.newText + out.slice(lines.offset(e.range.end));
  return out;
}

const ctx = (extra: Partial<CodeActionContextInfo> = {}): CodeActionContextInfo => ({
  uri: URI,
  version: 3,
  snippetEdits: false,
  documentChanges: false,
  options: OPTIONS,
  ...extra,
});

function actionsFor(analysis: Analysis, diagnostics: Diagnostic[], only?: string[], info = ctx()): CodeAction[] {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const params: CodeActionParams = { textDocument: { uri: URI }, range, context: { diagnostics, only } };
  return codeActions(analysis, params, info);
}

const codes = (a: Analysis) => a.findings.map((f) => f.code);

describe('code actions', () => {
  const analysis = check(TEXT);
  const diagnostics = toDiagnostics(analysis);
  const ys003 = diagnostics.find((d) => d.code === 'YS003')!;
  const ys006 = diagnostics.find((d) => d.code === 'YS006')!;
  const editOf = (a: CodeAction) => a.edit!.changes![URI];

  it('the fixture has the two findings the tests act on, and nothing else', () => {
    assert.deepEqual(codes(analysis), ['YS006', 'YS003']);
    assert.deepEqual(ys003.range, { start: { line: 24, character: 23 }, end: { line: 24, character: 27 } });
  });

  it('a finding\'s fix, found by code and range: "Change to" replaces just the reference', () => {
    const actions = actionsFor(analysis, [ys003], ['quickfix']);
    const change = actions.find((a) => a.title === 'Change to "wait"')!;
    assert.equal(change.kind, 'quickfix');
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.diagnostics, [ys003]);
    assert.deepEqual(editOf(change), [{ range: ys003.range, newText: 'wait' }]);
    const fixed = apply(TEXT, editOf(change));
    assert.equal(fixed, TEXT.replace('[wait, wiat]', '[wait, wait]'));
    assert.ok(!codes(check(fixed)).includes('YS003'), codes(check(fixed)).join(' '));
  });

  it('"Disable YS003 for this line" adds it to the comment above', () => {
    const disable = actionsFor(analysis, [ys003]).find((a) => a.title === 'Disable YS003 for this line')!;
    assert.deepEqual(editOf(disable), [
      { range: { start: { line: 23, character: 39 }, end: { line: 23, character: 39 } }, newText: ', YS003' },
    ]);
    const fixed = apply(TEXT, editOf(disable));
    assert.equal(fixed, TEXT.replace('disable-next-line YS101\n', 'disable-next-line YS101, YS003\n'));
    const after = check(fixed);
    assert.equal(after.doc.errors.length, 0);
    // The comment now suppresses something, so it is no longer reported as unused (YS006) either.
    assert.deepEqual(codes(after), []);
  });

  it('"Show documentation for YS003" is a command with the rule\'s page', () => {
    const docs = actionsFor(analysis, [ys003]).find((a) => a.title === 'Show documentation for YS003')!;
    assert.deepEqual(docs.command, {
      title: 'Show documentation for YS003',
      command: 'yardstick.showRuleDocs',
      arguments: [docsHref(ruleById('YS003')!.meta.docs!), 'YS003'],
    });
    assert.equal(docs.edit, undefined);
  });

  it('a diagnostic that matches no finding of the current text (an older publish) gets no fix', () => {
    const moved = { ...ys003, range: { start: { line: 24, character: 22 }, end: { line: 24, character: 27 } } };
    const titles = actionsFor(analysis, [moved], ['quickfix']).map((a) => a.title);
    assert.ok(!titles.some((t) => t.startsWith('Change to')), titles.join());
    // The same position under another code is not that finding either.
    assert.ok(
      !actionsFor(analysis, [{ ...ys003, code: 'YS002' }], ['quickfix']).some((a) => a.title.startsWith('Change to')),
      "!actionsFor(analysis, [{ ...ys003, code: 'YS002' }], ['quickfix']).some((a) => a.title.startsWith('Change to'))",
    );
  });

  it('a diagnostic kept from the last valid version is offered nothing', () => {
    const broken = check(TEXT.replace('[wait, wiat]', '[wait, wiat'));
    const stale = toDiagnostics(broken, analysis).find((d) => d.code === 'YS003')!;
    assert.ok(String(stale.message).endsWith(STALE_NOTE), String(stale.message));
    assert.deepEqual(actionsFor(broken, [stale], ['quickfix']), []);
  });

  it('fix-all, computed at once for clients that cannot resolve: every safe fix as one edit', () => {
    const [fixAll] = actionsFor(analysis, [], ['source.fixAll.yardstick']);
    assert.equal(fixAll.kind, 'source.fixAll.yardstick');
    const fixed = apply(TEXT, editOf(fixAll));
    // The unused directive goes (YS006), and the typo with one possible correction is corrected.
    assert.equal(fixed, FIXED);
    assert.deepEqual(codes(check(fixed)), []);
  });

  it('fix-all for clients that resolve: offered without an edit, the edit made by resolveFixAll', () => {
    const info = ctx({ resolveEdits: true });
    const offered = actionsFor(analysis, [ys006], undefined, info).find((a) => a.kind === 'source.fixAll.yardstick')!;
    assert.equal(offered.edit, undefined);
    assert.ok(isFixAllData(offered.data), 'isFixAllData(offered.data)');
    assert.deepEqual(offered.data, { fixAll: { uri: URI, version: 3 } });
    const resolved = resolveFixAll(analysis, offered, info);
    assert.equal(resolved.title, offered.title);
    assert.equal(apply(TEXT, editOf(resolved)), FIXED);
    // With versioned edits the resolved edit names the document version.
    const versioned = resolveFixAll(analysis, offered, ctx({ resolveEdits: true, documentChanges: true }));
    assert.deepEqual((versioned.edit!.documentChanges![0] as { textDocument: unknown }).textDocument, { uri: URI, version: 3 });
  });

  it('no fix-all when no finding has a safe fix, nor when only quick fixes are asked for', () => {
    const clean = check(FIXED);
    assert.deepEqual(actionsFor(clean, [], ['source.fixAll.yardstick']), []);
    assert.ok(
      !actionsFor(analysis, [ys006], ['quickfix']).some((a) => a.kind === 'source.fixAll.yardstick'),
      "!actionsFor(analysis, [ys006], ['quickfix']).some((a) => a.kind === 'source.fixAll.yardstick')",
    );
    assert.ok(!isFixAllData({ other: true }), '!isFixAllData({ other: true })');
  });
});
