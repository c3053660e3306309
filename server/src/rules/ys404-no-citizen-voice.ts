import { defineRule } from './rule';
import { S } from './sources';
import { list } from './util';

export const ys404 = defineRule({
  meta: {
    id: 'YS404',
    name: 'no-citizen-voice',
    category: 'reform-model',
    defaultSeverity: 'info',
    description:
      "The framework has indicators or agreements, but no indicator measures users' satisfaction and no agreement lists anyone it consulted: citizens have no voice in it.",
    sources: [S.citizensCharter, S.pasc2008, S.gpraSourcebook, S.gpra1993],
    fixable: false,
    messages: {
      noVoice:
        "The framework has no satisfaction indicator and no agreement lists a consultation: add a measure of users' views (type: satisfaction) or record who was consulted (`consultation`).",
    },
    knowledge: ['indicator.type/satisfaction', 'key/agreement.consultation', 'theory/citizens-charter'],
  },
  check(context) {
    const { model } = context;
    // Nothing measured or agreed yet: too early to ask whose voice the measures carry.
    if (!model.framework || (model.indicators.length === 0 && model.agreements.length === 0)) return;
    if (model.indicators.some((i) => i.value.type === 'satisfaction')) return;
    if (
      model.agreements.some(
        (a) => list(a.value.consultation).length > 0 || (typeof a.value.consultation === 'string' && a.value.consultation.trim() !== ''),
      )
    )
      return;
    context.report({
      messageId: 'noVoice',
      path: ['framework'],
    });
  },
});
