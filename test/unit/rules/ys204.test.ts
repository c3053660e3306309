import { ys204 } from '../../../server/src/rules/ys204-threshold-cliff';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: cleared
    linked_to_pay: true
    targets:
      - { value: 95, date: 2021-12-31 }
agreements:
  - { id: ceo, indicators: [cleared] }
`;

ruleTester(ys204, {
  valid: [
    {
      name: 'an unpaid companion in the agreement',
      code: `${bad}  - { id: balanced, indicators: [cleared, waits] }\n`
        .replace('agreements:', '  - { id: waits, type: quality }\nagreements:')
        .replace('  - { id: ceo, indicators: [cleared] }\n', ''),
    },
    {
      name: 'several targets',
      code: bad.replace(
        '      - { value: 95, date: 2021-12-31 }\n',
        '      - { value: 90, date: 2021-12-31 }\n      - { value: 95, date: 2022-12-31 }\n',
      ),
    },
    { name: 'no pay link', code: bad.replace('linked_to_pay: true', 'linked_to_pay: false') },
  ],
  invalid: [
    {
      name: 'a pay-linked single threshold without a companion, on the target',
      code: bad,
      errors: [
        {
          messageId: 'thresholdCliff',
          message: /^Indicator "cleared" is linked to pay through one threshold target \(95\) with no companion measure/,
          at: '{ value: 95, date: 2021-12-31 }',
        },
      ],
    },
  ],
});
