import { ys402 } from '../../../server/src/rules/ys402-no-review';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}  review_cycle: monthly
agreements:
  - id: visits   # field work
    indicators: [a]
`;

ruleTester(ys402, {
  valid: [{ name: 'with a review', code: `${HEAD}agreements:\n  - { id: a, review: { frequency: quarterly, body: Board } }\n` }],
  invalid: [
    {
      name: 'on the agreement id; inserts a review skeleton using the framework review cycle',
      code: bad,
      errors: [
        {
          messageId: 'noReview',
          message:
            'Agreement "visits" has no review: name the body that supervises delivery and how often (the UK Delivery Unit held regular stocktakes with the Prime Minister; in the US the GPRA Modernization Act requires priority goals to be reviewed at least quarterly).',
          at: 'visits',
          fixes: [
            {
              safe: false,
              newText: '    review: { frequency: monthly, body: "TODO: who supervises delivery" }\n',
              placeholders: ['monthly|monthly,quarterly,biannual,annual', 'TODO: who supervises delivery'],
            },
          ],
        },
      ],
      output: `${bad}    review: { frequency: monthly, body: "TODO: who supervises delivery" }\n`,
    },
  ],
});
