// Re-checking after an edit inside one object (a stage, an indicator, an agreement): the object is
// re-parsed alone (engine/parse/splice), its `checkObject` findings recomputed, every other
// object's findings kept (moved with the text after the edit), and the whole-file `check` rules
// run again over the spliced model. Rules marked `crossObject` read other objects' links (ids,
// references, agreement periods, indicator types and pay links: `linksOf`); when the edit changes
// those, such rules re-check every object. Anything else falls back to a full `analyze`, and the
// result is the same either way (test/robustness/incremental-property.test.ts).
import { kindOfList, modelAfterSplice, objectAtIndex, type ModelObject, type Obj } from '../engine/model';
import { spliceItem, type TextChange } from '../engine/parse/splice';
import { carrySchemaErrors } from '../engine/validate';
import type { Finding } from '../engine/types';
import { carryLinkIndexes } from '../rules/util';
import { analyze, analyzeWith, recordOf, visitedObjects, type Analysis, type AnalyzeOptions, type RuleRun } from './analyze';

export type { TextChange } from '../engine/parse/splice';

const DIRECTIVE_WORD = 'yardstick-disable';

/**
 * The analysis of `newText`, which is `previous`'s text with `change` applied. `previous` is
 * consumed: its tree is updated in place when the edit can be re-checked incrementally.
 */
export function analyzeChange(previous: Analysis, change: TextChange, newText: string, options: AnalyzeOptions = {}): Analysis {
  return reanalyzeChange(previous, change, newText, options) ?? analyze(newText, options);
}

/** The incremental analysis of `newText`, or undefined when only a full one can give it (then
 * `previous` may already be consumed). */
export function reanalyzeChange(
  previous: Analysis,
  change: TextChange,
  newText: string,
  options: AnalyzeOptions = {},
): Analysis | undefined {
  const record = recordOf(previous);
  if (!record || record.failed) return undefined;
  if (record.options.config !== options.config || record.options.workspace !== options.workspace || record.options.rules !== options.rules)
    return undefined;
  const oldModel = previous.model;
  const spliced = spliceItem(previous.doc, change, newText);
  if (!spliced) return undefined;
  const kind = kindOfList(spliced.listKey);
  if (!kind) return undefined;
  const oldObject = objectAtIndex(oldModel, kind, spliced.index);
  const model = modelAfterSplice(oldModel, spliced.doc, kind, spliced.index);
  const edited = model && objectAtIndex(model, kind, spliced.index);
  if (!model || !oldObject || !edited) return undefined;
  carrySchemaErrors(oldModel, model, spliced.listKey, spliced.index);
  const lines = previous.lines.afterChange(newText, change.start, change.end, change.text.length);
  const linksChanged = !sameLinks(oldObject, edited);
  if (!linksChanged) carryLinkIndexes(oldModel, model, oldObject, edited);
  const moved = { start: spliced.oldNode.start, end: spliced.from, delta: spliced.delta };
  const runs = new Map(record.runs.map((r) => [r.rule, r]));
  let stale = false;
  // A directive the edit could have written overlaps the changed text.
  const mentions =
    record.mentionsDirectives ||
    newText
      .slice(Math.max(0, change.start - DIRECTIVE_WORD.length), change.start + change.text.length + DIRECTIVE_WORD.length)
      .includes(DIRECTIVE_WORD);
  const result = analyzeWith(
    spliced.doc,
    model,
    lines,
    options,
    (rule, checks) => {
      const before = runs.get(rule);
      const kept = before && rule.meta.linksOnly === true && !linksChanged ? shiftAll(before.whole, moved, lines) : undefined;
      if (before && rule.meta.linksOnly === true && !linksChanged && !kept) stale = true;
      const run: RuleRun = { rule, whole: kept ?? checks.whole(), objects: [] };
      if (!rule.checkObject) return run;
      const recheckAll =
        !before ||
        (rule.meta.crossObject === true &&
          (linksChanged || (rule.links !== undefined && !equalValues(rule.links(oldObject), rule.links(edited)))));
      if (recheckAll) {
        for (const objects of visitedObjects(rule, model))
          for (const o of objects) {
            const found = checks.object(o);
            if (found.length > 0) run.objects.push({ object: o, findings: found });
          }
        return run;
      }
      // The previous findings in visiting order; the edited object's (and the framework's) new.
      const order = new Map((rule.meta.visits ?? []).map((k, i) => [k, i]));
      const rank = (o: ModelObject) => order.get(o.kind)! * 2 ** 32 + o.index;
      const fresh = [edited, model.framework]
        .filter((o): o is ModelObject => o !== undefined && order.has(o.kind))
        .sort((a, b) => rank(a) - rank(b));
      const check = (o: ModelObject) => {
        const found = checks.object(o);
        if (found.length > 0) run.objects.push({ object: o, findings: found });
      };
      let next = 0;
      for (const entry of before.objects) {
        while (next < fresh.length && rank(fresh[next]) <= rank(entry.object)) check(fresh[next++]);
        if (entry.object === oldObject || entry.object.kind === 'framework') continue;
        const findings = shiftAll(entry.findings, moved, lines);
        if (!findings) stale = true;
        else run.objects.push({ object: entry.object, findings });
      }
      while (next < fresh.length) check(fresh[next++]);
      return run;
    },
    mentions,
  );
  // A rule that threw is reported once for the file: the full check says where.
  if (!result || stale || recordOf(result)?.failed) return undefined;
  return result;
}

/** What other objects' checks may read of an object (see RuleMeta.crossObject). */
export function linksOf(o: ModelObject): unknown[] {
  const v: Obj = o.value;
  if (o.kind === 'indicator') return [o.id, v.type, v.linked_to_pay];
  if (o.kind === 'agreement') return [o.id, v.stage, v.indicators, v.period];
  return [o.id];
}

function sameLinks(a: ModelObject, b: ModelObject): boolean {
  return equalValues(linksOf(a), linksOf(b));
}

function equalValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    if (ka[i] !== kb[i]) return false;
    if (!equalValues((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  }
  return true;
}

interface Moved {
  /** The edited item's range before the edit; offsets from `end` on move by `delta`. */
  start: number;
  end: number;
  delta: number;
}

/** Another object's findings after the edit, or undefined when one points into the edited item. */
function shiftAll(findings: Finding[], moved: Moved, lines: Analysis['lines']): Finding[] | undefined {
  const out: Finding[] = [];
  for (const f of findings) {
    const g = shiftFinding(f, moved, lines);
    if (!g) return undefined;
    out.push(g);
  }
  return out;
}

function shiftFinding(f: Finding, moved: Moved, lines: Analysis['lines']): Finding | undefined {
  const at = (o: number) => (o <= moved.start ? o : o >= moved.end ? o + moved.delta : Number.NaN);
  let changed = f.end > moved.start;
  if (!changed && f.fixes) changed = f.fixes.some((x) => x.edits.some((e) => e.end > moved.start));
  if (!changed) return f;
  const start = at(f.start);
  const end = at(f.end);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  let fixes = f.fixes;
  if (fixes) {
    let bad = false;
    fixes = fixes.map((x) => ({
      ...x,
      edits: x.edits.map((e) => {
        const s = at(e.start);
        const t = at(e.end);
        if (Number.isNaN(s) || Number.isNaN(t)) bad = true;
        return { ...e, start: s, end: t };
      }),
    }));
    if (bad) return undefined;
  }
  return { ...f, start, end, range: lines.range(start, end), fixes };
}
