import { defineRule } from './rule';
import { S } from './sources';
import { labelOf, list } from './util';

export const ys401 = defineRule({
  meta: {
    id: 'YS401',
    name: 'target-overload',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description:
      'An agreement has more than 10 indicators, or the framework more than 100: too many targets to manage or to mean anything.',
    sources: [S.ifgPsa, S.economist2000, S.naoThirdHc127, S.treasuryCttee2007, S.csw],
    fixable: false,
    messages: {
      agreementOverload:
        "{{agreement}} lists {{count}} indicators, more than {{max}}: keep the few that matter (the UK's SR2004 PSAs averaged about 6.5 targets per department).",
      frameworkOverload:
        "The framework defines {{count}} indicators, more than {{max}}: target overload (the UK's 1998 PSAs had about 600 targets, and even the 30 PSAs of 2007 were measured by 153 indicators).",
    },
    options: {
      max_per_agreement: { type: 'integer', default: 10, minimum: 1, description: 'Most indicators one agreement may list.' },
      max_per_framework: { type: 'integer', default: 100, minimum: 1, description: 'Most indicators one framework file may define.' },
    },
    knowledge: ['theory/target-overload', 'key/agreement.indicators'],
    visits: ['agreement'],
    linksOnly: true,
  },
  checkObject(context, a) {
    const perAgreement = context.options.max_per_agreement;
    const n = new Set(list(a.value.indicators).filter((r) => typeof r === 'string')).size;
    if (n <= perAgreement) return;
    context.report({
      messageId: 'agreementOverload',
      path: [...a.path, 'indicators'],
      on: 'key',
      data: { agreement: labelOf(a, { capitalised: true }), count: n, max: perAgreement },
    });
  },
  check(context) {
    const { model } = context;
    const perFramework = context.options.max_per_framework;
    if (model.indicators.length > perFramework) {
      context.report({
        messageId: 'frameworkOverload',
        path: ['indicators'],
        on: 'key',
        data: { count: model.indicators.length, max: perFramework },
      });
    }
  },
});
