// Findings of one cause. Where a rule says the same thing about many objects of a file (no data
// source on 14 indicators), the stylish output prints them as one line and the hover says how
// many others share it; every other output keeps one result per object.
//
// Two findings have one cause when they come from the same rule, message id and severity, and
// their messages are equal once the object each is about is taken out. That object is the
// indicator, agreement or stage the finding's path lies in, and the message names it by its label
// (`Indicator "gdp-growth"`). The message decides, not the report's data: data also carry facts
// for fixes (YS101's guessed baseline) that differ between objects without changing what the
// reader is told.
import { describe, kindOfList, LIST_KEYS, type FrameworkModel, type ModelObject } from '../engine/model';
import type { Finding, FindingCause, Path, Severity } from '../engine/types';

/** The list object (indicator, agreement or stage) a path lies in, if any. */
export function objectAt(model: FrameworkModel, path: Path): ModelObject | undefined {
  const kind = kindOfList(path[0]);
  const index = path[1];
  if (!kind || typeof index !== 'number') return undefined;
  const objects = model[LIST_KEYS[kind]];
  // Objects are in list order, with a gap only where an item is not a mapping.
  const guess = objects[Math.min(index, objects.length - 1)];
  return guess?.index === index ? guess : objects.find((o) => o.index === index);
}

/** The cause of a finding about `object`; undefined when the message does not name the object. */
export function causeOf(
  finding: { code: string; messageId?: string; severity: Severity; message: string },
  object: ModelObject | undefined,
): FindingCause | undefined {
  if (!object || object.kind === 'framework' || finding.messageId === undefined) return undefined;
  const label = describe(object);
  const capitalised = label[0].toUpperCase() + label.slice(1);
  const at = firstOf(finding.message, label, capitalised);
  if (!at) return undefined;
  const without = finding.message.split(label).join('\u0000').split(capitalised).join('\u0000');
  return {
    key: [finding.code, finding.messageId, finding.severity, without].join('\u0001'),
    kind: object.kind,
    name: object.id ?? `#${object.index + 1}`,
    label: at,
  };
}

/** Whichever of the two texts occurs first in the message. */
function firstOf(message: string, a: string, b: string): string | undefined {
  const i = message.indexOf(a);
  const j = message.indexOf(b);
  if (i < 0) return j < 0 ? undefined : b;
  return j < 0 || i < j ? a : b;
}

/** Findings shown as one: the first in the list, and the others of its cause. */
export interface FindingGroup {
  /** In list order; the first gives the group its place. One finding per object. */
  findings: Finding[];
}

/**
 * The findings of a file, in their order, with the findings of one cause gathered at the first
 * of them. A finding about an object already in its cause's group (the same rule saying the same
 * thing twice about one object, at two places) stays on its own.
 */
export function groupByCause(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const open = new Map<string, { group: FindingGroup; names: Set<string> }>();
  for (const f of findings) {
    const cause = f.cause;
    const same = cause && open.get(cause.key);
    if (cause && same && !same.names.has(cause.name)) {
      same.group.findings.push(f);
      same.names.add(cause.name);
      continue;
    }
    const group = { findings: [f] };
    groups.push(group);
    if (cause && !same) open.set(cause.key, { group, names: new Set([cause.name]) });
  }
  return groups;
}

/** The objects other than the finding's own that have a finding of its cause in `findings`. */
export function othersOfCause(findings: readonly Finding[], finding: Finding): number {
  const cause = finding.cause;
  if (!cause) return 0;
  const names = new Set<string>();
  for (const f of findings) if (f.cause?.key === cause.key && f.cause.name !== cause.name) names.add(f.cause.name);
  return names.size;
}

/** The longest list of names a grouped message spells out before "and N more". */
const NAMES_WIDTH = 60;

/**
 * A group's message: the first finding's, with its object replaced by all of them, e.g.
 * `Each of 14 indicators (a, b, c and 11 more) has no data source: …`. "Each of" keeps the
 * message's singular verb right without a plural text per rule.
 */
export function groupMessage(group: FindingGroup): string {
  const [first] = group.findings;
  const cause = first.cause;
  if (!cause || group.findings.length === 1) return first.message;
  const phrase = `each of ${group.findings.length} ${plural(cause.kind)} (${nameList(group.findings.map((f) => f.cause!.name))})`;
  const capitalised = cause.label[0] !== cause.label[0].toLowerCase();
  const i = first.message.indexOf(cause.label);
  const replacement = capitalised ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
  return first.message.slice(0, i) + replacement + first.message.slice(i + cause.label.length);
}

/** "indicators", "agreements", "stages". */
export function plural(kind: string): string {
  return `${kind}s`;
}

/** `a, b and c`, or `a, b and 12 more` once the names would pass NAMES_WIDTH characters (one
 * name left over is written out: "and 1 more" would be longer than most names). */
export function nameList(names: readonly string[]): string {
  let shown = 1;
  let width = names[0].length;
  while (shown < names.length && width + 2 + names[shown].length <= NAMES_WIDTH) width += 2 + names[shown++].length;
  if (shown >= names.length - 1) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
