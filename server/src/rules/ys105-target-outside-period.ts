import { describe, isObj } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { agreementsUsing, isoDate, list, periodOf, type Period } from './util';

const inside = (d: string, p: Period) => d >= p.start && d <= p.end;

export const ys105: Rule = {
  meta: {
    id: 'YS105',
    name: 'target-outside-period',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'A target date falls outside the framework\'s period, or outside the period of every agreement that uses the indicator, so it cannot be judged within the cycle.',
    sources: [S.smart, S.psaGuidance, S.gpra1993],
    fixable: false,
    knowledge: ['key/indicator.targets', 'key/framework.period', 'theory/smart-targets'],
  },
  check(context) {
    const { model } = context;
    const fw = periodOf(model.framework?.value);
    for (const ind of model.indicators) {
      const owners = agreementsUsing(model, ind)
        .map((a) => ({ a, p: periodOf(a.value) }))
        .filter((x): x is { a: typeof x.a; p: Period } => x.p !== undefined);
      list(ind.value.targets).forEach((t, i) => {
        const date = isObj(t) ? isoDate(t.date) : undefined;
        if (!date) return;
        let where: string | undefined;
        if (fw && !inside(date, fw)) where = `the framework period (${fw.start} to ${fw.end})`;
        else if (owners.length > 0 && !owners.some((o) => inside(date, o.p))) {
          where = owners.length === 1
            ? `the period of ${describe(owners[0].a)} (${owners[0].p.start} to ${owners[0].p.end})`
            : `the period of every agreement that uses it (${owners.map((o) => describe(o.a)).join(', ')})`;
        }
        if (!where) return;
        context.report({
          message: `Target date ${date} of ${describe(ind)} is outside ${where}: it cannot be judged within the cycle. Move the date inside the period or extend the period.`,
          path: [...ind.path, 'targets', i, 'date'],
        });
      });
    }
  },
};
