// `yardstick rules [rule]` on the built CLI: the catalogue, and one rule's page as terminal text
// read from the docs/ installed beside the bundle.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText } from '../../server/src/cli/rules-command';
import { allRules } from '../../server/src/rules';
import { ROOT } from '../helpers';
import { cli } from './run-cli';

const page = (id: string) => readFileSync(join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');

describe('yardstick rules', () => {
  it('without a rule: one line per rule with id, name and default severity', () => {
    const r = cli(['rules']);
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, allRules.length);
    assert.match(
      lines.find((l) => l.startsWith('YS101'))!,
      /^YS101 {2}missing-baseline +warning +An indicator has targets but no baseline/,
    );
  });

  it('YS101 prints its documentation page as text, keeping every heading, example line and source', () => {
    const r = cli(['rules', 'YS101']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const out = r.stdout;
    const md = page('YS101');
    assert.match(out, /^YS101: missing-baseline\n=+\n/);
    for (const heading of md.match(/^## .*/gm)!) assert.match(out, new RegExp(`\n${heading.slice(3)}\n-+\n`));
    // Code blocks keep every line (indented), the fences go.
    const code = [...md.matchAll(/```\w*\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n').filter(Boolean));
    assert.ok(code.length > 20, `code.length is ${code.length}`);
    for (const line of code) assert.ok(out.includes(`\n    ${line}\n`), line);
    assert.doesNotMatch(out, /```/);
    // Links keep their address beside the text.
    const links = [...md.matchAll(/\[([^\]]+)\]\(([^)]+)\)/g)];
    assert.ok(links.length >= 4, `links.length is ${links.length}`);
    for (const [, text, url] of links) assert.ok(out.includes(`${text} (${url})`), url);
    assert.match(out, /Default severity: warning · Category: /);
    assert.doesNotMatch(out, /\*\*/);
  });

  it('a rule name works like its id, in any case', () => {
    assert.equal(cli(['rules', 'missing-baseline']).stdout, cli(['rules', 'YS101']).stdout);
    assert.equal(cli(['rules', 'ys406']).stdout, cli(['rules', 'orphan-indicator']).stdout);
  });

  it('an unknown rule exits 2 with a did-you-mean and prints no page', () => {
    const typo = cli(['rules', 'YS1O1']);
    assert.equal(typo.code, 2);
    assert.equal(typo.stdout, '');
    assert.equal(typo.stderr, 'yardstick: no rule "YS1O1"; did you mean YS101? Run "yardstick rules" for the list.\n');
    const name = cli(['rules', 'missing-baselin']);
    assert.equal(name.code, 2);
    assert.match(name.stderr, /did you mean missing-baseline\?/);
    const nothing = cli(['rules', 'frobnicate']);
    assert.equal(nothing.code, 2);
    assert.equal(nothing.stderr, 'yardstick: no rule "frobnicate". Run "yardstick rules" for the list.\n');
  });

  it('plain text: emphasis marks go, code spans and their asterisks stay', () => {
    assert.equal(
      plainText('# T\n\n**Bold** and *em*, `a*b*c` and [x](https://e.org/p) and 2 * 3 * 4.\n'),
      'T\n=\n\nBold and em, `a*b*c` and x (https://e.org/p) and 2 * 3 * 4.\n',
    );
  });
});
