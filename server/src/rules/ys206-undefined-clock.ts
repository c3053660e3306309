import { defineRule } from './rule';
import { S } from './sources';
import { absent, csvSet, labelOf } from './util';

const NUMBER =
  '(?:\\d+(?:\\.\\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|eighteen|twenty|thirty|sixty|ninety)';
const TIME_TITLE = new RegExp(
  [
    `\\bwithin\\s+${NUMBER}(?:[\\s-]+\\w+)?\\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\b`,
    `\\b${NUMBER}[\\s-]*(?:minute|hour|day|week|month)s?\\b[\\s-]*(?:wait|target|standard|response)`,
    '\\bwait(?:s|ing)?(?:\\s+times?|\\s+lists?)?\\b',
    '\\bresponse\\s+times?\\b',
    '\\btime\\s+to\\s+\\w+',
    '\\bspeed\\s+to\\s+answer\\b',
    '\\bturn-?around\\s+times?\\b',
  ].join('|'),
  'i',
);

export const ys206 = defineRule({
  meta: {
    id: 'YS206',
    name: 'undefined-clock',
    category: 'self-interest',
    defaultSeverity: 'warning',
    description:
      'An indicator measures time (a unit of days, hours or minutes, or a title such as "within four hours" or "wait") but has no `definition` saying when the clock starts and stops.',
    sources: [S.bevanHoodAE, S.aeWiki, S.ambulance, S.vaWait, S.vaWiki],
    fixable: false,
    messages: {
      timeUnit:
        '{{indicator}} is measured in {{unit}} but has no definition: say when the clock starts and when it stops, or it can be met by moving the clock (as with A&E, ambulance and VA waiting times).',
      timeTitle:
        '{{indicator}} measures time ("{{phrase}}") but has no definition: say when the clock starts and when it stops, or it can be met by moving the clock (as with A&E, ambulance and VA waiting times).',
    },
    options: {
      time_units: {
        type: 'string',
        default: 'seconds,minutes,hours,days,weeks',
        description: 'Comma-separated units that make an indicator time-based.',
      },
    },
    knowledge: ['key/indicator.definition', 'theory/ae-four-hour-target', 'theory/va-wait-times-2014', 'theory/goodhart-law'],
    visits: ['indicator'],
  },
  checkObject(context, ind) {
    const units = csvSet(context.options.time_units);
    if (!absent(ind.value.definition)) return;
    const unit = typeof ind.value.unit === 'string' ? ind.value.unit.trim().toLowerCase() : undefined;
    const byUnit = unit !== undefined && units.has(unit);
    const title = typeof ind.value.title === 'string' ? ind.value.title : '';
    const match = byUnit ? undefined : TIME_TITLE.exec(title);
    if (!byUnit && !match) return;
    const indicator = labelOf(ind, { capitalised: true });
    context.report({
      ...(byUnit
        ? { messageId: 'timeUnit', data: { indicator, unit } }
        : { messageId: 'timeTitle', data: { indicator, phrase: match![0].trim() } }),
      path: [...ind.path, byUnit ? 'unit' : 'title'],
    });
  },
});
