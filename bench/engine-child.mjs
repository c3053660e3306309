// Times the engine on one file in its own process (so a slow size can be cut off by a
// timeout): node --expose-gc bench/engine-child.mjs <file> <budgetMs> [--yaml] [--rules]
// Prints one JSON line. Measurements are interleaved per repetition so drift hits all alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { ENGINE_BUNDLE } from './build-engine.mjs';

const require = createRequire(import.meta.url);
const E = require(ENGINE_BUNDLE);
const jsyaml = require('js-yaml');
const YAML = require('yaml');

const [file, budgetArg = '20000'] = process.argv.slice(2);
const budget = Number(budgetArg);
const withYaml = process.argv.includes('--yaml');
const withRules = process.argv.includes('--rules');
const text = readFileSync(file, 'utf8');
const gc = globalThis.gc ?? (() => {});

const time = (fn) => {
  gc();
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const out = { file, bytes: Buffer.byteLength(text), load: [], yaml: [], parse: [], model: [], analyze: [], check: [], analyzeOverhead: [] };
const started = performance.now();
let findings = 0;
// Warm-up (JIT) on a small slice of the work, then measured repetitions.
jsyaml.load(text);
// Parse and model first, printed at once: a size whose full check runs past the parent's
// timeout still reports them.
for (let rep = 0; rep < 7; rep++) {
  out.load.push(time(() => jsyaml.load(text)));
  let doc;
  out.parse.push(time(() => (doc = E.parse(text))));
  out.model.push(time(() => E.buildModel(doc)));
  if (rep >= 2 && performance.now() - started > budget / 2) break;
}
process.stdout.write(JSON.stringify(out) + '\n');
const analyzeStarted = performance.now();
for (let rep = 0; rep < 7; rep++) {
  out.analyze.push(time(() => (findings = E.analyze(text).findings.length)));
  const doc = E.parse(text);
  const model = E.buildModel(doc);
  // Everything analyze does once the tree and model exist: schema validation and the rules.
  out.check.push(time(() => E.analyzeDocument(doc, {}, model)));
  // analyzeDocument with no rules: line index, suppression comments, sorting.
  out.analyzeOverhead.push(time(() => E.analyzeDocument(doc, { rules: [] }, model)));
  if (rep >= 2 && performance.now() - analyzeStarted > budget / 2) break;
  if (performance.now() - analyzeStarted > budget * 2) break;
}
out.findings = findings;
if (withYaml) {
  const ystart = performance.now();
  for (let rep = 0; rep < 3; rep++) {
    out.yaml.push(time(() => YAML.parseDocument(text)));
    if (performance.now() - ystart > budget / 2) break;
  }
}
if (withRules) {
  // Each rule alone, called as analyze calls it (no findings mapping): median of 3.
  const doc = E.parse(text);
  const model = E.buildModel(doc);
  out.rules = {};
  for (const rule of E.allRules) {
    const ctx = { model, doc, text, options: E.ruleOptions(rule), workspace: undefined, report: () => {} };
    const xs = [];
    for (let i = 0; i < 3; i++) {
      xs.push(time(() => E.runRule(rule, ctx)));
      if (xs[0] > 1000) break;
    }
    out.rules[rule.meta.id] = xs.sort((a, b) => a - b)[xs.length >> 1];
  }
}
process.stdout.write(JSON.stringify(out) + '\n');
