import { ys001 } from '../../../server/src/rules/ys001-yaml-syntax';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

ruleTester(ys001, {
  valid: [MINIMAL, '', '# only a comment\n'],
  invalid: [
    {
      name: 'every syntax error, each an error on its own range',
      code: 'yardstick: 1\nframework: [a\nindicators:\n\t- id: x\n',
      errors: [
        {
          messageId: 'syntax',
          severity: 'error',
          message: /^Flow sequence in block collection must be sufficiently indented/,
          where: '3:1-3:2',
        },
        { messageId: 'syntax', severity: 'error', message: 'Tabs are not allowed as indentation', at: '\t' },
      ],
    },
    {
      name: 'a duplicate key, on the second key',
      code: 'yardstick: 1\nyardstick: 1\n',
      errors: [{ message: 'Map keys must be unique', where: '2:1-2:2' }],
    },
  ],
});
