// Rule configuration: `.yardstick.yaml` and the `yardstick.rules` setting share one shape:
//   rules: { YS401: off | info | warning | error | { severity: warning, options: { max_per_agreement: 8 } } }
// Rules are addressed by id or name. Invalid entries become problems and defaults are used.
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

/** Layers user settings (later layers win) over the rules' defaults. */
export function resolveConfig(rules: readonly ConfigurableRule[], ...layers: unknown[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const config = defaultConfig(rules);
  const problems: ConfigProblem[] = [];
  const byKey = new Map<string, ConfigurableRule>();
  for (const r of rules) {
    byKey.set(r.meta.id.toLowerCase(), r);
    byKey.set(r.meta.name.toLowerCase(), r);
  }
  for (const layer of layers) {
    if (layer === undefined || layer === null) continue;
    if (typeof layer !== 'object' || Array.isArray(layer)) {
      problems.push({ message: 'The configuration must be a mapping with a "rules" key.', path: [] });
      continue;
    }
    const entries = (layer as Record<string, unknown>).rules ?? {};
    for (const key of Object.keys(layer as object)) {
      if (key !== 'rules' && !key.startsWith('x-') && key !== '$schema') problems.push({ message: `Unknown configuration key "${key}"; expected "rules".`, path: [key] });
    }
    if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      problems.push({ message: '"rules" must be a mapping of rule id or name to a setting.', path: ['rules'] });
      continue;
    }
    for (const [key, raw] of Object.entries(entries as Record<string, unknown>)) {
      const rule = byKey.get(key.toLowerCase());
      if (!rule) {
        problems.push({ message: `Unknown rule "${key}".`, path: ['rules', key] });
        continue;
      }
      const current = config.rules.get(rule.meta.id)!;
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const obj = raw as Record<string, unknown>;
        let severity = current.severity;
        if ('severity' in obj) {
          const s = parseSeverity(obj.severity);
          if (s === undefined) problems.push({ message: `Invalid severity "${String(obj.severity)}" for ${rule.meta.id}; use off, info, warning or error.`, path: ['rules', key, 'severity'] });
          else severity = s;
        }
        const options = { ...current.options };
        const given = obj.options ?? {};
        if (typeof given !== 'object' || given === null || Array.isArray(given)) {
          problems.push({ message: `"options" of ${rule.meta.id} must be a mapping.`, path: ['rules', key, 'options'] });
        } else {
          for (const [name, value] of Object.entries(given as Record<string, unknown>)) {
            const meta = rule.meta.options?.[name];
            if (!meta) {
              const known = Object.keys(rule.meta.options ?? {});
              problems.push({ message: `${rule.meta.id} has no option "${name}"${known.length ? `; options: ${known.join(', ')}` : ''}.`, path: ['rules', key, 'options', name] });
              continue;
            }
            const ok =
              (meta.type === 'boolean' && typeof value === 'boolean') ||
              (meta.type === 'string' && typeof value === 'string') ||
              ((meta.type === 'number' || meta.type === 'integer') && typeof value === 'number' && Number.isFinite(value) && (meta.type === 'number' || Number.isInteger(value)) && (meta.minimum === undefined || value >= meta.minimum));
            if (!ok) {
              problems.push({ message: `Option "${name}" of ${rule.meta.id} must be ${meta.type === 'integer' ? 'a whole number' : `a ${meta.type}`}${meta.minimum !== undefined ? ` ≥ ${meta.minimum}` : ''}; using the default ${String(meta.default)}.`, path: ['rules', key, 'options', name] });
              continue;
            }
            options[name] = value;
          }
        }
        config.rules.set(rule.meta.id, { severity, options });
      } else {
        const s = parseSeverity(raw);
        if (s === undefined) problems.push({ message: `Invalid setting "${String(raw)}" for ${rule.meta.id}; use off, info, warning, error or { severity, options }.`, path: ['rules', key] });
        else config.rules.set(rule.meta.id, { severity: s, options: current.options });
      }
    }
  }
  return { config, problems };
}
