// Each way an edit used to damage a file, as a named case: the plain edit and the snippet VS
// Code receives (applied with the emulation of its snippet insertion) give the same, right text.
import { strict as assert } from 'node:assert';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { snippetEdit } from '../../../server/src/engine/fix-render';
import { analyze } from '../../../server/src/lint/analyze';
import { applyEdits, fixAll } from '../../../server/src/lint/fix';
import { codeActions } from '../../../server/src/language-service/code-actions';
import { toDiagnostics } from '../../../server/src/language-service/convert';
import { applyInEditor, applyWithoutEditor, normalizeIndentation, snippetInsertText, type LspEdit } from '../../helpers/vscode-snippet';
import { MINIMAL } from '../../helpers';

const URI = 'file:///t.framework.yaml';

/** The text after the engine fix with this title (plain edits). */
function fixed(text: string, title: RegExp): string {
  const fix = analyze(text)
    .findings.flatMap((f) => f.fixes ?? [])
    .find((x) => title.test(x.title));
  assert.ok(fix, `a fix matching ${title}`);
  return applyEdits(text, fix.edits).text;
}

/** The quick fixes the server offers for the diagnostics of `code`, as a snippet-capable client gets them. */
function actions(text: string, code: string, snippetEdits = true): CodeAction[] {
  const a = analyze(text);
  return toDiagnostics(a)
    .filter((d) => d.code === code)
    .flatMap((d) =>
      codeActions(
        a,
        { textDocument: { uri: URI }, range: d.range, context: { diagnostics: [d] } },
        { uri: URI, version: 1, snippetEdits, documentChanges: true, options: {} },
      ),
    )
    .filter((x) => x.kind === CodeActionKind.QuickFix && x.edit);
}

function editsOf(action: CodeAction): LspEdit[] {
  const c = action.edit!.documentChanges![0] as { edits: LspEdit[] };
  return c.edits;
}

/** The text after VS Code applies the action titled `title` in an open editor. */
function inVsCode(text: string, code: string, title: RegExp): string {
  const action = actions(text, code).find((x) => title.test(x.title));
  assert.ok(action, `an action matching ${title}`);
  return applyInEditor(text, editsOf(action));
}

const codes = (text: string) => analyze(text).findings.map((f) => f.code);

