// Completion: keys the schema allows at the cursor (as snippets that fill in required children),
// enum values with their descriptions, and ids where a stage or indicator is referenced.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import { eolOf } from '../engine/edits';
import { enumAt, schemaAt, type JsonSchema } from '../engine/schema';
import type { Path } from '../engine/types';
import { idSlot } from './objects';
import { cursorContext, type CursorContext } from './cursor-context';
import type { WorkspaceIndex } from '../engine/workspace-index';
import type { Position } from 'vscode-languageserver';
import { offsetAt } from './convert';

export interface CompletionOptions {
  snippets: boolean;
  /** The last analysis without syntax errors (ids to offer while the text is half-typed). */
  lastGood?: Analysis;
  index?: WorkspaceIndex;
  /** The client takes a list-wide edit range (CompletionList.itemDefaults.editRange). */
  defaultEditRange?: boolean;
  /** The document's URI, when the client resolves documentation lazily (completionItem/resolve):
   * indicator ids are sent without theirs, with this URI in their data to find it again. */
  resolveUri?: string;
  /** The client takes list-wide data (CompletionList.itemDefaults.data). */
  defaultData?: boolean;
}

/** What an id item sent without its documentation carries, for completionItem/resolve. */
export interface IdItemData {
  uri: string;
}

function isObjectSchema(s: JsonSchema | undefined): boolean {
  return !!s && (s.type === 'object' || !!s.properties);
}

function isArraySchema(s: JsonSchema | undefined): boolean {
  return !!s && (s.type === 'array' || !!s.items);
}

function isBoolean(s: JsonSchema | undefined): boolean {
  return !!s && (s.type === 'boolean' || (Array.isArray(s.type) && s.type.includes('boolean')));
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\|,]/g, (c) => `\\${c}`);
}

class Tabstops {
  n = 0;
  next(choices?: unknown[]): string {
    this.n++;
    if (choices && choices.length) return `\${${this.n}|${choices.map((c) => escapeSnippet(String(c))).join(',')}|}`;
    return `\${${this.n}}`;
  }
}

/** A scalar-ish value for a child path: a choice for enums and booleans, a flow map for small objects. */
function inlineValue(path: Path, tabs: Tabstops): string {
  const schema = schemaAt(path);
  const en = enumAt(path);
  if (en) return tabs.next(en.values);
  if (isBoolean(schema)) return tabs.next([true, false]);
  if (isObjectSchema(schema)) {
    const req = schema?.required ?? [];
    return req.length ? `{ ${req.map((k) => `${k}: ${inlineValue([...path, k], tabs)}`).join(', ')} }` : `{ ${tabs.next()} }`;
  }
  if (isArraySchema(schema)) return `[${tabs.next()}]`;
  return tabs.next();
}

/** The text after `key:` for a key snippet, with explicit indentation (insertTextMode asIs). */
export function keySnippet(path: Path, column: number, eol = '\n'): string {
  const tabs = new Tabstops();
  const key = String(path[path.length - 1]);
  const schema = schemaAt(path);
  const pad = (n: number) => ' '.repeat(n);
  if (isArraySchema(schema)) {
    const itemPath = [...path, 0];
    const item = schemaAt(itemPath);
    if (isObjectSchema(item)) {
      const req = item?.required ?? [];
      const keys = req.length ? req : Object.keys(item?.properties ?? {}).slice(0, 1);
      const lines = keys.map((k, i) => `${i === 0 ? `${pad(column + 2)}- ` : pad(column + 4)}${k}: ${inlineValue([...itemPath, k], tabs)}`);
      return `${key}:${eol}${lines.join(eol)}`;
    }
    return `${key}: [${tabs.next(enumAt(itemPath)?.values)}]`;
  }
  if (isObjectSchema(schema)) {
    const req = schema?.required ?? [];
    if (req.length === 0) return `${key}:${eol}${pad(column + 2)}${tabs.next()}`;
    return `${key}:${eol}${req.map((k) => `${pad(column + 2)}${k}: ${inlineValue([...path, k], tabs)}`).join(eol)}`;
  }
  return `${key}: ${inlineValue(path, tabs)}`;
}

function markdown(value: string | undefined) {
  return value ? { kind: 'markdown' as const, value } : undefined;
}

