import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { csv, indicatorsOf, list, localId, typeOf } from './util';

export const ys201: Rule = {
  meta: {
    id: 'YS201',
    name: 'single-measure-pay-link',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description: 'Pay rests on measures alone: an agreement whose only indicators are pay-linked, or a pay-linked indicator in an agreement with no outcome or quality indicator.',
    sources: [S.bevanHoodP521, S.campbell, S.strathern, S.smith1995, S.vaWait, S.csra],
    fixable: false,
    options: {
      balancing_types: { type: 'string', default: 'outcome,quality', description: 'Comma-separated indicator types that balance a pay-linked measure in the same agreement.' },
    },
    knowledge: ['key/indicator.linked_to_pay', 'theory/goodhart-law', 'theory/campbell-law', 'theory/smith-1995', 'theory/va-wait-times-2014', 'theory/csra-1978'],
  },
  check(context) {
    const { model } = context;
    const balancing = new Set(csv(context.options.balancing_types, 'outcome,quality'));
    for (const a of model.agreements) {
      const { resolved } = indicatorsOf(model, a);
      const paid = resolved.filter((i) => i.value.linked_to_pay === true);
      if (paid.length === 0) continue;
      const name = a.id !== undefined ? `"${a.id}"` : `#${a.index + 1}`;
      if (paid.length === resolved.length) {
        context.report({
          message: `Every indicator of agreement ${name} is linked to pay: a measure used for reward tends to be gamed (Goodhart, Campbell). Add measures not linked to pay, such as an outcome or quality indicator, or unlink pay.`,
          path: [...a.path, 'indicators'],
          on: 'key',
        });
        continue;
      }
      if (resolved.some((i) => !paid.includes(i) && balancing.has(typeOf(i) ?? ''))) continue;
      list(a.value.indicators).forEach((ref, k) => {
        const id = localId(model, ref);
        const ind = paid.find((p) => p.id === id);
        if (!ind) return;
        context.report({
          message: `${describe(ind).replace(/^indicator/, 'Indicator')} is linked to pay but agreement ${name} has no outcome or quality indicator besides the pay-linked ones: add one so the measure is not pursued for its own sake.`,
          path: [...a.path, 'indicators', k],
        });
      });
    }
  },
};
