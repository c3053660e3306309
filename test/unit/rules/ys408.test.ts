import { ys408 } from '../../../server/src/rules/ys408-no-external-factors';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}agreements:
  - id: psa-jobs
    kind: public-service-agreement   # the PSA
    title: More people in work
`;

ruleTester(ys408, {
  valid: [
    {
      name: 'with factors, or for other kinds',
      code: `${HEAD}agreements:\n  - { id: a, kind: strategic-plan, external_factors: [Economy] }\n  - { id: b, kind: annual-performance-plan }\n`,
    },
  ],
  invalid: [
    {
      name: 'a PSA without external factors, on its id; inserts an external_factors skeleton',
      code: bad,
      errors: [
        {
          messageId: 'noFactors',
          message: /^Agreement "psa-jobs" \(public-service-agreement\) lists no external factors/,
          at: 'psa-jobs',
          fixes: [{ placeholders: ["TODO: a factor outside the agent's control"] }],
        },
      ],
      output: `${bad}    external_factors: ["TODO: a factor outside the agent's control"]\n`,
    },
  ],
});
