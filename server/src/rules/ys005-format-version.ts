import type { Rule } from './rule';
import { schemaReports } from '../engine/validate';

export const ys005: Rule = {
  meta: {
    id: 'YS005',
    name: 'format-version',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'The `yardstick:` format version is missing or is not a version this Yardstick reads (only 1 exists).',
    sources: [{ title: 'Yardstick format v1 (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
  },
  check(context) {
    for (const r of schemaReports(context.model)) if (r.code === 'YS005') context.report(r);
  },
};
