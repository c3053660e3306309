import { eolOf, insertFirstKey, replaceValue } from '../engine/edits';
import type { ParsedDocument } from '../engine/parse';
import type { Fix } from '../engine/types';
import { isVersionError, schemaErrors } from '../engine/validate';
import { frameworkTemplates, instantiateTemplate } from '../../../templates';
import { defineRule } from './rule';
import { show } from './util';

/** An empty file's fixes: each template, in place of the blank text or after the comments. */
function templateFixes(text: string): Fix[] {
  const blank = text.trim() === '';
  const eol = eolOf(text);
  return frameworkTemplates.map((t) => {
    const body = instantiateTemplate(t, undefined, eol);
    const edit = blank
      ? { start: 0, end: text.length, newText: body }
      : { start: text.length, end: text.length, newText: (/[\r\n]$/.test(text) ? '' : eol) + body };
    return { title: `Start from a template: ${t.label}`, edits: [edit], safe: false, preferred: t.id === 'blank' };
  });
}

export const ys005 = defineRule({
  meta: {
    id: 'YS005',
    name: 'format-version',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'The `yardstick:` format version is missing or is not a version this Yardstick reads (only 1 exists).',
    sources: [{ title: 'Yardstick format v1 (docs/format.md)', url: 'docs/format.md' }],
    fixable: true,
    messages: {
      empty: 'The file is empty: start from a template (quick fix), or type "yardstick: 1" and a "framework:" section.',
      missing: 'Missing format version: add "yardstick: 1" as the first key.',
      unsupported: 'Unsupported format version {{version}}: this Yardstick reads version 1.',
    },
  },
  check(context) {
    const { doc, model } = context;
    if (doc.value === null || doc.value === undefined) {
      // A new file is empty on purpose: a hint that offers a start, not an error before anything is typed.
      context.report({ messageId: 'empty', start: 0, end: 0, severity: 'hint', fixes: templateFixes(doc.text) });
      return;
    }
    for (const error of schemaErrors(model)) {
      if (!isVersionError(error)) continue;
      if (error.keyword === 'required') {
        context.report({
          messageId: 'missing',
          start: 0,
          end: firstLineEnd(doc.text),
          fixes: versionFixes(doc),
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

/** "Insert yardstick: 1" as the first key (after directives and `---`, not at offset 0). */
function versionFixes(doc: ParsedDocument): Fix[] {
  const edit = insertFirstKey(doc, 'yardstick: 1');
  return edit ? [{ title: 'Insert "yardstick: 1"', edits: [edit], safe: true }] : [];
}

function firstLineEnd(text: string): number {
  const i = text.search(/\r?\n/);
  return i < 0 ? text.length : i;
}
