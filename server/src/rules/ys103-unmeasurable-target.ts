import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { csvSet, labelOf, list, num } from './util';

export const ys103 = defineRule({
  meta: {
    id: 'YS103',
    name: 'unmeasurable-target',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'A target value is text such as "improve" on an indicator whose unit is quantitative, so it cannot be measured.',
    sources: [S.usc1115, S.gpra1993, S.smart, S.psaGuidance],
    fixable: false,
    messages: {
      textTarget:
        'Target {{number}} of {{indicator}} is the text "{{text}}" but the unit is {{unit}}: give a number in {{unit}} so the target can be measured.',
    },
    options: {
      qualitative_units: {
        type: 'string',
        default: 'text',
        description: 'Comma-separated units whose targets may be text (milestones, qualitative targets).',
      },
    },
    knowledge: ['key/indicator.targets', 'theory/smart-targets', 'theory/gpra-1993'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const qualitative = csvSet(context.options.qualitative_units);
    const unit = typeof ind.value.unit === 'string' ? ind.value.unit.trim() : undefined;
    if (unit === undefined || qualitative.has(unit.toLowerCase())) return;
    list(ind.value.targets).forEach((t, i) => {
      if (!isObj(t) || typeof t.value !== 'string' || num(t.value) !== undefined) return;
      context.report({
        messageId: 'textTarget',
        data: { number: i + 1, indicator: labelOf(ind), text: t.value.length > 40 ? `${t.value.slice(0, 40)}…` : t.value, unit },
        path: [...ind.path, 'targets', i, 'value'],
      });
    });
  },
});
