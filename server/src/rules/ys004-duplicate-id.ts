import type { ModelObject } from '../engine/model';
import { nodeAt } from '../engine/parse';
import { defineRule } from './rule';

export const ys004 = defineRule({
  meta: {
    id: 'YS004',
    name: 'duplicate-id',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'Two objects of one kind (stages, indicators or agreements) share an id, so references to it are ambiguous.',
    sources: [{ title: 'Yardstick format v1: ids (docs/format.md)', url: 'docs/format.md' }],
    fixable: true,
    messages: {
      duplicate: 'Duplicate {{kind}} id "{{id}}": {{kind}} #{{firstNumber}} already uses it.',
    },
    linksOnly: true,
  },
  check(context) {
    const { model } = context;
    for (const list of [model.stages, model.indicators, model.agreements]) {
      const seen = new Map<string, ModelObject>();
      const used = new Set(list.map((o) => o.id).filter((id): id is string => id !== undefined));
      const nextSuffix = new Map<string, number>();
      for (const obj of list) {
        if (obj.id === undefined) continue;
        const first = seen.get(obj.id);
        if (!first) {
          seen.set(obj.id, obj);
          continue;
        }
        const idNode = nodeAt(model.doc.root, [...obj.path, 'id']);
        // Resume after the last suffix handed out for this id: 16,000 copies of one id stay linear.
        let n = nextSuffix.get(obj.id) ?? 2;
        while (used.has(`${obj.id}-${n}`)) n++;
        nextSuffix.set(obj.id, n + 1);
        const free = `${obj.id}-${n}`;
        used.add(free);
        context.report({
          messageId: 'duplicate',
          data: { kind: obj.kind, id: obj.id, firstNumber: first.index + 1, suggestion: free },
          path: [...obj.path, 'id'],
          fixes: idNode
            ? [
                {
                  title: `Rename to "${free}"`,
                  edits: [{ start: idNode.start, end: idNode.end, newText: free }],
                  safe: false,
                  preferred: true,
                },
              ]
            : undefined,
        });
      }
    }
  },
});
