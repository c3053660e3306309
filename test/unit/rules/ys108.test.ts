import { ys108 } from '../../../server/src/rules/ys108-unit-mismatch';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys108, {
  valid: [
    {
      name: 'one scale, or other units',
      code: `${HEAD}indicators:\n  - id: a\n    unit: percent\n    baseline: { value: 0.5 }\n    targets: [{ value: 0.2 }, { value: 1 }]\n  - id: b\n    unit: ratio\n    baseline: { value: 0.5 }\n    targets: [{ value: 7 }]\n`,
    },
    {
      name: 'a small percentage is not a fraction (CPI up 0.2% in 2023, "around 3%" in 2024)',
      code: `${HEAD}indicators:\n  - id: cpi\n    unit: percent\n    baseline: { value: 0.2, date: 2023-12-31 }\n    targets: [{ value: 3, date: 2024-12-31 }]\n`,
    },
    {
      name: 'a fraction unit on its own scale',
      code: `${HEAD}indicators:\n  - id: share\n    unit: fraction\n    baseline: { value: 0.77 }\n    targets: [{ value: 0.95 }, { value: 1 }]\n`,
    },
    { name: 'odd values', code: `${HEAD}indicators: [{ id: c, unit: percent, baseline: 5, targets: oops }]\n` },
  ],
  invalid: [
    {
      name: 'a fraction among 0-100 percentages, on the fraction',
      code: `${HEAD}indicators:\n  - id: online\n    unit: percent\n    baseline: { value: 0.77, date: 2020-01-31 }\n    targets:\n      - { value: 95, date: 2021-12-31 }\n`,
      errors: [
        {
          messageId: 'mixedScales',
          message:
            'Indicator "online" mixes scales: 0.77 looks like a fraction of 1 while 95 is on the 0-100 scale. Write percentages on the 0-100 scale (77, not 0.77), or use the unit `fraction` for values between 0 and 1.',
          at: '0.77',
        },
      ],
    },
    {
      name: 'a fraction value above 1, on it',
      code: `${HEAD}indicators:\n  - id: share\n    unit: fraction\n    baseline: { value: 0.77 }\n    targets: [{ value: 95 }]\n`,
      errors: [
        {
          messageId: 'fractionAboveOne',
          message:
            'Indicator "share" is in `fraction` (0 to 1) but 95 is above 1: write it as a fraction, or change the unit to `percent`.',
          at: '95',
        },
      ],
    },
  ],
});
