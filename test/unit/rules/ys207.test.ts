import { ys207 } from '../../../server/src/rules/ys207-slack-target';
import { HEAD, ruleTester } from './rule-tester';

// China's 2024 floor for new urban jobs, below the 12.44 million of 2023.
const floor = `${HEAD}indicators:
  - id: new-jobs
    direction: increase
    baseline: { value: 12440000, date: 2023-12-31 }
    targets:
      - { value: 12000000, date: 2024-12-31, kind: floor }
`;
// New Zealand's NCEA Level 2 target for 2017, met in 2016.
const level = `${HEAD}indicators:
  - id: ncea
    direction: increase
    baseline: { value: 74.3, date: 2011-12-31 }
    targets:
      - { value: 85, date: 2017-12-31 }
    actuals:
      - { value: 83.3, date: 2015-12-31 }
      - { value: 85.2, date: 2016-12-31 }
`;

ruleTester(ys207, {
  valid: [
    { name: 'a floor above what was achieved', code: floor.replace('value: 12000000', 'value: 12600000') },
    {
      name: "a level target the baseline beats is YS104's contradiction, not slack",
      code: `${HEAD}indicators:\n  - { id: a, direction: increase, baseline: { value: 80, date: 2020-01-31 }, targets: [{ value: 70, date: 2021-12-31 }] }\n`,
    },
    { name: 'met on the date itself is the result, not slack', code: level.replace('2016-12-31', '2017-12-31') },
    {
      // New Zealand's eight-month immunisation: 90% by June 2014 (met in March), then 95% by December 2014.
      name: 'an interim step met on the way to a later target not yet met is a trajectory, not slack',
      code: `${HEAD}indicators:\n  - { id: immunised, direction: increase, targets: [{ value: 90, date: 2014-06-30 }, { value: 95, date: 2014-12-31 }], actuals: [{ value: 91, date: 2014-03-31 }] }\n`,
    },
    {
      name: 'bands, running totals, maintain, undated targets',
      code: `${HEAD}indicators:\n  - { id: a, direction: increase, baseline: { value: 5.2, date: 2023-12-31 }, targets: [{ value: 5, date: 2024-12-31, kind: around }, { value: 3, date: 2024-12-31, kind: cumulative }] }\n  - { id: b, direction: maintain, baseline: { value: 96, date: 2021-09-30 }, targets: [{ value: 80, date: 2023-09-30, kind: floor }] }\n  - { id: c, direction: increase, actuals: [{ value: 9, date: 2020-01-01 }], targets: [{ value: 5 }] }\n`,
    },
  ],
  invalid: [
    {
      name: 'a floor below the baseline, on the target value',
      code: floor,
      errors: [
        {
          messageId: 'alreadyMet',
          severity: 'warning',
          message:
            'Target 12000000 (2024-12-31) of indicator "new-jobs" is already met: the baseline was 12440000 on 2023-12-31. A target that is already met asks for no improvement; set a more demanding one, or make the direction `maintain` if holding the level is the aim.',
          at: '12000000',
        },
      ],
    },
    {
      name: 'a level target an earlier actual has met',
      code: level,
      errors: [
        {
          message: /^Target 85 \(2017-12-31\) of indicator "ncea" is already met: the actual was 85\.2 on 2016-12-31/,
          at: ['85', 'targets'],
        },
      ],
    },
    {
      name: 'a trajectory whose later step is met too: both steps are slack',
      code: `${HEAD}indicators:\n  - { id: immunised, direction: increase, targets: [{ value: 90, date: 2014-06-30 }, { value: 95, date: 2014-12-31 }], actuals: [{ value: 96, date: 2014-03-31 }] }\n`,
      errors: [{ at: ['90', 'value: 90'] }, { at: ['95', 'value: 95'] }],
    },
    {
      name: 'a ceiling already kept, and a decrease already passed',
      code: `${HEAD}indicators:\n  - { id: redefault, direction: decrease, baseline: { value: 22, date: 2021-09-30 }, targets: [{ value: 30, date: 2023-09-30, kind: ceiling }] }\n  - { id: youth-crime, direction: decrease, baseline: { value: 0, date: 2011-06-30 }, targets: [{ value: -25, date: 2017-06-30 }], actuals: [{ value: -32, date: 2016-09-30 }] }\n`,
      errors: [{ at: ['30', 'value: 30'] }, { at: '-25' }],
    },
  ],
});
