import { defineRule } from './rule';
import { S } from './sources';
import { csvSet, indicatorsOf, labelOf, list, localId, typeOf } from './util';

export const ys201 = defineRule({
  meta: {
    id: 'YS201',
    name: 'single-measure-pay-link',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description:
      'Pay rests on measures alone: an agreement whose only indicators are pay-linked, or a pay-linked indicator in an agreement with no outcome or quality indicator.',
    sources: [S.bevanHoodP521, S.campbell, S.strathern, S.smith1995, S.vaWait, S.csra],
    fixable: false,
    messages: {
      allPaid:
        'Every indicator of {{agreement}} is linked to pay: a measure used for reward tends to be gamed (Goodhart, Campbell). Add measures not linked to pay, such as an outcome or quality indicator, or unlink pay.',
      unbalanced:
        '{{indicator}} is linked to pay but {{agreement}} has no outcome or quality indicator besides the pay-linked ones: add one so the measure is not pursued for its own sake.',
    },
    options: {
      balancing_types: {
        type: 'string',
        default: 'outcome,quality',
        description: 'Comma-separated indicator types that balance a pay-linked measure in the same agreement.',
      },
    },
    knowledge: [
      'key/indicator.linked_to_pay',
      'theory/goodhart-law',
      'theory/campbell-law',
      'theory/smith-1995',
      'theory/va-wait-times-2014',
      'theory/csra-1978',
      'theory/ways-of-improving',
    ],
    visits: ['agreement'],
    crossObject: true,
  },
  checkObject(context, a) {
    const { model } = context;
    const balancing = csvSet(context.options.balancing_types);
    const { resolved } = indicatorsOf(model, a);
    const paid = resolved.filter((i) => i.value.linked_to_pay === true);
    if (paid.length === 0) return;
    const agreement = labelOf(a);
    if (paid.length === resolved.length) {
      context.report({
        messageId: 'allPaid',
        data: { agreement },
        path: [...a.path, 'indicators'],
        on: 'key',
      });
      return;
    }
    if (resolved.some((i) => !paid.includes(i) && balancing.has(typeOf(i) ?? ''))) return;
    list(a.value.indicators).forEach((ref, k) => {
      const id = localId(model, ref);
      const ind = paid.find((p) => p.id === id);
      if (!ind) return;
      context.report({
        messageId: 'unbalanced',
        data: { indicator: labelOf(ind, { capitalised: true }), agreement },
        path: [...a.path, 'indicators', k],
      });
    });
  },
});
