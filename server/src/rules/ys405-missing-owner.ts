import { describe } from '../engine/model';
import type { Rule } from './rule';
import { S } from './sources';
import { absent } from './util';

export const ys405: Rule = {
  meta: {
    id: 'YS405',
    name: 'missing-owner',
    category: 'reform-model',
    defaultSeverity: 'warning',
    description: 'An indicator or agreement names no `owner`: nobody is accountable for it.',
    sources: [S.gpramaStatute, S.performanceGov, S.cabinetOfficePsa, S.ifgPsa],
    fixable: false,
    knowledge: ['key/indicator.owner', 'theory/pmdu', 'theory/gpramodernization-act'],
  },
  check(context) {
    const { model } = context;
    for (const o of [...model.indicators, ...model.agreements]) {
      if (!absent(o.value.owner)) continue;
      const who = o.kind === 'indicator' ? 'the organisation or official accountable for it' : 'the senior responsible owner (UK) or goal leader (US) answerable for it';
      context.report({
        message: `${describe(o).replace(/^(indicator|agreement)/, (k) => k[0].toUpperCase() + k.slice(1))} has no owner: name ${who} in \`owner\`.`,
        path: o.path,
      });
    }
  },
};
