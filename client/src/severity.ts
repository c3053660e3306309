// `yardstick.severity` (one drop-down per rule in the Settings editor) reaches the server as part
// of `rules`: entries the user changed from the default, under any `yardstick.rules` entry for the
// same rule id (rules is the more specific setting, with options).

export type SeverityMap = Record<string, string>;

/** The `yardstick` settings section with the changed severities folded into `rules`. */
export function foldSeverities(section: Record<string, unknown>, defaults: SeverityMap): Record<string, unknown> {
  const severity = section.severity;
  if (!severity || typeof severity !== 'object' || Array.isArray(severity)) return section;
  const rules =
    section.rules && typeof section.rules === 'object' && !Array.isArray(section.rules) ? (section.rules as Record<string, unknown>) : {};
  const named = new Set(Object.keys(rules).map((k) => k.toLowerCase()));
  const changed: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(severity as Record<string, unknown>)) {
    if (defaults[id] === value || named.has(id.toLowerCase())) continue;
    changed[id] = value;
  }
  const rest = { ...section };
  delete rest.severity;
  return Object.keys(changed).length ? { ...rest, rules: { ...changed, ...rules } } : rest;
}
