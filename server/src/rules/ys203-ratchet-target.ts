import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { isoDate, labelOf, list, num } from './util';

export const ys203 = defineRule({
  meta: {
    id: 'YS203',
    name: 'ratchet-target',
    category: 'self-interest',
    defaultSeverity: 'info',
    description: 'The first target after the latest actual is within a small step (default 2%) of that actual: a target set from last year\'s result invites holding back.',
    sources: [S.bevanHoodP521, S.ratchet, S.smith1995],
    fixable: false,
    messages: {
      ratchet: 'Target {{target}} ({{targetDate}}) of {{indicator}} is only {{percent}}% from the latest actual {{actual}} ({{actualDate}}): a target set from last period\'s result rewards holding back (ratchet effect). Base it on need or evidence, not last year\'s figure.',
    },
    options: {
      max_step: { type: 'number', default: 0.02, minimum: 0, description: 'Largest relative step from the latest actual (0.02 = 2%) that counts as a ratchet.' },
    },
    knowledge: ['theory/ratchet-effect', 'key/indicator.actuals', 'key/indicator.targets'],
  },
  check(context) {
    const maxStep = context.options.max_step;
    for (const ind of context.model.indicators) {
      if (ind.value.direction !== 'increase' && ind.value.direction !== 'decrease') continue;
      let latest: { value: number; date: string } | undefined;
      for (const a of list(ind.value.actuals)) {
        const value = isObj(a) ? num(a.value) : undefined;
        const date = isObj(a) ? isoDate(a.date) : undefined;
        if (value !== undefined && date && (!latest || date >= latest.date)) latest = { value, date };
      }
      if (!latest || latest.value === 0) continue;
      let first: { value: number; date: string; index: number } | undefined;
      list(ind.value.targets).forEach((t, index) => {
        const value = isObj(t) ? num(t.value) : undefined;
        const date = isObj(t) ? isoDate(t.date) : undefined;
        if (value !== undefined && date && date > latest!.date && (!first || date < first.date)) first = { value, date, index };
      });
      if (!first) continue;
      const step = Math.abs(first.value - latest.value) / Math.abs(latest.value);
      if (step > maxStep + 1e-12) continue;
      const pct = +(step * 100).toFixed(1);
      context.report({
        messageId: 'ratchet',
        path: [...ind.path, 'targets', first.index, 'value'],
        data: { step, actual: latest.value, actualDate: latest.date, target: first.value, targetDate: first.date, percent: pct, indicator: labelOf(ind) },
      });
    }
  },
});
