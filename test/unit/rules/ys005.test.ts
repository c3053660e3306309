import { ys005 } from '../../../server/src/rules/ys005-format-version';
import { frameworkTemplates, instantiateTemplate } from '../../../templates';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

ruleTester(ys005, {
  valid: [MINIMAL],
  invalid: [
    {
      name: 'a missing version, on the first line; inserts it',
      code: MINIMAL.replace('yardstick: 1\n', ''),
      errors: [
        {
          messageId: 'missing',
          message: 'Missing format version: add "yardstick: 1" as the first key.',
          where: '1:1-1:11',
          fixes: [{ safe: true }],
        },
      ],
      output: MINIMAL,
    },
    {
      name: 'an unsupported version, on the value',
      code: MINIMAL.replace('yardstick: 1', 'yardstick: 2'),
      errors: [
        {
          messageId: 'unsupported',
          message: 'Unsupported format version 2: this Yardstick reads version 1.',
          where: '1:12-1:13',
          fixes: [{ safe: true }],
        },
      ],
      output: MINIMAL,
    },
    {
      name: 'an empty file is a hint offering each template; the blank one keeps the comments',
      code: '# just a comment\n',
      fix: 2,
      errors: [
        {
          messageId: 'empty',
          severity: 'hint',
          message: 'The file is empty: start from a template (quick fix), or type "yardstick: 1" and a "framework:" section.',
          where: '1:1-1:1',
          fixes: [
            { title: 'Start from a template: UK department (outcome delivery plan)', safe: false },
            { title: 'Start from a template: US agency (GPRA strategic plan)', safe: false },
            { title: 'Start from a template: Blank', safe: false, preferred: true },
          ],
        },
      ],
      output: `# just a comment\n${instantiateTemplate(
        frameworkTemplates.find((t) => t.id === 'blank')!,
        undefined,
        '\n',
      )}`,
    },
  ],
});
