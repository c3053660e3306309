import { ys303 } from '../../../server/src/rules/ys303-stage-overlap';
import { ruleTester } from './rule-tester';
import { stages } from './stages';

ruleTester(ys303, {
  valid: [
    { name: 'consecutive stages', code: stages('2020-07-01') },
    // What YS302's fix leaves: the gap closed without an overlap.
    { name: "a gap closed by YS302's fix", code: stages('2020-08-01').replace('end: 2020-06-30', 'end: 2020-07-31') },
  ],
  invalid: [
    {
      name: "an overlap, on the later stage's start",
      code: stages('2020-06-01'),
      errors: [
        {
          messageId: 'overlap',
          severity: 'info',
          message: /^Stage "roll-out" starts on 2020-06-01, before stage "set-up" ends on 2020-06-30: the stages overlap/,
          at: '2020-06-01',
        },
      ],
    },
    {
      name: 'stages out of date order',
      code: stages('2019-06-01'),
      errors: [{ messageId: 'outOfOrder', message: /before stage "set-up" \(2020-04-01\): list stages in date order/ }],
    },
  ],
});
