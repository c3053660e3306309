import { defineRule } from './rule';
import { S } from './sources';
import { csvSet, indicatorsOf, labelOf, typeOf } from './util';

export const ys107 = defineRule({
  meta: {
    id: 'YS107',
    name: 'output-only',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'Every indicator of an agreement measures inputs, processes or outputs; none measures the outcome the agreement is for.',
    sources: [S.usc2801, S.ombPrimer, S.naoSdp, S.bevanHood, S.ambulance2017],
    fixable: false,
    messages: {
      activityOnly:
        '{{label}} measures only {{measured}}: add an outcome (or quality) indicator for the result it is meant to achieve, or it risks hitting the target and missing the point.',
    },
    options: {
      activity_types: {
        type: 'string',
        default: 'input,process,output',
        description: 'Comma-separated indicator types that measure activity rather than results.',
      },
    },
    knowledge: [
      'indicator.type/output',
      'indicator.type/outcome',
      'theory/outputs-vs-outcomes',
      'theory/hitting-the-target-missing-the-point',
      'theory/performance-concepts',
    ],
    visits: ['agreement'],
    crossObject: true,
  },
  checkObject(context, a) {
    const activity = csvSet(context.options.activity_types);
    const { resolved, unresolved } = indicatorsOf(context.model, a);
    // Indicators in other files (or unknown ids) might be outcomes: do not guess.
    if (resolved.length === 0 || unresolved > 0) return;
    const types = resolved.map(typeOf);
    if (!types.every((t) => t !== undefined && activity.has(t))) return;
    context.report({
      messageId: 'activityOnly',
      path: [...a.path, 'indicators'],
      on: 'key',
      data: { label: labelOf(a, { capitalised: true }), measured: [...new Set(types)].join(' and '), agreement: labelOf(a), types },
    });
  },
});
