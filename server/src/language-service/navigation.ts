// Definition, references and rename for stage, indicator and agreement ids, in this file and
// across the workspace (`framework-id#object-id` references from other files).
import { ResponseError, ErrorCodes, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../lint/analyze';
import { byIdOf, idAt, occurrences, type IdAt, type IdKind } from './objects';
import type { WorkspaceIndex } from '../engine/workspace-index';

export interface NavigationContext {
  uri: string;
  index: WorkspaceIndex;
  /** Analysis of another file (open document or read from disk); undefined when unavailable. */
  analysisOf(uri: string): Analysis | undefined;
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
  const at = idAt(analysis, analysis.lines.offset(position));
  if (!at) return [];
  const target = targetOf(analysis, at, ctx);
  if (!target) return [];
  return occurrences(target.analysis, target.kind, target.id)
    .filter((o) => o.declaration)
    .map((o) => ({ uri: target.uri, range: target.analysis.lines.range(o.node.start, o.node.end) }));
}

/** Every place the id occurs, as id-part ranges per file. */
function allOccurrences(target: Target, ctx: NavigationContext, includeDeclaration: boolean): Array<{ uri: string; range: Range; declaration: boolean }> {
  const out: Array<{ uri: string; range: Range; declaration: boolean }> = [];
  for (const o of occurrences(target.analysis, target.kind, target.id)) {
    if (o.declaration && !includeDeclaration) continue;
    out.push({ uri: target.uri, range: idRange(target.analysis, o), declaration: o.declaration });
  }
  if (target.frameworkId !== undefined && target.kind !== 'agreement') {
    for (const entry of ctx.index.entries()) {
      if (ctx.index.sameFile(entry.uri, target.uri)) continue;
      for (const r of entry.externalRefs) {
        if (r.framework === target.frameworkId && r.kind === target.kind && r.id === target.id) out.push({ uri: entry.uri, range: r.idRange, declaration: false });
      }
    }
  }
  return out;
}

export function references(analysis: Analysis, position: Position, includeDeclaration: boolean, ctx: NavigationContext): Location[] {
  const at = idAt(analysis, analysis.lines.offset(position));
  if (!at) return [];
  const target = targetOf(analysis, at, ctx);
  if (!target) return [];
  return allOccurrences(target, ctx, includeDeclaration).map(({ uri, range }) => ({ uri, range }));
}

export function prepareRename(analysis: Analysis, position: Position): { range: Range; placeholder: string } {
  const at = idAt(analysis, analysis.lines.offset(position));
  if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only stage, indicator and agreement ids (and references to them) can be renamed.');
  return { range: analysis.lines.range(at.idStart, at.idEnd), placeholder: at.id };
}

export function rename(analysis: Analysis, position: Position, newName: string, ctx: NavigationContext): WorkspaceEdit {
  const at = idAt(analysis, analysis.lines.offset(position));
  if (!at) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only stage, indicator and agreement ids (and references to them) can be renamed.');
  const name = newName.trim();
  if (!ID_PATTERN.test(name)) throw new ResponseError(ErrorCodes.InvalidParams, `"${newName}" is not a valid id: use lower-case letters, digits and single hyphens (e.g. ae-four-hour-wait).`);
  const target = targetOf(analysis, at, ctx);
  if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename "${at.id}": the framework "${at.framework}" that declares it is not in the workspace.`);
  if (name === target.id) return { changes: {} };
  if (byIdOf(target.analysis, target.kind).has(name)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename ${target.kind} "${target.id}" to "${name}": another ${target.kind} already has that id.`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of allOccurrences(target, ctx, true)) (changes[o.uri] ??= []).push({ range: o.range, newText: name });
  return { changes };
}
