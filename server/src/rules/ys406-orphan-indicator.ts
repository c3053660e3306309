import { defineRule } from './rule';
import { S } from './sources';
import { agreementsUsing } from './util';

export const ys406 = defineRule({
  meta: {
    id: 'YS406',
    name: 'orphan-indicator',
    category: 'reform-model',
    defaultSeverity: 'info',
    description: 'An indicator is used by no agreement in a file that has agreements: measurement effort that holds nobody to account.',
    sources: [S.naoSdp, S.treasuryCttee2007],
    fixable: false,
    messages: {
      orphan: 'Indicator "{{id}}" is used by no agreement: add it to the `indicators` of the agreement it measures, or remove it.',
    },
    knowledge: ['key/agreement.indicators', 'theory/target-overload'],
    visits: ['indicator'],
    crossObject: true,
  },
  checkObject(context, ind) {
    const { model } = context;
    // A file with no agreements is an indicator library other files refer to: nothing to say.
    if (model.agreements.length === 0) return;
    if (ind.id === undefined || model.indicatorsById.get(ind.id) !== ind) return;
    if (agreementsUsing(model, ind).length > 0) return;
    context.report({
      messageId: 'orphan',
      data: { id: ind.id },
      path: ind.path,
    });
  },
});
