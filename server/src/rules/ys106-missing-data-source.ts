import { insertKey } from '../engine/edits';
import { choice, placeholder } from '../engine/fix-render';
import { describe, isObj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix } from '../engine/types';
import { S } from './sources';
import { absent, isQualitativeUnit, labelOf } from './util';

// The first of each is the default a plain edit writes.
const COLLECTIONS = ['administrative', 'self-reported', 'survey', 'independent-audit', 'official-statistics'];
const FREQUENCIES = ['annual', 'continuous', 'daily', 'weekly', 'monthly', 'quarterly', 'biannual', 'biennial', 'ad-hoc'];
const SOURCE = 'TODO: name of the dataset, survey or system';

export const ys106 = defineRule({
  meta: {
    id: 'YS106',
    name: 'missing-data-source',
    category: 'evaluation',
    defaultSeverity: 'warning',
    description: 'An indicator does not say where its data come from (`data.source`), so its figures cannot be verified.',
    sources: [S.naoSecond, S.naoThird, S.naoDataQuality, S.pasc2003],
    fixable: true,
    messages: {
      missingSource:
        '{{indicator}} has no data source: name the dataset, survey or system in `data.source` so the figures can be verified.',
    },
    knowledge: ['key/indicator.data', 'key/indicator.data.source', 'theory/nao-data-validation'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const { doc } = context;
    const data = ind.value.data;
    if (isObj(data) && !absent(data.source)) return;
    // A milestone in words has no figures to verify.
    if (isQualitativeUnit(ind.value.unit)) return;
    const fixes: Fix[] = [];
    if (data === undefined) {
      const edit = insertKey(doc, ind.path, 'data', {
        source: ['"', placeholder(SOURCE), '"'],
        collection: choice(COLLECTIONS),
        frequency: choice(FREQUENCIES),
      });
      if (edit) fixes.push({ title: `Add a data section to ${describe(ind)}`, edits: [edit], safe: false, preferred: true });
    } else if (isObj(data) && data.source === undefined) {
      const edit = insertKey(doc, [...ind.path, 'data'], 'source', ['"', placeholder(SOURCE), '"']);
      if (edit) fixes.push({ title: `Add data.source to ${describe(ind)}`, edits: [edit], safe: false, preferred: true });
    }
    context.report({
      messageId: 'missingSource',
      data: { indicator: labelOf(ind, { capitalised: true }) },
      path: data === undefined ? ind.path : [...ind.path, 'data'],
      on: 'key',
      fixes,
    });
  },
});
