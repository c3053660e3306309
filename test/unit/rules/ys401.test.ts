import { ys401 } from '../../../server/src/rules/ys401-target-overload';
import { HEAD, ruleTester } from './rule-tester';

const inds = (n: number) => Array.from({ length: n }, (_, i) => `  - { id: i${i + 1}, type: outcome, owner: X }\n`).join('');
const refs = (n: number) => Array.from({ length: n }, (_, i) => `i${i + 1}`).join(', ');
const big = `${HEAD}indicators:\n${inds(11)}agreements:\n  - id: big\n    indicators: [${refs(11)}]\n`;

ruleTester(ys401, {
  valid: [
    {
      name: 'at the limits (a repeated reference counts once)',
      code: `${HEAD}indicators:\n${inds(10)}agreements:\n  - { id: ok, indicators: [${refs(10)}, i10] }\n`,
    },
    { name: 'honours max_per_agreement', code: big, options: { max_per_agreement: 11 } },
  ],
  invalid: [
    {
      name: 'more than 10 indicators in an agreement, on its indicators key',
      code: big,
      errors: [
        {
          messageId: 'agreementOverload',
          message:
            'Agreement "big" lists 11 indicators, more than 10: keep the few that matter (the UK\'s SR2004 PSAs averaged about 6.5 targets per department).',
          at: ['indicators', 'id: big'],
          data: { count: 11, max: 10 },
        },
      ],
    },
    {
      name: 'more than max_per_framework indicators, on the top-level key',
      code: `${HEAD}indicators:\n${inds(4)}`,
      options: { max_per_framework: 3 },
      errors: [
        {
          messageId: 'frameworkOverload',
          message:
            "The framework defines 4 indicators, more than 3: target overload (the UK's 1998 PSAs had about 600 targets, and even the 30 PSAs of 2007 were measured by 153 indicators).",
          at: 'indicators',
        },
      ],
    },
  ],
});
