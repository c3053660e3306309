import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { agreementsUsing, indicatorsOf, labelOf, list, num } from './util';

export const ys204 = defineRule({
  meta: {
    id: 'YS204',
    name: 'threshold-cliff',
    category: 'self-interest',
    defaultSeverity: 'info',
    description:
      'A pay-linked indicator has a single threshold target and no companion measure beside it, so effort stops at the line and nothing shows what happens beyond it.',
    sources: [S.bevanHoodP521, S.threshold, S.bevanHoodAE],
    fixable: false,
    messages: {
      thresholdCliff:
        '{{indicator}} is linked to pay through one threshold target ({{threshold}}) with no companion measure: effort tends to stop at the line. Add a measure of what lies beyond it (the distribution, the tail or quality) that is not pay-linked.',
    },
    knowledge: ['theory/threshold-effect', 'theory/output-distortion', 'key/indicator.linked_to_pay'],
    visits: ['indicator'],
    crossObject: true,
  },
  checkObject(context, ind) {
    const { model } = context;
    if (ind.value.linked_to_pay !== true) return;
    const targets = list(ind.value.targets);
    if (targets.length !== 1 || !isObj(targets[0]) || num(targets[0].value) === undefined) return;
    // A companion: another indicator, not itself pay-linked, measured in an agreement with this one.
    const companion = agreementsUsing(model, ind).some((a) =>
      indicatorsOf(model, a).resolved.some((other) => other !== ind && other.value.linked_to_pay !== true),
    );
    if (companion) return;
    context.report({
      messageId: 'thresholdCliff',
      data: { indicator: labelOf(ind, { capitalised: true }), threshold: num(targets[0].value) },
      path: [...ind.path, 'targets', 0],
    });
  },
});
