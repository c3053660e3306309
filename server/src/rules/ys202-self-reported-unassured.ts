import { insertKey } from '../engine/edits';
import { placeholder } from '../engine/fix-render';
import { describe, isObj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { absent, labelOf } from './util';

export const ys202 = defineRule({
  meta: {
    id: 'YS202',
    name: 'self-reported-unassured',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description:
      "An indicator's data are self-reported by the body being measured and nobody is named to validate them (`data.assured_by`).",
    sources: [S.bevanHoodP534, S.naoSecond, S.pasc2003, S.smith1995],
    fixable: true,
    messages: {
      unassured:
        '{{indicator}} is self-reported and nobody validates it: name an auditor or inspectorate in `data.assured_by` (self-reported figures invite misrepresentation).',
    },
    knowledge: [
      'key/indicator.data.assured_by',
      'indicator.data.collection/self-reported',
      'theory/nao-data-validation',
      'theory/smith-1995',
      'theory/effectiveness-building',
    ],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const { doc } = context;
    const data = ind.value.data;
    if (!isObj(data) || data.collection !== 'self-reported' || !absent(data.assured_by)) return;
    const fixes: Fix[] = [];
    if (data.assured_by === undefined) {
      const edit = insertKey(doc, [...ind.path, 'data'], 'assured_by', ['"', placeholder('TODO: who validates the data system'), '"']);
      if (edit) fixes.push({ title: `Add data.assured_by to ${describe(ind)}`, edits: [edit], safe: false, preferred: true });
    }
    context.report({
      messageId: 'unassured',
      data: { indicator: labelOf(ind, { capitalised: true }) },
      path: [...ind.path, 'data', 'collection'],
      fixes,
    });
  },
});