describe('edits: the damage reported in the issue, case by case', () => {
  describe('empty values take the value after the colon', () => {
    it('`yardstick:` becomes `yardstick: 1`, not a key `yardstick 1:`', () => {
      const text = MINIMAL.replace('yardstick: 1', 'yardstick:');
      assert.equal(fixed(text, /format version/), MINIMAL.replace('yardstick: 1', 'yardstick: 1'));
    });
    it('`reporting:` becomes `reporting: { public: true }` and `public:` becomes `public: true`', () => {
      const agreement = (reporting: string) =>
        `${MINIMAL}indicators:\n  - { id: i, title: I, type: outcome, unit: count, direction: increase }\nagreements:\n  - id: a\n    kind: delivery-agreement\n    title: A\n    principal: P\n    agent: Q\n    indicators: [i]\n${reporting}`;
      assert.equal(fixed(agreement('    reporting:\n'), /public/), agreement('    reporting: { public: true }\n'));
      assert.equal(fixed(agreement('    reporting:\n      public:\n'), /public/), agreement('    reporting:\n      public: true\n'));
      assert.equal(fixed(agreement('    reporting:  # to do\n'), /public/), agreement('    reporting: { public: true }  # to do\n'));
    });
    it('a flow map whose last entry is empty (`owner: }`) gets the new key after that colon', () => {
      const text = `${MINIMAL}indicators:\n  - { id: a, title: A, type: outcome, unit: percent, direction: increase, targets: [{ value: 6, date: 2010-01-01 }], owner: }\n`;
      const out = fixed(text, /baseline/);
      assert.equal(out, text.replace('owner: }', 'owner:, baseline: { value: 0, date: 2008-04-01 } }'));
      assert.ok(!codes(out).includes('YS101') && !codes(out).includes('YS001'), codes(out).join(' '));
    });
    it('an empty target date is filled in after its colon', () => {
      const text = `${MINIMAL}indicators:\n  - id: a\n    title: A\n    type: outcome\n    unit: percent\n    direction: increase\n    baseline: { value: 1, date: 2008-04-01 }\n    targets:\n      - value: 5\n        date:\n`;
      assert.equal(fixed(text, /target date/), text.replace('        date:\n', '        date: 2012-03-31\n'));
    });
  });

  describe('"Insert yardstick: 1" goes after document markers and directives', () => {
    const body = MINIMAL.replace('yardstick: 1\n', '');
    for (const [name, before, after] of [
      ['a `---` marker', `---\n${body}`, `---\nyardstick: 1\n${body}`],
      ['a `%YAML` directive', `%YAML 1.2\n---\n${body}`, `%YAML 1.2\n---\nyardstick: 1\n${body}`],
      ['a BOM', `\ufeff${body}`, `\ufeffyardstick: 1\n${body}`],
      ['leading comments', `# c\n\n${body}`, `# c\n\nyardstick: 1\n${body}`],
      [
        'a top-level flow mapping',
        '{ framework: { id: f, title: F, jurisdiction: UK, period: { start: 2020-01-01, end: 2024-01-01 } } }\n',
        '{ yardstick: 1, framework: { id: f, title: F, jurisdiction: UK, period: { start: 2020-01-01, end: 2024-01-01 } } }\n',
      ],
    ] as const) {
      it(`after ${name}`, () => {
        const out = fixed(before, /Insert "yardstick: 1"/);
        assert.equal(out, after);
        assert.ok(!codes(out).includes('YS001'), 'no second document');
      });
    }
  });

  describe('VS Code snippet insertion', () => {
    const HEADER = `${MINIMAL}indicators:\n  - id: a\n    title: A\n    type: outcome\n    unit: percent\n    direction: increase\n    targets: [{ value: 6, date: 2010-01-01 }]\n`;
    it('the emulation reproduces what the issue saw: a continuation line indented twice', () => {
      // The snippet the server used to send: a line break and the line, at the end of `    owner: x`.
      const text = `${HEADER}    owner: x\n`;
      const end = { line: text.split('\n').length - 2, character: '    owner: x'.length };
      const out = applyInEditor(text, [
        { range: { start: end, end }, snippet: { kind: 'snippet', value: '\n    baseline: { value: ${1:0} }' } },
      ]);
      assert.ok(out.endsWith('    owner: x\n        baseline: { value: 0 }\n'), out);
      assert.ok(codes(out).includes('YS001'), codes(out).join(' '));
    });
    it('"Add a baseline" lands at the key indentation in an open editor and with none', () => {
      const text = `${HEADER}    owner: x\n`;
      const want = `${HEADER}    owner: x\n    baseline: { value: 0, date: 2008-04-01 }\n`;
      assert.equal(inVsCode(text, 'YS101', /baseline/), want);
      const action = actions(text, 'YS101').find((x) => /baseline/.test(x.title))!;
      assert.equal(applyWithoutEditor(text, editsOf(action)), want);
      assert.match(editsOf(action)[0].snippet!.value, /\$\{1:0\}, date: \$\{2:2008-04-01\}/);
    });
    it('a key inserted after `notes: >` does not become part of the block', () => {
      const text = `${HEADER}    notes: >\n      Folded text\n      on two lines.\n`;
      const out = inVsCode(text, 'YS101', /baseline/);
      assert.equal(out, `${HEADER}    notes: >\n      Folded text\n      on two lines.\n    baseline: { value: 0, date: 2008-04-01 }\n`);
      assert.ok(!codes(out).includes('YS101'), codes(out).join(' '));
    });
    it('at the end of a file with no line break, the edit is widened to its line start', () => {
      const text = `${HEADER}    owner: x`;
      const out = inVsCode(text, 'YS106', /data section/);
      assert.equal(
        out,
        `${HEADER}    owner: x\n    data:\n      source: "TODO: name of the dataset, survey or system"\n      collection: administrative\n      frequency: annual`,
      );
    });
    it('snippet text escapes $, } and \\ so VS Code inserts them literally', () => {
      const s = snippetEdit('a: 1\n', { start: 5, end: 5, newText: 'b: "$x}\\\\"\n', placeholders: [{ start: 4, end: 6 }] })!;
      assert.equal(s.snippet, 'b: "${1:\\$x}\\}\\\\\\\\"\n');
      assert.equal(snippetInsertText(s.snippet), 'b: "$x}\\\\"\n');
    });
    it('a line starting with a tab is sent as a plain edit (VS Code would rewrite the tab)', () => {
      assert.equal(snippetEdit('a: 1\n', { start: 5, end: 5, newText: '\tb: 1\n', placeholders: [{ start: 4, end: 5 }] }), undefined);
      assert.equal(normalizeIndentation('\tb', { insertSpaces: true, indentSize: 2 }), '  b');
    });
    it('clients without snippet edits get the same fix as plain text', () => {
      const text = `${HEADER}    owner: x\n`;
      const plain = actions(text, 'YS101', false).find((x) => /baseline/.test(x.title))!;
      assert.deepEqual(editsOf(plain), [
        {
          range: { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } },
          newText: '    baseline: { value: 0, date: 2008-04-01 }\n',
        },
      ]);
    });
  });

  describe('suppression comments', () => {
    it('`# yardstick-disable-file` inside a block scalar or a quoted string suppresses nothing', () => {
      const head = MINIMAL.replace(
        '  title: Demo framework\n',
        '  title: "Demo # yardstick-disable-file"\n  description: |\n    # yardstick-disable-file\n    text\n',
      );
      const text = `${head}indicators:\n  - { id: a, title: A, type: outcome, unit: percent, direction: increase }\n`;
      assert.ok(codes(text).includes('YS106'), codes(text).join());
      assert.ok(!codes(text).includes('YS006'), codes(text).join(' '));
    });
    it('"Disable YSnnn for this line" after a multi-line quoted string goes at the end of the line', () => {
      const text = `${MINIMAL}indicators:\n  - { id: t, title: "Two\n      lines", type: outcome, unit: percent, direction: increase, targets: [{ value: 3, date: 2010-03-31 }] }\n`;
      const out = inVsCode(text, 'YS101', /Disable YS101 for this line/);
      assert.equal(out, text.replace('2010-03-31 }] }\n', '2010-03-31 }] }  # yardstick-disable-line YS101\n'));
      assert.ok(!codes(out).includes('YS101') && !codes(out).includes('YS006'), codes(out).join(' '));
    });
    it('"Disable YSnnn for this line" on a block scalar goes after its header', () => {
      const text = `${MINIMAL}indicators:\n  - id: i\n    title: I\n    type: outcome\n    unit: count\n    direction: increase\n    baseline: { value: 1, date: 2008-04-01 }\n    targets:\n      - date: 2010-01-01\n        value: >\n          improve\n`;
      const a = actions(text, 'YS103').find((x) => /Disable YS103 for this line/.test(x.title));
      assert.ok(a, codes(text).join());
      const out = applyInEditor(text, editsOf(a));
      assert.equal(out, text.replace('value: >\n', 'value: >  # yardstick-disable-next-line YS103\n'));
      assert.ok(!codes(out).includes('YS103') && !codes(out).includes('YS006') && !codes(out).includes('YS001'), codes(out).join(' '));
    });
    it('"Disable YSnnn for the entire file" on every diagnostic, after a BOM, merged into one there', () => {
      const text = `\ufeff${MINIMAL}indicators:\n  - { id: a, title: A, type: outcome, unit: percent, direction: increase, targets: [{ value: 6, date: 2010-01-01 }] }\n`;
      for (const d of toDiagnostics(analyze(text))) {
        if (d.code === 'YS001' || d.code === 'YS005' || d.code === 'YS006') continue;
        assert.ok(
          actions(text, String(d.code)).some((x) => x.title === `Disable ${d.code} for the entire file`),
          `${d.code}`,
        );
      }
      const once = inVsCode(text, 'YS101', /Disable YS101 for the entire file/);
      assert.ok(once.startsWith('\ufeff# yardstick-disable-file YS101\n'), JSON.stringify(once.slice(0, 80)));
      const twice = inVsCode(once, 'YS106', /Disable YS106 for the entire file/);
      assert.ok(twice.startsWith('\ufeff# yardstick-disable-file YS101, YS106\n'), twice.slice(0, 60));
      assert.ok(!codes(twice).includes('YS101') && !codes(twice).includes('YS106'), codes(twice).join(' '));
    });
  });

  describe('safe fixes: only when the result is the only value the rule accepts', () => {
    const safeOf = (text: string, code: string) =>
      analyze(text)
        .findings.filter((f) => f.code === code)
        .map((f) => f.fixes?.find((x) => /Change to|Remove/.test(x.title))?.safe);
    it('an enum typo with one possible correction is safe', () => {
      assert.deepEqual(safeOf(MINIMAL.replace('  jurisdiction: UK\n', '  jurisdiction: UK\n  review_cycle: quartrly\n'), 'YS002'), [true]);
    });
    it('a reference typo is safe only when no other id is as close', () => {
      const refs = (ids: string[], ref: string) =>
        `${MINIMAL}indicators:\n${ids.map((id) => `  - { id: ${id}, title: T, type: outcome, unit: count, direction: increase }\n`).join('')}agreements:\n  - { id: a, kind: delivery-agreement, title: A, principal: P, agent: Q, indicators: [${ref}] }\n`;
      assert.deepEqual(safeOf(refs(['waits', 'claims'], 'wait'), 'YS003'), [true]);
      assert.deepEqual(safeOf(refs(['waits', 'wails'], 'wait'), 'YS003'), [false]);
    });
    it('an entry listed twice is removed, in flow and block lists, keeping comments', () => {
      const stage = (focus: string) =>
        `${MINIMAL}stages:\n  - id: s\n    title: S\n    period: { start: 2008-04-01, end: 2012-03-31 }\n${focus}`;
      assert.equal(fixAll(stage('    focus: [economy, economy]  # twice\n')).text, stage('    focus: [economy]  # twice\n'));
      assert.equal(
        fixAll(stage('    focus:\n      - economy  # first\n      - economy\n')).text,
        stage('    focus:\n      - economy  # first\n'),
      );
      // A comment on the repeated entry would go with it: then it is left to the author.
      assert.equal(fixAll(stage('    focus:\n      - economy\n      - economy  # keep me\n')).fixed, 0);
    });
  });

  it('fix-all is idempotent on a file with CRLF, lone CR and a BOM', () => {
    for (const text of [
      MINIMAL.replace('yardstick: 1', 'yardstick: 3').replace(/\n/g, '\r\n'),
      MINIMAL.replace('yardstick: 1\n', '').replace(/\n/g, '\r'),
      `\ufeff${MINIMAL.replace('yardstick: 1\n', '')}`,
    ]) {
      const once = fixAll(text);
      assert.ok(once.fixed > 0, `fixed: ${once.fixed}`);
      assert.equal(fixAll(once.text).fixed, 0);
      assert.ok(!codes(once.text).includes('YS005') && !codes(once.text).includes('YS001'), JSON.stringify(once.text.slice(0, 40)));
    }
  });
});
