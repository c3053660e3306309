import { ys109 } from '../../../server/src/rules/ys109-actuals-against-direction';
import { HEAD, ruleTester } from './rule-tester';

// New Zealand's Better Public Services result 7: violent crime against its June 2011 level.
const bad = `${HEAD}indicators:
  - id: violent-crime
    unit: percent-change-from-2011
    direction: decrease
    baseline: { value: 0, date: 2011-06-30 }
    targets:
      - { value: -20, date: 2017-06-30 }
    actuals:
      - { value: -2, date: 2016-09-30 }
      - { value: 3, date: 2017-03-31 }
`;

ruleTester(ys109, {
  valid: [
    { name: 'results moving the right way', code: bad.replace('value: 3, date', 'value: -6, date') },
    {
      name: 'the file says why in notes',
      code: bad.replace('    targets:', '    notes: Family violence reporting rose after a police campaign.\n    targets:'),
    },
    {
      name: 'a band has no direction to move in (GDP "around 5 percent" after 5.2)',
      code: `${HEAD}indicators:\n  - { id: gdp, direction: increase, baseline: { value: 5.2, date: 2023-12-31 }, targets: [{ value: 5, kind: around }], actuals: [{ value: 5, date: 2024-12-31 }] }\n`,
    },
    {
      name: 'maintain, odd values, one actual and no baseline',
      code: `${HEAD}indicators:\n  - { id: a, direction: maintain, baseline: { value: 5 }, actuals: [{ value: 1, date: 2021-01-01 }] }\n  - { id: b, direction: increase, actuals: [{ value: 1, date: 2021-01-01 }] }\n  - { id: c, direction: increase, baseline: { value: x }, actuals: [{ value: y, date: 2021-01-01 }] }\n`,
    },
  ],
  invalid: [
    {
      name: 'the latest actual worse than the baseline, on that actual',
      code: bad,
      errors: [
        {
          messageId: 'againstDirection',
          severity: 'warning',
          message:
            'The latest actual 3 (2017-03-31) of indicator "violent-crime" is above the baseline 0 (2011-06-30) although the direction is decrease: results are moving away from the targets. Say why in `notes` and what will change.',
          at: ['3', 'value: 3, date'],
        },
      ],
    },
    {
      name: 'without a baseline, against the earliest actual',
      code: `${HEAD}indicators:\n  - { id: accuracy, direction: increase, actuals: [{ value: 87, date: 2004-09-30 }, { value: 84, date: 2005-09-30 }] }\n`,
      errors: [
        {
          message: /^The latest actual 84 \(2005-09-30\) of indicator "accuracy" is below the earliest actual 87 \(2004-09-30\)/,
          at: '84',
        },
      ],
    },
  ],
});
