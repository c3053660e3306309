// Precision of the rules on the real-framework corpus, from the judged findings in
// test/corpus/real/expected.yaml: per rule and overall, at the severities users see.
import { allRules } from '../server/src/rules';
import {
  judgementsOf,
  keyOf,
  labelBefore,
  type BeforeFinding,
  type CorpusFinding,
  type Expected,
  type Verdict,
} from '../test/corpus/corpus';

interface Tally {
  true: number;
  'false-alarm': number;
  artefact: number;
}
const empty = (): Tally => ({ true: 0, 'false-alarm': 0, artefact: 0 });

/** true / (true + false alarm): artefacts say nothing about the rule. */
export function precision(t: Tally): number | undefined {
  const judged = t.true + t['false-alarm'];
  return judged === 0 ? undefined : t.true / judged;
}

/** Files added after the rules were fixed, and not used to fix them: the held-out check. */
export const HELD_OUT = ['uk-highways-agency-2003.framework.yaml'];

function heldOutRows(findings: CorpusFinding[], verdictOf: Map<string, Verdict>): string[] {
  const t = empty();
  for (const f of findings) {
    const v = verdictOf.get(keyOf(f));
    if (v && HELD_OUT.includes(f.file)) t[v]++;
  }
  return [
    `| held-out files (${HELD_OUT.length}, added after the fixes): true / false alarm / artefact, precision | ${t.true} / ${t['false-alarm']} / ${t.artefact}, ${fmt(precision(t))} |`,
  ];
}

/**
 * Agreement of each independent reader (a fifth of the findings each, drawn at random and
 * re-labelled from the sources and the rule docs alone) with the first reading, and with the
 * file once disagreements were settled.
 */
export interface ReaderAgreement {
  reader: number;
  sampled: number;
  /** Agreed with the judgement the file held when the reader read it. */
  agreedRead: number;
  agreedSettled: number;
}

export function readerAgreement(expected: Expected): ReaderAgreement[] {
  const verdicts = judgementsOf(expected);
  // One reading per re-labelled finding: the reader's verdict, the file's when read, and now.
  const readings = [
    ...[...expected.findings, ...expected.retired]
      .filter((j) => j.second !== undefined)
      .map((j) => ({ reader: j.reader ?? 1, second: j.second, read: j.read ?? j.first ?? j.verdict, now: j.verdict })),
    ...expected.rereadings.map((r) => ({ reader: r.reader, second: r.second, read: r.read, now: verdicts.get(keyOf(r)) })),
  ];
  const byReader = new Map<number, typeof readings>();
  for (const r of readings) byReader.set(r.reader, [...(byReader.get(r.reader) ?? []), r]);
  return [...byReader.entries()]
    .sort(([a], [b]) => a - b)
    .map(([reader, sampled]) => ({
      reader,
      sampled: sampled.length,
      agreedRead: sampled.filter((r) => r.read === r.second).length,
      agreedSettled: sampled.filter((r) => r.now === r.second).length,
    }));
}

function readerSection(expected: Expected): string[] {
  const readers = readerAgreement(expected);
  if (readers.length === 0) return [];
  const share = (n: number, of: number) => `${n} of ${of} (${(n / of).toFixed(2)})`;
  const rejudged = expected.findings.filter((j) => j.first !== undefined && j.second === undefined).length;
  return [
    '',
    '## Independent readers',
    '',
    `Each reader re-labelled a fifth of the ${expected.findings.length + expected.retired.length} judged findings, drawn at random, working from the transcribed`,
    'files, their sources and the rule docs without seeing other labels (`second:` in the judgement file,',
    '`reader:` says whose; `first:` keeps the first reading where a disagreement changed the verdict, `read:` the',
    "verdict a later reader saw where an earlier reader's settlement had already changed it).",
    `${expected.retired.length} of the re-labelled findings are gone since, because the field they were about was transcribed;`,
    'their judgements are kept under `retired:`, so each sample stays as it was drawn. A reader listed under',
    '`rereadings:` drew a fresh fifth from all the judged findings once the earlier readers were settled.',
    '',
    '| reader | re-labelled | agreement with the file as the reader read it | agreement once disagreements were settled |',
    '|---|---|---|---|',
    ...readers.map((r) => `| ${r.reader} | ${r.sampled} | ${share(r.agreedRead, r.sampled)} | ${share(r.agreedSettled, r.sampled)} |`),
    '',
    `Other findings of the same cause in the same file, re-judged the same way: ${rejudged}.`,
  ];
}

