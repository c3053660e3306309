import { ys302 } from '../../../server/src/rules/ys302-stage-gap';
import { HEAD, ruleTester } from './rule-tester';
import { stages } from './stages';

const bad = stages('2020-08-01');

ruleTester(ys302, {
  valid: [
    { name: 'consecutive stages', code: stages('2020-07-01') },
    {
      name: 'an invalid date',
      code: `${HEAD}stages:\n  - { id: a, period: { start: 2020-04-01, end: 2020-02-30 } }\n  - { id: b, period: { start: 2021-01-01, end: 2021-02-01 } }\n`,
    },
  ],
  invalid: [
    {
      name: "on the later stage's start; extends the previous stage to the day before",
      code: bad,
      errors: [
        {
          messageId: 'gap',
          message:
            'Stage "roll-out" starts on 2020-08-01 but stage "set-up" ended on 2020-06-30: nothing covers 2020-07-01 to 2020-07-31. Close the gap so the reform continues without a break.',
          at: '2020-08-01',
        },
      ],
      output: bad.replace('end: 2020-06-30 }   # first quarter', 'end: 2020-07-31 }   # first quarter'),
    },
  ],
});
