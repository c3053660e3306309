import { ys101 } from '../../../server/src/rules/ys101-missing-baseline';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: ae-wait   # A&E
    title: Patients seen within four hours
    type: quality
    unit: percent
    direction: increase
    targets:
      - { value: 98, date: 2023-03-31 }
    actuals:
      - { value: 91, date: 2021-03-31 }  # first actual
`;
const flow = `${HEAD}indicators:\n  - { id: x, title: X, type: outcome, unit: count, direction: increase, targets: [{ value: 5, date: 2022-01-01 }] }  # flow\n`;

ruleTester(ys101, {
  valid: [
    {
      name: 'judged without a baseline: a text milestone, holding the level, a running total, a reference period, results back to the framework start (VA 2001-2005)',
      code: `${HEAD}indicators:\n  - { id: milestone, unit: text, direction: increase, targets: [{ value: continued improvements }] }\n  - { id: held, unit: percent, direction: maintain, targets: [{ value: 95, date: 2023-09-30 }] }\n  - { id: extra-homes, unit: count, direction: increase, targets: [{ value: 20000, date: 2023-09-30, kind: cumulative }] }\n  - { id: homeless, unit: count, direction: decrease, baseline: { period: { start: 2020-01-01, end: 2020-12-31 } }, targets: [{ value: 100, date: 2023-09-30 }] }\n  - id: days\n    unit: days\n    direction: decrease\n    targets: [{ value: 145, date: 2023-09-30 }]\n    actuals: [{ value: 181, date: 2019-09-30 }, { value: 167, date: 2021-09-30 }]\n`,
    },
    {
      name: 'a standing band (within-range, floor and ceiling): met by staying inside it, not by moving from a start (Highways Agency 2003-04, 7-8%)',
      code: `${HEAD}indicators:\n  - id: network-requiring-maintenance\n    unit: percent\n    direction: within-range\n    targets:\n      - { value: 7, date: 2004-03-31, kind: floor }\n      - { value: 8, date: 2004-03-31, kind: ceiling }\n`,
    },
    {
      name: 'with a baseline, or without targets',
      code: `${HEAD}indicators:\n  - id: a\n    baseline: { value: 1, date: 2020-01-01 }\n    targets: [{ value: 2, date: 2021-01-01 }]\n  - id: b\n    targets: []\n`,
    },
  ],
  invalid: [
    {
      name: 'on the targets key; inserts a baseline from the first actual and the framework start (placeholders)',
      code: bad,
      errors: [
        {
          messageId: 'missingBaseline',
          severity: 'warning',
          message:
            'Indicator "ae-wait" has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.',
          range: { start: { line: 12, character: 4 }, end: { line: 12, character: 11 } },
          at: 'targets',
          fixes: [{ safe: false, newText: '    baseline: { value: 91, date: 2020-04-01 }\n', placeholders: ['91', '2020-04-01'] }],
        },
      ],
      output: bad.replace('  # first actual\n', '  # first actual\n    baseline: { value: 91, date: 2020-04-01 }\n'),
    },
    {
      name: 'an "around" target with a direction still needs one: it moves from somewhere (China 2024, energy intensity "a drop of around 2.5 percent")',
      code: `${HEAD}indicators:\n  - id: energy-intensity-drop\n    unit: percent\n    direction: increase\n    targets:\n      - { value: 2.5, date: 2024-12-31, kind: around }\n`,
      errors: [{ message: /^Indicator "energy-intensity-drop" has targets but no baseline/ }],
    },
    {
      name: 'uses 0 when there is no actual',
      code: flow,
      errors: [{ message: /^Indicator "x" has targets but no baseline/ }],
      output: flow.replace('2022-01-01 }] }', '2022-01-01 }], baseline: { value: 0, date: 2020-04-01 } }'),
    },
  ],
});
