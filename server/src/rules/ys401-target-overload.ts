import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { list, numOption } from './util';

export const ys401: Rule = {
  meta: {
    id: 'YS401',
    name: 'target-overload',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement has more than 10 indicators, or the framework more than 100: too many targets to manage or to mean anything.',
    sources: [S.ifgPsa, S.economist2000, S.naoThirdHc127, S.treasuryCttee2007, S.csw],
    fixable: false,
    options: {
      max_per_agreement: { type: 'integer', default: 10, minimum: 1, description: 'Most indicators one agreement may list.' },
      max_per_framework: { type: 'integer', default: 100, minimum: 1, description: 'Most indicators one framework file may define.' },
    },
    knowledge: ['theory/target-overload', 'key/agreement.indicators'],
  },
  check(context) {
    const { model } = context;
    const perAgreement = numOption(context.options, 'max_per_agreement', 10);
    const perFramework = numOption(context.options, 'max_per_framework', 100);
    for (const a of model.agreements) {
      const n = new Set(list(a.value.indicators).filter((r) => typeof r === 'string')).size;
      if (n <= perAgreement) continue;
      context.report({
        message: `${describe(a).replace(/^agreement/, 'Agreement')} lists ${n} indicators, more than ${perAgreement}: keep the few that matter (UK SR2004 guidance allowed at most 10 per department).`,
        path: [...a.path, 'indicators'],
        on: 'key',
        data: { count: n, max: perAgreement },
      });
    }
    if (model.indicators.length > perFramework) {
      context.report({
        message: `The framework defines ${model.indicators.length} indicators, more than ${perFramework}: target overload (the UK's 1998 PSAs had about 600 targets and were cut at every later review).`,
        path: ['indicators'],
        on: 'key',
        data: { count: model.indicators.length, max: perFramework },
      });
    }
  },
};
