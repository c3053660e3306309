import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../server/src/engine/config';
import { applyEdits } from '../../../server/src/lint/fix';
import type { ModelObject } from '../../../server/src/engine/model';
import { allRules } from '../../../server/src/rules';
import type { RuleContext } from '../../../server/src/rules/rule';
import { findings, MINIMAL, where } from '../../helpers';

// One indicator with targets and no baseline (YS101) and no data source (YS106).
const INDICATOR = `indicators:
  - id: waits
    title: Patients seen within 18 weeks
    type: outcome
    unit: percent
    direction: increase
    owner: Department of Health
    targets:
      - { value: 90, date: 2011-03-31 }
`;
const codes = (text: string, config?: ReturnType<typeof resolveConfig>['config']) => findings(text, { config }).map((f) => f.code);

describe('suppression comments', () => {
  const base = MINIMAL + INDICATOR;
  it('the unsuppressed file has the findings the tests below suppress', () => {
    const cs = codes(base);
    assert.ok(cs.includes('YS101') && cs.includes('YS106'), cs.join());
  });

  it('disable-next-line with rule ids and a reason', () => {
    const text = base.replace('    targets:', '    # yardstick-disable-next-line YS101 -- baseline being re-measured\n    targets:');
    const cs = codes(text);
    assert.ok(!cs.includes('YS101') && cs.includes('YS106') && !cs.includes('YS006'), cs.join());
  });

  it('disable-line (trailing) addresses rules by name', () => {
    const text = base.replace('    targets:', '    targets:   # yardstick-disable-line missing-baseline');
    assert.ok(!codes(text).includes('YS101'), codes(text).join(' '));
  });

  it('disable-file, and the catalogue spelling "yardstick-disable"', () => {
    for (const directive of ['# yardstick-disable-file YS101, YS106', '# yardstick-disable YS101 YS106']) {
      const cs = codes(`${directive}\n${base}`);
      assert.ok(!cs.includes('YS101') && !cs.includes('YS106'), `${directive}: ${cs.join()}`);
    }
  });

  it('a directive with no rule list suppresses every rule on its line', () => {
    const text = base.replace('    targets:', '    # yardstick-disable-next-line\n    targets:');
    assert.ok(!codes(text).includes('YS101'), codes(text).join(' '));
  });

  it('unused or unknown directives are reported as info (YS006), with a removal fix', () => {
    const text = base.replace('  - id: waits', '  # yardstick-disable-next-line YS402\n  - id: waits');
    const f = findings(text).find((x) => x.code === 'YS006')!;
    assert.equal(f.severity, 'info');
    assert.match(f.message, /suppresses nothing/);
    assert.equal(where(f), '8:3-8:38');
    assert.equal(applyEdits(text, f.fixes![0].edits).text, base);
    const unknown = findings(base.replace('    targets:', '    # yardstick-disable-next-line YS999\n    targets:')).find(
      (x) => x.code === 'YS006',
    )!;
    assert.match(unknown.message, /unknown rule\(s\) YS999/);
  });

  it('a "#" inside a quoted value is text, not a directive', () => {
    const text = base.replace('title: Patients seen within 18 weeks', 'title: "see # yardstick-disable-line YS101"');
    assert.ok(codes(text).includes('YS101'), codes(text).join(' '));
  });

  it('syntax errors cannot be suppressed', () => {
    assert.deepEqual(codes('# yardstick-disable-file\na: [1\n'), ['YS001']);
  });
});

