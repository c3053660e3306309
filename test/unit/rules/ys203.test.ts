import { ys203 } from '../../../server/src/rules/ys203-ratchet-target';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: letters
    direction: increase
    actuals:
      - { value: 88, date: 2020-03-31 }
      - { value: 90, date: 2021-03-31 }
    targets:
      - { value: 91, date: 2021-12-31, set: 2021-05-01 }
      - { value: 99, date: 2023-12-31 }
`;

ruleTester(ys203, {
  valid: [
    { name: 'honours max_step', code: bad, options: { max_step: 0.01 } },
    { name: 'a real step', code: bad.replace('value: 91', 'value: 95') },
    {
      name: 'without the date the target was set, nobody can tell which results were known (VA FY 2005: 119 days after 120)',
      code: bad.replace(', set: 2021-05-01', ''),
    },
    { name: 'a result that came in after the target was set', code: bad.replace('set: 2021-05-01', 'set: 2021-01-15') },
    { name: 'bands and running totals', code: bad.replace(', set: 2021-05-01', ', set: 2021-05-01, kind: around') },
    { name: 'maintain', code: bad.replace('direction: increase', 'direction: maintain') },
    {
      name: 'no numeric actual',
      code: `${HEAD}indicators:\n  - { id: a, direction: increase, targets: [{ value: 1, date: 2021-01-01 }], actuals: [{ value: x, date: 2020-01-01 }] }\n`,
    },
  ],
  invalid: [
    {
      name: 'the first target after the latest actual, within 2%',
      code: bad,
      errors: [
        {
          messageId: 'ratchet',
          severity: 'info',
          message: /^Target 91 \(2021-12-31\) of indicator "letters" is only 1\.1% from the latest actual 90 \(2021-03-31\)/,
          at: '91',
        },
      ],
    },
    { name: 'a larger max_step', code: bad.replace('value: 91', 'value: 94'), options: { max_step: 0.05 }, errors: [{ at: '94' }] },
  ],
});
