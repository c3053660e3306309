// The rule registry. The list of rules (./list.ts) is generated from this folder's ysNNN-*.ts
// files by `npm run generate`; a test fails when it is out of date.
import { ruleList } from './list';
import { docsPath, type Rule } from './rule';

export const allRules: readonly Rule[] = ruleList.map((r) => ({
  ...r,
  meta: { ...r.meta, docs: r.meta.docs ?? docsPath(r.meta.id) },
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
