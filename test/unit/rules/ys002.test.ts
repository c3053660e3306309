import { ys002 } from '../../../server/src/rules/ys002-schema';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

const indicator = (fields: string) =>
  `${MINIMAL}indicators:\n  - { id: i, title: T, type: outcome, unit: count, direction: increase${fields} }\n`;
const framework = 'yardstick: 1\nframework:   # the framework\n  id: demo\n  title: Demo\n  jurisdiction: UK\n';

ruleTester(ys002, {
  valid: [
    { name: 'x- keys are allowed anywhere', code: `${MINIMAL}  x-internal-ref: 42\nx-owner-team: analysis\n` },
    { name: 'jurisdiction other:<name>', code: MINIMAL.replace('jurisdiction: UK', 'jurisdiction: other:CN') },
    { name: "an empty file is YS005's", code: '' },
    {
      name: 'format 1 additions: target kind and set date, a baseline by reference period',
      code: indicator(
        ', baseline: { period: { start: 2020-01-01, end: 2020-12-31 }, note: 2020 levels }, targets: [{ value: 5, date: 2023-09-30, kind: ceiling, set: 2021-03-01 }]',
      ),
    },
  ],
  invalid: [
    {
      name: 'bad enum: on the value, with the allowed values and a did-you-mean',
      code: `${MINIMAL}  review_cycle: quartely\n`,
      errors: [
        {
          messageId: 'notAllowedDidYouMean',
          message:
            '"quartely" is not a valid review_cycle; expected one of monthly, quarterly, biannual, annual (did you mean "quarterly"?).',
          where: '7:17-7:25',
        },
      ],
      output: `${MINIMAL}  review_cycle: quarterly\n`,
    },
    {
      name: '"fortnightly" lists the expected values',
      code: `${MINIMAL}  review_cycle: fortnightly\n`,
      errors: [
        {
          messageId: 'notAllowed',
          message: '"fortnightly" is not a valid review_cycle; expected one of monthly, quarterly, biannual, annual.',
        },
      ],
    },
    {
      name: 'unknown key: on the key, with did-you-mean and a rename fix',
      code: `${MINIMAL}  descripton: Words\n`,
      errors: [
        {
          messageId: 'unknownKeyDidYouMean',
          message: 'Unknown key "descripton" in the framework; did you mean "description"?',
          where: '7:3-7:13',
        },
      ],
      output: `${MINIMAL}  description: Words\n`,
    },
    {
      name: 'unknown key without a near name: the keys allowed',
      code: `${MINIMAL}zzzqqq: 1\n`,
      errors: [
        {
          messageId: 'unknownKey',
          message: 'Unknown key "zzzqqq"; expected one of yardstick, framework, stages, indicators, agreements (or an x- extension key).',
          at: 'zzzqqq',
        },
      ],
    },
    {
      name: 'merge keys are not supported',
      code: `${MINIMAL}base: &b { x: 1 }\n<<: *b\n`,
      errors: [
        { messageId: 'unknownKey', at: 'base' },
        {
          messageId: 'mergeKey',
          message:
            'Unknown key "<<"; expected one of yardstick, framework, stages, indicators, agreements (or an x- extension key). Merge keys (<<) are not supported: write the keys out.',
          at: '<<',
        },
      ],
    },
    {
      name: 'a merge key inside the framework',
      code: `${MINIMAL}  <<: { x: 1 }\n`,
      errors: [
        {
          messageId: 'mergeKeyDidYouMean',
          message: 'Unknown key "<<" in the framework; did you mean "id"? Merge keys (<<) are not supported: write the keys out.',
        },
      ],
    },
    {
      name: 'missing required key: on the parent key, with a skeleton fix that keeps comments',
      code: framework,
      errors: [{ messageId: 'missingKeyIn', message: 'Missing required key "period" in the framework.', where: '2:1-2:10' }],
      output: framework.replace('jurisdiction: UK\n', 'jurisdiction: UK\n  period:\n    start: 2000-01-01\n    end: 2000-01-01\n'),
    },
    {
      name: 'a missing top-level key',
      code: 'yardstick: 1\n',
      errors: [{ messageId: 'missingKey', message: 'Missing required key "framework".' }],
    },
    {
      name: 'wrong type: a list where text is expected',
      code: MINIMAL.replace('title: Demo framework', 'title: [a, b]'),
      errors: [{ messageId: 'wrongType', message: 'title in the framework must be text, not a list.', where: '4:10-4:16' }],
    },
    {
      name: 'a target value may be a number or text, not a mapping',
      code: `${MINIMAL}indicators:\n  - id: i1\n    title: T\n    type: outcome\n    unit: percent\n    direction: increase\n    targets:\n      - value: { a: 1 }\n`,
      errors: [{ messageId: 'wrongType', message: 'value in indicator "i1" must be a number or text, not a mapping.' }],
    },
    {
      name: 'invalid dates and ids',
      code: MINIMAL.replace('2008-04-01', '2008-13-01').replace('id: demo', 'id: Demo_Framework'),
      errors: [
        {
          messageId: 'invalidId',
          message:
            '"Demo_Framework" is not a valid id in the framework: ids are kebab-case (lower-case letters, digits and single hyphens), e.g. "demo-framework".',
        },
        { messageId: 'invalidDate', message: '"2008-13-01" is not a valid date for start in the framework; write dates as YYYY-MM-DD.' },
      ],
    },
    {
      name: 'an invalid reference',
      code: `${MINIMAL}indicators:\n  - { id: i, title: T, type: outcome, unit: count, direction: increase }\nagreements:\n  - { id: a, title: A, kind: other, principal: P, agent: Q, indicators: [Bad_Ref] }\n`,
      errors: [
        {
          messageId: 'invalidReference',
          message:
            '"Bad_Ref" is not a valid reference for indicators[0] in agreement "a": write a kebab-case id, or framework-id#object-id for another file\'s object.',
          at: 'Bad_Ref',
        },
      ],
    },
    {
      name: 'jurisdiction GB: the values and the other:<name> form',
      code: MINIMAL.replace('jurisdiction: UK', 'jurisdiction: GB'),
      errors: [
        {
          messageId: 'notAllowedOrOtherDidYouMean',
          message: /^"GB" is not a valid jurisdiction; expected one of UK, US, other \(or other:<name>/,
        },
      ],
    },
    {
      name: 'a jurisdiction with no near value',
      code: MINIMAL.replace('jurisdiction: UK', 'jurisdiction: Atlantis'),
      errors: [
        {
          messageId: 'notAllowedOrOther',
          message: '"Atlantis" is not a valid jurisdiction; expected one of UK, US, other (or other:<name>, e.g. other:CN).',
        },
      ],
    },
    {
      name: 'jurisdiction USA: did you mean US',
      code: MINIMAL.replace('jurisdiction: UK', 'jurisdiction: USA'),
      errors: [
        {
          messageId: 'notAllowedOrOtherDidYouMean',
          message:
            '"USA" is not a valid jurisdiction; expected one of UK, US, other (or other:<name>, e.g. other:CN) (did you mean "US"?).',
        },
      ],
      output: MINIMAL.replace('jurisdiction: UK', 'jurisdiction: US'),
    },
    {
      name: 'an empty choice says the choices',
      code: `${MINIMAL}  review_cycle:\n`,
      errors: [
        { messageId: 'emptyChoice', message: 'review_cycle is empty; expected one of monthly, quarterly, biannual, annual.', fixes: [] },
      ],
    },
    {
      name: 'an empty jurisdiction says the choices and the other:<name> form',
      code: MINIMAL.replace('jurisdiction: UK', 'jurisdiction:'),
      errors: [
        {
          messageId: 'emptyChoiceOrOther',
          message: 'jurisdiction is empty; expected one of UK, US, other (or other:<name>, e.g. other:CN).',
        },
      ],
    },
    {
      name: 'an empty unit',
      code: indicator(', unit: ""').replace('unit: count, ', ''),
      errors: [{ messageId: 'empty', message: 'unit in indicator "i" must not be empty.' }],
    },
    {
      name: "a repeated activity: the validator's own words",
      code: `${MINIMAL}stages:\n  - { id: s, title: S, period: { start: 2008-04-01, end: 2009-03-31 }, activities: [plan, plan] }\n`,
      errors: [{ messageId: 'other', message: 'activities in stage "s": must NOT have duplicate items (items ## 1 and 0 are identical).' }],
    },
    {
      name: 'a baseline needs a value or the reference period a target is measured from',
      code: indicator(', baseline: { date: 2020-03-31 }'),
      errors: [{ messageId: 'missingOneOf', message: 'The baseline in indicator "i" needs one of "value" or "period".', at: 'baseline' }],
    },
    {
      name: 'a target kind outside the list',
      code: indicator(', targets: [{ value: 5, kind: floorr }]'),
      errors: [
        {
          messageId: 'notAllowedDidYouMean',
          message: '"floorr" is not a valid kind; expected one of level, floor, ceiling, around, cumulative (did you mean "floor"?).',
          at: 'floorr',
        },
      ],
    },
    {
      name: 'a top-level list',
      code: '- a\n- b\n',
      errors: [
        {
          messageId: 'notMapping',
          message: 'A framework file must be a mapping of keys (yardstick, framework, stages, indicators, agreements), not a list.',
        },
      ],
    },
  ],
  unreachable: {
    invalid: 'every anyOf in format v1 lists types or an enum',
    tooFew: 'no list in format v1 has minItems',
  },
});
