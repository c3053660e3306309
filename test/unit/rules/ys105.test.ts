import { ys105 } from '../../../server/src/rules/ys105-target-outside-period';
import { HEAD, ruleTester } from './rule-tester';

const agreement = (id: string, end: string) => `  - id: ${id}\n    period: { start: 2020-04-01, end: ${end} }\n    indicators: [x]\n`;

ruleTester(ys105, {
  valid: [
    {
      name: "a later target beside one inside the cycle is its trajectory (a PAR's next-year target)",
      code: `${HEAD}indicators:\n  - id: days\n    targets: [{ value: 145, date: 2023-09-30 }, { value: 140, date: 2024-09-30 }, { value: 125 }]\n`,
    },
    {
      name: 'one owning agreement covers the date; bad dates are left alone',
      code: `${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2023-06-30 }, { value: 2, date: 2023-02-30 }, { value: 3, date: 20230101 }]\nagreements:\n${agreement('a1', '2022-03-31')}${agreement('a2', '2024-03-31')}`,
    },
  ],
  invalid: [
    {
      name: 'a date after the framework period, on the date',
      code: `${HEAD}indicators:\n  - id: late\n    targets:\n      - { value: 60, date: 2025-03-31 }\n`,
      errors: [
        {
          messageId: 'outsideFramework',
          message: /^Target date 2025-03-31 of indicator "late" is outside the framework period \(2020-04-01 to 2024-03-31\)/,
          at: '2025-03-31',
        },
      ],
    },
    {
      name: 'a date outside the one owning agreement',
      code: `${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2023-06-30 }]\nagreements:\n${agreement('a1', '2022-03-31')}`,
      errors: [{ messageId: 'outsideAgreement', message: /outside the period of agreement "a1" \(2020-04-01 to 2022-03-31\)/ }],
    },
    {
      name: 'a date outside every owning agreement',
      code: `${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2023-06-30 }]\nagreements:\n${agreement('a1', '2022-03-31')}${agreement('a2', '2021-03-31')}`,
      errors: [
        {
          messageId: 'outsideEveryAgreement',
          message:
            'Target date 2023-06-30 of indicator "x" is outside the period of every agreement that uses it (agreement "a1", agreement "a2"): it cannot be judged within the cycle. Move the date inside the period or extend the period.',
          at: '2023-06-30',
        },
      ],
    },
  ],
});
