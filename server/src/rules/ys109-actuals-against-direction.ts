import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { datedActuals, isoDate, labelOf, list, num, periodOf, targetKind } from './util';

export const ys109 = defineRule({
  meta: {
    id: 'YS109',
    name: 'actuals-against-direction',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: "The latest actual is worse than the baseline given the indicator's direction: results are moving away from the targets.",
    sources: [S.gpra1993, S.smith1995, S.nzBpsCrime],
    fixable: false,
    messages: {
      againstDirection:
        'The latest actual {{actual}} ({{actualDate}}) of {{indicator}} is {{side}} the {{reference}} {{start}}{{startDate}} although the direction is {{direction}}: results are moving away from the targets. Say why in `notes` and what will change.',
    },
    knowledge: ['key/indicator.actuals', 'key/indicator.baseline', 'theory/smith-1995'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const direction = ind.value.direction;
    if (direction !== 'increase' && direction !== 'decrease') return;
    // The remedy is to say why in `notes`; once the file does, the finding has done its job.
    if (typeof ind.value.notes === 'string' && ind.value.notes.trim() !== '') return;
    const actuals = datedActuals(ind);
    if (actuals.length === 0) return;
    const targets = list(ind.value.targets).filter(isObj);
    // A band says where to stay, not which way to go.
    if (targets.length > 0 && targets.every((t) => targetKind(t) === 'around')) return;
    const latest = actuals.reduce((a, b) => (b.date >= a.date ? b : a));
    const base = isObj(ind.value.baseline) ? ind.value.baseline : undefined;
    const baseValue = base ? num(base.value) : undefined;
    const baseline = base && baseValue !== undefined ? { value: baseValue, date: isoDate(base.date) ?? periodOf(base)?.end } : undefined;
    const earliest = actuals.reduce((a, b) => (b.date < a.date ? b : a));
    const start = baseline ?? (earliest !== latest ? earliest : undefined);
    if (!start || (start.date !== undefined && start.date >= latest.date)) return;
    const worse = direction === 'increase' ? latest.value < start.value : latest.value > start.value;
    if (!worse) return;
    context.report({
      messageId: 'againstDirection',
      data: {
        actual: latest.value,
        actualDate: latest.date,
        indicator: labelOf(ind),
        side: direction === 'increase' ? 'below' : 'above',
        reference: baseline ? 'baseline' : 'earliest actual',
        start: start.value,
        startDate: start.date ? ` (${start.date})` : '',
        direction,
      },
      path: [...ind.path, 'actuals', latest.index, 'value'],
    });
  },
});
