import { ys102 } from '../../../server/src/rules/ys102-target-without-date';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: first-contact
    baseline: { value: 50, date: 2020-01-31 }
    targets:
      - { value: 60 }   # undated
agreements:
  - id: claims
    period: { start: 2020-04-01, end: 2022-03-31 }
    indicators: [first-contact]
`;
const block = `${HEAD}indicators:\n  - id: x\n    targets:\n      - value: 60\n        note: stretch   # keep\n`;

ruleTester(ys102, {
  valid: [{ name: 'dated targets', code: `${HEAD}indicators:\n  - id: x\n    targets: [{ value: 1, date: 2021-01-01 }, "odd"]\n` }],
  invalid: [
    {
      name: "on the target item; inserts the owning agreement's period end",
      code: bad,
      errors: [
        {
          messageId: 'undated',
          message: /^Target 1 of indicator "first-contact" has no date/,
          at: '{ value: 60 }',
          fixes: [{ safe: false }],
        },
      ],
      output: bad.replace('{ value: 60 }   # undated', '{ value: 60, date: 2022-03-31 }   # undated'),
    },
    {
      name: 'falls back to the framework period end; block targets',
      code: block,
      errors: [{ at: ['value', 'targets'] }],
      output: block.replace('# keep\n', '# keep\n        date: 2024-03-31\n'),
    },
  ],
});
