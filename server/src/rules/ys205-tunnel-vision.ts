import { defineRule } from './rule';
import { S } from './sources';
import { indicatorsOf, labelOf, typeOf } from './util';

const ACTIVITY_TYPES = new Set(['input', 'process', 'output']);

export const ys205 = defineRule({
  meta: {
    id: 'YS205',
    name: 'tunnel-vision',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description: 'An agreement has two or more indicators, all of one type other than outcome, so what that type leaves out is neglected.',
    sources: [S.smith1995, S.bevanHood],
    fixable: false,
    messages: {
      oneType:
        'All {{count}} indicators of {{agreement}} are of type {{type}}: add a measure of another kind ({{others}}) so the unmeasured aspects are not crowded out.',
    },
    options: {
      min_indicators: {
        type: 'integer',
        default: 2,
        minimum: 2,
        description: 'Smallest number of indicators for which a single type is reported.',
      },
    },
    knowledge: ['theory/smith-1995', 'theory/output-distortion', 'theory/targets-and-terror'],
    visits: ['agreement'],
    crossObject: true,
  },
  checkObject(context, a) {
    const min = context.options.min_indicators;
    const { resolved, unresolved } = indicatorsOf(context.model, a);
    if (resolved.length < min || unresolved > 0) return;
    const types = new Set(resolved.map(typeOf));
    if (types.size !== 1) return;
    const [type] = [...types];
    // All outputs (or inputs or processes) is YS107's stronger finding: do not report twice.
    // A basket of outcome indicators is what outcome-focused regimes ask for (CSR 2007 PSAs, YS107).
    if (type === undefined || ACTIVITY_TYPES.has(type) || type === 'outcome') return;
    context.report({
      messageId: 'oneType',
      data: {
        count: resolved.length,
        agreement: labelOf(a),
        type,
        others: ['outcome', 'quality', 'satisfaction', 'efficiency'].filter((t) => t !== type).join(', '),
      },
      path: [...a.path, 'indicators'],
      on: 'key',
    });
  },
});
