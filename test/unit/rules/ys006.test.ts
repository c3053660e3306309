import { ys006 } from '../../../server/src/rules/ys006-unused-disable';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

// YS006 run alone: no other rule reports, so every directive is unused. Directives that do
// suppress something are tested with all rules in test/unit/engine/suppress-config.test.ts.
const base = `${MINIMAL}indicators:
  - id: waits
    title: Patients seen within 18 weeks
    type: outcome
    unit: percent
    direction: increase
    owner: Department of Health
    targets:
      - { value: 90, date: 2011-03-31 }
`;

ruleTester(ys006, {
  valid: [
    { name: 'no directives', code: base },
    {
      name: 'a "#" inside a quoted value is text, not a directive',
      code: base.replace('title: Patients seen within 18 weeks', 'title: "see # yardstick-disable-line YS101"'),
    },
  ],
  invalid: [
    {
      name: 'a directive that suppresses nothing: info, with a removal fix',
      code: base.replace('  - id: waits', '  # yardstick-disable-next-line YS402\n  - id: waits'),
      errors: [
        {
          messageId: 'unused',
          severity: 'info',
          message: 'This yardstick-disable comment suppresses nothing; remove it or name the rule it is for.',
          where: '8:3-8:38',
          fixes: [{ safe: true }],
        },
      ],
      output: base,
    },
    {
      name: 'a trailing directive: only the comment is removed',
      code: base.replace('    owner: Department of Health', '    owner: Department of Health   # yardstick-disable-line missing-owner'),
      errors: [{ messageId: 'unused', at: '# yardstick-disable-line missing-owner' }],
      output: base,
    },
    {
      name: 'a directive naming an unknown rule: no fix',
      code: base.replace('    targets:', '    # yardstick-disable-next-line YS999, nope\n    targets:'),
      errors: [
        {
          messageId: 'unknownRule',
          message: 'This yardstick-disable comment names unknown rule(s) YS999, nope; remove it or name the rule it is for.',
          fixes: [],
        },
      ],
    },
  ],
});
