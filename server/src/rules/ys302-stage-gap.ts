import { replaceValue } from '../engine/edits';
import { describe } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { addDays, labelOf, periodOf } from './util';

export const ys302 = defineRule({
  meta: {
    id: 'YS302',
    name: 'stage-gap',
    category: 'political-system',
    defaultSeverity: 'warning',
    description: 'A stage starts more than a day after the previous stage ends, leaving a gap in which no stage of the reform runs.',
    sources: [S.ifgOdp, S.naoSdp],
    fixable: true,
    messages: {
      gap: '{{stage}} starts on {{start}} but {{previous}} ended on {{end}}: nothing covers {{from}} to {{to}}. Close the gap so the reform continues without a break.',
    },
    knowledge: ['key/stages'],
  },
  check(context) {
    const { model, doc } = context;
    for (let i = 1; i < model.stages.length; i++) {
      const prev = model.stages[i - 1];
      const next = model.stages[i];
      const p = periodOf(prev.value);
      const n = periodOf(next.value);
      if (!p || !n || n.start <= addDays(p.end, 1)) continue;
      const end = addDays(n.start, -1);
      const edit = replaceValue(doc, [...prev.path, 'period', 'end'], end);
      const fixes: Fix[] = edit
        ? [{ title: `Extend ${describe(prev)} to end on ${end}`, edits: [edit], safe: false, preferred: true }]
        : [];
      context.report({
        messageId: 'gap',
        path: [...next.path, 'period', 'start'],
        fixes,
        data: {
          stage: labelOf(next, { capitalised: true }),
          start: n.start,
          previous: labelOf(prev),
          end: p.end,
          from: addDays(p.end, 1),
          to: end,
        },
      });
    }
  },
});
