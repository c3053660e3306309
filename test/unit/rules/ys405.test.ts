import { ys405 } from '../../../server/src/rules/ys405-missing-owner';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys405, {
  valid: [
    { name: 'with owners', code: `${HEAD}indicators:\n  - { id: a, owner: DWP }\nagreements:\n  - { id: b, owner: SRO }\n` },
    {
      name: 'indicators are owned through the agreements that use them (a PSA lead department, a goal leader)',
      code: `${HEAD}indicators:\n  - { id: a }\n  - { id: orphan }\nagreements:\n  - { id: b, owner: SRO, indicators: [a] }\n`,
    },
  ],
  invalid: [
    {
      name: 'an agreement without owner, on its id',
      code: `${HEAD}indicators:\n  - id: recovered\n    title: Overpayments recovered\nagreements:\n  - id: deal\n    owner: ""\n`,
      errors: [
        {
          messageId: 'agreementOwner',
          message: /^Agreement "deal" has no owner: name the senior responsible owner \(UK\) or goal leader \(US\)/,
          at: 'deal',
        },
      ],
    },
    {
      name: 'an indicator without owner in a file without agreements (an indicator library), on its id',
      code: `${HEAD}indicators:\n  - id: recovered\n    title: Overpayments recovered\n`,
      errors: [
        {
          messageId: 'indicatorOwner',
          message: 'Indicator "recovered" has no owner: name the organisation or official accountable for it in `owner`.',
          at: 'recovered',
        },
      ],
    },
  ],
});
