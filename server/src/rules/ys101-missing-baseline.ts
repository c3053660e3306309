import { insertKey } from '../engine/edits';
import { placeholder } from '../engine/fix-render';
import { describe, isObj, type Obj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { datedValues, isQualitativeUnit, isoDate, labelOf, list, num, periodOf, targetKind } from './util';

/** Targets that are judged without a baseline: words (a milestone has no numeric starting
 * point), holding a level or staying inside a band (the target is what is held, met by being
 * there, not by moving from somewhere), running totals counted from zero, and indicators whose
 * results go back to the framework's start (the earliest is the start). */
function needsBaseline(ind: Obj, frameworkStart: string | undefined): boolean {
  if (isQualitativeUnit(ind.unit) || ind.direction === 'maintain' || ind.direction === 'within-range') return false;
  if (list(ind.targets).every((t) => targetKind(t) === 'cumulative')) return false;
  if (frameworkStart && datedValues(ind.actuals).some((a) => a.date <= frameworkStart)) return false;
  return true;
}

export const ys101 = defineRule({
  meta: {
    id: 'YS101',
    name: 'missing-baseline',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'An indicator has targets but no baseline, so progress towards them cannot be judged.',
    sources: [S.naoSecond, S.gao05927, S.smith1995, S.naoSdp],
    fixable: true,
    messages: {
      missingBaseline:
        '{{indicator}} has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.',
    },
    knowledge: ['key/indicator.baseline', 'key/indicator.targets', 'theory/smith-1995', 'theory/nao-data-validation'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const { model, doc } = context;
    const targets = list(ind.value.targets);
    if (targets.length === 0 || (ind.value.baseline !== undefined && ind.value.baseline !== null)) return;
    if (!needsBaseline(ind.value, periodOf(model.framework?.value)?.start)) return;
    const firstActual = list(ind.value.actuals).find(isObj);
    // With no actual, 0 for an increase; for a decrease 0 would put every target above the baseline.
    const firstTarget = targets.find(isObj);
    const value = num(firstActual?.value) ?? (ind.value.direction === 'decrease' ? (num(firstTarget?.value) ?? 0) : 0);
    const date = periodOf(model.framework?.value)?.start ?? isoDate(firstActual?.date);
    const baseline = date
      ? ['{ value: ', placeholder(String(value)), ', date: ', placeholder(date), ' }']
      : ['{ value: ', placeholder(String(value)), ' }'];
    const edit = insertKey(doc, ind.path, 'baseline', baseline);
    const fixes: Fix[] = edit ? [{ title: `Add a baseline to ${describe(ind)}`, edits: [edit], safe: false, preferred: true }] : [];
    context.report({
      messageId: 'missingBaseline',
      path: [...ind.path, 'targets'],
      on: 'key',
      fixes,
      data: { indicator: labelOf(ind, { capitalised: true }), baseline: { value, date } },
    });
  },
});
