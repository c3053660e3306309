import { ys104 } from '../../../server/src/rules/ys104-target-against-direction';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: on-time
    direction: increase   # higher is better
    baseline: { value: 80, date: 2020-01-31 }
    targets:
      - { value: 70, date: 2021-12-31 }
`;

ruleTester(ys104, {
  valid: [
    {
      name: 'floors, ceilings, bands and running totals are limits, not levels (China 2024: grain "over 650 million tonnes" after 695 million)',
      code: `${HEAD}indicators:\n  - id: grain\n    direction: increase\n    baseline: { value: 695, date: 2023-12-31 }\n    targets: [{ value: 650, date: 2024-12-31, kind: floor }]\n  - id: jobless\n    direction: decrease\n    baseline: { value: 5.2, date: 2023-12-31 }\n    targets: [{ value: 5.5, date: 2024-12-31, kind: around }, { value: 6, kind: ceiling }]\n  - id: homes\n    direction: increase\n    baseline: { value: 100 }\n    targets: [{ value: 20, kind: cumulative }]\n`,
    },
    {
      name: 'targets in the direction, maintain, and odd values',
      code: `${HEAD}indicators:\n  - id: a\n    direction: decrease\n    baseline: { value: 80 }\n    targets: [{ value: 70 }, { value: 80 }]\n  - id: b\n    direction: maintain\n    baseline: { value: 80 }\n    targets: [{ value: 70 }]\n  - id: c\n    direction: increase\n    baseline: { value: high }\n    targets: [{ value: 1 }, 3, null]\n`,
    },
  ],
  invalid: [
    {
      name: 'a warning on the target value; flips the direction',
      code: bad,
      errors: [
        {
          messageId: 'againstDirection',
          severity: 'warning',
          message:
            'Target 70 of indicator "on-time" is below the baseline 80 although the direction is increase: fix the target or the direction.',
          at: '70',
        },
      ],
      output: bad.replace('direction: increase   # higher', 'direction: decrease   # higher'),
    },
    {
      name: 'no flip when other targets agree with the direction',
      code: bad.replace(
        '      - { value: 70, date: 2021-12-31 }\n',
        '      - { value: 70, date: 2021-12-31 }\n      - { value: 90, date: 2022-12-31 }\n',
      ),
      errors: [{ fixes: [] }],
    },
  ],
});
