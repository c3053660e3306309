import { ys209 } from '../../../server/src/rules/ys209-tail-blindness';
import { HEAD, ruleTester } from './rule-tester';

// DVLA's 1998-99 key target: 95% of ordinary driving licences within 10 working days.
const bad = `${HEAD}indicators:
  - id: licences
    title: Ordinary driving licences delivered within 10 working days
    unit: percent
    targets:
      - { value: 95, date: 1999-03-31 }
`;

ruleTester(ys209, {
  valid: [
    {
      name: 'the notes say how the tail is watched',
      code: bad.replace('    targets:', '    notes: No case may take more than 15 working days in any month.\n    targets:'),
    },
    {
      name: 'a companion in the same agreement measures the longest waits',
      code: `${bad}  - { id: longest, title: Longest wait for a licence, unit: days }\nagreements:\n  - { id: keys, indicators: [licences, longest] }\n`,
    },
    {
      name: 'all cases, pay-linked (YS204), no time limit, or not a share',
      code: `${HEAD}indicators:\n  - { id: a, title: Calls answered within 30 seconds, unit: percent, targets: [{ value: 100 }] }\n  - { id: b, title: Calls answered within 30 seconds, unit: percent, linked_to_pay: true, targets: [{ value: 92 }] }\n  - { id: c, title: Cases cleared within the service standard, unit: percent, targets: [{ value: 95 }] }\n  - { id: d, title: Licences issued within 10 days, unit: count, targets: [{ value: 95 }] }\n`,
    },
  ],
  invalid: [
    {
      name: 'a share within a time limit and nothing on the rest: on the target',
      code: bad,
      errors: [
        {
          messageId: 'tail',
          severity: 'info',
          message:
            'Indicator "licences" sets a share (95%) within a time limit but nothing says what happens to the other 5%: once a case has missed the limit the target gives no reason to hurry it. Measure the tail beside it (the longest waits, or a cap on any case), or say in `notes` how it is watched.',
          at: '95',
        },
      ],
    },
    {
      name: 'words for numbers and "in under"',
      code: `${HEAD}indicators:\n  - { id: ae, title: Patients seen in under four hours, unit: percent, targets: [{ value: 98, date: 2009-03-31 }] }\n`,
      errors: [{ message: /other 2%/ }],
    },
  ],
});
