// The contract every rule module (server/src/rules/*.ts) implements: ESLint-style meta + check.
import type { FrameworkModel } from '../engine/model';
import type { ParsedDocument } from '../engine/parse';
import type { Report } from '../engine/report';
import type { WorkspaceIndex } from '../engine/resolve';
import type { RuleMeta } from '../engine/types';

export interface RuleContext {
  model: FrameworkModel;
  doc: ParsedDocument;
  text: string;
  /** The rule's options: its meta defaults overlaid with the user's configuration. */
  options: Record<string, unknown>;
  workspace?: WorkspaceIndex;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export const DOCS_BASE = 'https://github.com/yardstick-dev/yardstick/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
