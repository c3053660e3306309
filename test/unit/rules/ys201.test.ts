import { ys201 } from '../../../server/src/rules/ys201-single-measure-pay-link';
import { HEAD, ruleTester } from './rule-tester';

const inds = `${HEAD}indicators:
  - { id: cleared, type: quality, linked_to_pay: true }
  - { id: visits, type: output, linked_to_pay: true }
  - { id: letters, type: output }
  - { id: jobs, type: outcome }
`;

ruleTester(ys201, {
  valid: [
    {
      name: 'an unpaid outcome balances the paid measure, or nothing is paid',
      code: `${inds}agreements:\n  - { id: a, indicators: [visits, jobs] }\n  - { id: b, indicators: [letters, jobs] }\n  - { id: c, indicators: nope }\n`,
    },
  ],
  invalid: [
    {
      name: 'an agreement whose only indicators are pay-linked, on its indicators key',
      code: `${inds}agreements:\n  - id: ceo-plan\n    indicators: [cleared]\n`,
      errors: [
        { messageId: 'allPaid', message: /^Every indicator of agreement "ceo-plan" is linked to pay/, at: ['indicators', 'ceo-plan'] },
      ],
    },
    {
      name: 'a pay-linked reference in an agreement with no outcome or quality indicator',
      code: `${inds}agreements:\n  - id: field\n    indicators: [letters, visits]\n`,
      errors: [
        {
          messageId: 'unbalanced',
          message: /^Indicator "visits" is linked to pay but agreement "field" has no outcome or quality indicator/,
          at: ['visits', 'id: field'],
        },
      ],
    },
  ],
});