const fmt = (p: number | undefined) => (p === undefined ? '-' : p.toFixed(2));

/** Per rule, the old rules' findings by today's labels: at every severity, and at warning and error (`seen`). */
export type BeforeTallies = Record<string, Tally & { severity: string; seen: Tally }>;

/**
 * The "before" column: the findings of the rules when the corpus was built, each labelled as
 * labelBefore says, counted per rule (rules in id order).
 */
export function beforeTallies(before: BeforeFinding[], expected: Expected): BeforeTallies {
  const judgements = judgementsOf(expected);
  const rules: BeforeTallies = {};
  for (const f of [...before].sort((a, b) => a.rule.localeCompare(b.rule))) {
    const row = (rules[f.rule] ??= { severity: f.severity, ...empty(), seen: empty() });
    const label = labelBefore(f, judgements);
    row[label]++;
    if (f.severity === 'error' || f.severity === 'warning') row.seen[label]++;
  }
  return rules;
}

const sum = (ts: Tally[]): Tally =>
  ts.reduce(
    (a, t) => ({ true: a.true + t.true, 'false-alarm': a['false-alarm'] + t['false-alarm'], artefact: a.artefact + t.artefact }),
    empty(),
  );
const count = (t: Tally) => t.true + t['false-alarm'] + t.artefact;

