import { columnOf, eolOf, insertKeyInMap, lineEndOf } from '../engine/edits';
import type { FrameworkModel } from '../engine/model';
import { nodeAt } from '../engine/parse';
import { collectReferences, resolveReference, splitReference, type RefKind } from '../engine/resolve';

/** How a reference is written (docs/format.md): `object-id` or `framework-id#object-id`. */
const REFERENCE = /^([a-z0-9]+(-[a-z0-9]+)*#)?[a-z0-9]+(-[a-z0-9]+)*$/;
import { didYouMean, Suggester } from '../engine/suggest';
import type { Fix } from '../engine/types';
import { defineRule } from './rule';
import { labelOf } from './util';

export const ys003 = defineRule({
  meta: {
    id: 'YS003',
    name: 'unknown-reference',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'A reference names no stage or indicator in this file (or, for framework-id#object-id, in the workspace).',
    sources: [{ title: 'Yardstick format v1: references (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
    messages: {
      unknown: 'Unknown {{kind}} "{{reference}}" in {{owner}}.',
      unknownDidYouMean: 'Unknown {{kind}} "{{reference}}" in {{owner}}; did you mean "{{suggestion}}"?',
      unknownFramework: 'Unknown {{kind}} "{{reference}}" in {{owner}} (no framework "{{framework}}" in the workspace).',
    },
  },
  check(context) {
    const { model, workspace } = context;
    const suggesters = new Map<RefKind, Suggester>();
    const localSuggester = (kind: RefKind): Suggester => {
      let s = suggesters.get(kind);
      if (!s) suggesters.set(kind, (s = new Suggester((kind === 'stage' ? model.stagesById : model.indicatorsById).keys())));
      return s;
    };
    for (const ref of collectReferences(model)) {
      // A reference not written as one is YS002's (pattern): one problem, one finding.
      if (!REFERENCE.test(ref.text)) continue;
      const target = resolveReference(model, ref, workspace);
      if (target === 'unknown-file' || target) continue; // 'unknown-file': no workspace to look in
      const { framework, id } = splitReference(ref.text);
      const external = framework !== undefined && framework !== model.frameworkId;
      const suggestion = external
        ? didYouMean(id, (ref.kind === 'stage' ? workspace?.frameworks.get(framework!)?.stages : workspace?.frameworks.get(framework!)?.indicators) ?? [])
        : localSuggester(ref.kind).suggest(id);
      const fixes: Fix[] = [];
      const node = nodeAt(model.doc.root, ref.path);
      // The suggestion keeps the framework prefix as written (this file's own too).
      const suggested = suggestion && (framework !== undefined ? `${framework}#${suggestion}` : suggestion);
      if (suggested && node) fixes.push({ title: `Change to "${suggested}"`, edits: [{ start: node.start, end: node.end, newText: suggested }], safe: false, preferred: true });
      if (!external) {
        const stub = stubFix(model, ref.kind, id);
        if (stub) fixes.push(stub);
      }
      const noFramework = external && !workspace?.frameworks.has(framework!);
      context.report({
        messageId: noFramework ? 'unknownFramework' : suggestion ? 'unknownDidYouMean' : 'unknown',
        data: { kind: ref.kind, reference: ref.text, owner: labelOf(ref.from), framework, suggestion: suggested },
        path: ref.path,
        fixes,
      });
    }
  },
});

/** "Create indicator 'x'": appends a stub with the required keys to the list (or creates the list). */
function stubFix(model: FrameworkModel, kind: RefKind, id: string): Fix | undefined {
  const listKey = kind === 'stage' ? 'stages' : 'indicators';
  const text = model.doc.text;
  const eol = eolOf(text);
  const stubLines =
    kind === 'stage'
      ? [`id: ${id}`, `title: TODO`, `period: { start: 2000-01-01, end: 2000-12-31 }`]
      : [`id: ${id}`, `title: TODO`, `type: outcome`, `unit: percent`, `direction: increase`];
  const list = nodeAt(model.doc.root, [listKey]);
  if (list?.kind === 'seq' && !list.flow && list.items.length > 0) {
    const first = list.items[0];
    const itemIndent = ' '.repeat(columnOf(text, first.start));
    const dashIndent = ' '.repeat(Math.max(0, columnOf(text, first.start) - 2));
    const at = lineEndOf(text, list.end);
    const body = stubLines.map((l, i) => (i === 0 ? `${dashIndent}- ${l}` : `${itemIndent}${l}`)).join(eol);
    return { title: `Create ${kind} "${id}"`, edits: [{ start: at, end: at, newText: eol + body }], safe: false };
  }
  if (!list && model.doc.root?.kind === 'map') {
    const edit = insertKeyInMap(text, model.doc.root, listKey, '[]');
    if (!edit) return undefined;
    const body = `${listKey}:` + eol + stubLines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join(eol);
    return { title: `Create ${kind} "${id}"`, edits: [{ start: edit.start, end: edit.end, newText: eol + body }], safe: false };
  }
  return undefined;
}
