import { nodeAt, type YNode } from '../engine/parse';
import { defineRule } from './rule';
import { S } from './sources';
import { addDays, addMonths, csvSet, labelOf, periodOf } from './util';

const isBlockMap = (n: YNode | undefined) => n?.kind === 'map' && !n.flow;

export const ys301 = defineRule({
  meta: {
    id: 'YS301',
    name: 'short-horizon',
    category: 'political-system',
    defaultSeverity: 'warning',
    description:
      "The framework's period, or a strategic plan's period, is shorter than four years, so the plan does not reach beyond the electoral cycle (frameworks made only of priority goals, annual plans or key targets excepted).",
    sources: [S.usc306, S.gpra1993, S.smith1995, S.ifgOdp],
    fixable: false,
    messages: {
      shortHorizon:
        '{{what}} covers {{start}} to {{end}}, less than {{minYears}} years: short horizons favour short-term targets over long-term aims (GPRA strategic plans cover at least four years). Extend the period.',
    },
    options: {
      min_years: { type: 'number', default: 4, minimum: 0, description: 'Shortest acceptable period, in years.' },
      plan_kinds: { type: 'string', default: 'strategic-plan', description: 'Comma-separated agreement kinds held to the same minimum.' },
      short_kinds: {
        type: 'string',
        default: 'agency-priority-goal,cross-agency-priority-goal,annual-performance-plan,ses-performance-plan,framework-document',
        description:
          'Comma-separated agreement kinds that run for less than the minimum by design (24-month priority goals, annual plans and key targets); a framework made only of these is not held to it.',
      },
    },
    knowledge: [
      'key/framework.period',
      'agreement.kind/strategic-plan',
      'theory/smith-1995',
      'theory/gpramodernization-act',
      'theory/implementation-uk-us',
    ],
  },
  check(context) {
    const { model } = context;
    const minYears = context.options.min_years;
    const months = Math.round(minYears * 12);
    const kinds = csvSet(context.options.plan_kinds);
    const short = csvSet(context.options.short_kinds);
    // The horizon of a file of priority goals or annual key targets is set by their kind, not by the file.
    const byDesign =
      model.agreements.length > 0 && model.agreements.every((a) => typeof a.value.kind === 'string' && short.has(a.value.kind));
    const targets = [
      byDesign ? undefined : model.framework,
      ...model.agreements.filter((a) => typeof a.value.kind === 'string' && kinds.has(a.value.kind)),
    ];
    for (const o of targets) {
      if (!o) continue;
      const p = periodOf(o.value);
      if (!p || p.end < p.start) continue;
      if (addDays(p.end, 1) >= addMonths(p.start, months)) continue;
      const what = labelOf(o, { capitalised: true, as: 'strategic plan' });
      context.report({
        messageId: 'shortHorizon',
        path: [...o.path, 'period'],
        // A flow period is underlined whole; a block one on its key (not its first line).
        on: isBlockMap(nodeAt(context.doc.root, [...o.path, 'period'])) ? 'key' : 'value',
        data: { what, start: p.start, end: p.end, minYears },
      });
    }
  },
});
