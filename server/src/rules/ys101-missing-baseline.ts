import { insertKey } from '../engine/edits';
import { describe, isObj, type Obj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { datedValues, isQualitativeUnit, isoDate, labelOf, list, num, periodOf, snippetText, targetKind } from './util';

/** Targets that are judged without a baseline: words (a milestone has no numeric starting
 * point), holding the level (the target is the level), running totals counted from zero, and
 * indicators whose results go back to the framework's start (the earliest is the start). */
function needsBaseline(ind: Obj, frameworkStart: string | undefined): boolean {
  if (isQualitativeUnit(ind.unit) || ind.direction === 'maintain') return false;
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
      missingBaseline: '{{indicator}} has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.',
    },
    knowledge: ['key/indicator.baseline', 'key/indicator.targets', 'theory/smith-1995', 'theory/nao-data-validation'],
  },
  check(context) {
    const { model, doc } = context;
    for (const ind of model.indicators) {
      const targets = list(ind.value.targets);
      if (targets.length === 0 || (ind.value.baseline !== undefined && ind.value.baseline !== null)) continue;
      if (!needsBaseline(ind.value, periodOf(model.framework?.value)?.start)) continue;
      const firstActual = list(ind.value.actuals).find(isObj);
      const value = num(firstActual?.value) ?? 0;
      const date = periodOf(model.framework?.value)?.start ?? isoDate(firstActual?.date);
      const plain = date ? `{ value: ${value}, date: ${date} }` : `{ value: ${value} }`;
      const snippet = `{ value: \${1:${snippetText(String(value))}}, date: \${2:${snippetText(date ?? 'YYYY-MM-DD')}} }`;
      const edit = insertKey(doc, ind.path, 'baseline', snippet);
      const plainEdit = insertKey(doc, ind.path, 'baseline', plain);
      const fixes: Fix[] = edit && plainEdit
        ? [{ title: `Add a baseline to ${describe(ind)}`, edits: [edit], snippet: true, plainEdits: [plainEdit], safe: false, preferred: true }]
        : [];
      context.report({
        messageId: 'missingBaseline',
        path: [...ind.path, 'targets'],
        on: 'key',
        fixes,
        data: { indicator: labelOf(ind, { capitalised: true }), baseline: { value, date } },
      });
    }
  },
});
