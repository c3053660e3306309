// ESLint's "stylish" layout: a file header, then line:col  severity  message  rule, then a summary.
import { groupByCause, groupMessage } from '../lint/cause';
import { counts, type FileResult } from './result';

const c = (on: boolean) => ({
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
  yellow: (s: string) => (on ? `\x1b[33m${s}\x1b[39m` : s),
  blue: (s: string) => (on ? `\x1b[34m${s}\x1b[39m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  under: (s: string) => (on ? `\x1b[4m${s}\x1b[24m` : s),
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
});

/** `unchecked`: paths that could not be read or fixed (reported on stderr); no green tick then.
 * `group`: findings of one cause on many objects of a file print as one line at the first of
 * them (lint/cause.ts); off (--no-group), one line per finding as ESLint prints. The summary
 * counts every finding either way. */
export function formatStylish(results: readonly FileResult[], color: boolean, unchecked = 0, { group = true } = {}): string {
  const k = c(color);
  const out: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    out.push(k.under(r.path));
    const groups = group ? groupByCause(r.findings) : r.findings.map((f) => ({ findings: [f] }));
    const rows = groups.map((g) => {
      const f = g.findings[0];
      return [
        `${f.range.start.line + 1}:${f.range.start.character + 1}`,
        f.severity === 'error' ? k.red('error') : f.severity === 'warning' ? k.yellow('warning') : k.blue(f.severity),
        groupMessage(g),
        k.dim(`${f.code} ${f.name}`),
      ];
    });
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...r.findings.map((f) => f.severity.length));
    for (const [i, row] of rows.entries()) {
      const sev = groups[i].findings[0].severity;
      out.push(`  ${row[0].padEnd(w0)}  ${row[1]}${' '.repeat(w1 - sev.length)}  ${row[2]}  ${row[3]}`);
    }
    out.push('');
  }
  const { errors, warnings, infos } = counts(results);
  const total = errors + warnings + infos;
  if (total > 0) {
    const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
    out.push(errors ? k.bold(k.red(line)) : k.bold(k.yellow(line)));
  } else if (unchecked === 0) {
    out.push(`✔ ${results.length} file${results.length === 1 ? '' : 's'} checked, no problems`);
  }
  if (unchecked > 0) {
    const checked =
      total === 0 && results.length
        ? `; ${results.length} file${results.length === 1 ? '' : 's'} checked, no problems in ${results.length === 1 ? 'it' : 'them'}`
        : '';
    const line = `✖ ${unchecked} path${unchecked === 1 ? '' : 's'} could not be checked or fixed${checked}`;
    out.push(k.bold(k.red(line)));
  }
  return out.join('\n') + '\n';
}
