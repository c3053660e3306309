import { insertKey, replaceValue } from '../engine/edits';
import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { absent, agreementsUsing, labelOf, list, periodOf, type Period } from './util';

export const ys102 = defineRule({
  meta: {
    id: 'YS102',
    name: 'target-without-date',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'A target has no date, so nobody can say when it should have been met.',
    sources: [S.smart, S.psaGuidance, S.gpra1993],
    fixable: true,
    messages: {
      undated:
        'Target {{number}} of {{indicator}} has no date: an untimed target cannot be assessed. Add the date by which it should be met.',
    },
    knowledge: ['key/indicator.targets', 'theory/smart-targets'],
    visits: ['indicator'],
    crossObject: true,
  },
  checkObject(context, ind) {
    const { model, doc } = context;
    // The date to offer, looked up at the first undated target (most indicators have none).
    let owner: Period | undefined;
    let end: string | undefined;
    let looked = false;
    const targets = list(ind.value.targets);
    // Most targets are dated: nothing to look up, no fix to prepare.
    if (!targets.some((t) => isObj(t) && absent(t.date))) return;
    targets.forEach((t, i) => {
      if (!isObj(t) || !absent(t.date)) return;
      if (!looked) {
        looked = true;
        owner = agreementsUsing(model, ind)
          .map((a) => periodOf(a.value))
          .find((p) => p !== undefined);
        end = owner?.end ?? periodOf(model.framework?.value)?.end;
      }
      const path = [...ind.path, 'targets', i];
      const edit = end ? (t.date === undefined ? insertKey(doc, path, 'date', end) : replaceValue(doc, [...path, 'date'], end)) : undefined;
      context.report({
        messageId: 'undated',
        path,
        fixes: edit
          ? [
              {
                title: `Set the target date to ${end} (end of the ${owner ? 'agreement' : 'framework'} period)`,
                edits: [edit],
                safe: false,
                preferred: true,
              },
            ]
          : [],
        data: { number: i + 1, indicator: labelOf(ind), date: end },
      });
    });
  },
});
