// Inputs that once grew faster than their size: each family timed at four sizes spanning 16x
// (median of 5 interleaved runs of the full check), with the log-log slope of time against
// size. A slope near 1 is linear; the goal is at most 1.2.
//
//   node --expose-gc bench/superlinear.mjs        (or as part of `npm run bench`)
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildEngine } from './build-engine.mjs';

export const SLOPE_GOAL = 1.2;

const header = ['yardstick: 1', 'framework:', '  id: superlinear', '  title: Super-linear input family', '  owner: Bench'];

/** Families of inputs: name, sizes (16x apart end to end), and a text for a size. */
export const FAMILIES = [
  {
    name: 'one long id and one long mistyped reference',
    sizes: [1000, 2000, 4000, 16000],
    unit: 'characters',
    text(n) {
      const id = 'a'.repeat(n);
      const ref = 'a'.repeat(n - 1) + 'b';
      return [
        ...header,
        'indicators:',
        `  - id: ${id}`,
        '    title: Long',
        '    type: outcome',
        '    unit: percent',
        '    direction: increase',
        'agreements:',
        '  - id: ag',
        '    title: A',
        '    kind: public-service-agreement',
        '    owner: HMT',
        `    indicators: [${ref}]`,
        '',
      ].join('\n');
    },
  },
  {
    name: 'ids sharing their first letters, each referenced with a typo',
    sizes: [750, 1500, 3000, 12000],
    unit: 'ids',
    text(n) {
      const lines = [...header, 'indicators:'];
      for (let i = 0; i < n; i++)
        lines.push(`  - { id: ab-${i.toString(36)}-measure, title: I${i}, type: outcome, unit: percent, direction: increase }`);
      lines.push('agreements:', '  - id: ag', '    title: A', '    kind: public-service-agreement', '    owner: HMT', '    indicators:');
      for (let i = 0; i < n; i++) lines.push(`      - ab-${i.toString(36)}-mesure`);
      return lines.join('\n') + '\n';
    },
  },
  {
    name: 'indicators that all share one id',
    sizes: [1000, 2000, 4000, 16000],
    unit: 'indicators',
    text(n) {
      const lines = [...header, 'indicators:'];
      for (let i = 0; i < n; i++) lines.push(`  - { id: same, title: I${i}, type: outcome, unit: percent, direction: increase }`);
      return lines.join('\n') + '\n';
    },
  },
];

/** Least-squares slope of log(time) against log(size). */
export function logLogSlope(points) {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

export async function runSuperlinear({ log = console.log, reps = 5 } = {}) {
  const require = createRequire(import.meta.url);
  const E = require(await buildEngine());
  const gc = globalThis.gc ?? (() => {});
  const results = [];
  for (const family of FAMILIES) {
    const texts = family.sizes.map((n) => family.text(n));
    E.analyze(texts[0]); // warm-up
    const times = family.sizes.map(() => []);
    // Interleaved: each repetition runs every size once, so machine drift hits all sizes alike.
    for (let rep = 0; rep < reps; rep++) {
      texts.forEach((text, i) => {
        gc();
        const t0 = performance.now();
        E.analyze(text);
        times[i].push(performance.now() - t0);
      });
    }
    const points = family.sizes.map((size, i) => ({ size, ms: [...times[i]].sort((a, b) => a - b)[Math.floor(reps / 2)] }));
    const slope = logLogSlope(points);
    results.push({ family: family.name, unit: family.unit, points, slope, met: slope <= SLOPE_GOAL });
    log(
      `  ${family.name}: ${points.map((p) => `${p.size} ${family.unit} ${p.ms.toFixed(1)} ms`).join(', ')}; slope ${slope.toFixed(2)} (${slope <= SLOPE_GOAL ? 'met' : 'not met'}, goal <= ${SLOPE_GOAL})`,
    );
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log('Super-linear families (full check, median of 5 interleaved runs):');
  await runSuperlinear();
}
