// Bundles the CLI, the language server and the VS Code client. Schemas are compiled to
// standalone validators first (scripts/generate-validators.mjs), so nothing compiles at run time;
// the framework templates are gathered into one JSON module (scripts/generate-templates.mjs).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

execFileSync(process.execPath, ['scripts/generate-validators.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/generate-templates.mjs'], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM dependencies (tinyglobby) read import.meta.url; give the CommonJS bundle one.
  define: { 'import.meta.url': '__yardstickImportMetaUrl' },
  banner: {
    js: [
      "const __yardstickImportMetaUrl = require('url').pathToFileURL(__filename).href;",
      // The package root (dist/..): documentation links point into its docs/ folder.
      "const __yardstickPackageRoot = require('url').pathToFileURL(require('path').join(__dirname, '..')).href + '/';",
    ].join('\n'),
  },
};

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  { in: 'server/src/node/index-worker.ts', out: 'dist/index-worker.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];
for (const e of entries) if (!existsSync(e.in)) throw new Error(`esbuild: entry point ${e.in} is missing`);

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: [e.in],
      outfile: e.out,
      external: e.external ?? [],
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  console.log(`built ${entries.map((e) => e.out).join(', ')}`);
}
