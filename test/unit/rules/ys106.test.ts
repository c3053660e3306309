import { ys106 } from '../../../server/src/rules/ys106-missing-data-source';
import { HEAD, ruleTester } from './rule-tester';

const bad = `${HEAD}indicators:
  - id: inspections
    title: Inspections completed   # count
    owner: Compliance
`;
const flow = `${HEAD}indicators:\n  - id: x\n    data: { collection: survey }  # survey\n`;

ruleTester(ys106, {
  valid: [
    { name: 'with data.source', code: `${HEAD}indicators:\n  - id: x\n    data: { source: ONS }\n` },
    {
      name: 'a milestone in words has no figures to verify',
      code: `${HEAD}indicators:\n  - { id: environment, unit: text, targets: [{ value: continued improvements }] }\n`,
    },
  ],
  invalid: [
    {
      name: 'on the indicator id when there is no data; inserts a data skeleton',
      code: bad,
      errors: [
        {
          messageId: 'missingSource',
          message:
            'Indicator "inspections" has no data source: name the dataset, survey or system in `data.source` so the figures can be verified.',
          at: 'inspections',
          fixes: [
            {
              newText:
                '    data:\n      source: "TODO: name of the dataset, survey or system"\n      collection: administrative\n      frequency: annual\n',
              placeholders: [
                'TODO: name of the dataset, survey or system',
                'administrative|administrative,self-reported,survey,independent-audit,official-statistics',
                'annual|annual,continuous,daily,weekly,monthly,quarterly,biannual,biennial,ad-hoc',
              ],
            },
          ],
        },
      ],
      output: `${bad}    data:\n      source: "TODO: name of the dataset, survey or system"\n      collection: administrative\n      frequency: annual\n`,
    },
    {
      name: 'on the data key; inserts source into a flow map',
      code: flow,
      errors: [{ at: 'data' }],
      output: flow.replace('survey }', 'survey, source: "TODO: name of the dataset, survey or system" }'),
    },
  ],
});
