// The real-framework corpus: every finding of the default rules on test/corpus/real is judged
// in expected.yaml, and nothing is judged that no longer fires. Changing a rule so that a
// finding appears or disappears means re-judging it there (and re-running `npm run precision`).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules';
import { load } from 'js-yaml';
import {
  CORPUS_DIR,
  VERDICTS,
  corpusFiles,
  corpusFindings,
  judgementsOf,
  keyOf,
  labelBefore,
  loadBeforeFindings,
  loadExpected,
  type BeforeFinding,
  type Expected,
} from './corpus';
import { HELD_OUT, beforeTallies, precisionReport, readerAgreement } from '../../scripts/precision-report';

describe('corpus: real frameworks', () => {
  const expected = loadExpected();
  const findings = corpusFindings();

  it('has at least eight frameworks from at least three jurisdictions, each valid format', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 8, `${files.length} files`);
    const jurisdictions = new Set(files.map((f) => /jurisdiction:\s*(\S+)/.exec(readFileSync(join(CORPUS_DIR, f), 'utf8'))?.[1]));
    assert.ok(jurisdictions.size >= 3, [...jurisdictions].join(', '));
    const structural = findings.filter((f) => f.rule < 'YS100').map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`);
    assert.deepEqual(structural, []);
  });

  it('every finding is judged, and every judgement still fires', () => {
    const judged = new Map(expected.findings.map((j) => [keyOf(j), j]));
    const fired = new Set(findings.map(keyOf));
    const unjudged = findings.filter((f) => !judged.has(keyOf(f))).map((f) => `${keyOf(f)} (line ${f.line}: ${f.message})`);
    const gone = expected.findings.filter((j) => !fired.has(keyOf(j))).map(keyOf);
    // A retired judgement is of a finding that no longer fires, and says what removed it.
    const retiredFiring = expected.retired.filter((j) => fired.has(keyOf(j)) || !j.gone || j.second === undefined).map(keyOf);
    assert.deepEqual({ unjudged, gone, retiredFiring }, { unjudged: [], gone: [], retiredFiring: [] });
  });

  it('judgements are well formed: one per finding, a known verdict and a reason', () => {
    const keys = expected.findings.map(keyOf);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'judged twice');
    for (const j of expected.findings) {
      assert.ok(VERDICTS.includes(j.verdict), `${keyOf(j)}: verdict ${j.verdict}`);
      assert.ok(j.reason && j.reason.length > 10, `${keyOf(j)}: reason`);
    }
  });

  it('each miss names a file and a defect, and a rule said to catch it does report it there', () => {
    const ids = new Set(allRules.map((r) => r.meta.id));
    for (const m of expected.misses) {
      assert.ok(corpusFiles().includes(m.file), m.file);
      assert.ok(m.defect && m.reason, `${m.file} ${m.where}`);
      if (!m.caught_by) continue;
      assert.ok(ids.has(m.caught_by), `${m.caught_by} is not a rule`);
      const hit = findings.some((f) => f.file === m.file && f.rule === m.caught_by && (f.where === m.where || f.where.startsWith(`${m.where}.`) || f.where.startsWith(`${m.where}[`) || m.where.startsWith(f.where)));
      assert.ok(hit, `${m.caught_by} does not report ${m.file} ${m.where}`);
    }
  });

  it('each independent reader re-labelled at least a fifth of the judged findings, and every disagreement is settled in the file', () => {
    const readers = readerAgreement(expected);
    assert.ok(readers.length >= 1, `readers.length is ${readers.length}`);
    // Each reader drew a fifth; a finding a later fix removed leaves the file with its judgement,
    // and one a later transcription removed keeps it under retired.
    const drawnFrom = expected.findings.length + expected.retired.length;
    assert.ok(readers[0].sampled * 5 >= drawnFrom, `reader 1: ${readers[0].sampled} of ${drawnFrom} re-labelled`);
    const all = [...expected.findings, ...expected.retired];
    const relabelled = all.filter((j) => j.second !== undefined).length + expected.rereadings.length;
    assert.ok(relabelled * 5 >= drawnFrom * readers.length * 0.9, `${relabelled} re-labelled by ${readers.length} readers`);
    for (const j of all) {
      if (j.second !== undefined) assert.ok(VERDICTS.includes(j.second), `${keyOf(j)}: second ${j.second}`);
      if (j.first !== undefined) assert.ok(VERDICTS.includes(j.first) && j.first !== j.verdict, `${keyOf(j)}: first ${j.first}`);
      if (j.read !== undefined) assert.ok(VERDICTS.includes(j.read) && j.second !== undefined, `${keyOf(j)}: read ${j.read}`);
      // A disagreement left standing must say how it was settled.
      if (j.second !== undefined && j.second !== j.verdict) assert.match(j.reason, /settled/, `${keyOf(j)}: disagreement not settled`);
    }
    // A re-reading names a judged finding; where it disagrees with the verdict now, the verdict says how it was settled.
    const judged = new Map(all.map((j) => [keyOf(j), j]));
    for (const r of expected.rereadings) {
      const j = judged.get(keyOf(r));
      assert.ok(j, `re-reading of ${keyOf(r)}: no such judged finding`);
      assert.ok(VERDICTS.includes(r.second) && VERDICTS.includes(r.read), `${keyOf(r)}: ${r.second} / ${r.read}`);
      if (r.second !== j.verdict) assert.match(j.reason, /settled/, `${keyOf(r)}: re-reading's disagreement not settled`);
    }
  });

  it("the old rules' findings are listed once each, on the first files, naming objects the files still have", () => {
    const before = loadBeforeFindings();
    const keys = before.map(keyOf);
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [], 'listed twice');
    const judged = judgementsOf(expected);
    const severityOf = new Map<string, string>();
    for (const f of before) {
      assert.ok(corpusFiles().includes(f.file) && !HELD_OUT.includes(f.file), `${keyOf(f)}: file`);
      assert.ok(VERDICTS.includes(f.verdict), `${keyOf(f)}: verdict ${f.verdict}`);
      assert.ok(['error', 'warning', 'info'].includes(f.severity), `${keyOf(f)}: severity ${f.severity}`);
      assert.equal(severityOf.get(f.rule) ?? f.severity, f.severity, `${f.rule}: one default severity`);
      severityOf.set(f.rule, f.severity);
      // A renamed id would leave the old finding unmatched: it would need a mapping here.
      const object = /^(indicators|agreements)\[([^\]]+)\]/.exec(f.where);
      if (object) {
        const data = load(readFileSync(join(CORPUS_DIR, f.file), 'utf8')) as Record<string, { id: string }[]>;
        assert.ok(data[object[1]].some((o) => o.id === object[2]), `${keyOf(f)}: no ${object[1]} ${object[2]} now`);
      }
      if (f.relabelled === undefined) continue;
      // A relabel stands only for a finding that has no judgement left: a judgement wins.
      assert.ok(VERDICTS.includes(f.relabelled) && f.relabelled !== f.verdict, `${keyOf(f)}: relabelled ${f.relabelled}`);
      assert.ok(f.why && f.why.length > 10, `${keyOf(f)}: why`);
      assert.ok(!judged.has(keyOf(f)), `${keyOf(f)}: relabelled but judged in expected.yaml`);
    }
  });

  it("the report's before column counts the old rules' findings by today's labels", () => {
    const before = loadBeforeFindings();
    const judged = judgementsOf(expected);
    const report = readFileSync(join(__dirname, '..', '..', 'docs', 'precision.md'), 'utf8');
    const rows = new Map(
      [...report.matchAll(/^\| (YS\d{3}) \| (\w+) \| (\d+) \| (\d+) \| (\d+) \| (\d+) \| [-\d.]+ \| [-\d.]+ \|$/gm)].map((m) => [m[1], m.slice(2).join(' ')]),
    );
    const rules = [...new Set(before.map((f) => f.rule))].sort();
    assert.deepEqual([...rows.keys()], rules);
    for (const rule of rules) {
      const of = before.filter((f) => f.rule === rule);
      const labelled = (v: string) => of.filter((f) => labelBefore(f, judged) === v).length;
      assert.equal(rows.get(rule), `${of[0].severity} ${of.length} ${labelled('true')} ${labelled('false-alarm')} ${labelled('artefact')}`, rule);
    }
    const total = (measure: string) => new RegExp(`^\\| ${measure} \\| (\\d+) \\| \\d+ \\|$`, 'm').exec(report)?.[1];
    assert.equal(total('findings \\(all severities\\)'), String(before.length));
    assert.equal(total('true defects reported \\(all severities\\)'), String(before.filter((f) => labelBefore(f, judged) === 'true').length));
    assert.equal(total('false alarms \\(all severities\\)'), String(before.filter((f) => labelBefore(f, judged) === 'false-alarm').length));
  });

  it('docs/precision.md is the report of the current corpus (npm run precision)', () => {
    const report = readFileSync(join(__dirname, '..', '..', 'docs', 'precision.md'), 'utf8');
    assert.equal(report, precisionReport(findings, expected, loadBeforeFindings()));
  });
});

