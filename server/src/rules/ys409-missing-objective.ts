import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { absent } from './util';

export const ys409: Rule = {
  meta: {
    id: 'YS409',
    name: 'missing-objective',
    category: 'reform-model',
    defaultSeverity: 'info',
    description: 'An agreement has no `objective`: the outcome it seeks is not stated in words, so its indicators stand for the whole.',
    sources: [S.gpra1993, S.gpraSourcebook, S.smith1995, S.bevanHood],
    fixable: false,
    knowledge: ['key/agreement.objective', 'theory/smith-1995', 'theory/targets-and-terror'],
  },
  check(context) {
    for (const a of context.model.agreements) {
      if (!absent(a.value.objective)) continue;
      context.report({
        message: `${describe(a).replace(/^agreement/, 'Agreement')} has no objective: state in words the outcome it seeks, so its indicators are read as evidence about that outcome rather than as ends in themselves.`,
        path: a.path,
      });
    }
  },
};
