import { ys304 } from '../../../server/src/rules/ys304-missing-cycle-activity';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys304, {
  valid: [
    {
      name: 'the cycle is complete',
      code: `${HEAD}stages:\n  - { id: a, activities: [plan, monitor] }\n  - { id: b, activities: [evaluate, improve] }\n`,
    },
    { name: 'no stages', code: HEAD },
  ],
  invalid: [
    {
      name: 'the missing activities, on the stages key',
      code: `${HEAD}stages:\n  - { id: a, activities: [plan, monitor] }\n  - { id: b, activities: [report] }\n`,
      errors: [{ messageId: 'missingActivities', message: /^No stage includes the activities evaluate, improve:/, at: 'stages' }],
    },
    {
      name: 'activities that are not a list count for nothing',
      code: `${HEAD}stages:\n  - { id: a, activities: plan }\n`,
      errors: [{ messageId: 'missingActivities' }],
    },
    {
      name: 'a single missing activity',
      code: `${HEAD}stages:\n  - { id: a, activities: [plan, monitor, evaluate] }\n`,
      errors: [
        {
          messageId: 'missingActivity',
          message:
            'No stage includes the activity improve: the management cycle (plan, monitor, evaluate, improve) is incomplete and the framework cannot learn from its results. Add it to the `activities` of a stage.',
        },
      ],
    },
  ],
});
