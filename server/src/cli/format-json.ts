// JSON output, shaped like ESLint's: one entry per file, 1-based lines and columns,
// plus the 0-based offsets and the fixes the engine offers.
import type { FileResult } from './result';

export function formatJson(results: readonly FileResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        filePath: r.absolutePath,
        errorCount: r.findings.filter((f) => f.severity === 'error').length,
        warningCount: r.findings.filter((f) => f.severity === 'warning').length,
        infoCount: r.findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
        ...(r.fixed ? { fixed: r.fixed } : {}),
        ...(r.output !== undefined ? { output: r.output } : {}),
        messages: r.findings.map((f) => ({
          ruleId: f.code,
          ruleName: f.name,
          severity: f.severity,
          message: f.message,
          line: f.range.start.line + 1,
          column: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
          start: f.start,
          end: f.end,
          fixes: f.fixes?.map((x) => ({
            title: x.title,
            safe: x.safe,
            edits: x.edits.map(({ start, end, newText }) => ({ start, end, newText })),
          })),
        })),
      })),
      null,
      2,
    ) + '\n'
  );
}
