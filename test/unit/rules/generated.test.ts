// Every place that lists the rules is generated from the rules folder and the rules' meta
// (scripts/generate-rules.ts): regenerate in memory and compare with what is committed.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ruleArtifacts, ruleFiles } from '../../../scripts/generate-rules';
import { knowledge } from '../../../server/src/knowledge';
import { allRules } from '../../../server/src/rules';

describe('rules: generated files', () => {
  for (const { path, content } of ruleArtifacts(allRules)) {
    it(`${path} is up to date (npm run generate)`, () => {
      // Compare line by line first, so a failure names the first stale line.
      const committed = readFileSync(join(ROOT, path), 'utf8');
      const a = committed.split('\n');
      const b = content.split('\n');
      const line = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => i).find((i) => a[i] !== b[i]) ?? 0;
      assert.ok(
        committed === content,
        `${path} is stale at line ${line + 1}: run npm run generate\n  committed: ${a[line]}\n  generated: ${b[line]}`,
      );
    });
  }

  it('each rule file is named after its rule: ysNNN-<name>.ts exports ysNNN with id YSNNN', () => {
    const files = ruleFiles();
    assert.deepEqual(
      files.map((f) => f.file),
      allRules.map((r) => `${r.meta.id.toLowerCase()}-${r.meta.name}.ts`),
    );
  });

  it('the registry is in id order with unique ids and names', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(new Set(allRules.map((r) => r.meta.name)).size, ids.length);
  });

  it('every rule has a doc page, and every knowledge id it names exists', () => {
    for (const r of allRules) {
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${r.meta.id}.md`)), `docs/rules/${r.meta.id}.md`);
      for (const k of r.meta.knowledge ?? []) assert.ok(knowledge.get(k), `${r.meta.id}: knowledge entry ${k}`);
    }
  });
});
