import { ys004 } from '../../../server/src/rules/ys004-duplicate-id';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

const indicator = (id: string, title: string) =>
  `  - id: ${id}\n    title: ${title}\n    type: outcome\n    unit: percent\n    direction: increase\n`;
const twice = `${MINIMAL}indicators:\n${indicator('ae-four-hour-wait', 'A&E within four hours')}${indicator('ae-four-hour-wait', 'Again')}`;

ruleTester(ys004, {
  valid: [
    {
      name: 'one id per kind (a stage and an indicator may share one)',
      code: `${MINIMAL}stages:\n  - { id: x, title: X, period: { start: 2008-04-01, end: 2009-03-31 } }\nindicators:\n${indicator('x', 'X')}`,
    },
  ],
  invalid: [
    {
      name: 'on the second id, with a rename to a free id',
      code: twice,
      errors: [
        {
          messageId: 'duplicate',
          message: 'Duplicate indicator id "ae-four-hour-wait": indicator #1 already uses it.',
          where: '13:9-13:26',
          fixes: [{ title: 'Rename to "ae-four-hour-wait-2"' }],
        },
      ],
      output: twice.replace('  - id: ae-four-hour-wait\n    title: Again', '  - id: ae-four-hour-wait-2\n    title: Again'),
    },
  ],
});
