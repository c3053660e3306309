import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { datedActuals, isoDate, labelOf, list, num, targetKind, type DatedValue } from './util';

export const ys203 = defineRule({
  meta: {
    id: 'YS203',
    name: 'ratchet-target',
    category: 'self-interest',
    defaultSeverity: 'info',
    description:
      "A target is within a small step (default 2%) of the latest result known when it was set (its `set` date): a target set from last year's result invites holding back.",
    sources: [S.bevanHoodP521, S.ratchet, S.smith1995],
    fixable: false,
    messages: {
      ratchet:
        "Target {{target}} ({{targetDate}}) of {{indicator}} is only {{percent}}% from the latest actual {{actual}} ({{actualDate}}): a target set from last period's result rewards holding back (ratchet effect). Base it on need or evidence, not last year's figure.",
    },
    options: {
      max_step: {
        type: 'number',
        default: 0.02,
        minimum: 0,
        description: 'Largest relative step from the latest actual (0.02 = 2%) that counts as a ratchet.',
      },
    },
    knowledge: ['theory/ratchet-effect', 'key/indicator.actuals', 'key/indicator.targets'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const maxStep = context.options.max_step;
    if (ind.value.direction !== 'increase' && ind.value.direction !== 'decrease') return;
    const actuals = datedActuals(ind);
    if (actuals.length === 0) return;
    let first: { value: number; date: string; index: number; actual: DatedValue } | undefined;
    list(ind.value.targets).forEach((t, index) => {
      if (!isObj(t) || targetKind(t) === 'around' || targetKind(t) === 'cumulative') return;
      const value = num(t.value);
      const date = isoDate(t.date);
      if (value === undefined || !date || (first && date >= first.date)) return;
      // A ratchet sets the target from the results known when it was set. Without the date it
      // was set (`set`), nobody can tell which results those were: annual targets are often
      // fixed before the previous year's result is in.
      const setOn = isoDate(t.set);
      if (!setOn) return;
      const known = actuals.filter((a) => a.date < date && a.date <= setOn);
      if (known.length === 0) return;
      const actual = known.reduce((a, b) => (b.date >= a.date ? b : a));
      if (actual.value !== 0) first = { value, date, index, actual };
    });
    if (!first) return;
    const latest = first.actual;
    const step = Math.abs(first.value - latest.value) / Math.abs(latest.value);
    if (step > maxStep + 1e-12) return;
    const pct = +(step * 100).toFixed(1);
    context.report({
      messageId: 'ratchet',
      path: [...ind.path, 'targets', first.index, 'value'],
      data: {
        step,
        actual: latest.value,
        actualDate: latest.date,
        target: first.value,
        targetDate: first.date,
        percent: pct,
        indicator: labelOf(ind),
      },
    });
  },
});