export function completion(analysis: Analysis, position: Position, options: CompletionOptions): CompletionList {
  const list = completionList(analysis, position, options);
  const shared = options.defaultEditRange ? withDefaultEditRange(list) : list;
  return options.defaultData ? withDefaultData(shared) : shared;
}

/** An id item's documentation (completionItem/resolve), found again in the analysis completion used. */
export function resolveCompletion(analysis: Analysis, lastGood: Analysis | undefined, item: CompletionItem): CompletionItem {
  const source = analysis.doc.errors.length === 0 ? analysis : (lastGood ?? analysis);
  const indicator = source.model.indicatorsById.get(item.label);
  const documentation = indicator && idDocumentation(indicator.value);
  return documentation ? { ...item, documentation } : item;
}

/** The list with the data its items share said once (an id list's URI). */
function withDefaultData(list: CompletionList): CompletionList {
  const data: unknown = list.items[0]?.data;
  if (data === undefined || !list.items.every((i) => i.data === data)) return list;
  return {
    ...list,
    itemDefaults: { ...list.itemDefaults, data },
    items: list.items.map(({ data: _shared, ...item }): CompletionItem => item),
  };
}

/**
 * The list with the edit range every item shares said once: a reference slot offers up to
 * MAX_ID_ITEMS ids, and each one's own range was a third of what the server sent and the
 * editor read. An item whose text is its label then needs no edit of its own.
 */
function withDefaultEditRange(list: CompletionList): CompletionList {
  const range = list.items[0]?.textEdit && 'range' in list.items[0].textEdit ? list.items[0].textEdit.range : undefined;
  if (!range || !list.items.every((i) => i.textEdit && 'range' in i.textEdit && i.textEdit.range === range)) return list;
  const items = list.items.map(({ textEdit, ...item }): CompletionItem =>
    textEdit!.newText === item.label ? item : { ...item, textEditText: textEdit!.newText },
  );
  return { isIncomplete: list.isIncomplete, itemDefaults: { editRange: range }, items };
}

function completionList(analysis: Analysis, position: Position, options: CompletionOptions): CompletionList {
  const offset = offsetAt(analysis.lines, position);
  const ctx = cursorContext(analysis.lines, offset, analysis.doc.errors.length === 0 ? analysis.doc.root : null);
  const items: CompletionItem[] = [];
  if (!ctx) return { isIncomplete: false, items };
  const range = { start: analysis.lines.position(ctx.prefixStart), end: analysis.lines.position(offset) };
  const eol = eolOf(analysis.doc.text);

  let kind = ctx.kind;
  if (kind === 'key' && ctx.afterDash && !isObjectSchema(schemaAt(ctx.path))) kind = 'value';

  if (kind === 'key') {
    const schema = schemaAt(ctx.path);
    if (!isObjectSchema(schema)) return { isIncomplete: false, items };
    const required = new Set(schema?.required ?? []);
    for (const key of Object.keys(schema?.properties ?? {})) {
      if (ctx.present.has(key)) continue;
      const childPath = [...ctx.path, key];
      const child = schemaAt(childPath);
      const item: CompletionItem = {
        label: key,
        kind: CompletionItemKind.Property,
        detail: [required.has(key) ? 'required' : undefined, child?.title].filter(Boolean).join(' · ') || undefined,
        documentation: markdown(keyDocumentation(childPath, child)),
        sortText: `${required.has(key) ? '0' : '1'}${key}`,
        filterText: key,
      };
      if (ctx.flow) {
        item.textEdit = { range, newText: `${key}: ` };
      } else if (enumAt(childPath)?.values.length === 1) {
        item.textEdit = { range, newText: `${key}: ${String(enumAt(childPath)!.values[0])}` };
      } else if (options.snippets && (enumAt(childPath) || child?.examples?.length) && !isObjectSchema(child) && !isArraySchema(child)) {
        // A choice of values: write the key and open the value list, where each value has its meaning.
        item.textEdit = { range, newText: `${key}: ` };
        item.command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };
      } else if (options.snippets) {
        item.textEdit = { range, newText: keySnippet(childPath, ctx.column, eol) };
        item.insertTextFormat = InsertTextFormat.Snippet;
        item.insertTextMode = InsertTextMode.asIs;
      } else {
        item.textEdit = { range, newText: `${key}: ` };
      }
      items.push(item);
    }
    return { isIncomplete: false, items };
  }

  const complete = valueItems(ctx, analysis, options, range, items);
  return { isIncomplete: !complete, items };
}

