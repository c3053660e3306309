import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { csv, indicatorsOf, typeOf } from './util';

export const ys107: Rule = {
  meta: {
    id: 'YS107',
    name: 'output-only',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'Every indicator of an agreement measures inputs, processes or outputs; none measures the outcome the agreement is for.',
    sources: [S.usc2801, S.ombPrimer, S.naoSdp, S.bevanHood, S.ambulance2017],
    fixable: false,
    options: {
      activity_types: { type: 'string', default: 'input,process,output', description: 'Comma-separated indicator types that measure activity rather than results.' },
    },
    knowledge: ['indicator.type/output', 'indicator.type/outcome', 'theory/outputs-vs-outcomes', 'theory/hitting-the-target-missing-the-point'],
  },
  check(context) {
    const activity = new Set(csv(context.options.activity_types, 'input,process,output'));
    for (const a of context.model.agreements) {
      const { resolved, unresolved } = indicatorsOf(context.model, a);
      // Indicators in other files (or unknown ids) might be outcomes: do not guess.
      if (resolved.length === 0 || unresolved > 0) continue;
      const types = resolved.map(typeOf);
      if (!types.every((t) => t !== undefined && activity.has(t))) continue;
      context.report({
        message: `Agreement ${a.id !== undefined ? `"${a.id}"` : `#${a.index + 1}`} measures only ${[...new Set(types)].join(' and ')}: add an outcome (or quality) indicator for the result it is meant to achieve, or it risks hitting the target and missing the point.`,
        path: [...a.path, 'indicators'],
        on: 'key',
        data: { agreement: describe(a), types },
      });
    }
  },
};
