import { ys103 } from '../../../server/src/rules/ys103-unmeasurable-target';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys103, {
  valid: [
    {
      name: 'numbers, numeric strings and text units',
      code: `${HEAD}indicators:\n  - id: a\n    unit: percent\n    targets: [{ value: 5 }, { value: "7.5" }]\n  - id: b\n    unit: text\n    targets: [{ value: Strategy published }]\n`,
    },
    {
      name: 'honours qualitative_units',
      code: `${HEAD}indicators:\n  - id: a\n    unit: milestone\n    targets: [{ value: done }]\n`,
      options: { qualitative_units: 'text,milestone' },
    },
  ],
  invalid: [
    {
      name: 'text targets on a quantitative unit, on the value',
      code: `${HEAD}indicators:\n  - id: work\n    unit: percent\n    targets:\n      - { value: improve, date: 2021-12-31 }\n`,
      errors: [
        {
          messageId: 'textTarget',
          message:
            'Target 1 of indicator "work" is the text "improve" but the unit is percent: give a number in percent so the target can be measured.',
          at: 'improve',
        },
      ],
    },
  ],
});
