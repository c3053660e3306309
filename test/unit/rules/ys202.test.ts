import { ys202 } from '../../../server/src/rules/ys202-self-reported-unassured';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: outreach
    data:
      source: Regional office returns
      collection: self-reported   # from the offices themselves
      frequency: quarterly
`;

ruleTester(ys202, {
  valid: [
    {
      name: 'assured, or not self-reported',
      code: `${HEAD}indicators:\n  - { id: a, data: { collection: self-reported, assured_by: NAO } }\n  - { id: b, data: { collection: survey } }\n  - { id: c, data: [self-reported] }\n`,
    },
  ],
  invalid: [
    {
      name: 'on the collection value; inserts assured_by into the data map',
      code: bad,
      errors: [
        {
          messageId: 'unassured',
          message: /^Indicator "outreach" is self-reported and nobody validates it/,
          at: 'self-reported',
          fixes: [
            { newText: '      assured_by: "TODO: who validates the data system"\n', placeholders: ['TODO: who validates the data system'] },
          ],
        },
      ],
      output: `${bad}      assured_by: "TODO: who validates the data system"\n`,
    },
  ],
});
