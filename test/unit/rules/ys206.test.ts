import { ys206 } from '../../../server/src/rules/ys206-undefined-clock';
import { HEAD, ruleTester } from './rule-tester';

const titled = `${HEAD}indicators:\n  - id: ae\n    title: Patients in A&E seen within four hours\n    unit: percent\n`;

ruleTester(ys206, {
  valid: [
    {
      name: 'with a definition, or when nothing is timed',
      code: `${HEAD}indicators:\n  - id: ae\n    title: Patients seen within 4 hours\n    unit: minutes\n    definition: Clock starts at arrival and stops at admission, transfer or discharge.\n  - id: deaths\n    title: Deaths in the previous 12 months\n    unit: count\n`,
    },
  ],
  invalid: [
    {
      name: 'a time unit without a definition, on the unit',
      code: `${HEAD}indicators:\n  - id: processing\n    title: Average time to process a claim\n    unit: days\n`,
      errors: [
        {
          messageId: 'timeUnit',
          message: /^Indicator "processing" is measured in days but has no definition: say when the clock starts and when it stops/,
          at: 'days',
        },
      ],
    },
    {
      name: 'a "within four hours" title, on the title',
      code: titled,
      errors: [{ messageId: 'timeTitle', message: /measures time \("within four hours"\)/, at: 'Patients in A&E seen within four hours' }],
    },
    {
      name: 'a "waiting" title',
      code: titled.replace('seen within four hours', 'waiting for treatment'),
      errors: [{ messageId: 'timeTitle' }],
    },
  ],
});
