import { replaceValue } from '../engine/edits';
import { describe, isObj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { labelOf, list, num, targetKind } from './util';

export const ys104 = defineRule({
  meta: {
    id: 'YS104',
    name: 'target-against-direction',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description:
      "A target is worse than the baseline given the indicator's direction (lower for increase, higher for decrease): the plan contradicts itself.",
    sources: [S.psaGuidance, S.smart],
    fixable: true,
    messages: {
      againstDirection:
        'Target {{target}} of {{indicator}} is {{side}} the baseline {{baseline}} although the direction is {{direction}}: fix the target or the direction.',
    },
    knowledge: ['key/indicator.baseline', 'indicator.direction/increase', 'indicator.direction/decrease'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const { doc } = context;
    const direction = ind.value.direction;
    if (direction !== 'increase' && direction !== 'decrease') return;
    const baseline = isObj(ind.value.baseline) ? num(ind.value.baseline.value) : undefined;
    if (baseline === undefined) return;
    const against = (v: number) => (direction === 'increase' ? v < baseline : v > baseline);
    const items = list(ind.value.targets);
    // Most targets go the way the direction says: then there is no finding and no fix to make
    // (looked for without building anything: this runs on every indicator with a baseline).
    let anyAgainst = false;
    for (const t of items) {
      const v = levelValue(t);
      if (v !== undefined && against(v)) {
        anyAgainst = true;
        break;
      }
    }
    if (!anyAgainst) return;
    const targets = items.map(levelValue);
    const numeric = targets.filter((v): v is number => v !== undefined);
    // Flipping is offered only when every target points the other way; otherwise it would break the rest.
    const flip = direction === 'increase' ? 'decrease' : 'increase';
    const allAgainst = numeric.length > 0 && numeric.every(against);
    const edit = allAgainst ? replaceValue(doc, [...ind.path, 'direction'], flip) : undefined;
    const fixes: Fix[] = edit
      ? [{ title: `Change the direction of ${describe(ind)} to ${flip}`, edits: [edit], safe: false, preferred: true }]
      : [];
    targets.forEach((v, i) => {
      if (v === undefined || !against(v)) return;
      context.report({
        messageId: 'againstDirection',
        data: { target: v, indicator: labelOf(ind), side: direction === 'increase' ? 'below' : 'above', baseline, direction },
        path: [...ind.path, 'targets', i, 'value'],
        fixes,
      });
    });
  },
});

/** A target's value when it is a level to move towards: floors, ceilings, bands and running
 * totals are limits. */
function levelValue(t: unknown): number | undefined {
  return isObj(t) && targetKind(t) === 'level' ? num(t.value) : undefined;
}
