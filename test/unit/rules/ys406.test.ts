import { ys406 } from '../../../server/src/rules/ys406-orphan-indicator';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys406, {
  valid: [
    { name: 'used by an agreement', code: `${HEAD}indicators:\n  - id: leaflets\nagreements:\n  - { id: a, indicators: [leaflets] }\n` },
    { name: 'a file without agreements (an indicator library)', code: `${HEAD}indicators:\n  - id: leaflets\n` },
  ],
  invalid: [
    {
      name: "an indicator no agreement uses, on its id (a reference with this framework's id counts as use)",
      code: `${HEAD}indicators:\n  - id: leaflets\n  - id: used\nagreements:\n  - { id: a, indicators: [test-fw#used] }\n`,
      errors: [
        {
          messageId: 'orphan',
          message: 'Indicator "leaflets" is used by no agreement: add it to the `indicators` of the agreement it measures, or remove it.',
          at: 'leaflets',
        },
      ],
    },
  ],
});
