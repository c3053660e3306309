import { ys107 } from '../../../server/src/rules/ys107-output-only';
import { HEAD, ruleTester } from './rule-tester';

const inds = `${HEAD}indicators:\n  - { id: visits, type: output }\n  - { id: trained, type: process }\n  - { id: better-off, type: outcome }\n`;

ruleTester(ys107, {
  valid: [
    {
      name: 'with an outcome, with external references, or with none',
      code: `${inds}agreements:\n  - { id: a, indicators: [visits, better-off] }\n  - { id: b, indicators: [visits, other-fw#x] }\n  - { id: c, indicators: [] }\n`,
    },
  ],
  invalid: [
    {
      name: 'an agreement of outputs and processes, on its indicators key',
      code: `${inds}agreements:\n  - id: field\n    indicators: [visits, trained]\n`,
      errors: [
        {
          messageId: 'activityOnly',
          message: /^Agreement "field" measures only output and process: add an outcome/,
          at: ['indicators', 'id: field'],
        },
      ],
    },
  ],
});
