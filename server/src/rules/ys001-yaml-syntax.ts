import { defineRule } from './rule';

export const ys001 = defineRule({
  meta: {
    id: 'YS001',
    name: 'yaml-syntax',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'The file is not valid YAML; every syntax error is reported, not just the first.',
    sources: [{ title: 'YAML 1.2.2 specification', url: 'https://yaml.org/spec/1.2.2/' }],
    fixable: false,
    messages: {
      syntax: '{{message}}',
    },
  },
  check(context) {
    for (const e of context.doc.errors) context.report({ messageId: 'syntax', data: { message: e.message }, start: e.start, end: e.end });
  },
});
