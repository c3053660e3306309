import { describe, isObj } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { csv, list, num } from './util';

export const ys103: Rule = {
  meta: {
    id: 'YS103',
    name: 'unmeasurable-target',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'A target value is text such as "improve" on an indicator whose unit is quantitative, so it cannot be measured.',
    sources: [S.usc1115, S.gpra1993, S.smart, S.psaGuidance],
    fixable: false,
    options: {
      qualitative_units: { type: 'string', default: 'text', description: 'Comma-separated units whose targets may be text (milestones, qualitative targets).' },
    },
    knowledge: ['key/indicator.targets', 'theory/smart-targets', 'theory/gpra-1993'],
  },
  check(context) {
    const qualitative = new Set(csv(context.options.qualitative_units, 'text'));
    for (const ind of context.model.indicators) {
      const unit = typeof ind.value.unit === 'string' ? ind.value.unit.trim() : undefined;
      if (unit === undefined || qualitative.has(unit.toLowerCase())) continue;
      list(ind.value.targets).forEach((t, i) => {
        if (!isObj(t) || typeof t.value !== 'string' || num(t.value) !== undefined) return;
        context.report({
          message: `Target ${i + 1} of ${describe(ind)} is the text "${t.value.length > 40 ? `${t.value.slice(0, 40)}…` : t.value}" but the unit is ${unit}: give a number in ${unit} so the target can be measured.`,
          path: [...ind.path, 'targets', i, 'value'],
        });
      });
    }
  },
};
