// Lint for the whole repository. Besides typescript-eslint's recommended set, it enforces the
// layers of server/src (docs/architecture.md): a folder imports only from the folders below it,
// the pure layers do no I/O and the layers under language-service/ know nothing of LSP.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Lowest first. A layer may import from the layers before it in this list; layers that share a
// rank (lsp/ and cli/, the two front doors) may not import each other.
const layers = [
  { dir: 'engine', rank: 0, pure: true, lsp: false },
  { dir: 'knowledge', rank: 1, pure: true, lsp: false },
  { dir: 'rules', rank: 2, pure: true, lsp: false },
  { dir: 'lint', rank: 3, pure: true, lsp: false },
  { dir: 'language-service', rank: 4, pure: true, lsp: true },
  { dir: 'node', rank: 5, pure: false, lsp: true },
  { dir: 'lsp', rank: 6, pure: false, lsp: true },
  { dir: 'cli', rank: 6, pure: false, lsp: true },
];

// Node's I/O modules, with or without the node: prefix.
const NODE_IO = '^(?:node:.*|fs|fs/promises|path|url|child_process|os|net|http|https|worker_threads)$';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The no-restricted-imports patterns for one layer's files. */
function restrictionsFor(layer) {
  const patterns = [];
  const below = layers.filter((l) => l.rank < layer.rank).map((l) => `${l.dir}/`);
  const mayImport = below.length ? `may import only from ${below.join(', ')}` : 'is the lowest layer and imports no other folder';
  for (const other of layers) {
    if (other === layer || other.rank < layer.rank) continue;
    patterns.push({
      // Every import inside server/src is relative, so a path segment names the layer.
      regex: `^\\.{1,2}/(?:.*/)?${escape(other.dir)}(?:/|$)`,
      message: `${layer.dir}/ ${mayImport}, not from ${other.dir}/ (layers: docs/architecture.md).`,
    });
  }
  if (layer.pure) {
    patterns.push({
      regex: NODE_IO,
      message: `${layer.dir}/ does no I/O: Node modules belong in node/, lsp/ or cli/.`,
    });
  }
  if (!layer.lsp) {
    patterns.push({
      regex: '^vscode-languageserver',
      message: `${layer.dir}/ knows nothing of LSP: protocol types start at language-service/.`,
    });
  }
  patterns.push({
    regex: '^vscode$',
    message: 'The vscode API exists only in the extension host: only client/ may import it.',
  });
  return patterns;
}

const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'out/**',
      'bench/out/**',
      '**/generated/**',
      'test/fixtures/**',
      'samples/**',
      '.vscode-test/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // js-yaml is loaded as CommonJS on purpose (see engine/parse/fast.ts): it is 3-4x faster.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^js-yaml$'] }],
      // Patterns here match YAML indentation and column-aligned output: literal spaces are the text.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Code that Playwright runs inside the VS Code page.
    files: ['test/e2e/vscode-page.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The extension-host tests are type-checked by the root tsconfig too, which has no vscode types.
    files: ['test/vscode/**/*.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': ['error', { types: 'always' }] },
  },
  {
    // A bare assert.ok makes Node re-read the test file to word the failure (minutes on a big
    // file, which once looked like a hang), and the failure says nothing of the value.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='assert'][callee.property.name='ok'][arguments.length=1]",
          message: 'Give assert.ok a message that shows the value checked (or use assert.equal / assert.match).',
        },
        {
          selector: "CallExpression[callee.name='assert'][arguments.length=1]",
          message: 'Give assert a message that shows the value checked (or use assert.equal / assert.match).',
        },
      ],
    },
  },
  ...layers.map((layer) => ({
    files: [`server/src/${layer.dir}/**/*.ts`],
    rules: restrict(restrictionsFor(layer)),
  })),
  {
    files: ['client/src/**/*.ts'],
    rules: restrict([
      {
        regex: '^\\.{1,2}/(?:.*/)?server(?:/|$)',
        message: 'client/ starts the server as a separate process and imports nothing from server/src.',
      },
    ]),
  },
  {
    // Framework templates: data bundled into the client, the CLI and the server alike.
    files: ['templates/**/*.ts'],
    rules: restrict([
      {
        regex: '^\\.{1,2}/(?:.*/)?(?:server|client)(?:/|$)',
        message: 'templates/ is data shared by client/ and server/: it imports from neither.',
      },
      { regex: NODE_IO, message: 'templates/ does no I/O: it is bundled into every front door.' },
    ]),
  },
);
