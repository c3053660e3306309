import { defineRule } from './rule';
import { S } from './sources';
import { labelOf, periodOf } from './util';

export const ys303 = defineRule({
  meta: {
    id: 'YS303',
    name: 'stage-overlap',
    category: 'political-system',
    defaultSeverity: 'info',
    description: 'A stage starts before the previous stage ends, or before it starts: stages overlap or are out of date order.',
    sources: [S.ifgOdp, S.cabinetOfficePsa],
    fixable: false,
    messages: {
      outOfOrder: '{{stage}} starts on {{start}}, before {{previous}} ({{previousStart}}): list stages in date order.',
      overlap:
        '{{stage}} starts on {{start}}, before {{previous}} ends on {{previousEnd}}: the stages overlap. Start it the day after, or end the previous stage earlier.',
    },
    knowledge: ['key/stages'],
  },
  check(context) {
    const { model } = context;
    for (let i = 1; i < model.stages.length; i++) {
      const prev = model.stages[i - 1];
      const next = model.stages[i];
      const p = periodOf(prev.value);
      const n = periodOf(next.value);
      if (!p || !n || n.start > p.end) continue;
      context.report({
        messageId: n.start < p.start ? 'outOfOrder' : 'overlap',
        data: {
          stage: labelOf(next, { capitalised: true }),
          start: n.start,
          previous: labelOf(prev),
          previousStart: p.start,
          previousEnd: p.end,
        },
        path: [...next.path, 'period', 'start'],
      });
    }
  },
});
