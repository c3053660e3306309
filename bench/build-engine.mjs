// Bundles the engine (parse, model, analyze with every registered rule) as the extension
// ships it, into bench/out/engine.cjs, so the benchmark times production code, not tsx.
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ENGINE_BUNDLE = join(ROOT, 'bench', 'out', 'engine.cjs');

export async function buildEngine() {
  await esbuild.build({
    stdin: {
      contents: [
        "export { analyze, analyzeDocument, ruleOptions, runRule } from './server/src/lint/analyze';",
        "export { parse, parseFast, parseFull } from './server/src/engine/parse';",
        "export { buildModel } from './server/src/engine/model';",
        "export { allRules } from './server/src/rules';",
      ].join('\n'),
      resolveDir: ROOT,
      sourcefile: 'bench-engine.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    outfile: ENGINE_BUNDLE,
  });
  return ENGINE_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) console.log(await buildEngine());
