// Shared helpers for the lint-rule tests: run one rule, locate text, apply a fix.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/lint/analyze';
import { resolveConfig } from '../../../server/src/engine/config';
import { applyEdits, plainEditsOf } from '../../../server/src/lint/fix';
import type { Finding, Range } from '../../../server/src/engine/types';
import { allRules, ruleById } from '../../../server/src/rules';

/** Findings of one rule (run alone, with its docs url), optionally with options. */
export function run(text: string, id: string, options?: Record<string, unknown>): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule, `rule ${id} is registered`);
  const config = options ? resolveConfig(allRules, { rules: { [id]: { options } } }).config : undefined;
  const findings = analyze(text, { rules: [rule], config }).findings;
  for (const f of findings) assert.equal(f.data?.internalError, undefined, f.message);
  return findings.filter((f) => f.code === id);
}

/** The one finding of a rule; fails when there is not exactly one. */
export function one(text: string, id: string, options?: Record<string, unknown>): Finding {
  const findings = run(text, id, options);
  assert.equal(findings.length, 1, `expected one ${id}, got: ${findings.map((f) => f.message).join(' | ') || 'none'}`);
  return findings[0];
}

export function none(text: string, id: string, options?: Record<string, unknown>): void {
  const findings = run(text, id, options);
  assert.deepEqual(findings.map((f) => f.message), [], `${id} should not fire`);
}

/** Range of the `nth` occurrence (0-based) of needle in text, found after `after` if given. */
export function rangeOf(text: string, needle: string, after = ''): Range {
  const from = after ? text.indexOf(after) : 0;
  assert.ok(from >= 0, `anchor ${after} not found`);
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, `${needle} not found`);
  const pos = (o: number) => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return { line, character: o - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(start), end: pos(start + needle.length) };
}

/** The text after applying fix `index` of a finding (plain edits for snippet fixes). */
export function applyFix(text: string, finding: Finding, index = 0): string {
  const fix = finding.fixes?.[index];
  assert.ok(fix, `finding has fix #${index}`);
  return applyEdits(text, plainEditsOf(fix)).text;
}

/** A valid framework head (4-year period) for building test files. */
export const HEAD = `yardstick: 1
framework:
  id: test-fw
  title: Test framework
  jurisdiction: UK
  period: { start: 2020-04-01, end: 2024-03-31 }
`;
