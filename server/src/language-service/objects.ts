// Finding things in the engine's results by position: the value at a path, the id or reference
// under the cursor, and short summaries of stages and indicators (hover, completion details).
import type { Analysis } from '../lint/analyze';
import { isObj, valueAt, type ModelObject } from '../engine/model';
import { nodeAt, nodePathAt, type YNode } from '../engine/parse';
import { splitReference } from '../engine/resolve';
import type { Path } from '../engine/types';

export type IdKind = 'stage' | 'indicator' | 'agreement';

/** An id under the cursor: a declaration (`id:` of an object) or a reference to one. */
export interface IdAt {
  kind: IdKind;
  /** The id (without any framework prefix). */
  id: string;
  /** Framework id the reference names (`fw#id`); undefined for local ids. */
  framework?: string;
  declaration: boolean;
  node: YNode;
  /** Offsets of just the id part (after `fw#`); the whole node when the id is not written
   * literally in it (escapes in a quoted scalar: `"lib#shared\u002dind"`). */
  idStart: number;
  idEnd: number;
  /** Whether [idStart, idEnd) is the id as written (false: the whole node, escapes and all). */
  literal: boolean;
}

const LIST_KIND: Record<string, IdKind> = { stages: 'stage', indicators: 'indicator', agreements: 'agreement' };

/** Classifies a value path: an object's id, or a reference from an agreement. */
export function idSlot(path: Path): { kind: IdKind; declaration: boolean } | undefined {
  if (path.length === 3 && typeof path[0] === 'string' && LIST_KIND[path[0]] && typeof path[1] === 'number' && path[2] === 'id') {
    return { kind: LIST_KIND[path[0]], declaration: true };
  }
  if (path[0] === 'agreements' && typeof path[1] === 'number') {
    if (path.length === 3 && path[2] === 'stage') return { kind: 'stage', declaration: false };
    if (path.length === 4 && path[2] === 'indicators' && typeof path[3] === 'number') return { kind: 'indicator', declaration: false };
  }
  return undefined;
}

export function idAt(analysis: Analysis, offset: number): IdAt | undefined {
  const hit = nodePathAt(analysis.doc.root, offset);
  if (!hit || hit.isKey || hit.node.kind !== 'scalar' || hit.node.empty) return undefined;
  const slot = idSlot(hit.path);
  if (!slot) return undefined;
  const value = valueAt(analysis.doc.value, hit.path);
  if (typeof value !== 'string' || value.length === 0) return undefined;
  return idFromNode(analysis, slot.kind, slot.declaration, value, hit.node);
}

export function idFromNode(analysis: Analysis, kind: IdKind, declaration: boolean, value: string, node: YNode): IdAt {
  const { framework, id } = declaration ? { framework: undefined, id: value } : splitReference(value);
  const local = framework === undefined || framework === analysis.model.frameworkId;
  // Where the id part sits in the source: search within the node's own text (quotes allowed).
  const raw = analysis.doc.text.slice(node.start, node.end);
  const at = raw.lastIndexOf(id);
  const idStart = at >= 0 ? node.start + at : node.start;
  const idEnd = at >= 0 ? idStart + id.length : node.end;
  return { kind, id, framework: local ? undefined : framework, declaration, node, idStart, idEnd, literal: at >= 0 };
}

export function objectsOf(analysis: Analysis, kind: IdKind): ModelObject[] {
  const m = analysis.model;
  return kind === 'stage' ? m.stages : kind === 'indicator' ? m.indicators : m.agreements;
}

export function byIdOf(analysis: Analysis, kind: IdKind): Map<string, ModelObject> {
  const m = analysis.model;
  return kind === 'stage' ? m.stagesById : kind === 'indicator' ? m.indicatorsById : m.agreementsById;
}

/** Every occurrence of a local id in this file: its declaration(s) and references. */
export function occurrences(analysis: Analysis, kind: IdKind, id: string): IdAt[] {
  const out: IdAt[] = [];
  for (const o of objectsOf(analysis, kind)) {
    if (o.id !== id) continue;
    const node = nodeAt(analysis.doc.root, [...o.path, 'id']);
    if (node?.kind === 'scalar') out.push(idFromNode(analysis, kind, true, id, node));
  }
  if (kind === 'agreement') return out;
  for (const a of analysis.model.agreements) {
    const refs: Array<[Path, unknown]> = [];
    if (kind === 'stage') refs.push([[...a.path, 'stage'], a.value.stage]);
    else if (Array.isArray(a.value.indicators)) a.value.indicators.forEach((v, i) => refs.push([[...a.path, 'indicators', i], v]));
    for (const [path, v] of refs) {
      if (typeof v !== 'string') continue;
      const { framework, id: target } = splitReference(v);
      if (target !== id || (framework !== undefined && framework !== analysis.model.frameworkId)) continue;
      const node = nodeAt(analysis.doc.root, path);
      if (node?.kind === 'scalar') out.push(idFromNode(analysis, kind, false, v, node));
    }
  }
  return out;
}

function fmtValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  if (isObj(v)) {
    const value = v.value !== undefined ? String(v.value) : '?';
    return v.date !== undefined ? `${value} (${String(v.date)})` : value;
  }
  return String(v);
}

/** Markdown summary of a stage or indicator (or agreement). */
export function summary(o: ModelObject, where?: string): string {
  const v = o.value;
  const title = typeof v.title === 'string' ? ` — ${v.title}` : '';
  const lines = [`**${o.kind[0].toUpperCase()}${o.kind.slice(1)} \`${o.id ?? `#${o.index + 1}`}\`**${title}`, ''];
  const row = (label: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') lines.push(`- ${label}: ${value}`);
  };
  if (o.kind === 'indicator') {
    row('Type', v.type);
    row('Unit', v.unit);
    row('Direction', v.direction);
    row('Baseline', v.baseline === undefined ? '*none*' : fmtValue(v.baseline));
    const targets = Array.isArray(v.targets) ? v.targets : [];
    row(
      'Targets',
      targets.length
        ? targets.map((t) => (isObj(t) ? `${t.value ?? '?'}${t.date ? ` by ${String(t.date)}` : ''}` : String(t))).join('; ')
        : '*none*',
    );
    if (isObj(v.data)) row('Data', [v.data.source, v.data.collection, v.data.frequency].filter((x) => x !== undefined).join(', '));
    row('Owner', v.owner);
  } else if (o.kind === 'stage') {
    if (isObj(v.period)) row('Period', `${String(v.period.start ?? '?')} to ${String(v.period.end ?? '?')}`);
    if (Array.isArray(v.focus)) row('Focus', v.focus.join(', '));
    if (Array.isArray(v.activities)) row('Activities', v.activities.join(', '));
  } else if (o.kind === 'agreement') {
    row('Kind', v.kind);
    row('Principal', v.principal);
    row('Agent', v.agent);
    if (Array.isArray(v.indicators)) row('Indicators', v.indicators.length);
  }
  if (where) lines.push('', where);
  return lines.join('\n');
}
