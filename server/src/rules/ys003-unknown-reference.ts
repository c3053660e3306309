import { columnOf, insertLinesAfter } from '../engine/edits';
import { placeholder, type FixText } from '../engine/fix-render';
import type { FrameworkModel } from '../engine/model';
import { nodeAt } from '../engine/parse';
import { eachReference, referencePath, resolveReference, resolvesLocally, splitReference, type RefKind } from '../engine/resolve';

/** How a reference is written (docs/format.md): `object-id` or `framework-id#object-id`. */
const REFERENCE = /^([a-z0-9]+(-[a-z0-9]+)*#)?[a-z0-9]+(-[a-z0-9]+)*$/;
import { didYouMean, onlyCloseCandidate } from '../engine/suggest';
import type { Fix } from '../engine/types';
import { defineRule } from './rule';
import { idSuggester, labelOf } from './util';

export const ys003 = defineRule({
  meta: {
    id: 'YS003',
    name: 'unknown-reference',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'A reference names no stage or indicator in this file (or, for framework-id#object-id, in the workspace).',
    sources: [
      {
        title: 'Yardstick format v1: references (docs/format.md)',
        url: 'docs/format.md',
      },
    ],
    fixable: true,
    messages: {
      unknown: 'Unknown {{kind}} "{{reference}}" in {{owner}}.',
      unknownDidYouMean: 'Unknown {{kind}} "{{reference}}" in {{owner}}; did you mean "{{suggestion}}"?',
      unknownFramework: 'Unknown {{kind}} "{{reference}}" in {{owner}} (no framework "{{framework}}" in the workspace).',
    },
    visits: ['agreement'],
    crossObject: true,
  },
  checkObject(context, agreement) {
    const { model, workspace } = context;
    eachReference(agreement, (kind, text, index) => {
      if (resolvesLocally(model, kind, text)) return;
      const target = resolveReference(model, { kind, text }, workspace);
      if (target === 'unknown-file' || target) return; // 'unknown-file': no (complete) workspace to look in
      // A reference not written as one is YS002's (pattern): one problem, one finding.
      if (!REFERENCE.test(text)) return;
      // Built for the few references reported, not for each of the file's thousands.
      const ref = { kind, text, path: referencePath(agreement, index), from: agreement };
      const { framework, id } = splitReference(ref.text);
      const external = framework !== undefined && framework !== model.frameworkId;
      const ids: Iterable<string> = external
        ? ((ref.kind === 'stage' ? workspace?.frameworks.get(framework!)?.stages : workspace?.frameworks.get(framework!)?.indicators) ?? [])
        : (ref.kind === 'stage' ? model.stagesById : model.indicatorsById).keys();
      const suggestion = external ? didYouMean(id, ids) : idSuggester(context, ref.kind).suggest(id);
      const fixes: Fix[] = [];
      const node = nodeAt(model.doc.root, ref.path);
      // The suggestion keeps the framework prefix as written (this file's own too).
      const suggested = suggestion && (framework !== undefined ? `${framework}#${suggestion}` : suggestion);
      // Safe when the typo has one possible correction: no other id is as close.
      const safe =
        !!suggestion &&
        onlyCloseCandidate(id, suggestion, external ? ids : (ref.kind === 'stage' ? model.stagesById : model.indicatorsById).keys());
      if (suggested && node)
        fixes.push({
          title: `Change to "${suggested}"`,
          edits: [{ start: node.start, end: node.end, newText: suggested }],
          safe,
          preferred: true,
        });
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
    });
  },
});

/** "Create indicator 'x'": appends a stub with the required keys to the list (or creates the list). */
function stubFix(model: FrameworkModel, kind: RefKind, id: string): Fix | undefined {
  const listKey = kind === 'stage' ? 'stages' : 'indicators';
  const text = model.doc.text;
  const stubLines: FixText[] =
    kind === 'stage'
      ? [
          `id: ${id}`,
          ['title: ', placeholder('TODO')],
          ['period: { start: ', placeholder('2000-01-01'), ', end: ', placeholder('2000-12-31'), ' }'],
        ]
      : [
          `id: ${id}`,
          ['title: ', placeholder('TODO')],
          ['type: ', placeholder('outcome')],
          ['unit: ', placeholder('percent')],
          ['direction: ', placeholder('increase')],
        ];
  const item = (dash: string): FixText[] => stubLines.map((l, i) => (i === 0 ? [`${dash}- `, l] : [`${dash}  `, l]));
  const list = nodeAt(model.doc.root, [listKey]);
  if (list?.kind === 'seq' && !list.flow && list.items.length > 0) {
    const dash = dashBefore(text, list.items[0].start);
    if (dash < 0) return undefined;
    const lineStart = dash - columnOf(text, dash);
    if (!/^ *$/.test(text.slice(lineStart, dash))) return undefined; // `key: - x` is not a list
    return { title: `Create ${kind} "${id}"`, edits: [insertLinesAfter(text, list.end, item(' '.repeat(dash - lineStart)))], safe: false };
  }
  if (!list && model.doc.root?.kind === 'map' && !model.doc.root.flow) {
    const root = model.doc.root;
    const last = root.pairs[root.pairs.length - 1];
    if (!last || columnOf(text, root.pairs[0].keyStart) !== 0) return undefined;
    const lines: FixText[] = [`${listKey}:`, ...item('  ')];
    return {
      title: `Create ${kind} "${id}"`,
      edits: [insertLinesAfter(text, Math.max(last.value.end, last.keyEnd), lines)],
      safe: false,
    };
  }
  return undefined;
}

/** The `-` of the block sequence item starting at itemStart (spaces or line breaks between). */
function dashBefore(text: string, itemStart: number): number {
  let i = itemStart - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === '-' ? i : -1;
}
