// Hover, called on the language service directly: the markdown it shows and the range it covers.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/lint/analyze';
import { WorkspaceIndex } from '../../../server/src/engine/workspace-index';
import { schemaAt } from '../../../server/src/engine/schema';
import { hover } from '../../../server/src/language-service/hover';
import { knowledge } from '../../../server/src/knowledge';
import { ruleById } from '../../../server/src/rules';
import { docsHref } from '../../../server/src/rules/rule';
import { MINIMAL, WAIT_INDICATOR } from '../../helpers';

const INDICATOR = WAIT_INDICATOR;
const TEXT = `${MINIMAL}indicators:
${INDICATOR}agreements:
  - id: psa
    kind: other
    title: A
    principal: P
    agent: Q
    indicators: [wait, wiat, other-fw#shared]
`;

/** Line and character of `needle` (its n-th character), optionally on the first line containing `on`. */
function at(text: string, needle: string, n = 1, on = needle): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(on));
  assert.ok(line >= 0, `no line with ${on}`);
  return { line, character: lines[line].indexOf(needle) + n };
}

const span = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('hover', () => {
  const analysis = analyze(TEXT);

  it('a key: its name and the schema description, over the key', () => {
    const pos = at(TEXT, 'direction:');
    const h = hover(analysis, pos, { knowledge })!;
    assert.deepEqual(h.contents, { kind: 'markdown', value: `\`direction\`\n\n${schemaAt(['indicators', 0, 'direction'])!.description}` });
    assert.deepEqual(h.range, span(pos.line, 4, 13));
  });

  const SUMMARY = [
    '**Indicator `wait`** — Seen within four hours',
    '',
    '- Type: outcome',
    '- Unit: percent',
    '- Direction: increase',
    '- Baseline: 77 (2002-03-31)',
    '- Targets: 98 by 2004-12-31',
    '- Data: Hospital episode statistics, administrative, monthly',
    '- Owner: Department of Health',
  ].join('\n');

  it('a reference: a summary of the indicator it names', () => {
    const pos = at(TEXT, 'wait,');
    const h = hover(analysis, pos, { knowledge })!;
    assert.equal((h.contents as { value: string }).value, SUMMARY);
    assert.deepEqual(h.range, span(pos.line, pos.character - 1, pos.character + 3));
  });

  it('a declaration: the summary and how often this file uses it', () => {
    const pos = at(TEXT, 'wait', 1, '- id: wait');
    const h = hover(analysis, pos, { knowledge })!;
    assert.equal((h.contents as { value: string }).value, `${SUMMARY}\n\nUsed by 1 reference in this file.`);
    assert.deepEqual(h.range, span(pos.line, 8, 12));
  });

  it('a problem: its rule, message and documentation link, over the finding', () => {
    const pos = at(TEXT, 'wiat');
    const h = hover(analysis, pos, { knowledge })!;
    const finding = analysis.findings.find((f) => f.code === 'YS003' && f.message.includes('"wiat"'))!;
    assert.equal(
      (h.contents as { value: string }).value,
      `**YS003** \`unknown-reference\`: ${finding.message} [Rule YS003](${docsHref(ruleById('YS003')!.meta.docs!)})`,
    );
    assert.deepEqual(h.range, finding.range);
    assert.deepEqual(h.range, span(pos.line, pos.character - 1, pos.character + 3));
  });

  it('a problem others share: one line says how many other objects of the file have it, and no more', () => {
    const noSource = (id: string) => `  - { id: ${id}, title: ${id}, type: outcome, unit: percent, direction: increase, owner: O }\n`;
    const three = `${MINIMAL}indicators:\n${noSource('first')}${noSource('second')}${noSource('third')}`;
    const shared = analyze(three);
    const link = `[Rule YS106](${docsHref(ruleById('YS106')!.meta.docs!)})`;
    const hoverOn = (text: string, id: string) => {
      const finding = analyze(text).findings.find((f) => f.code === 'YS106' && f.message.includes(`"${id}"`))!;
      const h = hover(analyze(text), finding.range.start, { knowledge })!;
      assert.deepEqual(h.range, finding.range);
      return { value: (h.contents as { value: string }).value, finding };
    };
    const second = hoverOn(three, 'second');
    assert.equal(
      second.value,
      `**YS106** \`missing-data-source\`: ${second.finding.message} ${link}\n\nThe same finding is reported for 2 other indicators in this file.`,
    );
    assert.equal(shared.findings.filter((f) => f.code === 'YS106').length, 3);
    const two = hoverOn(`${MINIMAL}indicators:\n${noSource('first')}${noSource('second')}`, 'first');
    assert.match(two.value, /\n\nThe same finding is reported for 1 other indicator in this file\.$/);
    const alone = hoverOn(`${MINIMAL}indicators:\n${noSource('first')}`, 'first');
    assert.equal(alone.value, `**YS106** \`missing-data-source\`: ${alone.finding.message} ${link}`);
  });

  it('a reference into another framework of the workspace: that file says what it is', () => {
    const other = `${MINIMAL.replace('id: demo', 'id: other-fw')}indicators:\n${INDICATOR.replace('id: wait', 'id: shared').replace('Seen within four hours', 'Shared measure')}`;
    const index = new WorkspaceIndex();
    index.updateFromText('file:///ws/other.framework.yaml', other);
    const withIndex = analyze(TEXT, { workspace: index });
    const pos = at(TEXT, 'other-fw#shared', 10);
    const h = hover(withIndex, pos, {
      knowledge,
      index,
      analysisOf: (uri) => (uri === 'file:///ws/other.framework.yaml' ? analyze(other) : undefined),
    })!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /^\*\*Indicator `shared`\*\* — Shared measure\n/);
    assert.match(value, /In framework `other-fw` \(other\.framework\.yaml\)\./);
    assert.deepEqual(h.range, span(pos.line, pos.character - 10, pos.character + 5));
    // Without the index the same reference names nothing known.
    const alone = hover(analysis, pos, { knowledge })!;
    assert.equal((alone.contents as { value: string }).value, 'No indicator `shared` in a framework `other-fw` of this workspace.');
    // While the workspace is still being indexed, a framework not seen yet is not said to be missing.
    const partial = new WorkspaceIndex();
    partial.complete = false;
    const early = hover(analyze(TEXT, { workspace: partial }), pos, { knowledge, index: partial })!;
    assert.equal((early.contents as { value: string }).value, 'No framework `other-fw` among the files indexed so far.');
  });

  it('positions past the end of a line or of the text', () => {
    // Past the end of `yardstick: 1`: the value at the line's end, not the next line.
    const h = hover(analysis, { line: 0, character: 80 }, { knowledge })!;
    assert.match((h.contents as { value: string }).value, /^`yardstick: 1`/);
    assert.deepEqual(h.range, span(0, 11, 12));
    assert.equal(hover(analysis, { line: 500, character: 0 }, { knowledge }), null);
  });
});
