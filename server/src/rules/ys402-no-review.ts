import { insertKey } from '../engine/edits';
import { choice, placeholder } from '../engine/fix-render';
import { describe } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { labelOf } from './util';

const CYCLES = ['monthly', 'quarterly', 'biannual', 'annual'];

export const ys402 = defineRule({
  meta: {
    id: 'YS402',
    name: 'no-review',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement does not say who reviews delivery or how often (`review`).',
    sources: [S.pmdu, S.pmduHistory, S.usc1121, S.gpramaStatute],
    fixable: true,
    messages: {
      noReview:
        '{{agreement}} has no review: name the body that supervises delivery and how often (the UK Delivery Unit held regular stocktakes with the Prime Minister; in the US the GPRA Modernization Act requires priority goals to be reviewed at least quarterly).',
    },
    knowledge: [
      'key/agreement.review',
      'theory/pmdu',
      'theory/gpramodernization-act',
      'theory/effectiveness-building',
      'theory/ways-of-improving',
    ],
    visits: ['agreement'],
  },
  checkObject(context, a) {
    const { model, doc } = context;
    const cycle = model.framework?.value.review_cycle;
    const frequency = typeof cycle === 'string' && CYCLES.includes(cycle) ? cycle : 'quarterly';
    const choices = [frequency, ...CYCLES.filter((c) => c !== frequency)];
    if (a.value.review !== undefined && a.value.review !== null) return;
    const edit = insertKey(doc, a.path, 'review', [
      '{ frequency: ',
      choice(choices),
      ', body: "',
      placeholder('TODO: who supervises delivery'),
      '" }',
    ]);
    const fixes: Fix[] = edit ? [{ title: `Add a review to ${describe(a)}`, edits: [edit], safe: false, preferred: true }] : [];
    context.report({
      messageId: 'noReview',
      data: { agreement: labelOf(a, { capitalised: true }) },
      path: a.path,
      fixes,
    });
  },
});
