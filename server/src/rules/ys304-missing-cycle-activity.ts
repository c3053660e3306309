import { defineRule } from './rule';
import { S } from './sources';
import { csv, list } from './util';

export const ys304 = defineRule({
  meta: {
    id: 'YS304',
    name: 'missing-cycle-activity',
    category: 'political-system',
    defaultSeverity: 'info',
    description:
      'The framework has stages, but across them one of the management-cycle activities plan, monitor, evaluate or improve never occurs.',
    sources: [S.gpra1993, S.gpramaStatute, S.bestValue, S.smith1995],
    fixable: false,
    messages: {
      missingActivity:
        'No stage includes the activity {{activities}}: the management cycle (plan, monitor, evaluate, improve) is incomplete and the framework cannot learn from its results. Add it to the `activities` of a stage.',
      missingActivities:
        'No stage includes the activities {{activities}}: the management cycle (plan, monitor, evaluate, improve) is incomplete and the framework cannot learn from its results. Add them to the `activities` of a stage.',
    },
    options: {
      required: {
        type: 'string',
        default: 'plan,monitor,evaluate,improve',
        description: 'Comma-separated activities that should occur in at least one stage.',
      },
    },
    knowledge: [
      'key/stages',
      'stage.activities/evaluate',
      'stage.activities/improve',
      'theory/performance-information-use',
      'theory/performance-concepts',
      'theory/effectiveness-building',
    ],
  },
  check(context) {
    const { model } = context;
    if (model.stages.length === 0) return;
    const seen = new Set<string>();
    for (const s of model.stages) for (const a of list(s.value.activities)) if (typeof a === 'string') seen.add(a.toLowerCase());
    const missing = csv(context.options.required).filter((a) => !seen.has(a));
    if (missing.length === 0) return;
    context.report({
      messageId: missing.length === 1 ? 'missingActivity' : 'missingActivities',
      path: ['stages'],
      on: 'key',
      data: { activities: missing.join(', '), missing },
    });
  },
});
