import { ys005 } from '../../../server/src/rules/ys005-format-version';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

ruleTester(ys005, {
  valid: [MINIMAL],
  invalid: [
    {
      name: 'a missing version, on the first line; inserts it',
      code: MINIMAL.replace('yardstick: 1\n', ''),
      errors: [{ messageId: 'missing', message: 'Missing format version: add "yardstick: 1" as the first key.', where: '1:1-1:11', fixes: [{ safe: true }] }],
      output: MINIMAL,
    },
    {
      name: 'an unsupported version, on the value',
      code: MINIMAL.replace('yardstick: 1', 'yardstick: 2'),
      errors: [{ messageId: 'unsupported', message: 'Unsupported format version 2: this Yardstick reads version 1.', where: '1:12-1:13', fixes: [{ safe: true }] }],
      output: MINIMAL,
    },
    {
      name: 'an empty file says what a framework file needs',
      code: '# just a comment\n',
      errors: [{ messageId: 'empty', message: 'The file is empty: a framework file starts with "yardstick: 1" and a "framework:" section.', where: '1:1-1:1' }],
      output: 'yardstick: 1\n# just a comment\n',
    },
  ],
});
