import { ys301 } from '../../../server/src/rules/ys301-short-horizon';
import { HEAD, ruleTester } from './rule-tester';

const head = (period: string) => HEAD.replace('{ start: 2020-04-01, end: 2024-03-31 }', period);

ruleTester(ys301, {
  valid: [
    {
      name: 'a file of priority goals (24 months by statute) or annual key targets has the horizon of its kind',
      code: `${head('{ start: 2021-10-01, end: 2023-09-30 }')}agreements:\n  - { id: roads, kind: agency-priority-goal }\n  - { id: air, kind: agency-priority-goal }\n`,
    },
    {
      name: 'short_kinds can be narrowed',
      code: `${head('{ start: 1998-04-01, end: 1999-03-31 }')}agreements:\n  - { id: keys, kind: framework-document }\n`,
      options: { short_kinds: 'framework-document' },
    },
    {
      name: 'exactly four years (inclusive days), and other kinds',
      code: `${HEAD}agreements:\n  - { id: p, kind: strategic-plan, period: { start: 2022-10-01, end: 2026-09-30 } }\n  - { id: a, kind: annual-performance-plan, period: { start: 2022-10-01, end: 2023-09-30 } }\n`,
    },
    { name: 'honours min_years', code: head('{ start: 2020-01-01, end: 2022-12-31 }'), options: { min_years: 3 } },
    { name: 'an invalid date', code: head('{ start: 2020-01-01, end: soon }') },
  ],
  invalid: [
    {
      name: 'one agreement of another kind brings the framework back under the minimum',
      code: `${head('{ start: 2021-10-01, end: 2023-09-30 }')}agreements:\n  - { id: roads, kind: agency-priority-goal }\n  - { id: plan, kind: delivery-agreement }\n`,
      errors: [{ messageId: 'shortHorizon', at: '{ start: 2021-10-01, end: 2023-09-30 }' }],
    },
    {
      name: 'a framework period under four years, on the period',
      code: head('{ start: 2020-01-01, end: 2022-12-31 }'),
      errors: [
        {
          messageId: 'shortHorizon',
          message: /^The framework covers 2020-01-01 to 2022-12-31, less than 4 years/,
          at: '{ start: 2020-01-01, end: 2022-12-31 }',
          range: { start: { line: 5, character: 10 }, end: { line: 5, character: 48 } },
        },
      ],
    },
    {
      name: 'a short strategic plan, on its block period key',
      code: `${HEAD}agreements:\n  - id: plan\n    kind: strategic-plan\n    period:\n      start: 2022-10-01\n      end: 2025-09-30\n`,
      errors: [{ message: /^Strategic plan "plan" covers 2022-10-01 to 2025-09-30/, at: ['period', 'id: plan'] }],
    },
  ],
});
