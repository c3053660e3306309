// The real-framework corpus: published frameworks transcribed into the format, and the
// judged findings of today's rules on them (test/corpus/real/expected.yaml). Shared by the
// corpus test and the precision report, so both count findings the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { analyze } from '../../server/src/lint/analyze';
import type { YNode } from '../../server/src/engine/parse/tree';

export const CORPUS_DIR = join(__dirname, 'real');
export const EXPECTED_FILE = join(CORPUS_DIR, 'expected.yaml');
export const BEFORE_FILE = join(CORPUS_DIR, 'before-findings.yaml');

export type Verdict = 'true' | 'false-alarm' | 'artefact';
export const VERDICTS: readonly Verdict[] = ['true', 'false-alarm', 'artefact'];

export interface CorpusFinding {
  file: string;
  rule: string;
  /** The value path the finding points into, with list items named by id: indicators[gdp-growth].targets[0].value */
  where: string;
  severity: string;
  line: number;
  message: string;
}

export interface Judgement {
  file: string;
  rule: string;
  where: string;
  verdict: Verdict;
  reason: string;
  /** The verdict before a disagreement with the second reader was settled. */
  first?: Verdict;
  /** An independent reader's verdict, on the randomly drawn fifth they re-labelled. */
  second?: Verdict;
  /** Which independent reader gave `second` (1 when absent). */
  reader?: number;
  /** The verdict the file held when this reader read it, where that was neither `first` nor
   * `verdict` (an earlier reader's settlement had re-judged the finding with others of its cause). */
  read?: Verdict;
}

/** A defect the file shows; `caught_by` names the rule that now reports it, if any. */
export interface Miss {
  file: string;
  where: string;
  defect: string;
  reason: string;
  caught_by?: string;
}

/**
 * A re-labelled judgement whose finding is gone because a later transcription added the field
 * it was about: kept so that each reader's sample stays as it was drawn.
 */
export interface Retired extends Judgement {
  /** What removed the finding. */
  gone: string;
}

/**
 * A later reader's verdict on a finding an earlier reader had already re-labelled: a fresh fifth
 * drawn from all the judged findings once the earlier readers' disagreements were settled.
 */
export interface Rereading {
  file: string;
  rule: string;
  where: string;
  /** The reader's verdict. */
  second: Verdict;
  /** The file's verdict when the reader read it. */
  read: Verdict;
  reader: number;
  reason: string;
}

export interface Expected {
  findings: Judgement[];
  misses: Miss[];
  retired: Retired[];
  rereadings: Rereading[];
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.framework.yaml')).sort();
}

/** Findings of the default rule set on one corpus file, at every severity. */
export function findingsOf(file: string): CorpusFinding[] {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  const analysis = analyze(text);
  return analysis.findings.map((f) => ({
    file,
    rule: f.code,
    where: locate(analysis.doc.root, analysis.doc.value, f.start),
    severity: f.severity,
    line: f.range.start.line + 1,
    message: f.message,
  }));
}

export function corpusFindings(): CorpusFinding[] {
  return corpusFiles().flatMap(findingsOf);
}

export function loadExpected(): Expected {
  const data = load(readFileSync(EXPECTED_FILE, 'utf8')) as Partial<Expected> | null;
  return { findings: data?.findings ?? [], misses: data?.misses ?? [], retired: data?.retired ?? [], rereadings: data?.rereadings ?? [] };
}

/**
 * A finding of the rules as they were when the corpus was built (commit 75feff7), on the files
 * as first transcribed (test/corpus/real/before-findings.yaml).
 */
export interface BeforeFinding {
  file: string;
  rule: string;
  where: string;
  /** The rule's default severity at that commit. */
  severity: string;
  /** The verdict it was given then. */
  verdict: Verdict;
  /** The label of a finding whose judgement left expected.yaml when the finding went; `why` says why. */
  relabelled?: Verdict;
  why?: string;
}

export function loadBeforeFindings(): BeforeFinding[] {
  const data = load(readFileSync(BEFORE_FILE, 'utf8')) as { findings?: BeforeFinding[] } | null;
  return data?.findings ?? [];
}

/**
 * Today's label of a finding of the old rules: its judgement in expected.yaml (judged or
 * retired) where it has one, else its relabel, else the verdict it was given then.
 */
export function labelBefore(finding: BeforeFinding, judgements: Map<string, Verdict>): Verdict {
  return judgements.get(keyOf(finding)) ?? finding.relabelled ?? finding.verdict;
}

/** The verdict of every judged finding, current or retired, by key. */
export function judgementsOf(expected: Expected): Map<string, Verdict> {
  return new Map([...expected.findings, ...expected.retired].map((j) => [keyOf(j), j.verdict]));
}

export const keyOf = (f: { file: string; rule: string; where: string }) => `${f.file} ${f.rule} ${f.where}`;

/** The deepest value path whose node contains the offset; list items that have an id are named by it. */
export function locate(root: YNode | null, value: unknown, offset: number): string {
  let path = '';
  let node = root;
  let v = value;
  while (node) {
    if (node.kind === 'map') {
      const pair = node.pairs.find((p) => offset >= p.keyStart && offset <= Math.max(p.value.end, p.keyEnd));
      if (!pair) break;
      path += path ? `.${pair.key}` : pair.key;
      node = pair.value;
      v = isRecord(v) ? v[pair.key] : undefined;
    } else if (node.kind === 'seq') {
      const i = node.items.findIndex((item) => offset >= item.start && offset <= item.end);
      if (i < 0) break;
      const item = Array.isArray(v) ? v[i] : undefined;
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
      path += `[${id ?? i}]`;
      node = node.items[i];
      v = item;
    } else break;
  }
  return path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
