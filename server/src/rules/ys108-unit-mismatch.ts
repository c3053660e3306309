import { isObj } from '../engine/model';
import { defineRule } from './rule';
import type { Path } from '../engine/types';
import { S } from './sources';
import { labelOf, list, num } from './util';

export const ys108 = defineRule({
  meta: {
    id: 'YS108',
    name: 'unit-mismatch',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'Values of one percent indicator are on two scales: some between 0 and 1 (fractions), others above 1 (0-100), e.g. 0.77 and 95.',
    sources: [S.smith1995, S.naoSecond],
    fixable: false,
    messages: {
      mixedScales: '{{indicator}} mixes scales: {{fraction}} looks like a fraction of 1 while {{percent}} is on the 0-100 scale. Write percentages on the 0-100 scale ({{scaled}}, not {{fraction}}).',
    },
    knowledge: ['key/indicator.baseline', 'key/indicator.actuals', 'theory/smith-1995'],
  },
  check(context) {
    for (const ind of context.model.indicators) {
      if (typeof ind.value.unit !== 'string' || ind.value.unit.trim().toLowerCase() !== 'percent') continue;
      const values: Array<{ v: number; path: Path }> = [];
      const add = (o: unknown, path: Path) => {
        const v = isObj(o) ? num(o.value) : undefined;
        if (v !== undefined) values.push({ v, path: [...path, 'value'] });
      };
      add(ind.value.baseline, [...ind.path, 'baseline']);
      list(ind.value.targets).forEach((t, i) => add(t, [...ind.path, 'targets', i]));
      list(ind.value.actuals).forEach((t, i) => add(t, [...ind.path, 'actuals', i]));
      const fractions = values.filter((x) => x.v > 0 && x.v < 1);
      const percents = values.filter((x) => x.v > 1);
      if (fractions.length === 0 || percents.length === 0) continue;
      const first = fractions[0];
      context.report({
        messageId: 'mixedScales',
        path: first.path,
        data: { indicator: labelOf(ind, { capitalised: true }), fraction: first.v, percent: percents[0].v, scaled: +(first.v * 100).toFixed(6) },
      });
    }
  },
});
