import { ys410 } from '../../../server/src/rules/ys410-promise-without-targets';
import { HEAD, ruleTester } from './rule-tester';

// The DfE's 2021-22 Outcome Delivery Plan: metrics without targets.
const inds = `${HEAD}indicators:\n  - { id: level-3, unit: percent }\n  - { id: gap, unit: index }\n  - { id: targeted, unit: percent, targets: [{ value: 60, date: 2022-03-31 }] }\n`;

ruleTester(ys410, {
  valid: [
    { name: 'one indicator with a target is enough', code: `${inds}agreements:\n  - { id: plan, indicators: [level-3, targeted] }\n` },
    {
      name: 'empty (YS407) or with indicators of another file',
      code: `${inds}agreements:\n  - { id: a, indicators: [] }\n  - { id: b, indicators: [level-3, other-fw#x] }\n`,
    },
  ],
  invalid: [
    {
      name: 'indicators and no target: on the indicators key',
      code: `${inds}agreements:\n  - id: plan\n    indicators: [level-3, gap]\n`,
      errors: [
        {
          messageId: 'noTargets',
          severity: 'warning',
          message:
            'Agreement "plan" lists 2 indicators but none has a target: it promises nothing that can be checked. Give the indicators targets, each a value and a date.',
          at: ['indicators', 'id: plan'],
        },
      ],
    },
    {
      name: 'one indicator',
      code: `${inds}agreements:\n  - { id: one, indicators: [gap] }\n`,
      errors: [{ message: /^Agreement "one" lists 1 indicator but none/ }],
    },
  ],
});
