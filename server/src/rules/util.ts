// Helpers the lint rules (YS1xx-YS4xx) share. The values come straight from YAML and are
// unknown until the schema has spoken, so every helper tolerates missing or odd input.
import { isCalendarDate } from '../engine/calendar';
import { describe, isObj, type FrameworkModel, type ModelObject, type Obj } from '../engine/model';
import { localIdOf, type RefKind } from '../engine/resolve';
import { Suggester } from '../engine/suggest';
import type { RuleContext } from './rule';

/** A number, or a string holding nothing but a number; undefined otherwise. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

/** True when a value is absent: undefined, null, an empty or blank string. */
export function absent(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** A real calendar date as `YYYY-MM-DD` (strings or Date objects), or undefined. */
export function isoDate(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return undefined;
  const s = v.length === 10 ? v : v.trim();
  return isCalendarDate(s) ? s : undefined;
}

/** Adds days (may be negative) to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to an ISO date (day clamped to the month's length). */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export interface Period {
  start: string;
  end: string;
}

/** The object's `period` when both dates are valid. */
export function periodOf(o: Obj | undefined): Period | undefined {
  const p = o?.period;
  if (!isObj(p)) return undefined;
  const start = isoDate(p.start);
  const end = isoDate(p.end);
  return start && end ? { start, end } : undefined;
}

/** The items of a list value, or [] when it is not a list (one shared empty list: rules ask
 * for lists most objects do not have, such as actuals, on every object). */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : EMPTY_LIST;
}
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

/** Splits a comma-separated option ("a, b,c") into trimmed, lower-case entries. */
export function csv(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
}

// Rules ask for their option's set on every object they check; an option has few values.
const csvSets = new Map<string, ReadonlySet<string>>();

/** The entries of a comma-separated option as a set, made once per option value. */
export function csvSet(s: string): ReadonlySet<string> {
  let set = csvSets.get(s);
  if (!set) csvSets.set(s, (set = new Set(csv(s))));
  return set;
}

/** An object as messages name it: `indicator "ae-wait"`, `indicator #3`, `the framework`;
 * capitalised to start a sentence (`Indicator "ae-wait"`), or named as what it is
 * (`{ as: 'strategic plan' }`: `strategic plan "sp-1"`). */
export function labelOf(o: ModelObject, { capitalised = false, as }: { capitalised?: boolean; as?: string } = {}): string {
  const label = as !== undefined && o.kind !== 'framework' ? describe(o).replace(o.kind, as) : describe(o);
  return capitalised ? label[0].toUpperCase() + label.slice(1) : label;
}

/** A value from the YAML as a message shows it: strings quoted, lists and mappings named. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The local indicator id a reference names, or undefined for another framework's object. */
export function localId(model: FrameworkModel, ref: unknown): string | undefined {
  return typeof ref === 'string' ? localIdOf(model, ref) : undefined;
}

export interface AgreementIndicators {
  /** Local indicators the agreement names (first occurrence of each), in list order. */
  resolved: ModelObject[];
  /** References that name no local indicator (other files' objects or unknown ids). */
  unresolved: number;
  /** Whether `indicators` is a list at all. */
  isList: boolean;
}

/** The indicators an agreement lists, resolved in this file. */
// Several rules ask for each agreement's indicators: resolve them once per agreement object.
// Per model: an edit re-checked incrementally keeps the other objects but not their resolution.
const indicatorsCache = new WeakMap<FrameworkModel, Map<ModelObject, AgreementIndicators>>();

export function indicatorsOf(model: FrameworkModel, agreement: ModelObject): AgreementIndicators {
  let byAgreement = indicatorsCache.get(model);
  if (!byAgreement) indicatorsCache.set(model, (byAgreement = new Map()));
  let known = byAgreement.get(agreement);
  if (!known) byAgreement.set(agreement, (known = resolveIndicators(model, agreement)));
  return known;
}

function resolveIndicators(model: FrameworkModel, agreement: ModelObject): AgreementIndicators {
  const raw = agreement.value.indicators;
  if (!Array.isArray(raw)) return { resolved: [], unresolved: 0, isList: false };
  const resolved: ModelObject[] = [];
  let unresolved = 0;
  // Most agreements list a handful of indicators: a search of those beats a set per agreement.
  const seen = raw.length > 16 ? new Set<ModelObject>() : undefined;
  for (const ref of raw) {
    const id = localId(model, ref);
    const ind = id !== undefined ? model.indicatorsById.get(id) : undefined;
    if (!ind) unresolved++;
    else if (seen ? !seen.has(ind) : !resolved.includes(ind)) {
      seen?.add(ind);
      resolved.push(ind);
    }
  }
  return { resolved, unresolved, isList: true };
}

// Indicator id → agreements listing it, built once per model: several rules ask for every
// indicator, and scanning every agreement each time is quadratic on big frameworks.
const usersByModel = new WeakMap<FrameworkModel, Map<string, ModelObject[]>>();

