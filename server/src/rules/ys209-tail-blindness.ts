import { isObj } from '../engine/model';
import { defineRule } from './rule';
import { S } from './sources';
import { indicatorsOf, labelOf, list, num } from './util';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

// "within 10 working days", "within four hours", "in under 30 seconds", "in less than 2 weeks"
const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eighteen|twenty|thirty|forty|sixty)`;
const WITHIN = new RegExp(
  String.raw`\b(?:within|in under|in less than|inside)\s+${NUMBER}\s+(?:[a-z-]+\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b`,
  'i',
);
// Words that show the cases beyond the limit are looked at.
const TAIL =
  /\b(longest|maximum|max|worst|average|mean|median|percentile|remaining|remainder|rest|beyond|tail|any month|all cases|every case|outliers?)\b/i;

export const ys209 = defineRule({
  meta: {
    id: 'YS209',
    name: 'tail-blindness',
    category: 'self-interest',
    defaultSeverity: 'info',
    description: 'A target for the share of cases dealt with within a time limit says nothing about the cases beyond it.',
    sources: [S.bevanHoodP521, S.bevanHoodAE, S.dvla1993, S.dvla1998],
    fixable: false,
    messages: {
      tail: '{{indicator}} sets a share ({{target}}%) within a time limit but nothing says what happens to the other {{rest}}%: once a case has missed the limit the target gives no reason to hurry it. Measure the tail beside it (the longest waits, or a cap on any case), or say in `notes` how it is watched.',
    },
    knowledge: ['theory/threshold-effect', 'theory/ae-four-hour-target'],
    visits: ['indicator'],
    crossObject: true,
  },
  // A companion that measures the tail (by its title or definition) clears the indicators beside it.
  links: (o) => o.kind === 'indicator' && [text(o.value.title), text(o.value.definition)].some((s) => s && TAIL.test(s)),
  checkObject(context, ind) {
    const v = ind.value;
    if (typeof v.unit !== 'string' || v.unit.trim().toLowerCase() !== 'percent' || v.linked_to_pay === true) return;
    const title = text(v.title);
    if (!title || !WITHIN.test(title)) return;
    const index = list(v.targets).findIndex((t) => isObj(t) && (num(t.value) ?? 100) < 100);
    if (index < 0) return;
    if ([text(v.definition), text(v.notes)].some((s) => s && TAIL.test(s))) return;
    // A companion indicator in any agreement that uses this one may measure the tail.
    for (const a of context.model.agreements) {
      const { resolved } = indicatorsOf(context.model, a);
      if (!resolved.includes(ind)) continue;
      if (resolved.some((o) => o !== ind && [text(o.value.title), text(o.value.definition)].some((s) => s && TAIL.test(s)))) return;
    }
    const target = num((list(v.targets)[index] as { value: unknown }).value)!;
    context.report({
      messageId: 'tail',
      data: { indicator: labelOf(ind, { capitalised: true }), target, rest: +(100 - target).toFixed(6) },
      path: [...ind.path, 'targets', index, 'value'],
    });
  },
});
