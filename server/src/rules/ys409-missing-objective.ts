import { defineRule } from './rule';
import { S } from './sources';
import { absent, labelOf } from './util';

export const ys409 = defineRule({
  meta: {
    id: 'YS409',
    name: 'missing-objective',
    category: 'reform-model',
    defaultSeverity: 'info',
    description: 'An agreement has no `objective`: the outcome it seeks is not stated in words, so its indicators stand for the whole.',
    sources: [S.gpra1993, S.gpraSourcebook, S.smith1995, S.bevanHood],
    fixable: false,
    messages: {
      noObjective:
        '{{agreement}} has no objective: state in words the outcome it seeks, so its indicators are read as evidence about that outcome rather than as ends in themselves.',
    },
    knowledge: ['key/agreement.objective', 'theory/smith-1995', 'theory/targets-and-terror'],
    visits: ['agreement'],
  },
  checkObject(context, a) {
    if (!absent(a.value.objective)) return;
    context.report({ messageId: 'noObjective', data: { agreement: labelOf(a, { capitalised: true }) }, path: a.path });
  },
});
