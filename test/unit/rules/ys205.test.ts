import { ys205 } from '../../../server/src/rules/ys205-tunnel-vision';
import { HEAD, ruleTester } from './rule-tester';

const inds = `${HEAD}indicators:\n  - { id: a, type: outcome }\n  - { id: b, type: outcome }\n  - { id: c, type: quality }\n  - { id: d, type: output }\n  - { id: e, type: output }\n  - { id: f, type: quality }\n`;

ruleTester(ys205, {
  valid: [
    {
      name: 'mixed types, a single indicator, or only outputs (YS107 reports those)',
      code: `${inds}agreements:\n  - { id: x, indicators: [a, c] }\n  - { id: y, indicators: [a] }\n  - { id: z, indicators: [d, e] }\n`,
    },
    {
      name: 'a basket of outcome indicators (CSR 2007 PSAs, NZ Better Public Services)',
      code: `${inds}agreements:\n  - { id: outcomes, indicators: [a, b] }\n`,
    },
  ],
  invalid: [
    {
      name: 'two indicators of one type, on the indicators key',
      code: `${inds}agreements:\n  - id: service\n    indicators: [c, f]\n`,
      errors: [
        {
          messageId: 'oneType',
          message:
            'All 2 indicators of agreement "service" are of type quality: add a measure of another kind (outcome, satisfaction, efficiency) so the unmeasured aspects are not crowded out.',
          at: ['indicators', 'id: service'],
        },
      ],
    },
  ],
});
