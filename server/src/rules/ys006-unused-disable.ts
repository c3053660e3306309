import { defineRule } from './rule';

/** Runs after suppression comments were applied: only then is it known which were used. */
export const ys006 = defineRule({
  meta: {
    id: 'YS006',
    name: 'unused-disable',
    category: 'structure',
    defaultSeverity: 'info',
    description: 'A yardstick-disable comment suppresses nothing, or names a rule that does not exist.',
    sources: [
      {
        title: 'ESLint: reportUnusedDisableDirectives',
        url: 'https://eslint.org/docs/latest/use/configure/rules#report-unused-eslint-disable-comments',
      },
    ],
    fixable: true,
    messages: {
      unused: 'This yardstick-disable comment suppresses nothing; remove it or name the rule it is for.',
      unknownRule: 'This yardstick-disable comment names unknown rule(s) {{names}}; remove it or name the rule it is for.',
    },
  },
  afterSuppression(context, directives) {
    for (const d of directives) {
      if (d.unknown.length) {
        context.report({ messageId: 'unknownRule', data: { names: d.unknown.join(', ') }, start: d.start, end: d.end });
      } else if (!d.used) {
        context.report({
          messageId: 'unused',
          start: d.start,
          end: d.end,
          fixes: [{ title: 'Remove the unused yardstick-disable comment', edits: [removalEdit(context.text, d.start, d.end)], safe: true }],
        });
      }
    }
  },
});

/** Removes a comment, and its whole line when the comment stood alone on it. */
function removalEdit(text: string, start: number, end: number) {
  let s = start;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  const lineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  let e = end;
  if (lineStart) {
    if (text[e] === '\r') e++;
    if (text[e] === '\n') e++;
  }
  return { start: s, end: e, newText: '' };
}
