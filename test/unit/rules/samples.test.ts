// The samples: the UK and US frameworks are clean; the defect gallery shows every lint rule.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/lint/analyze';
import { fixAll } from '../../../server/src/lint/fix';
import { knowledge } from '../../../server/src/knowledge';
import { allRules } from '../../../server/src/rules';

const root = join(__dirname, '..', '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('rules: samples', () => {
  for (const sample of ['samples/uk-psa-2008.framework.yaml', 'samples/us-hhs-2022.framework.yaml']) {
    it(`${sample} gives no findings of any severity`, () => {
      const findings = analyze(read(sample)).findings;
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`),
        [],
      );
    });
  }

  it('samples/defects.framework.yaml triggers every lint rule YS101-YS409, each where its comment says', () => {
    const text = read('samples/defects.framework.yaml');
    const findings = analyze(text).findings;
    // The only structure problems are the slips fix-all repairs.
    assert.deepEqual(
      findings.filter((f) => f.code < 'YS100' && !f.fixes?.some((x) => x.safe)).map((f) => f.message),
      [],
      'no other structure problems',
    );
    const lint = allRules.map((r) => r.meta.id).filter((id) => id > 'YS100');
    const fired = new Set(findings.map((f) => f.code));
    assert.deepEqual(
      lint.filter((id) => !fired.has(id)),
      [],
      'rules that did not fire',
    );
    const lines = text.split('\n');
    for (const id of lint) {
      // Each rule's `# YSnnn` comment is inside the object (list item or top-level key) the
      // finding is in, or just above it.
      const f = findings.find((x) => x.code === id)!;
      const boundary = (l: string) => /^(  - |\S)/.test(l) && !l.startsWith('#');
      let start = f.range.start.line;
      while (start > 0 && !boundary(lines[start])) start--;
      let end = f.range.start.line + 1;
      while (end < lines.length && !boundary(lines[end])) end++;
      const near = lines.slice(Math.max(0, start - 3), end).some((l) => l.includes(`# ${id}`));
      assert.ok(near, `${id} fired at line ${f.range.start.line + 1}, away from its "# ${id}" comment`);
    }
  });

  it('every lint rule declares category, sources, docs and option defaults', () => {
    const categories: Record<string, string> = { '1': 'evaluation', '2': 'self-interest', '3': 'political-system', '4': 'reform-model' };
    for (const r of allRules.filter((x) => x.meta.id > 'YS100')) {
      assert.equal(r.meta.category, categories[r.meta.id[2]], r.meta.id);
      assert.ok(r.meta.sources.length > 0 && r.meta.sources.every((s) => s.url?.startsWith('http')), `${r.meta.id} sources`);
      assert.match(r.meta.docs ?? '', new RegExp(`docs/rules/${r.meta.id}\\.md$`));
      assert.ok((r.meta.knowledge ?? []).length > 0, `${r.meta.id} knowledge`);
      for (const k of r.meta.knowledge ?? []) assert.ok(knowledge.get(k), `${r.meta.id}: knowledge entry ${k} exists`);
      for (const [name, o] of Object.entries(r.meta.options ?? {})) assert.notEqual(o.default, undefined, `${r.meta.id}.${name}`);
    }
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort(), 'registry in id order');
  });

  it('fix-all on the defect gallery applies every safe fix it offers, and nothing else', () => {
    const text = read('samples/defects.framework.yaml');
    const before = analyze(text).findings;
    const safe = before.filter((f) => f.fixes?.some((x) => x.safe));
    assert.deepEqual(
      safe.map((f) => f.code),
      ['YS002', 'YS002', 'YS006'],
      'the three slips marked (fix-all)',
    );
    const { text: out, fixed } = fixAll(text);
    assert.equal(fixed, 3);
    // The slips are gone; every lint finding (whose fixes need the author's judgement) stays.
    const after = analyze(out).findings;
    assert.deepEqual(
      after.filter((f) => f.code < 'YS100').map((f) => f.message),
      [],
    );
    assert.deepEqual(
      after.map((f) => `${f.code} ${f.message}`),
      before.filter((f) => !safe.includes(f)).map((f) => `${f.code} ${f.message}`),
    );
    assert.equal(
      out,
      text
        .replace('[efficiency, efficiency]', '[efficiency]')
        .replace('frequency: monthy }', 'frequency: monthly }')
        .replace('    # yardstick-disable-next-line YS101 -- YS006 (fix-all): suppresses nothing, so it is removed.\n', ''),
    );
    assert.equal(fixAll(out).fixed, 0);
  });

  it('no rule throws on odd input', () => {
    const odd = `yardstick: 1
framework: { id: odd, title: Odd, jurisdiction: UK, period: { start: 5, end: [x] }, review_cycle: 7 }
stages: [1, { id: s, period: nope, activities: plan }, { id: t, period: { start: 2020-01-01 } }]
indicators:
  - 7
  - { id: a, unit: 5, direction: 3, baseline: [1], targets: { value: 1 }, actuals: "none", data: "x", definition: 4, linked_to_pay: "yes" }
  - { id: b, title: [wait], unit: percent, direction: increase, baseline: { value: "0.5" }, targets: [null, { value: [1] }, { value: "95", date: 2021-13-01 }], actuals: [{ value: 0, date: 2020-01-01 }] }
agreements:
  - { id: c, kind: strategic-plan, indicators: "a", reporting: "public", review: null, period: { start: 2020-01-01, end: 2019-01-01 } }
  - { id: d, indicators: [null, 3, a, b, a], reporting: { public: "yes" }, consultation: "Parliament", external_factors: {} }
  - []
`;
    const findings = analyze(odd).findings;
    assert.deepEqual(
      findings.filter((f) => f.data?.internalError).map((f) => f.message),
      [],
    );
  });
});
