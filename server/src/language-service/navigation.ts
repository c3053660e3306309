// Definition, references and rename for stage, indicator and agreement ids, in this file and
// across the workspace (`framework-id#object-id` references from other files).
import {
  ResponseError,
  ErrorCodes,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import { byIdOf, idAt, idFromNode, occurrences, type IdAt, type IdKind } from './objects';
import { valueAt } from '../engine/model';
import { nodeAt, nodePathAt } from '../engine/parse';
import { collectReferences, splitReference } from '../engine/resolve';
import type { WorkspaceIndex } from '../engine/workspace-index';
import { offsetAt } from './convert';

export interface NavigationContext {
  uri: string;
  index: WorkspaceIndex;
  /** Analysis of another file (open document or read from disk); undefined when unavailable. */
  analysisOf(uri: string): Analysis | undefined;
  /** The open document's version (null for a file only on disk): rename edits are versioned. */
  versionOf?(uri: string): number | null;
  /** The client takes versioned `documentChanges`. */
  documentChanges?: boolean;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Target {
  kind: IdKind;
  id: string;
  uri: string;
  analysis: Analysis;
  frameworkId?: string;
}

function targetOf(analysis: Analysis, at: IdAt, ctx: NavigationContext): Target | undefined {
  if (at.framework === undefined) return { kind: at.kind, id: at.id, uri: ctx.uri, analysis, frameworkId: analysis.model.frameworkId };
  const uri = ctx.index.uriOfFramework(at.framework);
  const other = uri ? ctx.analysisOf(uri) : undefined;
  if (!uri || !other) return undefined;
  return { kind: at.kind, id: at.id, uri, analysis: other, frameworkId: at.framework };
}

function idRange(a: Analysis, o: IdAt): Range {
  return a.lines.range(o.idStart, o.idEnd);
}

export function definition(analysis: Analysis, position: Position, ctx: NavigationContext): Location[] {
  const at = idAt(analysis, offsetAt(analysis.lines, position));
  if (!at) return [];
  const target = targetOf(analysis, at, ctx);
  if (!target) return [];
  return occurrences(target.analysis, target.kind, target.id)
    .filter((o) => o.declaration)
    .map((o) => ({ uri: target.uri, range: target.analysis.lines.range(o.node.start, o.node.end) }));
}

/** Every place the id occurs, as id-part ranges per file. */
function allOccurrences(
  target: Target,
  ctx: NavigationContext,
  includeDeclaration: boolean,
): Array<{ uri: string; range: Range; declaration: boolean }> {
  const out: Array<{ uri: string; range: Range; declaration: boolean }> = [];
  for (const o of occurrences(target.analysis, target.kind, target.id)) {
    if (o.declaration && !includeDeclaration) continue;
    out.push({ uri: target.uri, range: idRange(target.analysis, o), declaration: o.declaration });
  }
  if (target.frameworkId !== undefined && target.kind !== 'agreement') {
    for (const entry of ctx.index.entries()) {
      if (ctx.index.sameFile(entry.uri, target.uri)) continue;
      for (const r of entry.externalRefs) {
        if (r.framework === target.frameworkId && r.kind === target.kind && r.id === target.id)
          out.push({ uri: entry.uri, range: r.idRange, declaration: false });
      }
    }
  }
  return out;
}

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean, ctx: NavigationContext): Location[] {
  const at = idAt(analysis, offsetAt(analysis.lines, position));
  if (!at) return [];
  const target = targetOf(analysis, at, ctx);
  if (!target) return [];
  return allOccurrences(target, ctx, includeDeclaration).map(({ uri, range }) => ({ uri, range }));
}

export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } {
  const at = idAt(analysis, offsetAt(analysis.lines, position));
  if (!at)
    throw new ResponseError(ErrorCodes.InvalidRequest, 'Only stage, indicator and agreement ids (and references to them) can be renamed.');
  return { range: analysis.lines.range(at.idStart, at.idEnd), placeholder: at.id };
}

