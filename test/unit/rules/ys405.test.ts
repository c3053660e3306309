import { ys405 } from '../../../server/src/rules/ys405-missing-owner';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys405, {
  valid: [{ name: 'with owners', code: `${HEAD}indicators:\n  - { id: a, owner: DWP }\nagreements:\n  - { id: b, owner: SRO }\n` }],
  invalid: [
    {
      name: 'indicators and agreements without owner, on their ids',
      code: `${HEAD}indicators:\n  - id: recovered\n    title: Overpayments recovered\nagreements:\n  - id: deal\n    owner: ""\n`,
      errors: [
        { messageId: 'indicatorOwner', message: 'Indicator "recovered" has no owner: name the organisation or official accountable for it in `owner`.', at: 'recovered' },
        { messageId: 'agreementOwner', message: /^Agreement "deal" has no owner: name the senior responsible owner \(UK\) or goal leader \(US\)/, at: 'deal' },
      ],
    },
  ],
});
