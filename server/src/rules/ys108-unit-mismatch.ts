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
    description:
      'Values of one indicator are on two scales: a percent value that reads as a fraction of 1 beside others on the 0-100 scale (0.77 beside 95), or a `fraction` value above 1.',
    sources: [S.smith1995, S.naoSecond],
    fixable: false,
    messages: {
      mixedScales:
        '{{indicator}} mixes scales: {{fraction}} looks like a fraction of 1 while {{percent}} is on the 0-100 scale. Write percentages on the 0-100 scale ({{scaled}}, not {{fraction}}), or use the unit `fraction` for values between 0 and 1.',
      fractionAboveOne:
        '{{indicator}} is in `fraction` (0 to 1) but {{value}} is above 1: write it as a fraction, or change the unit to `percent`.',
    },
    knowledge: ['key/indicator.baseline', 'key/indicator.actuals', 'theory/smith-1995'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const unit = typeof ind.value.unit === 'string' ? ind.value.unit.trim().toLowerCase() : '';
    if (unit !== 'percent' && unit !== 'fraction') return;
    // Where each value is, as the key under the indicator and the list index: the path is
    // spelled out only for the value reported.
    const values: Array<{ v: number; key: string; index?: number }> = [];
    const add = (o: unknown, key: string, index?: number) => {
      const v = isObj(o) ? num(o.value) : undefined;
      if (v !== undefined) values.push({ v, key, index });
    };
    add(ind.value.baseline, 'baseline');
    list(ind.value.targets).forEach((t, i) => add(t, 'targets', i));
    list(ind.value.actuals).forEach((t, i) => add(t, 'actuals', i));
    const pathOf = (x: (typeof values)[number]): Path =>
      x.index === undefined ? [...ind.path, x.key, 'value'] : [...ind.path, x.key, x.index, 'value'];
    if (unit === 'fraction') {
      const above = values.find((x) => x.v > 1);
      if (above)
        context.report({
          messageId: 'fractionAboveOne',
          path: pathOf(above),
          data: { indicator: labelOf(ind, { capitalised: true }), value: above.v },
        });
      return;
    }
    // A small percentage is not a fraction: 0.2 beside 3 is a 0.2% CPI rise. Only a value that,
    // times 100, lands on the scale of the others (0.77 beside 95) reads as the wrong scale.
    const percents = values.filter((x) => x.v > 1);
    const onTheirScale = (v: number) => percents.find((p) => (v * 100) / p.v >= 0.5 && (v * 100) / p.v <= 2);
    const first = values.find((x) => x.v > 0 && x.v < 1 && onTheirScale(x.v));
    if (!first) return;
    context.report({
      messageId: 'mixedScales',
      path: pathOf(first),
      data: {
        indicator: labelOf(ind, { capitalised: true }),
        fraction: first.v,
        percent: onTheirScale(first.v)!.v,
        scaled: +(first.v * 100).toFixed(6),
      },
    });
  },
});
