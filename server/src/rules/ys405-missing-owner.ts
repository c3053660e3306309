import { defineRule } from './rule';
import { S } from './sources';
import { absent, labelOf } from './util';

export const ys405 = defineRule({
  meta: {
    id: 'YS405',
    name: 'missing-owner',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An agreement, or an indicator in a file without agreements, names no `owner`: nobody is accountable for it.',
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
    // Where there are agreements, their agents and owners answer for the indicators they use
    // (a PSA's lead department, a priority goal's leader); an indicator no agreement uses is
    // YS406's. Only an indicator library (a file without agreements) needs owners per indicator.
    if (o.kind === 'indicator' && context.model.agreements.length > 0) return;
    context.report({
      messageId: o.kind === 'indicator' ? 'indicatorOwner' : 'agreementOwner',
      data: { label: labelOf(o, { capitalised: true }) },
      path: o.path,
    });
  },
});