/** Most ids offered at once: a framework may hold 10,000+ indicators; typing more narrows the list. */
export const MAX_ID_ITEMS = 200;

/** Adds value completions; returns false when the list was cut at MAX_ID_ITEMS. */
function valueItems(
  ctx: CursorContext,
  analysis: Analysis,
  options: CompletionOptions,
  range: { start: Position; end: Position },
  items: CompletionItem[],
): boolean {
  const path = ctx.path;
  const en = enumAt(path);
  if (en) {
    en.values.forEach((v, i) => {
      items.push({
        label: String(v),
        kind: CompletionItemKind.EnumMember,
        // The meaning once, in the documentation (a detail would repeat its first sentence).
        documentation: markdown(en.descriptions[i]),
        textEdit: { range, newText: String(v) },
        sortText: String(i).padStart(3, '0'),
      });
    });
    return true;
  }
  const schema = schemaAt(path);
  if (isBoolean(schema)) {
    for (const b of ['true', 'false']) items.push({ label: b, kind: CompletionItemKind.Value, textEdit: { range, newText: b } });
    return true;
  }
  const source = analysis.doc.errors.length === 0 ? analysis : (options.lastGood ?? analysis);
  if (schema?.examples?.length) {
    // Usual values (units): offered with their meaning, any other value is allowed too.
    schema.examples.forEach((v, i) => {
      items.push({
        label: String(v),
        kind: CompletionItemKind.Value,
        documentation: markdown(schema.examplesDescriptions?.[i]),
        textEdit: { range, newText: String(v) },
        sortText: String(i).padStart(3, '0'),
      });
    });
    return true;
  }
  if (schema?.format === 'date') {
    for (const [i, d] of suggestedDates(source, path).entries()) {
      items.push({
        label: d.date,
        kind: CompletionItemKind.Value,
        detail: d.why,
        textEdit: { range, newText: d.date },
        sortText: String(i).padStart(3, '0'),
      });
    }
    return true;
  }
  const slot = idSlot(path);
  if (!slot || slot.declaration) return true;
  // After `framework-id#`: that framework's ids only.
  const hash = ctx.prefix.indexOf('#');
  if (hash >= 0) {
    referenceItems(options.index, source.model.frameworkId, slot.kind, ctx.prefix.slice(0, hash), range, items);
    return true;
  }
  const objects = slot.kind === 'stage' ? source.model.stages : source.model.indicators;
  const seen = new Set<string>();
  // An indicator's documentation waits for completionItem/resolve when the client asks for it so:
  // the list of a big framework is then half the bytes to write and to read.
  const data: IdItemData | undefined = options.resolveUri && slot.kind === 'indicator' ? { uri: options.resolveUri } : undefined;
  const first = items.length;
  // Small lists go to the editor whole (it filters fuzzily); big ones are narrowed here by
  // what is typed, and marked incomplete so the editor asks again as the user types.
  const typed = objects.length > MAX_ID_ITEMS ? ctx.prefix.toLowerCase() : '';
  for (const o of objects) {
    if (!o.id || seen.has(o.id)) continue;
    if (typed && !o.id.includes(typed)) continue;
    if (seen.size >= MAX_ID_ITEMS) return false;
    seen.add(o.id);
    const v = o.value;
    const item: CompletionItem = {
      label: o.id,
      kind: CompletionItemKind.Reference,
      detail: typeof v.title === 'string' ? v.title : undefined,
      textEdit: { range, newText: o.id },
    };
    if (data) item.data = data;
    else item.documentation = idDocumentation(v);
    items.push(item);
  }
  const own = items.length;
  referenceItems(options.index, source.model.frameworkId, slot.kind, undefined, range, items);
  // Sorted by label, as the editor sorts items without a sort text; before other frameworks' ids.
  if (items.length > own) for (let i = first; i < own; i++) items[i].sortText = `0${items[i].label}`;
  return true;
}

/** An id item's documentation: what kind of indicator it is. */
function idDocumentation(v: Record<string, unknown>) {
  return markdown(
    [v.type && `type: ${String(v.type)}`, v.unit && `unit: ${String(v.unit)}`, v.direction && `direction: ${String(v.direction)}`]
      .filter(Boolean)
      .join(' · ') || undefined,
  );
}

