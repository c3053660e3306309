// SARIF 2.1.0 for code scanning: the rule catalogue in tool.driver.rules, one result per finding.
import { pathToFileURL } from 'node:url';
import { allRules } from '../rules';
import type { Severity } from '../engine/types';
import type { FileResult } from './result';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(results: readonly FileResult[], version: string): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yardstick',
            informationUri: 'https://github.com/yardstick-dev/yardstick',
            version,
            rules: allRules.map((r) => ({
              id: r.meta.id,
              name: r.meta.name,
              shortDescription: { text: r.meta.description },
              helpUri: r.meta.docs,
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { category: r.meta.category, tags: [r.meta.category] },
            })),
          },
        },
        artifacts: results.map((r) => ({ location: { uri: pathToFileURL(r.absolutePath).href } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToFileURL(r.absolutePath).href, index: artifactIndex },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
