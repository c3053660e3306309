import { defineRule } from './rule';
import { S } from './sources';
import { labelOf } from './util';

export const ys407 = defineRule({
  meta: {
    id: 'YS407',
    name: 'empty-agreement',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement lists no indicators: a promise with no measure.',
    sources: [S.psaGuidance, S.gpra1993, S.usc1115],
    fixable: false,
    messages: {
      empty: '{{agreement}} lists no indicators: add at least one measure of what it promises.',
    },
    knowledge: ['key/agreement.indicators'],
    visits: ['agreement'],
  },
  checkObject(context, a) {
    // A missing or mistyped list is YS002's (indicators is required); this rule is about `[]`.
    if (!Array.isArray(a.value.indicators) || a.value.indicators.length > 0) return;
    context.report({
      messageId: 'empty',
      data: { agreement: labelOf(a, { capitalised: true }) },
      path: [...a.path, 'indicators'],
      on: 'key',
    });
  },
});
