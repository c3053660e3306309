import { insertKey, replaceValue } from '../engine/edits';
import { isObj } from '../engine/model';
import { defineRule } from './rule';
import type { Fix, Path, TextEdit } from '../engine/types';
import { S } from './sources';
import { labelOf } from './util';

export const ys403 = defineRule({
  meta: {
    id: 'YS403',
    name: 'not-public',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: "An agreement's results are not published: `reporting.public` is false or missing.",
    sources: [S.performanceGov, S.gpramaStatute, S.cabinetOfficePsa, S.ifgOdp, S.bestValue],
    fixable: true,
    messages: {
      notPublic:
        '{{agreement}} does not publish its results: set `reporting.public: true` and say where (`channel`) so the public and Parliament or Congress can hold it to account.',
    },
    knowledge: ['key/agreement.reporting', 'key/agreement.reporting.public', 'theory/gpramodernization-act'],
    visits: ['agreement'],
  },
  checkObject(context, a) {
    const { doc } = context;
    const reporting = a.value.reporting;
    if (isObj(reporting) && reporting.public === true) return;
    let path: Path = a.path;
    let on: 'key' | 'value' = 'value';
    let edit: TextEdit | undefined;
    let title = 'Set reporting.public: true';
    if (reporting === undefined || reporting === null) {
      edit =
        reporting === undefined
          ? insertKey(doc, a.path, 'reporting', '{ public: true }')
          : replaceValue(doc, [...a.path, 'reporting'], '{ public: true }');
      title = 'Add reporting: { public: true }';
    } else if (isObj(reporting)) {
      if (reporting.public === undefined) {
        path = [...a.path, 'reporting'];
        on = 'key';
        edit = insertKey(doc, path, 'public', 'true');
      } else {
        path = [...a.path, 'reporting', 'public'];
        edit = replaceValue(doc, path, 'true');
      }
    }
    const fixes: Fix[] = edit ? [{ title, edits: [edit], safe: false, preferred: true }] : [];
    context.report({
      messageId: 'notPublic',
      data: { agreement: labelOf(a, { capitalised: true }) },
      path,
      on,
      fixes,
    });
  },
});
