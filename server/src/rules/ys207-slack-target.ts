import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { datedActuals, datedValue, isoDate, labelOf, list, num, targetKind, type DatedValue } from './util';

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
    const actuals = datedActuals(ind);
    const items = list(ind.value.targets);
    // A target can only be already met by a dated result: most indicators have no actuals, and
    // the baseline counts for limits only (floors, ceilings), which most targets are not.
    if (actuals.length === 0 && !items.some((t) => isObj(t) && targetKind(t) !== 'level')) return;
    const baseline = datedValue(ind.value.baseline, 0);
    if (actuals.length === 0 && !baseline) return;
    const targets = items.map((t) => (isObj(t) ? { value: num(t.value), date: isoDate(t.date), kind: targetKind(t) } : undefined));
    targets.forEach((t, i) => {
      if (!t) return;
      const { value: target, date, kind } = t;
      if (target === undefined || !date) return;
      const atLeast = meetsFromAbove(kind, direction);
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
      const meets = (value: number, goal: number) => (atLeast ? value >= goal : value <= goal);
      if (!meets(latest.value, target)) return;
      // An interim step met on the way to a later target that is not yet met is progress along a
      // trajectory, not slack: the trajectory has already moved on (NZ's 90% then 95% immunisation).
      const evidence = latest.value;
      const stillAhead = targets.some(
        (later) =>
          later &&
          later.value !== undefined &&
          later.date !== undefined &&
          later.date > date &&
          meetsFromAbove(later.kind, direction) === atLeast &&
          !meets(evidence, later.value),
      );
      if (stillAhead) return;
      context.report({
        messageId: 'alreadyMet',
        data: { target, targetDate: date, indicator: labelOf(ind), what, value: latest.value, valueDate: latest.date, kind },
        path: [...ind.path, 'targets', i, 'value'],
      });
    });
  },
});

/** Which side meets a target: a floor or an increase is met from above, a ceiling or a decrease from below; undefined when the kind is not checked. */
function meetsFromAbove(kind: string, direction: unknown): boolean | undefined {
  if (kind === 'floor') return true;
  if (kind === 'ceiling') return false;
  if (kind !== 'level') return undefined;
  return direction === 'increase' ? true : direction === 'decrease' ? false : undefined;
}
