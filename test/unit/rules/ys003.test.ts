import { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import { ys003 } from '../../../server/src/rules/ys003-unknown-reference';
import { MINIMAL } from '../../helpers';
import { ruleTester } from './rule-tester';

const base = `${MINIMAL}indicators:
  - id: ae-four-hour-wait
    title: A&E within four hours
    type: outcome
    unit: percent
    direction: increase
agreements:
  - id: psa-health
    kind: public-service-agreement
    title: Health
    principal: HM Treasury
    agent: Department of Health
    indicators: [ae-four-hour-wiat]
`;
const crossFile = base.replace('[ae-four-hour-wiat]', '[other-fw#shared-indicator, other-fw#nope]');
const otherText =
  MINIMAL.replace('id: demo', 'id: other-fw') +
  'indicators:\n  - { id: shared-indicator, title: S, type: outcome, unit: percent, direction: increase }\n';
const workspace = new WorkspaceIndex();
workspace.updateFromText('file:///other.framework.yaml', otherText);
/** The same files while the workspace is still being indexed (or indexing stopped at its bound). */
const partial = new WorkspaceIndex();
partial.updateFromText('file:///other.framework.yaml', otherText);
partial.complete = false;
const typo = {
  messageId: 'unknownDidYouMean',
  message: 'Unknown indicator "ae-four-hour-wiat" in agreement "psa-health"; did you mean "ae-four-hour-wait"?',
  where: '19:18-19:35',
  fixes: [{ title: 'Change to "ae-four-hour-wait"' }, { title: 'Create indicator "ae-four-hour-wiat"' }],
};

ruleTester(ys003, {
  valid: [{ name: 'without a workspace (a single file), cross-file references are not judged', code: crossFile }],
  invalid: [
    {
      name: 'unknown indicator: on the reference, with a did-you-mean',
      code: base,
      errors: [typo],
      output: base.replace('[ae-four-hour-wiat]', '[ae-four-hour-wait]'),
    },
    {
      name: 'the second fix creates a stub indicator',
      code: base,
      fix: 1,
      errors: [typo],
      output: base.replace(
        '    direction: increase\nagreements:',
        '    direction: increase\n  - id: ae-four-hour-wiat\n    title: TODO\n    type: outcome\n    unit: percent\n    direction: increase\nagreements:',
      ),
    },
    {
      name: 'references to another framework resolve through the workspace index',
      code: crossFile,
      workspace,
      errors: [{ messageId: 'unknown', message: 'Unknown indicator "other-fw#nope" in agreement "psa-health".' }],
    },
    {
      name: 'a framework the workspace does not have',
      code: base.replace('[ae-four-hour-wiat]', '[elsewhere#x]'),
      workspace,
      errors: [
        {
          messageId: 'unknownFramework',
          message: 'Unknown indicator "elsewhere#x" in agreement "psa-health" (no framework "elsewhere" in the workspace).',
          fixes: [],
        },
      ],
    },
    {
      name: 'an incomplete index: a framework it does not hold is not judged, an unknown id in one it holds is',
      code: base.replace('[ae-four-hour-wiat]', '[elsewhere#x, other-fw#shared-indicator, other-fw#nope]'),
      workspace: partial,
      errors: [{ messageId: 'unknown', message: 'Unknown indicator "other-fw#nope" in agreement "psa-health".' }],
    },
  ],
});
