import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { absent, labelOf } from './util';

export const ys208 = defineRule({
  meta: {
    id: 'YS208',
    name: 'unstated-collection',
    category: 'self-interest',
    defaultSeverity: 'info',
    description: 'An indicator names its data source but not how the data are collected, and nobody is named to assure them.',
    sources: [S.smith1995, S.naoSecond, S.gaoStar],
    fixable: false,
    messages: {
      unstated:
        '{{indicator}} names its data source ("{{source}}") but not how the data are collected or who checks them: if the body being measured produces the figures, they need independent assurance. Add `data.collection` and, unless they are official statistics or independently audited, `data.assured_by`.',
    },
    knowledge: ['key/indicator.data', 'theory/nao-data-validation', 'theory/smith-1995'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const data = ind.value.data;
    if (!isObj(data) || absent(data.source) || !absent(data.collection) || !absent(data.assured_by)) return;
    context.report({
      messageId: 'unstated',
      data: { indicator: labelOf(ind, { capitalised: true }), source: String(data.source).trim() },
      path: [...ind.path, 'data', 'source'],
    });
  },
});
