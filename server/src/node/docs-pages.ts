// The documentation pages installed beside the bundle (docs/ ships in the .vsix and the npm
// tarball): where a rule's page is, and whether it is there.
import { existsSync } from 'node:fs';
import { docsHref, docsPath, type Rule } from '../rules/rule';
import { uriToPath } from './uri';

export interface InstalledPage {
  /** The page's file: URI. */
  uri: string;
  /** Its path on disk. */
  path: string;
  exists: boolean;
}

/** A rule's installed page (docs/rules/YSnnn.md beside the bundle). */
export function installedRulePage(rule: Rule): InstalledPage | undefined {
  const uri = docsHref(rule.meta.docs ?? docsPath(rule.meta.id));
  const path = uriToPath(uri);
  return path === undefined ? undefined : { uri, path, exists: existsSync(path) };
}
