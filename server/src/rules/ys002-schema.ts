import type { Rule } from './rule';
import { schemaReports } from '../engine/validate';

export const ys002: Rule = {
  meta: {
    id: 'YS002',
    name: 'schema',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'A value breaks the format v1 JSON Schema: a missing required key, a wrong type, a value outside an enum or an unknown key.',
    sources: [{ title: 'Yardstick format v1 (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
  },
  check(context) {
    for (const r of schemaReports(context.model)) if (r.code === 'YS002') context.report(r);
  },
};
