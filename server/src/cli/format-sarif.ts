// SARIF 2.1.0 for code scanning: the rule catalogue in tool.driver.rules, one result per finding.
// Files are named relative to %SRCROOT% (the repository being checked, else the current folder),
// so a log made on a CI machine maps onto any checkout; columns count UTF-16 code units.
// Documentation links (helpUri, informationUri) only under a docs base URL: a file: link to the
// CI machine's copy of the docs would lead nowhere for whoever reads the log.
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '../node/config-file';
import { allRules } from '../rules';
import { docsUrl } from '../rules/rule';
import type { Severity } from '../engine/types';
import type { FileResult } from './result';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

const SRCROOT = '%SRCROOT%';

/** An artifact location: relative to the source root when the file is inside it. */
function locate(file: string, rootUri: string): { uri: string; uriBaseId?: string } {
  const uri = pathToFileURL(file).href;
  return uri.startsWith(rootUri) ? { uri: uri.slice(rootUri.length), uriBaseId: SRCROOT } : { uri };
}

export function formatSarif(results: readonly FileResult[], version: string, cwd: string, docsBaseUrl?: string): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const rootUri = pathToFileURL(repositoryRoot(cwd) ?? cwd).href.replace(/\/?$/, '/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'yardstick',
            ...(docsBaseUrl ? { informationUri: docsUrl('docs/rules/README.md', docsBaseUrl) } : {}),
            version,
            rules: allRules.map((r) => ({
              id: r.meta.id,
              name: r.meta.name,
              shortDescription: { text: r.meta.description },
              ...(docsBaseUrl && r.meta.docs ? { helpUri: docsUrl(r.meta.docs, docsBaseUrl) } : {}),
              defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
              properties: { category: r.meta.category, tags: [r.meta.category] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: locate(r.absolutePath, rootUri) })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ...(ruleIndex.has(f.code) ? { ruleIndex: ruleIndex.get(f.code) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { ...locate(r.absolutePath, rootUri), index: artifactIndex },
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
