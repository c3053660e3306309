import { insertKey } from '../engine/edits';
import { placeholder } from '../engine/fix-render';
import { describe } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { csvSet, labelOf, list } from './util';

export const ys408 = defineRule({
  meta: {
    id: 'YS408',
    name: 'no-external-factors',
    category: 'reform-model',
    defaultSeverity: 'info',
    description:
      "A strategic plan or Public Service Agreement does not list the external factors outside the agent's control that could affect results.",
    sources: [S.gpra1993, S.gpraSourcebook, S.smith1995],
    fixable: true,
    messages: {
      noFactors:
        "{{agreement}} ({{kind}}) lists no external factors: say what outside the agent's control could affect results (GPRA 1993 required them in strategic plans).",
    },
    options: {
      kinds: {
        type: 'string',
        default: 'strategic-plan,public-service-agreement',
        description: 'Comma-separated agreement kinds expected to list external_factors.',
      },
    },
    knowledge: [
      'key/agreement.external_factors',
      'agreement.kind/strategic-plan',
      'agreement.kind/public-service-agreement',
      'theory/gpra-1993',
      'theory/influence-factors',
    ],
    visits: ['agreement'],
  },
  checkObject(context, a) {
    const { doc } = context;
    const kinds = csvSet(context.options.kinds);
    if (typeof a.value.kind !== 'string' || !kinds.has(a.value.kind)) return;
    const factors = a.value.external_factors;
    if (list(factors).length > 0 || (typeof factors === 'string' && factors.trim() !== '')) return;
    const fixes: Fix[] = [];
    if (factors === undefined) {
      const edit = insertKey(doc, a.path, 'external_factors', ['["', placeholder("TODO: a factor outside the agent's control"), '"]']);
      if (edit) fixes.push({ title: `Add external_factors to ${describe(a)}`, edits: [edit], safe: false, preferred: true });
    }
    context.report({
      messageId: 'noFactors',
      data: { agreement: labelOf(a, { capitalised: true }), kind: a.value.kind },
      path: factors === undefined ? a.path : [...a.path, 'external_factors'],
      on: factors === undefined ? 'value' : 'key',
      fixes,
    });
  },
});
