import type { Rule } from '../engine/rule';
import { S } from './sources';
import { csv, list } from './util';

export const ys304: Rule = {
  meta: {
    id: 'YS304',
    name: 'missing-cycle-activity',
    category: 'political-system',
    defaultSeverity: 'info',
    description: 'The framework has stages, but across them one of the management-cycle activities plan, monitor, evaluate or improve never occurs.',
    sources: [S.gpra1993, S.gpramaStatute, S.bestValue, S.smith1995],
    fixable: false,
    options: {
      required: { type: 'string', default: 'plan,monitor,evaluate,improve', description: 'Comma-separated activities that should occur in at least one stage.' },
    },
    knowledge: ['key/stage.activities', 'stage.activities/evaluate', 'stage.activities/improve', 'theory/management-cycle'],
  },
  check(context) {
    const { model } = context;
    if (model.stages.length === 0) return;
    const seen = new Set<string>();
    for (const s of model.stages) for (const a of list(s.value.activities)) if (typeof a === 'string') seen.add(a.toLowerCase());
    const missing = csv(context.options.required, 'plan,monitor,evaluate,improve').filter((a) => !seen.has(a));
    if (missing.length === 0) return;
    context.report({
      message: `No stage includes ${missing.length === 1 ? 'the activity' : 'the activities'} ${missing.join(', ')}: a management cycle that never ${missing.includes('evaluate') || missing.includes('improve') ? 'evaluates or improves' : 'does this'} cannot learn. Add ${missing.length === 1 ? 'it' : 'them'} to the \`activities\` of a stage.`,
      path: ['stages'],
      on: 'key',
      data: { missing },
    });
  },
};
