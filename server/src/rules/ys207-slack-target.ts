import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { datedValues, isoDate, labelOf, list, num, targetKind, type DatedValue } from './util';

export const ys207 = defineRule({
  meta: {
    id: 'YS207',
    name: 'slack-target',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description: 'A target is already met by a result dated before it falls due: it asks for no improvement.',
    sources: [S.bevanHoodP521, S.nzBps2015],
    fixable: false,
    messages: {
      alreadyMet:
        'Target {{target}} ({{targetDate}}) of {{indicator}} is already met: the {{what}} was {{value}} on {{valueDate}}. A target that is already met asks for no improvement; set a more demanding one, or make the direction `maintain` if holding the level is the aim.',
    },
    knowledge: ['theory/ratchet-effect', 'key/indicator.targets', 'key/indicator.actuals'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const direction = ind.value.direction;
    // Holding a level that is already held is the aim of a maintain indicator, not slack.
    if (direction === 'maintain') return;
    const actuals = datedValues(ind.value.actuals);
    const baseline = datedValues(isObj(ind.value.baseline) ? [ind.value.baseline] : [])[0];
    list(ind.value.targets).forEach((t, i) => {
      if (!isObj(t)) return;
      const target = num(t.value);
      const date = isoDate(t.date);
      const kind = targetKind(t);
      if (target === undefined || !date) return;
      // Which side meets the target: a floor or an increase is met from above, a ceiling or a decrease from below.
      const atLeast =
        kind === 'floor'
          ? true
          : kind === 'ceiling'
            ? false
            : kind === 'level'
              ? direction === 'increase'
                ? true
                : direction === 'decrease'
                  ? false
                  : undefined
              : undefined;
      if (atLeast === undefined) return;
      // A level target the baseline already beats contradicts the direction: that is YS104's finding.
      // The latest evidence before the target date (actuals in order, then the baseline; the
      // later one in that order wins a tie).
      let latest: DatedValue | undefined;
      let what = 'actual';
      for (const a of actuals) if (a.date < date && (latest === undefined || a.date >= latest.date)) latest = a;
      if (kind !== 'level' && baseline && baseline.date < date && (latest === undefined || baseline.date >= latest.date)) {
        latest = baseline;
        what = 'baseline';
      }
      if (latest === undefined) return;
      const met = atLeast ? latest.value >= target : latest.value <= target;
      if (!met) return;
      context.report({
        messageId: 'alreadyMet',
        data: { target, targetDate: date, indicator: labelOf(ind), what, value: latest.value, valueDate: latest.date, kind },
        path: [...ind.path, 'targets', i, 'value'],
      });
    });
  },
});
