// What package.json and the client contribute for a first session: walkthrough, commands,
// editor defaults, content detection, the per-rule severity setting (generated from rule meta).
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startsWithYardstickKey } from '../../../client/src/detect';
import { foldSeverities } from '../../../client/src/severity';
import { allRules } from '../../../server/src/rules';
import { packageWithSettings, severitySetting } from '../../../scripts/generate-settings';
import { ROOT } from '../../helpers';

const pkgText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(pkgText);
const contributes = pkg.contributes;

describe('package contributions', () => {
  it('names no project home that does not exist: no repository, bugs or homepage, and vsce told so', () => {
    for (const key of ['repository', 'bugs', 'homepage']) assert.equal(pkg[key], undefined, key);
    // Without a repository, vsce needs both: leave it missing, and keep README links relative
    // (it would otherwise rewrite them to a repository URL, or refuse).
    assert.match(pkg.scripts.package, /vsce package .*--allow-missing-repository/);
    assert.match(pkg.scripts.package, /--no-rewrite-relative-links/);
    // Nor do the files that ship link to it, or present the schema ids as web addresses.
    const shipped = ['README.md', 'package.json', 'docs/format.md', ...readdirSync(join(ROOT, 'schemas')).map((f) => `schemas/${f}`)];
    for (const file of shipped) assert.doesNotMatch(readFileSync(join(ROOT, file), 'utf8'), /yardstick-dev|yardstick\.dev\b/, file);
  });

  it('a walkthrough whose steps exist, whose first step runs New Framework, and whose media ship', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.equal(walkthrough.id, 'yardstick.firstFramework');
    assert.deepEqual(
      walkthrough.steps.map((s: { id: string }) => s.id),
      ['newFramework', 'complete', 'problems', 'rules', 'ci'],
    );
    assert.match(walkthrough.steps[0].description, /\n\[New Framework\]\(command:yardstick\.newFramework\)$/);
    assert.deepEqual(walkthrough.steps[0].completionEvents, ['onCommand:yardstick.newFramework']);
    const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!walkthroughs\/\*\.md$/m);
    for (const step of walkthrough.steps) assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
    const commands = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      for (const [, id] of step.description.matchAll(/\(command:(yardstick\.[\w.]+)/g)) assert.ok(commands.has(id), id);
    }
  });

  it('New Framework and the format guide are commands; templates ship in the package', () => {
    const titles = Object.fromEntries(contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles['yardstick.newFramework'], 'New Framework');
    assert.equal(titles['yardstick.openFormatGuide'], 'Open Format Guide');
    assert.ok(pkg.activationEvents.includes('onCommand:yardstick.newFramework'), JSON.stringify(pkg.activationEvents));
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!templates\/\*\.framework\.yaml$/m);
  });

  it('framework files by first line, and .yaml files opened as YAML (activation on yaml)', () => {
    assert.equal(contributes.languages[0].firstLine, '^yardstick:');
    assert.ok(pkg.activationEvents.includes('onLanguage:yaml'), JSON.stringify(pkg.activationEvents));
  });

  it('.yardstick.yaml is served by the Yardstick server, not handed to another YAML extension as well', () => {
    assert.equal(contributes.yamlValidation, undefined);
  });

  it('[yardstick] editor defaults: 2 spaces, no word-based suggestions, hyphenated ids as one word', () => {
    const d = contributes.configurationDefaults['[yardstick]'];
    assert.equal(d['editor.tabSize'], 2);
    assert.equal(d['editor.insertSpaces'], true);
    assert.equal(d['editor.wordBasedSuggestions'], 'off');
    assert.ok(
      !d['editor.wordSeparators'].includes('-') && !d['editor.wordSeparators'].includes('#'),
      "!d['editor.wordSeparators'].includes('-') && !d['editor.wordSeparators'].includes('#')",
    );
    const wordPattern = new RegExp(JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')).wordPattern, 'g');
    const words = (line: string) => line.match(wordPattern);
    assert.deepEqual(words('    indicators: [uk-psa-2008#ae-four-hour-wait, 2008-targets]'), [
      'indicators',
      'uk-psa-2008#ae-four-hour-wait',
      '2008-targets',
    ]);
    assert.deepEqual(words('  period: { start: 2008-04-01, end: 0.95 } # note'), ['period', 'start', '2008-04-01', 'end', '0.95', 'note']);
    assert.deepEqual(words('  stage: other-fw#'), ['stage', 'other-fw#']);
  });

  it('yardstick.severity has one row per rule (its values an enum), generated from the rule meta (npm run generate:settings)', () => {
    const setting: {
      properties: Record<string, { type: string; enum: string[]; default: string; description: string }>;
      additionalProperties: boolean;
    } = contributes.configuration.properties['yardstick.severity'];
    assert.deepEqual(setting as unknown, severitySetting(allRules));
    assert.equal(packageWithSettings(pkgText, allRules), pkgText, 'package.json is out of date: run npm run generate');
    assert.deepEqual(
      Object.keys(setting.properties),
      allRules.map((r) => r.meta.id),
    );
    // The Settings editor renders an object as rows only when every value is a plain enum.
    assert.equal(setting.additionalProperties, false);
    for (const p of Object.values(setting.properties)) {
      assert.equal(p.type, 'string');
      assert.deepEqual(p.enum, ['off', 'hint', 'info', 'warning', 'error']);
    }
    assert.equal(setting.properties.YS101.default, 'warning');
    assert.equal(
      setting.properties.YS101.description,
      'missing-baseline: An indicator has targets but no baseline, so progress towards them cannot be judged.',
    );
  });
});

describe('client: content detection', () => {
  it('a first key of yardstick, after comments, blank lines, directives and ---', () => {
    assert.equal(startsWithYardstickKey('yardstick: 1\nframework: {}\n'), true);
    assert.equal(startsWithYardstickKey('\uFEFF# A plan\n#\n\n%YAML 1.2\n---\nyardstick: 1\n'), true);
    assert.equal(startsWithYardstickKey('yardstick:\n'), true);
    assert.equal(startsWithYardstickKey('"yardstick": 1\r\n'), true);
  });

  it('not other YAML: another first key, yardstick as a later key, a longer key, indentation', () => {
    assert.equal(startsWithYardstickKey('name: ci\nyardstick: 1\n'), false);
    assert.equal(startsWithYardstickKey('yardsticks: 1\n'), false);
    assert.equal(startsWithYardstickKey('yardstick-version: 1\n'), false);
    assert.equal(startsWithYardstickKey('  yardstick: 1\n'), false);
    assert.equal(startsWithYardstickKey('# only a comment\n'), false);
    assert.equal(startsWithYardstickKey(''), false);
  });
});

describe('client: yardstick.severity folded into rules', () => {
  const defaults = { YS101: 'warning', YS405: 'warning', YS203: 'info' };

  it('only the changed severities, under yardstick.rules entries for the same rule', () => {
    const section = {
      validate: { enable: true },
      severity: { YS101: 'off', YS405: 'warning', YS203: 'error' },
      rules: { ys203: 'hint', 'missing-owner': 'error' },
    };
    assert.deepEqual(foldSeverities(section, defaults), {
      validate: { enable: true },
      rules: { YS101: 'off', ys203: 'hint', 'missing-owner': 'error' },
    });
  });

  it('nothing changed: the section without severity, rules untouched', () => {
    assert.deepEqual(foldSeverities({ severity: { ...defaults }, rules: { YS401: 'off' } }, defaults), { rules: { YS401: 'off' } });
    assert.deepEqual(foldSeverities({ rules: {} }, defaults), { rules: {} });
  });
});
