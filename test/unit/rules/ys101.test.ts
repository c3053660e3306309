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
    { name: 'with a baseline, or without targets', code: `${HEAD}indicators:\n  - id: a\n    baseline: { value: 1, date: 2020-01-01 }\n    targets: [{ value: 2, date: 2021-01-01 }]\n  - id: b\n    targets: []\n` },
  ],
  invalid: [
    {
      name: 'on the targets key; inserts a baseline from the first actual and the framework start (placeholders)',
      code: bad,
      errors: [
        {
          messageId: 'missingBaseline',
          severity: 'warning',
          message: 'Indicator "ae-wait" has targets but no baseline: progress cannot be judged without a starting point. Add `baseline: { value, date }`.',
          range: { start: { line: 12, character: 4 }, end: { line: 12, character: 11 } },
          at: 'targets',
          fixes: [{ safe: false, newText: '    baseline: { value: 91, date: 2020-04-01 }\n', placeholders: ['91', '2020-04-01'] }],
        },
      ],
      output: bad.replace('  # first actual\n', '  # first actual\n    baseline: { value: 91, date: 2020-04-01 }\n'),
    },
    {
      name: 'uses 0 when there is no actual',
      code: flow,
      errors: [{ message: /^Indicator "x" has targets but no baseline/ }],
      output: flow.replace('2022-01-01 }] }', '2022-01-01 }], baseline: { value: 0, date: 2020-04-01 } }'),
    },
  ],
});
