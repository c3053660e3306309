import { ys409 } from '../../../server/src/rules/ys409-missing-objective';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys409, {
  valid: [{ name: 'with an objective', code: `${HEAD}agreements:\n  - { id: a, objective: More people in sustained work. }\n` }],
  invalid: [
    {
      name: 'on the agreement id',
      code: `${HEAD}agreements:\n  - id: support\n    title: Support agreement\n`,
      errors: [
        {
          messageId: 'noObjective',
          severity: 'info',
          message: /^Agreement "support" has no objective: state in words the outcome it seeks/,
          at: 'support',
        },
      ],
    },
  ],
});
