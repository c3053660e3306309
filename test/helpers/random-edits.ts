// Seeded random edits for the incremental re-checking tests: what typing, deleting, pasting and
// breaking lines does to a framework file, by offsets; and a generated framework to edit.
import type { TextChange } from '../../server/src/engine/parse/splice';

/** A framework of n indicators in groups of five, one agreement per group, some defects. */
export function generated(n: number): string {
  const out = [
    '# generated for the incremental property test',
    'yardstick: 1',
    'framework:',
    '  id: gen',
    '  title: Generated',
    '  jurisdiction: UK',
    '  period: { start: 2020-04-01, end: 2024-03-31 }',
    '  review_cycle: quarterly',
    'stages:',
    '  - id: plan',
    '    title: Plan',
    '    period: { start: 2020-04-01, end: 2021-03-31 }',
    '  - id: deliver',
    '    title: Deliver',
    '    period: { start: 2021-04-01, end: 2024-03-31 }',
    'indicators:',
  ];
  for (let i = 0; i < n; i++) {
    out.push(
      `  - id: ind-${i}`,
      `    title: "Indicator ${i} & co"`,
      `    type: ${['outcome', 'output', 'input', 'process'][i % 4]}`,
      `    unit: ${i % 7 === 0 ? 'count' : 'percent'}`,
      `    direction: ${i % 3 === 0 ? 'decrease' : 'increase'}`,
    );
    if (i % 11 !== 0) out.push(`    baseline: { value: ${10 + (i % 50)}, date: 2020-03-31 }`);
    out.push('    targets:', `      - { value: ${20 + (i % 60)}, date: ${i % 13 === 0 ? '2030-03-31' : '2023-03-31'} }`);
    if (i % 2 === 0) out.push('    actuals:', `      - value: ${12 + (i % 40)}`, '        date: 2021-03-31');
    out.push('    data:', '      source: Monitoring returns', `      collection: ${i % 5 === 0 ? 'self-reported' : 'administrative'}`);
    if (i % 9 === 0) out.push('    notes: |', '      Kept as written.', '');
    out.push(`    owner: Department ${i % 4}`);
  }
  out.push('agreements:');
  for (let g = 0; g * 5 < n; g++) {
    const ids = Array.from({ length: Math.min(5, n - g * 5) }, (_, k) => `ind-${g * 5 + k}`);
    if (g % 6 === 5) ids.push(`ind-missing-${g}`);
    out.push(
      `  - id: agr-${g}`,
      `    title: Agreement ${g}`,
      `    stage: ${g % 2 ? 'plan' : 'deliver'}`,
      `    indicators: [${ids.join(', ')}]`,
      '    parties: { from: Treasury, to: Department }',
    );
  }
  return out.join('\n') + '\n';
}

const TYPED = [
  'x',
  'a1',
  ' ',
  '-',
  ':',
  ': ',
  '#',
  ' # c',
  "'",
  '"',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '\t',
  '0',
  '2021-',
];
const BREAKS = ['\n', '\r\n', '\r', '\n  ', '\n    ', '\n    x: 1', '\n  - id: new', '\n      - 1'];

/** One random edit of `text`, by offsets, mostly the small edits of typing. */
export function randomChange(text: string, r: () => number): TextChange {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const line = int(0, lineStarts.length - 1);
  const lineStart = lineStarts[line];
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  const roll = r();
  if (roll < 0.55) {
    // Typing or deleting inside a line, usually in its value.
    const at = int(lineStart, Math.max(lineStart, lineEnd - 1));
    const deleted = r() < 0.4 ? int(0, Math.min(6, lineEnd - at)) : 0;
    return { start: at, end: at + deleted, text: r() < 0.75 ? pick(TYPED) : '' };
  }
  if (roll < 0.7) return { start: lineStart, end: lineEnd, text: '' }; // delete a line
  if (roll < 0.8) return { start: lineEnd, end: lineEnd, text: text.slice(lineStart, lineEnd) }; // duplicate it
  if (roll < 0.9) {
    const at = int(lineStart, lineEnd);
    return { start: at, end: at, text: pick(BREAKS) };
  }
  // A longer stretch replaced (a paste over several lines).
  const start = int(0, text.length);
  const end = Math.min(text.length, start + int(0, 200));
  return { start, end, text: r() < 0.5 ? '' : text.slice(int(0, text.length - 40)).slice(0, int(1, 40)) };
}

export function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}
