// Structure problems through the whole linter (every rule): which rules speak when the file is
// broken. Each structure rule's own cases are its table in test/unit/rules/ys00N.test.ts.
import { strict as assert } from 'node:assert';
import { brief, findings, MINIMAL, readRepoFile } from '../../helpers';

describe('structure problems, all rules running', () => {
  it('x- keys are allowed anywhere: no finding of any rule', () => {
    assert.deepEqual(findings(MINIMAL + '  x-internal-ref: 42\nx-owner-team: analysis\n'), []);
  });

  it('syntax errors are all reported, and other rules wait for valid YAML', () => {
    const text = readRepoFile('test/fixtures/syntax-error.framework.yaml');
    const fs = findings(text);
    assert.ok(fs.length >= 2, `fs.length is ${fs.length}`);
    assert.ok(
      fs.every((f) => f.code === 'YS001' && f.severity === 'error'),
      brief(fs).join(),
    );
  });

  it('an empty file and a file of only comments: only YS005, saying what a framework file needs', () => {
    for (const text of ['', '# just a comment\n']) {
      const fs = findings(text);
      assert.deepEqual(
        fs.map((f) => f.code),
        ['YS005'],
      );
      assert.match(fs[0].message, /empty/);
    }
  });

  it('a file whose top level is a list: only YS002', () => {
    assert.deepEqual(
      findings('- a\n- b\n').map((f) => f.code),
      ['YS002'],
    );
  });

  it('the structure fixture gives each finding on the right line', () => {
    const fs = findings(readRepoFile('test/fixtures/structure-errors.framework.yaml')).filter((f) => f.code < 'YS100');
    assert.deepEqual(
      fs.map((f) => `${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['YS002 16:17', 'YS002 36:5', 'YS004 45:9', 'YS002 80:9', 'YS003 88:18'],
    );
  });
});
