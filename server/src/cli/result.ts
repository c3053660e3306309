import type { Finding } from '../engine/types';

/** One checked file's results, as every formatter receives them. */
export interface FileResult {
  /** Path as given to the user (relative to cwd when possible). */
  path: string;
  absolutePath: string;
  findings: Finding[];
  /** --fix and --fix-dry-run: the fixes applied (or that would be), by rule. */
  fixed?: Array<{ ruleId: string; count: number }>;
  /** --fix-dry-run: the file's text with the fixes applied. */
  output?: string;
}

export function counts(results: readonly FileResult[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}
