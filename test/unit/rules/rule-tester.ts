// A table-driven rule tester in the manner of ESLint's RuleTester:
//   ruleTester(ys101, { valid: [code, ...], invalid: [{ code, errors: [{ message, at }], output }] })
// Each case runs the rule alone through the linter (so ranges, severities and options are the
// user's). `output` is the text after applying each finding's fix (`fix`, default the first)
// with the plain renderer; it is re-checked to parse and not to repeat a fixed finding.
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../server/src/engine/config';
import type { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import type { Finding, Range, Severity } from '../../../server/src/engine/types';
import { analyze } from '../../../server/src/lint/analyze';
import { applyEdits } from '../../../server/src/lint/fix';
import { allRules, ruleById } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/rules/rule';

export interface ValidCase {
  code: string;
  name?: string;
  options?: Record<string, unknown>;
  workspace?: WorkspaceIndex;
}

export interface ExpectedFix {
  title?: string;
  safe?: boolean;
  preferred?: boolean;
  /** The first edit's text (plain: placeholders at their defaults). */
  newText?: string | RegExp;
  /** The first edit's placeholders: their default texts, choices after a `|`. */
  placeholders?: string[];
}

export interface ExpectedError {
  messageId?: string;
  /** The whole message, or a pattern it must match. */
  message?: string | RegExp;
  /** Facts the finding carries (each listed key compared). */
  data?: Record<string, unknown>;
  severity?: Severity;
  /** The underlined text: its first occurrence, or the first after an anchor ([text, anchor]). */
  at?: string | [string, string];
  /** 0-based range. */
  range?: Range;
  /** 1-based "line:column-line:column", as editors show it. */
  where?: string;
  /** The fixes offered, in order (only the listed properties compared); [] for none. */
  fixes?: ExpectedFix[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The text after applying fix `fix` (default 0) of every finding that has one. */
  output?: string;
  fix?: number;
}

export interface RuleCases {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
  /** Messages no input can produce today, each with the reason (checked to stay unreported). */
  unreachable?: Record<string, string>;
}

/** A valid framework head (4-year period) for building test files. */
export const HEAD = `yardstick: 1
framework:
  id: test-fw
  title: Test framework
  jurisdiction: UK
  period: { start: 2020-04-01, end: 2024-03-31 }
`;

/** Findings of one rule run alone, with options as the user would set them. */
export function runRule(rule: Rule, c: ValidCase): Finding[] {
  let config;
  if (c.options) {
    const resolved = resolveConfig(allRules, { rules: { [rule.meta.id]: { options: c.options } } });
    assert.deepEqual(
      resolved.problems.map((p) => p.message),
      [],
      "the case's options are valid",
    );
    config = resolved.config;
  }
  const findings = analyze(c.code, { rules: [rule], config, workspace: c.workspace }).findings;
  for (const f of findings) assert.equal(f.data?.internalError, undefined, f.message);
  return findings.filter((f) => f.code === rule.meta.id);
}

/** Range of a needle in text, the first occurrence after `after` when given. */
export function rangeOf(text: string, needle: string, after = ''): Range {
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `anchor ${JSON.stringify(after)} not found`);
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${JSON.stringify(needle)} not found`);
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(start + needle.length) };
}

function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

function checkError(code: string, f: Finding, e: ExpectedError, label: string): void {
  if (e.messageId !== undefined) assert.equal(f.messageId, e.messageId, `${label}: messageId`);
  if (typeof e.message === 'string') assert.equal(f.message, e.message, `${label}: message`);
  else if (e.message) assert.match(f.message, e.message, `${label}: message`);
  for (const [k, v] of Object.entries(e.data ?? {})) assert.deepEqual(f.data?.[k], v, `${label}: data.${k}`);
  if (e.severity) assert.equal(f.severity, e.severity, `${label}: severity`);
  if (e.at !== undefined)
    assert.deepEqual(f.range, typeof e.at === 'string' ? rangeOf(code, e.at) : rangeOf(code, e.at[0], e.at[1]), `${label}: range`);
  if (e.range) assert.deepEqual(f.range, e.range, `${label}: range`);
  if (e.where) assert.equal(where(f), e.where, `${label}: where`);
  if (e.fixes) {
    const fixes = f.fixes ?? [];
    assert.equal(fixes.length, e.fixes.length, `${label}: fixes offered: ${fixes.map((x) => x.title).join(' | ') || 'none'}`);
    e.fixes.forEach((want, i) => {
      const got = fixes[i];
      if (want.title !== undefined) assert.equal(got.title, want.title, `${label}: fix ${i} title`);
      if (want.safe !== undefined) assert.equal(got.safe, want.safe, `${label}: fix ${i} safe`);
      if (want.placeholders !== undefined) {
        const edit = got.edits[0];
        const have = (edit?.placeholders ?? []).map(
          (p) => edit.newText.slice(p.start, p.end) + (p.choices ? `|${p.choices.join(',')}` : ''),
        );
        assert.deepEqual(have, want.placeholders, `${label}: fix ${i} placeholders`);
      }
      if (want.preferred !== undefined) assert.equal(!!got.preferred, want.preferred, `${label}: fix ${i} preferred`);
      if (typeof want.newText === 'string') assert.equal(got.edits[0]?.newText, want.newText, `${label}: fix ${i} text`);
      else if (want.newText) assert.match(got.edits[0]?.newText ?? '', want.newText, `${label}: fix ${i} text`);
    });
  }
}

function checkOutput(rule: Rule, c: InvalidCase, findings: Finding[]): void {
  const index = c.fix ?? 0;
  const fixed = findings.filter((f) => f.fixes?.[index]);
  assert.ok(fixed.length > 0, `a finding offers fix #${index}`);
  const edits = fixed.flatMap((f) => f.fixes![index].edits);
  const output = applyEdits(c.code, edits).text;
  assert.equal(output, c.output, 'output');
  // The fixed text still parses, and the findings the fixes were for are gone.
  const syntax = ruleById('YS001')!;
  assert.deepEqual(
    analyze(output, { rules: [syntax] }).findings.map((f) => f.message),
    [],
    'output parses',
  );
  const after = runRule(rule, { ...c, code: output }).map((f) => f.message);
  for (const f of fixed) assert.ok(!after.includes(f.message), `fixed finding is gone: ${f.message}`);
  // When every finding was fixed, nothing of the rule is left.
  if (fixed.length === findings.length) assert.deepEqual(after, [], 'nothing left to report after the fixes');
}

/** Registers one mocha test per case, and one that every message of the rule is reported. */
export function ruleTester(rule: Rule, cases: RuleCases): void {
  const { id, name } = rule.meta;
  describe(`${id} ${name}`, () => {
    cases.valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.deepEqual(
          runRule(rule, c).map((f) => f.message),
          [],
          `${id} should not report`,
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const findings = runRule(rule, c);
        assert.equal(findings.length, c.errors.length, `findings: ${findings.map((f) => f.message).join(' | ') || 'none'}`);
        c.errors.forEach((e, k) => checkError(c.code, findings[k], e, `error ${k + 1}`));
        if (c.output !== undefined) checkOutput(rule, c, findings);
      });
    });
    it('the cases report every message in its meta', () => {
      const reported = new Set(cases.invalid.flatMap((c) => runRule(rule, c).map((f) => f.messageId)));
      assert.deepEqual(
        Object.keys(rule.meta.messages).filter((m) => !reported.has(m)),
        Object.keys(cases.unreachable ?? {}),
      );
    });
  });
}
