import { isObj, type ModelObject } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { agreementsUsing, isoDate, labelOf, list, periodOf, type Period } from './util';

const inside = (d: string, p: Period) => d >= p.start && d <= p.end;

// Each agreement's period (and the framework's) once, not once per indicator it is judged
// against (an object's value never changes: an edit makes a new object).
const periods = new WeakMap<ModelObject, Period | undefined>();
function periodOfObject(o: ModelObject): Period | undefined {
  if (!periods.has(o)) periods.set(o, periodOf(o.value));
  return periods.get(o);
}

/** Whether a date falls outside the framework's period or outside that of every agreement
 * with a period among `users` (read without building any list: this runs on every target). */
function isOutside(date: string | undefined, fw: Period | undefined, users: readonly ModelObject[]): boolean {
  if (date === undefined) return false;
  if (fw && !inside(date, fw)) return true;
  let judged = false;
  for (const a of users) {
    const p = periodOfObject(a);
    if (!p) continue;
    if (inside(date, p)) return false;
    judged = true;
  }
  return judged;
}

export const ys105 = defineRule({
  meta: {
    id: 'YS105',
    name: 'target-outside-period',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description:
      "A target date falls outside the framework's period, or outside the period of every agreement that uses the indicator, so it cannot be judged within the cycle (later targets beside one inside the cycle are a trajectory, not reported).",
    sources: [S.smart, S.psaGuidance, S.gpra1993],
    fixable: false,
    messages: {
      outsideFramework:
        'Target date {{date}} of {{indicator}} is outside the framework period ({{start}} to {{end}}): it cannot be judged within the cycle. Move the date inside the period or extend the period.',
      outsideAgreement:
        'Target date {{date}} of {{indicator}} is outside the period of {{agreement}} ({{start}} to {{end}}): it cannot be judged within the cycle. Move the date inside the period or extend the period.',
      outsideEveryAgreement:
        'Target date {{date}} of {{indicator}} is outside the period of every agreement that uses it ({{agreements}}): it cannot be judged within the cycle. Move the date inside the period or extend the period.',
    },
    knowledge: ['key/indicator.targets', 'key/framework.period', 'theory/smart-targets'],
    visits: ['indicator'],
    crossObject: true,
  },
  checkObject(context, ind) {
    const { model } = context;
    const targets = list(ind.value.targets);
    if (targets.length === 0) return;
    const fw = model.framework && periodOfObject(model.framework);
    const users = agreementsUsing(model, ind);
    // Most targets fall inside every period they are judged against: nothing to report (found
    // without building the lists below, for every indicator with targets).
    if (!targets.some((t) => isObj(t) && isOutside(isoDate(t.date), fw, users))) return;
    const owners: Array<{ a: ModelObject; p: Period }> = [];
    for (const a of users) {
      const p = periodOfObject(a);
      if (p) owners.push({ a, p });
    }
    const dates = targets.map((t) => (isObj(t) ? isoDate(t.date) : undefined));
    const within = (date: string) => !isOutside(date, fw, users);
    // Beside a target inside the cycle, a later one is the trajectory beyond it (a report's
    // preliminary target for next year, a plan's long-range target): judged in its own cycle.
    let lastInCycle: string | undefined;
    for (const d of dates) if (d !== undefined && (lastInCycle === undefined || d > lastInCycle) && within(d)) lastInCycle = d;
    dates.forEach((date, i) => {
      if (!date || (lastInCycle && date > lastInCycle)) return;
      if (within(date)) return; // inside every period it is judged against
      const path = [...ind.path, 'targets', i, 'date'];
      const indicator = labelOf(ind);
      if (fw && !inside(date, fw)) {
        context.report({ messageId: 'outsideFramework', data: { date, indicator, start: fw.start, end: fw.end }, path });
      } else if (owners.length > 0 && !owners.some((o) => inside(date, o.p))) {
        if (owners.length === 1) {
          const [{ a, p }] = owners;
          context.report({
            messageId: 'outsideAgreement',
            data: { date, indicator, agreement: labelOf(a), start: p.start, end: p.end },
            path,
          });
        } else {
          context.report({
            messageId: 'outsideEveryAgreement',
            data: { date, indicator, agreements: owners.map((o) => labelOf(o.a)).join(', ') },
            path,
          });
        }
      }
    });
  },
});
