// What --fix changed (a line per file on stderr, like a commit summary) and what --fix-dry-run
// would change (a unified diff per file, as `git diff` shows it).
import { createTwoFilesPatch } from 'diff';
import type { FileFix } from './check-files';

export function fixSummary(path: string, fix: FileFix, dryRun: boolean): string {
  const total = [...fix.rules.values()].reduce((a, b) => a + b, 0);
  const byRule = [...fix.rules].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ');
  return `${dryRun ? 'Would fix' : 'Fixed'} ${total} problem${total === 1 ? '' : 's'} in ${path} (${byRule})`;
}

export function formatFixDiff(path: string, fix: FileFix): string {
  const name = path.replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, fix.before, fix.after, undefined, undefined, { context: 3 });
  // The patch opens with a row of "=" that neither git nor patch needs.
  return patch.replace(/^=+\n/, '');
}
