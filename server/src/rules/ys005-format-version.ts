import { eolOf, replaceValue } from '../engine/edits';
import { isVersionError, schemaErrors } from '../engine/validate';
import { defineRule } from './rule';
import { show } from './util';

export const ys005 = defineRule({
  meta: {
    id: 'YS005',
    name: 'format-version',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'The `yardstick:` format version is missing or is not a version this Yardstick reads (only 1 exists).',
    sources: [{ title: 'Yardstick format v1 (docs/format.md)', url: 'https://github.com/yardstick-dev/yardstick/blob/main/docs/format.md' }],
    fixable: true,
    messages: {
      empty: 'The file is empty: a framework file starts with "yardstick: 1" and a "framework:" section.',
      missing: 'Missing format version: add "yardstick: 1" as the first key.',
      unsupported: 'Unsupported format version {{version}}: this Yardstick reads version 1.',
    },
  },
  check(context) {
    const { doc, model } = context;
    if (doc.value === null || doc.value === undefined) {
      context.report({
        messageId: 'empty',
        start: 0,
        end: 0,
        fixes: [{ title: 'Insert "yardstick: 1"', edits: [{ start: 0, end: 0, newText: 'yardstick: 1\n' }], safe: true }],
      });
      return;
    }
    for (const error of schemaErrors(model)) {
      if (!isVersionError(error)) continue;
      if (error.keyword === 'required') {
        context.report({
          messageId: 'missing',
          start: 0,
          end: firstLineEnd(doc.text),
          fixes: [{ title: 'Insert "yardstick: 1"', edits: [{ start: 0, end: 0, newText: 'yardstick: 1' + eolOf(doc.text) }], safe: true }],
        });
        continue;
      }
      const edit = replaceValue(doc, ['yardstick'], '1');
      context.report({
        messageId: 'unsupported',
        data: { version: show((doc.value as Record<string, unknown>).yardstick) },
        path: ['yardstick'],
        fixes: edit ? [{ title: 'Set the format version to 1', edits: [edit], safe: true }] : undefined,
      });
    }
  },
});

function firstLineEnd(text: string): number {
  const i = text.search(/\r?\n/);
  return i < 0 ? text.length : i;
}
