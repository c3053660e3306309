// The real-framework corpus: every finding of the default rules on test/corpus/real is judged
// in expected.yaml, and nothing is judged that no longer fires. Changing a rule so that a
// finding appears or disappears means re-judging it there (and re-running `npm run precision`).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/rules';
import { CORPUS_DIR, VERDICTS, corpusFiles, corpusFindings, keyOf, loadBefore, loadExpected } from './corpus';
import { precisionReport, readerAgreement } from '../../scripts/precision-report';

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
    const relabelled = all.filter((j) => j.second !== undefined).length;
    assert.ok(relabelled * 5 >= drawnFrom * readers.length * 0.9, `${relabelled} re-labelled by ${readers.length} readers`);
    for (const j of all) {
      if (j.second !== undefined) assert.ok(VERDICTS.includes(j.second), `${keyOf(j)}: second ${j.second}`);
      if (j.first !== undefined) assert.ok(VERDICTS.includes(j.first) && j.first !== j.verdict, `${keyOf(j)}: first ${j.first}`);
      if (j.read !== undefined) assert.ok(VERDICTS.includes(j.read) && j.second !== undefined, `${keyOf(j)}: read ${j.read}`);
      // A disagreement left standing must say how it was settled.
      if (j.second !== undefined && j.second !== j.verdict) assert.match(j.reason, /settled/, `${keyOf(j)}: disagreement not settled`);
    }
  });

  it('docs/precision.md is the report of the current corpus (npm run precision)', () => {
    const report = readFileSync(join(__dirname, '..', '..', 'docs', 'precision.md'), 'utf8');
    assert.equal(report, precisionReport(findings, expected, loadBefore()));
  });
});
