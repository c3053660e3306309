// Rule configuration: `.yardstick.yaml` and the `yardstick.rules` setting share one shape:
//   rules: { YS401: off | info | warning | error | { severity: warning, options: { max_per_agreement: 8 } } }
// Rules are addressed by id or name. Invalid entries become problems that say what applies instead.
import { didYouMean } from './suggest';
import type { ConfigurableRule, Severity } from './types';

export type RuleSeverity = Severity | 'off';

export interface RuleSetting {
  severity: RuleSeverity;
  /** The options the user set (valid ones only); the linter fills in the defaults. */
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
}

export interface ConfigProblem {
  message: string;
  /** Path in the config value, e.g. ['rules', 'YS401', 'options', 'max_per_agreement']. */
  path: Array<string | number>;
  /** Which layer (argument of resolveConfig after the rules, from 0) the problem is in. */
  layer: number;
}

const SEVERITIES = new Set(['off', 'hint', 'info', 'warning', 'error']);
const SEVERITY_ALIASES: Record<string, RuleSeverity> = { warn: 'warning', information: 'info', '0': 'off', '1': 'warning', '2': 'error' };

function defaultConfig(rules: readonly ConfigurableRule[]): ResolvedConfig {
  const map = new Map<string, RuleSetting>();
  for (const r of rules) map.set(r.meta.id, { severity: r.meta.defaultSeverity, options: {} });
  return { rules: map };
}

function parseSeverity(v: unknown): RuleSeverity | undefined {
  if (typeof v === 'boolean') return v ? undefined : 'off';
  const s = String(v).toLowerCase();
  if (SEVERITIES.has(s)) return s as RuleSeverity;
  return SEVERITY_ALIASES[s];
}

const SEVERITY_CHOICES = 'off, hint, info, warning or error';

/** Where a rule's severity and options came from: the key as written, or the default. */
interface Origin {
  severity?: string;
  options: Map<string, string>;
}

/**
 * Layers user settings (later layers win) over the rules' defaults. Each problem says what was
 * applied instead (the default, or the setting that won), worked out after every layer is read.
 */
export function resolveConfig(
  rules: readonly ConfigurableRule[],
  ...layers: unknown[]
): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(rules);
  const problems: ConfigProblem[] = [];
  // Problems whose sentence ends with what was applied, filled in at the end.
  const pending: Array<{ problem: ConfigProblem; rule: ConfigurableRule; option?: string }> = [];
  const origins = new Map<string, Origin>();
  const originOf = (id: string): Origin => {
    let o = origins.get(id);
    if (!o) origins.set(id, (o = { options: new Map() }));
    return o;
  };
  const byKey = new Map<string, ConfigurableRule>();
  for (const r of rules) {
    byKey.set(r.meta.id.toLowerCase(), r);
    byKey.set(r.meta.name.toLowerCase(), r);
  }
  layers.forEach((layer, layerIndex) => {
    if (layer === undefined || layer === null) return;
    const problem = (message: string, path: Array<string | number>): ConfigProblem => {
      const p = { message, path, layer: layerIndex };
      problems.push(p);
      return p;
    };
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      problem('The configuration must be a mapping with a "rules" key; it is ignored.', []);
      return;
    }
    const entries = (layer as Record<string, unknown>).rules ?? {};
    for (const key of Object.keys(layer as object)) {
      if (key !== 'rules' && !key.startsWith('x-') && key !== '$schema')
        problem(`Unknown configuration key "${key}"; expected "rules". It is ignored.`, [key]);
    }
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      problem('"rules" must be a mapping of rule id or name to a setting; it is ignored.', ['rules']);
      return;
    }
    // A rule configured twice in one layer (by id and by name, or in two spellings): the later wins.
    const firstKey = new Map<string, string>();
    for (const [key, raw] of Object.entries(entries as Record<string, unknown>)) {
      const rule = byKey.get(key.toLowerCase());
      if (!rule) {
        const near = suggestRule(key, rules);
        problem(`Unknown rule "${key}"; it is ignored.${near ? ` Did you mean "${near}"?` : ''}`, ['rules', key]);
        continue;
      }
      const id = rule.meta.id;
      const earlier = firstKey.get(id);
      if (earlier !== undefined)
        problem(`${id} is configured twice, as "${earlier}" and "${key}": this later one applies.`, ['rules', key]);
      else firstKey.set(id, key);
      const current = config.rules.get(id)!;
      const origin = originOf(id);
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const obj = raw as Record<string, unknown>;
        let severity = current.severity;
        if ('severity' in obj) {
          const s = parseSeverity(obj.severity);
          if (s === undefined)
            pending.push({
              problem: problem(`Invalid severity "${String(obj.severity)}" for ${id}; use ${SEVERITY_CHOICES}.`, [
                'rules',
                key,
                'severity',
              ]),
              rule,
            });
          else {
            severity = s;
            origin.severity = key;
          }
        }
        const options = { ...current.options };
        const given = obj.options ?? {};
        if (typeof given !== 'object' || given === null || Array.isArray(given)) {
          problem(`"options" of ${id} must be a mapping; it is ignored.`, ['rules', key, 'options']);
        } else {
          for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
            const meta = rule.meta.options?.[name];
            if (!meta) {
              const known = Object.keys(rule.meta.options ?? {});
              problem(`${id} has no option "${name}"${known.length ? `; its options: ${known.join(', ')}` : ''}. It is ignored.`, [
                'rules',
                key,
                'options',
                name,
              ]);
              continue;
            }
            const ok =
              (meta.type === 'boolean' && typeof value === 'boolean') ||
              (meta.type === 'string' && typeof value === 'string') ||
              ((meta.type === 'number' || meta.type === 'integer') &&
                typeof value === 'number' &&
                Number.isFinite(value) &&
                (meta.type === 'number' || Number.isInteger(value)) &&
                (meta.minimum === undefined || value >= meta.minimum));
            if (!ok) {
              pending.push({
                problem: problem(
                  `Option "${name}" of ${id} must be ${meta.type === 'integer' ? 'a whole number' : `a ${meta.type}`}${meta.minimum !== undefined ? ` ≥ ${meta.minimum}` : ''}.`,
                  ['rules', key, 'options', name],
                ),
                rule,
                option: name,
              });
              continue;
            }
            options[name] = value;
            origin.options.set(name, key);
          }
        }
        config.rules.set(id, { severity, options });
      } else {
        const s = parseSeverity(raw);
        if (s === undefined)
          pending.push({
            problem: problem(`Invalid setting "${String(raw)}" for ${id}; use off, hint, info, warning, error or { severity, options }.`, [
              'rules',
              key,
            ]),
            rule,
          });
        else {
          config.rules.set(id, { severity: s, options: current.options });
          origin.severity = key;
        }
      }
    }
  });
  for (const { problem, rule, option } of pending) {
    const id = rule.meta.id;
    const setting = config.rules.get(id)!;
    const origin = origins.get(id);
    if (option !== undefined) {
      const from = origin?.options.get(option);
      const value = option in setting.options ? setting.options[option] : rule.meta.options?.[option]?.default;
      problem.message += ` ${id} uses ${option}: ${String(value)}${from ? ` (set by "${from}")` : ' (the default)'}.`;
    } else {
      problem.message += ` ${id} is ${setting.severity}${origin?.severity ? ` (set by "${origin.severity}")` : ' (its default)'}.`;
    }
  }
  return { config, problems };
}

function suggestRule(key: string, rules: readonly ConfigurableRule[]): string | undefined {
  return didYouMean(
    key,
    rules.flatMap((r) => [r.meta.id, r.meta.name]),
  );
}
