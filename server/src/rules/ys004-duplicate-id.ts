import type { Rule } from './rule';
import { duplicateIdReports } from '../engine/resolve';

export const ys004: Rule = {
  meta: {
    id: 'YS004',
    name: 'duplicate-id',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'Two objects of one kind (stages, indicators or agreements) share an id, so references to it are ambiguous.',
    sources: [{ title: 'Yardstick format v1: ids (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
  },
  check(context) {
    for (const r of duplicateIdReports(context.model)) context.report(r);
  },
};
