// Shared test helpers: run the engine and read findings compactly.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalyzeOptions } from '../server/src/lint/analyze';
import type { Finding } from '../server/src/engine/types';

export const ROOT = join(__dirname, '..');

export function readRepoFile(rel: string): string {
  return readFileSync(join(ROOT, rel), 'utf8');
}

export function findings(text: string, options?: AnalyzeOptions): Finding[] {
  return analyze(text, options).findings;
}

/** "line:col-line:col" with 1-based numbers, as editors show them. */
export function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

export function brief(fs: Finding[]): string[] {
  return fs.map((f) => `${f.code} ${where(f)}`);
}

/** A valid minimal framework, to which tests append their own sections. */
export const MINIMAL = `yardstick: 1
framework:
  id: demo
  title: Demo framework
  jurisdiction: UK
  period: { start: 2008-04-01, end: 2012-03-31 }
`;

/** One complete indicator (the English four-hour A&E standard), as a list item under `indicators:`. */
export const WAIT_INDICATOR = `  - id: wait
    title: Seen within four hours
    type: outcome
    unit: percent
    direction: increase
    baseline: { value: 77, date: 2002-03-31 }
    targets:
      - { value: 98, date: 2004-12-31 }
    data: { source: Hospital episode statistics, collection: administrative, frequency: monthly }
    owner: Department of Health
`;
