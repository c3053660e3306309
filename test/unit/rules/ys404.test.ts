import { ys404 } from '../../../server/src/rules/ys404-no-citizen-voice';
import { HEAD, ruleTester } from './rule-tester';

ruleTester(ys404, {
  valid: [
    { name: 'a satisfaction indicator', code: `${HEAD}indicators:\n  - { id: a, type: satisfaction }\n` },
    { name: 'a consultation', code: `${HEAD}agreements:\n  - { id: b, consultation: [Parliament] }\n` },
    { name: 'nothing measured yet', code: HEAD },
  ],
  invalid: [
    {
      name: 'on the framework id',
      code: `${HEAD}indicators:\n  - { id: a, type: outcome }\nagreements:\n  - { id: b, indicators: [a] }\n`,
      errors: [
        {
          messageId: 'noVoice',
          severity: 'info',
          message: /^The framework has no satisfaction indicator and no agreement lists a consultation/,
          at: 'test-fw',
        },
      ],
    },
  ],
});
