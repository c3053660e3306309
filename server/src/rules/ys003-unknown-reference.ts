import type { Rule } from './rule';
import { unknownReferenceReports } from '../engine/resolve';

export const ys003: Rule = {
  meta: {
    id: 'YS003',
    name: 'unknown-reference',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'A reference names no stage or indicator in this file (or, for framework-id#object-id, in the workspace).',
    sources: [{ title: 'Yardstick format v1: references (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
  },
  check(context) {
    for (const r of unknownReferenceReports(context.model, context.workspace)) context.report(r);
  },
};