export function precisionReport(findings: CorpusFinding[], expected: Expected, beforeFindings?: BeforeFinding[]): string {
  const verdictOf = new Map(expected.findings.map((j) => [keyOf(j), j.verdict as Verdict]));
  const byRule = new Map<string, { severity: string; all: Tally }>();
  const seen = empty();
  const every = empty();
  for (const f of findings) {
    const v = verdictOf.get(keyOf(f));
    if (!v) continue;
    const row = byRule.get(f.rule) ?? { severity: f.severity, all: empty() };
    row.all[v]++;
    byRule.set(f.rule, row);
    every[v]++;
    if (f.severity === 'error' || f.severity === 'warning') seen[v]++;
  }
  const files = new Set(findings.map((f) => f.file)).size;
  const seenTotal = seen.true + seen['false-alarm'] + seen.artefact;
  const caught = expected.misses.filter((m) => m.caught_by);
  const lines = [
    '# Precision on real frameworks',
    '',
    'Generated by `npm run precision` from the judged findings in',
    '[`test/corpus/real/expected.yaml`](../test/corpus/real/expected.yaml); do not edit by hand.',
    `The corpus ([README](../test/corpus/real/README.md)) holds ${files} published frameworks transcribed into the format.`,
    '',
    'Each finding of the default rules is judged **true** (a real defect), **false alarm** (the rule is',
    'wrong about the file) or **artefact** (the transcription lacks a field the source has).',
    'Precision is true / (true + false alarm).',
    '',
    '## Overall',
    '',
    '| measure | value |',
    '|---|---|',
    `| findings (all severities) | ${every.true + every['false-alarm'] + every.artefact} |`,
    `| true / false alarm / artefact (all severities) | ${every.true} / ${every['false-alarm']} / ${every.artefact} |`,
    `| precision, all severities | ${fmt(precision(every))} |`,
    `| warnings and errors | ${seenTotal} |`,
    `| precision, warnings and errors | ${fmt(precision(seen))} |`,
    `| share of warnings and errors that are true defects | ${seenTotal ? (seen.true / seenTotal).toFixed(2) : '-'} |`,
    ...heldOutRows(findings, verdictOf),
    `| defects the rules missed when the corpus was built | ${expected.misses.length} |`,
    `| of those, caught now | ${caught.length} |`,
    '',
    '## Per rule',
    '',
    '| rule | name | default | findings | true | false alarm | artefact | precision |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const rule of allRules) {
    const row = byRule.get(rule.meta.id);
    if (!row) continue;
    const t = row.all;
    lines.push(
      `| [${rule.meta.id}](rules/${rule.meta.id}.md) | ${rule.meta.name} | ${rule.meta.defaultSeverity} | ${t.true + t['false-alarm'] + t.artefact} | ${t.true} | ${t['false-alarm']} | ${t.artefact} | ${fmt(precision(t))} |`,
    );
  }
  if (beforeFindings) {
    const before = beforeTallies(beforeFindings, expected);
    // The same files as before: held-out files came later.
    const same = { every: empty(), seen: empty(), byRule: new Map<string, Tally>() };
    for (const f of findings) {
      const v = verdictOf.get(keyOf(f));
      if (!v || HELD_OUT.includes(f.file)) continue;
      same.every[v]++;
      if (f.severity === 'error' || f.severity === 'warning') same.seen[v]++;
      const r = same.byRule.get(f.rule) ?? empty();
      r[v]++;
      same.byRule.set(f.rule, r);
    }
    const every = same.every;
    const seen = same.seen;
    const seenTotal = count(seen);
    const rows = Object.values(before);
    const all = sum(rows);
    const seenBefore = sum(rows.map((r) => r.seen));
    lines.push(
      '',
      '## Before and after',
      '',
      'Findings of the rules as they were when the corpus was built (commit 75feff7), on the files as first',
      'transcribed ([`before-findings.yaml`](../test/corpus/real/before-findings.yaml)), each labelled with its',
      'judgement in `expected.yaml` where it has one (judged or retired), else with its `relabelled:` label (a',
      'finding whose judgement left that file when it went), else with the verdict it was given then. "Now"',
      'counts the same files (held-out files excluded).',
      '',
      '| measure | before | now |',
      '|---|---|---|',
      `| findings (all severities) | ${count(all)} | ${count(every)} |`,
      `| true defects reported (all severities) | ${all.true} | ${every.true} |`,
      `| false alarms (all severities) | ${all['false-alarm']} | ${every['false-alarm']} |`,
      `| precision, all severities | ${fmt(precision(all))} | ${fmt(precision(every))} |`,
      `| precision, warnings and errors | ${fmt(precision(seenBefore))} | ${fmt(precision(seen))} |`,
      `| share of warnings and errors that are true defects | ${(seenBefore.true / count(seenBefore)).toFixed(2)} | ${seenTotal ? (seen.true / seenTotal).toFixed(2) : '-'} |`,
      '',
      '| rule | default then | findings then | true | false alarm | artefact | precision then | precision now |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const [id, t] of Object.entries(before)) {
      lines.push(
        `| ${id} | ${t.severity} | ${count(t)} | ${t.true} | ${t['false-alarm']} | ${t.artefact} | ${fmt(precision(t))} | ${fmt(same.byRule.has(id) ? precision(same.byRule.get(id)!) : undefined)} |`,
      );
    }
  }
  lines.push(...readerSection(expected));
  const silent = allRules.filter((r) => r.meta.id > 'YS100' && !byRule.has(r.meta.id)).map((r) => r.meta.id);
  lines.push('', `Rules with no finding on the corpus: ${silent.length ? silent.join(', ') : 'none'}.`);
  if (expected.misses.length) {
    lines.push('', '## Missed defects', '', '| file | where | defect | caught by |', '|---|---|---|---|');
    for (const m of expected.misses) lines.push(`| ${m.file} | \`${m.where}\` | ${m.defect} | ${m.caught_by ?? '-'} |`);
  }
  return `${lines.join('\n')}\n`;
}
