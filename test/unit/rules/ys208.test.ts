import { ys208 } from '../../../server/src/rules/ys208-unstated-collection';
import { HEAD, ruleTester } from './rule-tester';

// VA FY 2005: compensation accuracy from the C&P Service's own STAR reviews.
const bad = `${HEAD}indicators:
  - id: accuracy
    data: { source: STAR review database, frequency: monthly }
`;

ruleTester(ys208, {
  valid: [
    { name: 'collection stated', code: bad.replace('frequency: monthly', 'collection: administrative, frequency: monthly') },
    { name: 'someone assures it', code: bad.replace('frequency: monthly', 'frequency: monthly, assured_by: Inspector general') },
    {
      name: "no source is YS106's; no data at all",
      code: `${HEAD}indicators:\n  - { id: a, data: { frequency: monthly } }\n  - { id: b }\n`,
    },
  ],
  invalid: [
    {
      name: 'a source, no collection, nobody assuring it: on the source',
      code: bad,
      errors: [
        {
          messageId: 'unstated',
          severity: 'info',
          message:
            'Indicator "accuracy" names its data source ("STAR review database") but not how the data are collected or who checks them: if the body being measured produces the figures, they need independent assurance. Add `data.collection` and, unless they are official statistics or independently audited, `data.assured_by`.',
          at: 'STAR review database',
        },
      ],
    },
  ],
});
