import { ys403 } from '../../../server/src/rules/ys403-not-public';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}agreements:
  - id: internal
    reporting: { public: false, channel: Internal dashboard }   # for now
`;
const quiet = `${HEAD}agreements:\n  - id: quiet   # no reporting\n    title: Quiet\n`;
const noPublic = `${HEAD}agreements:\n  - id: a\n    reporting:\n      channel: Annual report   # web\n`;

ruleTester(ys403, {
  valid: [{ name: 'public', code: `${HEAD}agreements:\n  - { id: a, reporting: { public: true } }\n` }],
  invalid: [
    {
      name: 'on the public value; sets public: true (offered, but not safe: public: false may be deliberate)',
      code: bad,
      errors: [
        {
          messageId: 'notPublic',
          message: /^Agreement "internal" does not publish its results: set `reporting.public: true`/,
          at: 'false',
          fixes: [{ safe: false }],
        },
      ],
      output: bad.replace('public: false', 'public: true'),
    },
    {
      name: 'inserts reporting when missing, on the agreement id',
      code: quiet,
      errors: [{ at: 'quiet' }],
      output: `${quiet}    reporting: { public: true }\n`,
    },
    {
      name: 'inserts public into reporting without it, on the reporting key',
      code: noPublic,
      errors: [{ at: 'reporting' }],
      output: `${noPublic}      public: true\n`,
    },
  ],
});
