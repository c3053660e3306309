import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { periodOf } from './util';

export const ys303: Rule = {
  meta: {
    id: 'YS303',
    name: 'stage-overlap',
    category: 'political-system',
    defaultSeverity: 'info',
    description: 'A stage starts before the previous stage ends, or before it starts: stages overlap or are out of date order.',
    sources: [S.ifgOdp, S.cabinetOfficePsa],
    fixable: false,
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
      const message = n.start < p.start
        ? `${describe(next).replace(/^stage/, 'Stage')} starts on ${n.start}, before ${describe(prev)} (${p.start}): list stages in date order.`
        : `${describe(next).replace(/^stage/, 'Stage')} starts on ${n.start}, before ${describe(prev)} ends on ${p.end}: the stages overlap. Start it the day after, or end the previous stage earlier.`;
      context.report({ message, path: [...next.path, 'period', 'start'] });
    }
  },
};