/** Ids of other frameworks in the workspace, as framework-id#object-id (of one framework, when named). */
function referenceItems(
  index: WorkspaceIndex | undefined,
  own: string | undefined,
  kind: 'stage' | 'indicator' | 'agreement',
  only: string | undefined,
  range: { start: Position; end: Position },
  items: CompletionItem[],
): void {
  let count = 0;
  for (const [fw, entry] of index?.frameworks ?? []) {
    if (only !== undefined ? fw !== only : fw === own) continue;
    for (const id of kind === 'stage' ? entry.stages : entry.indicators) {
      if (count++ >= MAX_ID_ITEMS) return;
      items.push({
        label: `${fw}#${id}`,
        kind: CompletionItemKind.Reference,
        detail: `${kind} in ${fw}`,
        textEdit: { range, newText: `${fw}#${id}` },
        sortText: `1${fw}#${id}`,
      });
    }
  }
}

/** A key's documentation; for a snippet with choices, what each choice means. */
function keyDocumentation(path: Path, schema: JsonSchema | undefined): string | undefined {
  const parts = schema?.description ? [schema.description] : [];
  const itemPath = isArraySchema(schema) ? [...path, 0] : path;
  const item = schemaAt(itemPath);
  if (isObjectSchema(item) && !enumAt(path)) {
    for (const k of item?.required ?? []) {
      const en = enumAt([...itemPath, k]);
      if (en?.descriptions.length)
        parts.push(`\`${k}\`:\n${en.values.map((v, i) => `- \`${String(v)}\`: ${en.descriptions[i] ?? ''}`).join('\n')}`);
    }
  }
  return parts.join('\n\n') || undefined;
}

function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function dayAfter(date: string): string | undefined {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function periodOf(v: unknown): { start?: string; end?: string } {
  const p = v && typeof v === 'object' ? (v as Record<string, unknown>).period : undefined;
  if (!p || typeof p !== 'object') return {};
  const { start, end } = p as Record<string, unknown>;
  return { start: typeof start === 'string' ? start : undefined, end: typeof end === 'string' ? end : undefined };
}

/** Dates worth offering at a date position: the periods around it, then today. */
export function suggestedDates(analysis: Analysis, path: Path, today = new Date()): Array<{ date: string; why: string }> {
  const out: Array<{ date: string; why: string }> = [];
  const add = (date: string | undefined, why: string) => {
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !out.some((d) => d.date === date)) out.push({ date, why });
  };
  const model = analysis.model;
  const list = path[0];
  const index = typeof path[1] === 'number' ? path[1] : -1;
  if (list === 'stages' && index >= 0) {
    // The next stage starts the day after the previous one ends (YS302, YS303).
    const previous = model.stages.find((s) => s.index === index - 1);
    const prevEnd = previous && periodOf(previous.value).end;
    if (prevEnd && path[path.length - 1] === 'start') add(dayAfter(prevEnd), `the day after stage "${previous!.id ?? index}" ends`);
    const own = model.stages.find((s) => s.index === index);
    add(periodOf(own?.value).start, 'this stage starts');
    add(periodOf(own?.value).end, 'this stage ends');
  }
  if (list === 'agreements' && index >= 0) {
    const own = model.agreements.find((a) => a.index === index);
    add(periodOf(own?.value).start, 'this agreement starts');
    add(periodOf(own?.value).end, 'this agreement ends');
  }
  if (list === 'indicators' && index >= 0) {
    // Targets should fall inside the periods of the agreements that use the indicator (YS105).
    const id = model.indicators.find((i) => i.index === index)?.id;
    for (const a of model.agreements) {
      const refs = Array.isArray(a.value.indicators) ? a.value.indicators : [];
      if (id && refs.some((r) => r === id || r === `${model.frameworkId}#${id}`))
        add(periodOf(a.value).end, `agreement "${a.id ?? a.index + 1}" ends`);
    }
  }
  const framework = periodOf(
    model.doc.value && typeof model.doc.value === 'object' ? (model.doc.value as Record<string, unknown>).framework : undefined,
  );
  add(framework.start, 'the framework period starts');
  add(framework.end, 'the framework period ends');
  add(isoDate(today), 'today');
  return out;
}
