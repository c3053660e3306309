// Writes the `yardstick.severity` setting in package.json from the rules' meta: one enum per rule,
// so the Settings editor shows a row per rule with a severity drop-down. Run after adding or
// changing a rule: npm run generate (or npm run generate:settings) (test/unit/client/settings.test.ts fails until then).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule } from '../server/src/rules/rule';

const SEVERITIES = ['off', 'hint', 'info', 'warning', 'error'];

export function severitySetting(rules: readonly Rule[]): Record<string, unknown> {
  return {
    type: 'object',
    scope: 'resource',
    order: 1,
    markdownDescription:
      'Severity of each rule: `off`, `hint`, `info`, `warning` or `error`. `yardstick.rules` (which also takes rule options) and a `.yardstick.yaml` found upward from the file win over this setting.',
    properties: Object.fromEntries(
      rules.map((r) => [
        r.meta.id,
        {
          type: 'string',
          enum: SEVERITIES,
          default: r.meta.defaultSeverity,
          description: `${r.meta.name}: ${r.meta.description.replace(/`/g, '')}`,
        },
      ]),
    ),
    additionalProperties: false,
    default: Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity])),
  };
}

export const PACKAGE_JSON = join(__dirname, '..', 'package.json');

/** package.json with the generated setting in place (other settings keep their order). */
export function packageWithSettings(text: string, rules: readonly Rule[]): string {
  const pkg = JSON.parse(text);
  const props = pkg.contributes.configuration.properties as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    next[k] = k === 'yardstick.severity' ? severitySetting(rules) : v;
    if (k === 'yardstick.validate.enable' && !('yardstick.severity' in props)) next['yardstick.severity'] = severitySetting(rules);
  }
  pkg.contributes.configuration.properties = next;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

async function main(): Promise<void> {
  const { allRules } = await import('../server/src/rules');
  const before = readFileSync(PACKAGE_JSON, 'utf8');
  const after = packageWithSettings(before, allRules);
  if (after !== before) writeFileSync(PACKAGE_JSON, after);
  console.log(after === before ? 'package.json settings up to date' : 'package.json: yardstick.severity updated');
}

if (require.main === module) void main();