function usersIndex(model: FrameworkModel): Map<string, ModelObject[]> {
  let index = usersByModel.get(model);
  if (index) return index;
  index = new Map();
  for (const a of model.agreements) {
    for (const ref of list(a.value.indicators)) {
      const id = localId(model, ref);
      if (id === undefined) continue;
      const users = index.get(id);
      if (!users) index.set(id, [a]);
      else if (users[users.length - 1] !== a) users.push(a);
    }
  }
  usersByModel.set(model, index);
  return index;
}

/**
 * After an edit inside one object that left every link as it was (lint/incremental.ts): the next
 * model takes over the previous one's link indexes, with the edited object in place of the old.
 */
export function carryLinkIndexes(previous: FrameworkModel, next: FrameworkModel, old: ModelObject, edited: ModelObject): void {
  const users = usersByModel.get(previous);
  if (users) {
    if (edited.kind === 'agreement') {
      for (const ref of list(edited.value.indicators)) {
        const agreements = users.get(localId(next, ref) ?? '');
        const at = agreements ? agreements.indexOf(old) : -1;
        if (at >= 0) agreements![at] = edited;
      }
    }
    usersByModel.set(next, users);
  }
}

// The did-you-mean index of a model's ids of one kind, built on the first unknown reference of
// one check and dropped with it: on a big file its indexes outweigh the findings (some 8 MB for
// ten thousand ids), and an incremental re-check asks a few questions, which a scan answers.
const suggestersByCheck = new WeakMap<RuleContext, Map<RefKind, Suggester>>();

/** Suggests one of this file's stage or indicator ids for a mistyped one. */
export function idSuggester(context: RuleContext, kind: RefKind): Suggester {
  let byKind = suggestersByCheck.get(context);
  if (!byKind) suggestersByCheck.set(context, (byKind = new Map()));
  let s = byKind.get(kind);
  const { model } = context;
  if (!s) byKind.set(kind, (s = new Suggester((kind === 'stage' ? model.stagesById : model.indicatorsById).keys())));
  return s;
}

/** Agreements in this file that list the indicator, in file order. */
export function agreementsUsing(model: FrameworkModel, indicator: ModelObject): ModelObject[] {
  if (indicator.id === undefined) return [];
  return usersIndex(model).get(indicator.id) ?? [];
}

/** The indicator's `type` when it is a string. */
export function typeOf(indicator: ModelObject): string | undefined {
  return typeof indicator.value.type === 'string' ? indicator.value.type : undefined;
}

/** What a target's value promises (`targets[].kind`); `level` when the file does not say. */
export type TargetKind = 'level' | 'floor' | 'ceiling' | 'around' | 'cumulative';
const TARGET_KINDS: ReadonlySet<string> = new Set<TargetKind>(['level', 'floor', 'ceiling', 'around', 'cumulative']);

export function targetKind(target: unknown): TargetKind {
  const kind = isObj(target) ? target.kind : undefined;
  return typeof kind === 'string' && TARGET_KINDS.has(kind) ? (kind as TargetKind) : 'level';
}

/** A numeric value with a valid date, and its index in the list it came from. */
export interface DatedValue {
  value: number;
  date: string;
  index: number;
}

/** The entries of a list of `{ value, date }` (actuals, targets) that have a number and a real date. */
export function datedValues(v: unknown): DatedValue[] {
  const out: DatedValue[] = [];
  const items = list(v);
  for (let index = 0; index < items.length; index++) {
    const dated = datedValue(items[index], index);
    if (dated) out.push(dated);
  }
  return out;
}

/** One `{ value, date }` with a number and a real date, as the index-th of its list. */
export function datedValue(item: unknown, index: number): DatedValue | undefined {
  if (!isObj(item)) return undefined;
  const value = num(item.value);
  const date = isoDate(item.date);
  return value !== undefined && date ? { value, date, index } : undefined;
}

// Several rules read every indicator's actuals: read them once per list. The list is the
// parsed value's own, so an edit that re-parses the indicator brings a new one.
const actualsByList = new WeakMap<unknown[], readonly DatedValue[]>();
const NO_VALUES: readonly DatedValue[] = Object.freeze([]);

/** `datedValues` of the indicator's `actuals`, shared by the rules that read them. */
export function datedActuals(indicator: ModelObject): readonly DatedValue[] {
  const actuals = indicator.value.actuals;
  if (!Array.isArray(actuals) || actuals.length === 0) return NO_VALUES;
  let dated = actualsByList.get(actuals);
  if (!dated) actualsByList.set(actuals, (dated = datedValues(actuals)));
  return dated;
}

/** Units whose values are words, not numbers (milestones, qualitative targets). */
export function isQualitativeUnit(unit: unknown): boolean {
  return typeof unit === 'string' && unit.trim().toLowerCase() === 'text';
}
