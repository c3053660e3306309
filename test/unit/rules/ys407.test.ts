import { ys407 } from '../../../server/src/rules/ys407-empty-agreement';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys407, {
  valid: [
    {
      name: 'with indicators; a missing list is left to YS002',
      code: `${HEAD}agreements:\n  - { id: a, indicators: [x] }\n  - { id: b, title: No list }\n`,
    },
  ],
  invalid: [
    {
      name: 'an empty indicators list, on its key',
      code: `${HEAD}agreements:\n  - id: digital\n    indicators: []   # none yet\n`,
      errors: [
        {
          messageId: 'empty',
          message: 'Agreement "digital" lists no indicators: add at least one measure of what it promises.',
          at: 'indicators',
        },
      ],
    },
  ],
});
