// Every rule has a doc page whose examples do what the page says.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../server/src/lint/analyze';
import { allRules } from '../../../server/src/rules';

const docs = join(__dirname, '..', '..', '..', 'docs', 'rules');

describe('rules: doc pages', () => {
  for (const rule of allRules) {
    const { id, name } = rule.meta;
    it(`${id}.md: title, sections, and a failing and a passing example`, () => {
      const file = join(docs, `${id}.md`);
      assert.ok(existsSync(file), `docs/rules/${id}.md exists`);
      const md = readFileSync(file, 'utf8');
      assert.equal(md.split('\n')[0], `# ${id}: ${name}`);
      for (const h of ['## What it detects', '## Why', '## Examples', '## Options', '## How to suppress', '## Sources'])
        assert.ok(md.includes(h), `${id}: ${h}`);
      for (const s of rule.meta.sources) if (s.url) assert.ok(md.includes(s.url), `${id} cites ${s.url}`);
      const blocks = [...md.matchAll(/Reported by [^:]+:\n\n```yaml\n([\s\S]*?)```\n\nNot reported:\n\n```yaml\n([\s\S]*?)```/g)];
      assert.equal(blocks.length, 1, `${id}: one failing and one passing example`);
      const [, bad, good] = blocks[0];
      const codes = (text: string) => analyze(text).findings.map((f) => f.code);
      assert.ok(codes(bad).includes(id), `${id} fires on its failing example`);
      assert.ok(
        !codes(good).includes(id),
        `${id} does not fire on its passing example: ${analyze(good)
          .findings.filter((f) => f.code === id)
          .map((f) => f.message)}`,
      );
      // Which fixes fix-all applies, and why: a safe fix in the failing example must be said to be safe.
      const fixAll = /^\*\*Fix-all:\*\* (.*)$/m.exec(md);
      assert.ok(fixAll, `${id}: a "**Fix-all:**" line under Quick fix`);
      const safeOffered = analyze(bad).findings.some((f) => f.code === id && f.fixes?.some((x) => x.safe));
      if (safeOffered) assert.match(fixAll[1], /^safe/, `${id}: its failing example offers a safe fix`);
      if (id !== 'YS001')
        assert.deepEqual(
          analyze(good)
            .findings.filter((f) => f.code < 'YS100')
            .map((f) => f.message),
          [],
          `${id}: passing example is a valid file`,
        );
    });
  }
  it('README.md indexes every rule', () => {
    const md = readFileSync(join(docs, 'README.md'), 'utf8');
    for (const r of allRules)
      assert.ok(md.includes(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.name} | ${r.meta.defaultSeverity} |`), r.meta.id);
  });
});
