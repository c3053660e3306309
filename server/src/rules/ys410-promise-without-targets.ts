import { defineRule } from './rule';
import { S } from './sources';
import { indicatorsOf, labelOf, list } from './util';

export const ys410 = defineRule({
  meta: {
    id: 'YS410',
    name: 'promise-without-targets',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement has indicators but none of them has a target: it promises nothing that can be checked.',
    sources: [S.gpra1993, S.dfeOdp2021, S.ifgOdp],
    fixable: false,
    messages: {
      noTargets:
        '{{agreement}} lists {{count}} indicator{{plural}} but none has a target: it promises nothing that can be checked. Give the indicators targets, each a value and a date.',
    },
    knowledge: ['key/agreement.indicators', 'key/indicator.targets', 'theory/smart-targets'],
    visits: ['agreement'],
    crossObject: true,
  },
  // Whether an indicator has targets decides the agreements that list it.
  links: (o) => o.kind === 'indicator' && list(o.value.targets).length > 0,
  checkObject(context, a) {
    const { resolved, unresolved } = indicatorsOf(context.model, a);
    if (resolved.length === 0 || unresolved > 0) return;
    if (resolved.some((ind) => list(ind.value.targets).length > 0)) return;
    context.report({
      messageId: 'noTargets',
      data: { agreement: labelOf(a, { capitalised: true }), count: resolved.length, plural: resolved.length === 1 ? '' : 's' },
      path: [...a.path, 'indicators'],
      on: 'key',
    });
  },
});