describe('configuration', () => {
  const base = MINIMAL + INDICATOR;
  it('turns rules off and changes severities by id or name', () => {
    const { config, problems } = resolveConfig(allRules, { rules: { YS101: 'off', 'missing-data-source': 'error' } });
    assert.deepEqual(problems, []);
    const fs = findings(base, { config });
    assert.ok(!fs.some((f) => f.code === 'YS101'), JSON.stringify(fs));
    assert.equal(fs.find((f) => f.code === 'YS106')!.severity, 'error');
  });

  it('sets rule options, and later layers win', () => {
    const text = MINIMAL.replace('end: 2012-03-31', 'end: 2011-03-31');
    assert.ok(codes(text).includes('YS301'), 'a 3-year framework is short by default');
    const { config } = resolveConfig(
      allRules,
      { rules: { YS301: { options: { min_years: 5 } } } },
      { rules: { 'short-horizon': { severity: 'info', options: { min_years: 2 } } } },
    );
    assert.ok(!codes(text, config).includes('YS301'), "!codes(text, config).includes('YS301')");
    assert.equal(config.rules.get('YS301')!.severity, 'info');
  });

  it('reports invalid entries and keeps the defaults for them', () => {
    const { config, problems } = resolveConfig(allRules, {
      rules: { YS999: 'error', YS101: 'loud', YS401: { options: { max_per_agreement: 'eight', bogus: 1 } } },
      extra: true,
    });
    assert.deepEqual(
      problems.map((p) => p.path.join('.')),
      ['extra', 'rules.YS999', 'rules.YS101', 'rules.YS401.options.max_per_agreement', 'rules.YS401.options.bogus'],
    );
    assert.equal(config.rules.get('YS101')!.severity, 'warning');
    // The invalid option is dropped, so the linter runs the rule with its default (10).
    assert.deepEqual(config.rules.get('YS401')!.options, {});
    const ids = Array.from({ length: 11 }, (_, i) => `i${i}`);
    const text =
      MINIMAL +
      `indicators:\n${ids.map((id) => `  - { id: ${id}, title: T, type: outcome, unit: count, direction: increase }\n`).join('')}agreements:\n  - { id: a, title: A, kind: other, principal: P, agent: Q, indicators: [${ids.join(', ')}] }\n`;
    const overload = findings(text, { config }).filter((f) => f.code === 'YS401');
    assert.deepEqual(
      overload.map((f) => f.data?.max),
      [10],
    );
  });

  it('YS001 stays an error even when configured off', () => {
    const { config } = resolveConfig(allRules, { rules: { YS001: 'off' } });
    assert.deepEqual(
      findings('a: [1\n', { config }).map((f) => `${f.code} ${f.severity}`),
      ['YS001 error'],
    );
  });
});

describe('a broken rule', () => {
  it('becomes a finding naming the rule, and the other rules still run', () => {
    const broken = {
      meta: {
        id: 'YS999',
        name: 'broken',
        category: 'structure' as const,
        defaultSeverity: 'warning' as const,
        description: 'x',
        sources: [],
        fixable: false,
        messages: {},
      },
      check() {
        throw new Error('boom');
      },
    };
    const fs = findings(MINIMAL + INDICATOR, { rules: [broken, ...allRules] });
    const failure = fs.find((f) => f.code === 'YS999')!;
    assert.equal(failure.message, 'Rule YS999 (broken) failed on this file: boom. Other rules still ran; please report this.');
    assert.ok(
      fs.some((f) => f.code === 'YS101'),
      JSON.stringify(fs),
    );
  });

  it('that throws on its second object keeps nothing it reported on the first', () => {
    let seen = 0;
    const broken = {
      meta: {
        id: 'YS998',
        name: 'broken-later',
        category: 'structure' as const,
        defaultSeverity: 'warning' as const,
        description: 'x',
        sources: [],
        fixable: false,
        messages: { seen: 'Seen {{n}}.' },
        visits: ['indicator' as const],
      },
      checkObject(context: RuleContext, o: ModelObject) {
        if (++seen === 2) throw new Error('second');
        context.report({ messageId: 'seen', data: { n: seen }, path: o.path });
      },
    };
    const second = INDICATOR.replace('indicators:\n', '').replace('id: waits', 'id: waits-2');
    const fs = findings(MINIMAL + INDICATOR + second, { rules: [...allRules, broken] });
    assert.deepEqual(
      fs.filter((f) => f.code === 'YS998').map((f) => f.message),
      ['Rule YS998 (broken-later) failed on this file: second. Other rules still ran; please report this.'],
    );
    assert.ok(
      fs.some((f) => f.code === 'YS101'),
      JSON.stringify(fs),
    );
  });
});