describe('corpus: the before column', () => {
  const old = (rule: string, where: string, verdict: BeforeFinding['verdict'], more: Partial<BeforeFinding> = {}): BeforeFinding => ({
    file: 'a.framework.yaml',
    rule,
    where,
    severity: 'warning',
    verdict,
    ...more,
  });
  const judgement = (rule: string, where: string, verdict: BeforeFinding['verdict']) => ({ file: 'a.framework.yaml', rule, where, verdict, reason: 'a reason long enough' });
  const expected: Expected = {
    findings: [judgement('YS101', 'indicators[a].targets', 'artefact')],
    misses: [],
    retired: [{ ...judgement('YS106', 'indicators[b].id', 'artefact'), second: 'artefact', gone: 'transcribed' }],
    rereadings: [],
  };
  const before = [
    old('YS101', 'indicators[a].targets', 'true'), // judged today: artefact
    old('YS101', 'indicators[c].targets', 'false-alarm'), // gone, never re-judged: false alarm
    old('YS106', 'indicators[b].id', 'true'), // retired: artefact
    old('YS106', 'indicators[d].id', 'true', { relabelled: 'artefact', why: 'a settled cause' }), // relabelled: artefact
    old('YS106', 'indicators[e].id', 'true'), // gone: true
    old('YS404', 'framework.id', 'true', { severity: 'info' }),
  ];

  it('labels each old finding by its judgement, else its relabel, else its verdict then', () => {
    const judged = judgementsOf(expected);
    assert.deepEqual(
      before.map((f) => labelBefore(f, judged)),
      ['artefact', 'false-alarm', 'artefact', 'artefact', 'true', 'true'],
    );
  });

  it('counts them per rule in id order, warnings and errors apart', () => {
    assert.deepEqual(beforeTallies(before, expected), {
      YS101: { severity: 'warning', true: 0, 'false-alarm': 1, artefact: 1, seen: { true: 0, 'false-alarm': 1, artefact: 1 } },
      YS106: { severity: 'warning', true: 1, 'false-alarm': 0, artefact: 2, seen: { true: 1, 'false-alarm': 0, artefact: 2 } },
      YS404: { severity: 'info', true: 1, 'false-alarm': 0, artefact: 0, seen: { true: 0, 'false-alarm': 0, artefact: 0 } },
    });
  });
});
