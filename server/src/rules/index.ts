// The rule registry: every rule module, in id order. Add a rule: write ysNNN-name.ts with
// meta + check, add it here, document it in docs/rules/YSNNN.md, test it in test/unit/rules.
import { docsUrl, type Rule } from '../engine/rule';
import { ys001 } from './ys001-yaml-syntax';
import { ys002 } from './ys002-schema';
import { ys003 } from './ys003-unknown-reference';
import { ys004 } from './ys004-duplicate-id';
import { ys005 } from './ys005-format-version';
import { ys006 } from './ys006-unused-disable';

export const allRules: readonly Rule[] = [ys001, ys002, ys003, ys004, ys005, ys006].map((r) => ({
  ...r,
  meta: { ...r.meta, docs: r.meta.docs ?? docsUrl(r.meta.id) },
}));

const byKey = new Map<string, Rule>();
for (const r of allRules) {
  byKey.set(r.meta.id.toLowerCase(), r);
  byKey.set(r.meta.name.toLowerCase(), r);
}

/** A rule by id (YS101) or name (missing-baseline), case-insensitive. */
export function ruleById(key: string): Rule | undefined {
  return byKey.get(key.toLowerCase());
}
