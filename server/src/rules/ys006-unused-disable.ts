import type { Rule } from './rule';

/** Reported by the engine after suppression comments are applied (see engine/suppress.ts). */
export const ys006: Rule = {
  meta: {
    id: 'YS006',
    name: 'unused-disable',
    category: 'structure',
    defaultSeverity: 'info',
    description: 'A yardstick-disable comment suppresses nothing, or names a rule that does not exist.',
    sources: [{ title: 'ESLint: reportUnusedDisableDirectives', url: 'https://eslint.org/docs/latest/use/configure/rules#report-unused-eslint-disable-comments' }],
    fixable: true,
  },
  check() {
    // Nothing to do here: the engine knows which directives were used only after all rules ran.
  },
};
