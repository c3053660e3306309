// Generates realistic Yardstick framework files for the benchmark (bench/run.mjs).
//
// Shape follows the samples and real frameworks (PSAs, GPRA plans): a commented header, a
// framework block, a handful of contiguous stages, indicators in themed groups of 5-8 with
// baselines, targets, data blocks, actuals and notes (block and flow styles mixed as people
// write them), and one agreement per group referring to its indicators. About 2-3% of the
// objects carry a realistic defect (missing baseline, undated or vague target, target against
// the direction, self-reported data without assurance, a dangling reference, a typo'd key).
// Deterministic: the same arguments always give the same bytes.
//
//   node bench/generate.mjs                 writes bench/out/big/*.framework.yaml and bench/out/many/
//   import { generateFramework } from './generate.mjs'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, 'out');
export const BIG_SIZES = [1000, 2500, 10000, 40000];
export const MANY_FILES = 1000;

function rng(seed) {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const THEMES = [
  [
    'health',
    'Department of Health',
    ['mortality', 'waiting time', 'vaccination uptake', 'smoking prevalence', 'readmissions', 'patient satisfaction'],
  ],
  [
    'crime',
    'Home Office',
    ['acquisitive crime', 'reoffending', 'antisocial behaviour', 'victim satisfaction', 'detection rate', 'response time'],
  ],
  [
    'education',
    'Department for Education',
    ['key stage attainment', 'persistent absence', 'NEET young people', 'apprenticeship starts', 'teacher vacancies', 'exclusions'],
  ],
  [
    'housing',
    'Communities and Local Government',
    ['net additional homes', 'affordable homes', 'temporary accommodation', 'rough sleeping', 'planning decisions', 'energy efficiency'],
  ],
  [
    'welfare',
    'Department for Work and Pensions',
    ['claims cleared', 'payment accuracy', 'employment rate', 'fraud and error', 'first contact resolution', 'appeals overturned'],
  ],
  [
    'transport',
    'Department for Transport',
    ['punctuality', 'road casualties', 'bus patronage', 'journey reliability', 'cycling trips', 'emissions'],
  ],
  [
    'veterans',
    'Department of Veterans Affairs',
    ['appointment wait', 'claims backlog', 'homeless veterans', 'benefit accuracy', 'suicide prevention contacts', 'customer trust'],
  ],
  [
    'tax',
    'Internal Revenue Service',
    ['returns processed', 'refund timeliness', 'tax gap', 'phone service level', 'audit coverage', 'e-file rate'],
  ],
];
const TYPES = ['outcome', 'outcome', 'outcome', 'output', 'quality', 'efficiency', 'satisfaction', 'process', 'input'];
const UNITS = [
  ['percent', 40, 95],
  ['percent', 10, 60],
  ['count', 1000, 250000],
  ['rate-per-100000', 50, 2000],
  ['days', 5, 120],
  ['index', 80, 120],
  ['currency:GBP', 100, 5000],
  ['ratio', 2, 12],
];
const COLLECTIONS = ['administrative', 'official-statistics', 'survey', 'self-reported', 'independent-audit'];
const FREQUENCIES = ['monthly', 'quarterly', 'annual', 'weekly', 'biannual'];
const ASSURERS = [
  'National Audit Office (data system validation)',
  'UK Statistics Authority',
  'Office of Inspector General',
  'Audit Commission',
  'Government Accountability Office',
];
const SOURCES = [
  'administrative returns',
  'national survey',
  'case management system',
  'official statistics release',
  'operational data warehouse',
  'quarterly monitoring returns',
];
const NOTES = [
  'Definition changed in the second year; figures before then are not comparable.',
  'Provisional figures are revised when the annual return is finalised.',
  'Regional breakdowns published alongside the national figure.',
  'The survey sample was cut by a third from the second year, widening the confidence interval.',
];
const WORDS = [
  'local',
  'national',
  'priority',
  'people',
  'services',
  'within',
  'areas',
  'adults',
  'children',
  'cases',
  'year',
  'rate',
  'level',
  'reduction',
  'improvement',
  'access',
  'quality',
  'outcome',
];

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const pad = (n, w) => String(n).padStart(w, '0');
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const sentence = (r, n) => {
  const ws = [];
  for (let i = 0; i < n; i++) ws.push(pick(r, WORDS));
  const s = ws.join(' ');
  return s[0].toUpperCase() + s.slice(1);
};
const dateIn = (r, y0, y1) => `${y0 + Math.floor(r() * (y1 - y0 + 1))}-${pick(r, ['03-31', '06-30', '09-30', '12-31'])}`;

/**
 * One framework file as text. `indicators`: how many; `defectRate`: share of objects with a
 * defect; `crossRefs`: other framework ids whose objects agreements may refer to (`fw#id`).
 */
export function generateFramework({ indicators: n, seed = 1, id = `bench-${n}`, defectRate = 0.025, crossRefs = [] }) {
  const r = rng(seed);
  const out = [];
  const push = (s) => out.push(s);
  const start = 2008;
  const end = 2012; // period 2008-04-01 .. 2012-03-31 (4 years)
  push(`# ${id}: generated benchmark framework with ${n} indicators.`);
  push('#');
  push('# Modelled on the shape of UK Public Service Agreements and US GPRA plans: themed');
  push('# groups of indicators, each group measured by one agreement. Figures are invented.');
  push('yardstick: 1');
  push('');
  push('framework:');
  push(`  id: ${id}`);
  push(`  title: Generated performance framework ${id}`);
  push(`  jurisdiction: ${r() < 0.5 ? 'UK' : 'US'}`);
  push('  level: central');
  push('  owner: HM Treasury');
  push(`  period: { start: ${start}-04-01, end: ${end}-03-31 }`);
  push('  review_cycle: quarterly');
  push('  description: >-');
  push('    A generated framework used to measure the checker. Each group of indicators');
  push('    belongs to one agreement between the centre and a delivery department.');
  push('');
  push('stages:');
  const stageIds = ['setting', 'delivery', 'review'];
  const stagePeriods = [
    [`${start}-04-01`, `${start + 1}-03-31`],
    [`${start + 1}-04-01`, `${end - 1}-03-31`],
    [`${end - 1}-04-01`, `${end}-03-31`],
  ];
  const stageActs = ['[plan]', '[monitor, report]', '[evaluate, improve, report]'];
  for (let s = 0; s < 3; s++) {
    push(`  - id: ${stageIds[s]}`);
    push(`    title: ${stageIds[s][0].toUpperCase()}${stageIds[s].slice(1)} stage`);
    push(`    period: { start: ${stagePeriods[s][0]}, end: ${stagePeriods[s][1]} }`);
    push('    focus: [outcomes, accountability]');
    push(`    activities: ${stageActs[s]}`);
    push('    summary: >-');
    push(`      ${sentence(r, 10)}.`);
  }
  push('');
  push('indicators:');
  const groups = [];
  let i = 0;
  let g = 0;
  while (i < n) {
    const size = Math.min(n - i, 5 + Math.floor(r() * 4)); // 5..8 indicators per agreement
    const theme = THEMES[g % THEMES.length];
    const members = [];
    push(`  # ---- Group ${g + 1}: ${theme[0]} ----`);
    for (let k = 0; k < size; k++, i++) {
      const topic = pick(r, theme[2]);
      const iid = `${slug(theme[0])}-${slug(topic)}-${pad(i, 6)}`;
      members.push(iid);
      const [unit, lo, hi] = pick(r, UNITS);
      const type = pick(r, TYPES);
      const direction = r() < 0.6 ? 'increase' : r() < 0.9 ? 'decrease' : 'maintain';
      const base = Math.round(lo + r() * (hi - lo));
      const step = Math.max(3, Math.round((hi - lo) * 0.1));
      const target = direction === 'decrease' ? base - step : direction === 'increase' ? base + step : base;
      const defect = r() < defectRate ? 1 + Math.floor(r() * 6) : 0;
      push(`  - id: ${iid}`);
      push(`    title: ${topic[0].toUpperCase()}${topic.slice(1)} in ${sentence(r, 2).toLowerCase()}`);
      push(`    type: ${type}`);
      push(`    unit: ${unit}`);
      push(`    direction: ${direction}`);
      if (unit === 'days' || /time|wait/.test(topic) || r() < 0.08) {
        push('    definition: >-');
        push(`      ${sentence(r, 7)}; clock starts at referral, stops at ${sentence(r, 3).toLowerCase()}.`);
      }
      if (defect !== 1) push(`    baseline: { value: ${base}, date: ${start}-03-31 }${r() < 0.3 ? '   # approx.' : ''}`);
      push('    targets:');
      if (defect === 2) push(`      - { value: ${target} }`);
      else if (defect === 3) push(`      - { value: improve, date: ${end - 1}-03-31 }`);
      else if (defect === 4) push(`      - { value: ${direction === 'decrease' ? base + step : base - step}, date: ${end - 1}-03-31 }`);
      else push(`      - { value: ${target}, date: ${end - 1}-03-31${r() < 0.4 ? ', note: approx. trajectory' : ''} }`);
      if (r() < 0.35) push(`      - { value: ${target}, date: ${end}-03-31 }`);
      if (r() < 0.4) {
        push('    actuals:');
        push(`      - { value: ${Math.round(base + (target - base) / 4)}, date: ${dateIn(r, start + 1, end - 1)} }`);
      }
      const collection = defect === 5 ? 'self-reported' : pick(r, COLLECTIONS);
      const assured = defect === 5 ? undefined : pick(r, ASSURERS);
      if (r() < 0.5) {
        push('    data:');
        push(`      source: ${theme[1]} ${pick(r, SOURCES)}`);
        push(`      collection: ${collection}`);
        push(`      frequency: ${pick(r, FREQUENCIES)}`);
        if (assured) push(`      assured_by: ${assured}`);
      } else {
        push(
          `    data: { source: ${theme[1]} ${pick(r, SOURCES)}, collection: ${collection}, frequency: ${pick(r, FREQUENCIES)}${assured ? `, assured_by: ${assured}` : ''} }`,
        );
      }
      push(`    ${defect === 6 ? 'ownr' : 'owner'}: ${theme[1]}`);
      push(`    linked_to_pay: ${r() < 0.1}`);
      if (r() < 0.15) push(`    notes: ${pick(r, NOTES)}`);
    }
    groups.push({ theme, members });
    g++;
  }
  push('');
  push('agreements:');
  groups.forEach(({ theme, members }, k) => {
    const aid = `agreement-${pad(k + 1, 5)}-${slug(theme[0])}`;
    const refs = members.slice();
    if (r() < defectRate) refs.push(`${members[0]}-typo`); // dangling reference (YS003)
    if (crossRefs.length && r() < 0.2) refs.push(`${pick(r, crossRefs)}#${slug(theme[0])}-${slug(theme[2][0])}-000000`);
    push(`  - id: ${aid}`);
    push('    kind: public-service-agreement');
    push(`    title: "Agreement ${k + 1}: ${sentence(r, 5)}"`);
    push('    principal: HM Treasury');
    push(`    agent: ${theme[1]}`);
    push(`    owner: ${theme[1]} senior responsible owner`);
    push(`    period: { start: ${start}-04-01, end: ${end}-03-31 }`);
    push('    stage: delivery');
    push(`    objective: ${sentence(r, 9)}.`);
    push('    indicators:');
    for (const ref of refs) push(`      - ${ref}`);
    push(`    review: { frequency: quarterly, body: Delivery Unit stocktake }`);
    push(`    reporting: { public: true, channel: Departmental annual report }`);
    if (r() < 0.5) push(`    consultation: [Parliament, local government, service users]`);
    push('    external_factors:');
    push(`      - ${sentence(r, 5)}`);
  });
  push('');
  return out.join('\n');
}

export function bigPath(n) {
  return join(OUT, 'big', `bench-${n}.framework.yaml`);
}
export const MANY_DIR = join(OUT, 'many');

export function generateAll({ log = console.log } = {}) {
  mkdirSync(join(OUT, 'big'), { recursive: true });
  for (const n of BIG_SIZES) {
    const text = generateFramework({ indicators: n, seed: n });
    writeFileSync(bigPath(n), text);
    log(`  ${bigPath(n)}: ${n} indicators, ${(text.length / 1e6).toFixed(2)} MB`);
  }
  rmSync(MANY_DIR, { recursive: true, force: true });
  mkdirSync(MANY_DIR, { recursive: true });
  let bytes = 0;
  const r = rng(7);
  const ids = Array.from({ length: MANY_FILES }, (_, k) => `fw-${pad(k, 4)}`);
  for (let k = 0; k < MANY_FILES; k++) {
    const n = 20 + Math.floor(r() * 21);
    const text = generateFramework({
      indicators: n,
      seed: 1000 + k,
      id: ids[k],
      crossRefs: [ids[(k + 1) % MANY_FILES], ids[(k + 7) % MANY_FILES]],
    });
    bytes += text.length;
    writeFileSync(join(MANY_DIR, `${ids[k]}.framework.yaml`), text);
  }
  log(`  ${MANY_DIR}: ${MANY_FILES} files, ${(bytes / 1e6).toFixed(1)} MB`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generateAll();
