import { defineRule } from './rule';
import { S } from './sources';
import { absent, labelOf } from './util';

export const ys405 = defineRule({
  meta: {
    id: 'YS405',
    name: 'missing-owner',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An indicator or agreement names no `owner`: nobody is accountable for it.',
    sources: [S.gpramaStatute, S.performanceGov, S.cabinetOfficePsa, S.ifgPsa],
    fixable: false,
    messages: {
      indicatorOwner: '{{label}} has no owner: name the organisation or official accountable for it in `owner`.',
      agreementOwner: '{{label}} has no owner: name the senior responsible owner (UK) or goal leader (US) answerable for it in `owner`.',
    },
    knowledge: ['key/indicator.owner', 'theory/pmdu', 'theory/gpramodernization-act'],
    visits: ['indicator', 'agreement'],
  },
  checkObject(context, o) {
    if (!absent(o.value.owner)) return;
    context.report({
      messageId: o.kind === 'indicator' ? 'indicatorOwner' : 'agreementOwner',
      data: { label: labelOf(o, { capitalised: true }) },
      path: o.path,
    });
  },
});