export function rename(analysis: Analysis, position: Position, newName: string, ctx: NavigationContext): WorkspaceEdit {
  const at = idAt(analysis, offsetAt(analysis.lines, position));
  if (!at)
    throw new ResponseError(ErrorCodes.InvalidRequest, 'Only stage, indicator and agreement ids (and references to them) can be renamed.');
  const name = newName.trim();
  if (!ID_PATTERN.test(name))
    throw new ResponseError(
      ErrorCodes.InvalidParams,
      `"${newName}" is not a valid id: use lower-case letters, digits and single hyphens (e.g. ae-four-hour-wait).`,
    );
  const target = targetOf(analysis, at, ctx);
  if (!target)
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      `Cannot rename "${at.id}": the framework "${at.framework}" that declares it is not in the workspace.`,
    );
  if (name === target.id) return { changes: {} };
  if (byIdOf(target.analysis, target.kind).has(name)) {
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      `Cannot rename ${target.kind} "${target.id}" to "${name}": another ${target.kind} already has that id.`,
    );
  }
  // Edits come from each file's current text (never from index ranges that may be stale), and
  // a file whose text does not parse is not edited at all: its positions cannot be trusted.
  const files = new Map<string, { analysis: Analysis; edits: TextEdit[] }>();
  const parses = (uri: string, a: Analysis) => {
    if (a.doc.errors.length > 0) {
      throw new ResponseError(
        ErrorCodes.InvalidRequest,
        `Cannot rename "${target.id}": ${uri} has a syntax error (line ${a.lines.position(a.doc.errors[0].start).line + 1}); fix it first.`,
      );
    }
  };
  const add = (uri: string, a: Analysis, occurrence: IdAt) => {
    parses(uri, a);
    let file = files.get(uri);
    if (!file) files.set(uri, (file = { analysis: a, edits: [] }));
    // An id written with escapes is replaced whole, its framework prefix kept.
    const prefix = !occurrence.literal && !occurrence.declaration ? frameworkPrefixOf(a, occurrence) : '';
    file.edits.push({ range: idRange(a, occurrence), newText: occurrence.literal ? name : `${prefix}${name}` });
  };
  parses(ctx.uri, analysis);
  parses(target.uri, target.analysis);
  for (const o of occurrences(target.analysis, target.kind, target.id)) add(target.uri, target.analysis, o);
  if (target.frameworkId !== undefined && target.kind !== 'agreement') {
    for (const entry of ctx.index.entries()) {
      if (ctx.index.sameFile(entry.uri, target.uri)) continue;
      if (!entry.externalRefs.some((r) => r.framework === target.frameworkId && r.kind === target.kind && r.id === target.id)) continue;
      const other = ctx.index.sameFile(entry.uri, ctx.uri) ? analysis : ctx.analysisOf(entry.uri);
      if (!other)
        throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename "${target.id}": ${entry.uri} refers to it and cannot be read.`);
      for (const o of externalOccurrences(other, target.kind, target.frameworkId, target.id)) add(entry.uri, other, o);
    }
  }
  if (ctx.documentChanges) {
    return {
      documentChanges: [...files].map(([uri, f]) => ({ textDocument: { uri, version: ctx.versionOf?.(uri) ?? null }, edits: f.edits })),
    };
  }
  return { changes: Object.fromEntries([...files].map(([uri, f]) => [uri, f.edits])) };
}

/** `framework#` as the reference at this occurrence writes it (empty for a local one). */
function frameworkPrefixOf(a: Analysis, o: IdAt): string {
  const value = valueAt(a.doc.value, pathOf(a, o));
  if (typeof value !== 'string') return '';
  const hash = value.indexOf('#');
  return hash < 0 ? '' : value.slice(0, hash + 1);
}

function pathOf(a: Analysis, o: IdAt): Array<string | number> {
  return nodePathAt(a.doc.root, o.node.start)?.path ?? [];
}

/** References in another file to `framework#id` (of one kind). */
function externalOccurrences(a: Analysis, kind: IdKind, framework: string, id: string): IdAt[] {
  const out: IdAt[] = [];
  for (const ref of collectReferences(a.model)) {
    if (ref.kind !== kind) continue;
    const split = splitReference(ref.text);
    if (split.framework !== framework || split.id !== id) continue;
    const node = nodeAt(a.doc.root, ref.path);
    if (node?.kind === 'scalar') out.push(idFromNode(a, kind, false, ref.text, node));
  }
  return out;
}
