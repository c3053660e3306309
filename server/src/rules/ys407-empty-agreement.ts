import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';

export const ys407: Rule = {
  meta: {
    id: 'YS407',
    name: 'empty-agreement',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement lists no indicators: a promise with no measure.',
    sources: [S.psaGuidance, S.gpra1993, S.usc1115],
    fixable: false,
    knowledge: ['key/agreement.indicators'],
  },
  check(context) {
    for (const a of context.model.agreements) {
      // A missing or mistyped list is YS002's (indicators is required); this rule is about `[]`.
      if (!Array.isArray(a.value.indicators) || a.value.indicators.length > 0) continue;
      context.report({
        message: `${describe(a).replace(/^agreement/, 'Agreement')} lists no indicators: add at least one measure of what it promises.`,
        path: [...a.path, 'indicators'],
        on: 'key',
      });
    }
  },
};
