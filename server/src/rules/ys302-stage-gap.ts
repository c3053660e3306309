import { replaceValue } from '../engine/edits';
import { describe } from '../engine/model';
import type { Rule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { addDays, periodOf } from './util';

export const ys302: Rule = {
  meta: {
    id: 'YS302',
    name: 'stage-gap',
    category: 'political-system',
    defaultSeverity: 'warning',
    description: 'A stage starts more than a day after the previous stage ends, leaving a gap in which no stage of the reform runs.',
    sources: [S.ifgOdp, S.naoSdp],
    fixable: true,
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
      const fixes: Fix[] = edit ? [{ title: `Extend ${describe(prev)} to end on ${end}`, edits: [edit], safe: false, preferred: true }] : [];
      context.report({
        message: `${describe(next).replace(/^stage/, 'Stage')} starts on ${n.start} but ${describe(prev)} ended on ${p.end}: nothing covers ${addDays(p.end, 1)} to ${end}. Close the gap so the reform continues without a break.`,
        path: [...next.path, 'period', 'start'],
        fixes,
        data: { from: addDays(p.end, 1), to: end },
      });
    }
  },
};
