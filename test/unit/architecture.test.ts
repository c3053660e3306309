// The layer rule in eslint.config.mjs, proven able to fail: files that do not exist are linted
// in memory at paths inside each layer, and each wrong import must be reported.
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const RULE = '@typescript-eslint/no-restricted-imports';

const eslint = new ESLint({ cwd: process.cwd() });

/** The messages of the import-boundary rule for `code` linted as if it were at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('architecture: the layer rule', () => {
  const rejected: Array<[file: string, code: string, message: RegExp]> = [
    ['server/src/engine/probe.ts', "import { analyze } from '../lint/analyze';\n", /engine\/ is the lowest layer.*not from lint\//],
    ['server/src/engine/parse/probe.ts', "import type { Rule } from '../../rules/rule';\n", /engine\/.*not from rules\//],
    [
      'server/src/rules/probe.ts',
      "export { analyze } from '../lint/analyze';\n",
      /rules\/ may import only from engine\/, knowledge\/, not from lint\//,
    ],
    ['server/src/language-service/probe.ts', "import { scan } from '../node/workspace-scan';\n", /language-service\/.*not from node\//],
    ['server/src/lsp/probe.ts', "import { run } from '../cli/main';\n", /lsp\/.*not from cli\//],
    ['server/src/cli/probe.ts', "import '../lsp/main';\n", /cli\/.*not from lsp\//],
    ['server/src/lint/probe.ts', "import { readFileSync } from 'node:fs';\n", /lint\/ does no I\/O/],
    ['server/src/knowledge/probe.ts', "import * as path from 'path';\n", /knowledge\/ does no I\/O/],
    ['server/src/rules/probe.ts', "import type { Diagnostic } from 'vscode-languageserver';\n", /rules\/ knows nothing of LSP/],
    ['server/src/node/probe.ts', "import * as vscode from 'vscode';\n", /only client\/ may import it/],
    ['client/src/probe.ts', "import { analyze } from '../../server/src/lint/analyze';\n", /client\/ .*imports nothing from server\/src/],
    ['templates/probe.ts', "import { RULES } from '../server/src/rules';\n", /templates\/ .*imports from neither/],
    ['templates/probe.ts', "import { readFileSync } from 'node:fs';\n", /templates\/ does no I\/O/],
  ];
  for (const [file, code, message] of rejected) {
    it(`rejects ${code.trim()} in ${file}`, async () => {
      const errors = await boundaryErrors(file, code);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], message);
    });
  }

  const allowed: Array<[file: string, code: string]> = [
    ['server/src/engine/parse/probe.ts', "import { LIMITS } from './limits';\nimport type { Path } from '../types';\n"],
    ['server/src/lint/probe.ts', "import { RULES } from '../rules';\nimport { parse } from '../engine/parse';\n"],
    [
      'server/src/language-service/probe.ts',
      "import type { Hover } from 'vscode-languageserver';\nimport { analyze } from '../lint/analyze';\n",
    ],
    ['server/src/node/probe.ts', "import { readFileSync } from 'node:fs';\nimport { hover } from '../language-service/hover';\n"],
    [
      'server/src/lsp/probe.ts',
      "import { createConnection } from 'vscode-languageserver/node';\nimport { scan } from '../node/workspace-scan';\n",
    ],
    ['server/src/cli/probe.ts', "import { expand } from '../node/files';\nimport { templateById } from '../../../templates';\n"],
    ['client/src/probe.ts', "import * as vscode from 'vscode';\nimport { frameworkTemplates } from '../../templates';\n"],
  ];
  for (const [file, code] of allowed) {
    it(`allows ${code.trim().replace(/\n/g, ' ')} in ${file}`, async () => {
      assert.deepEqual(await boundaryErrors(file, code), []);
    });
  }

  it('knows every folder of server/src that holds code (a new folder must be given its place)', async () => {
    const hasCode = (dir: string) => readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts'));
    const folders = readdirSync('server/src', { withFileTypes: true })
      .filter((d) => d.isDirectory() && hasCode(join('server/src', d.name)))
      .map((d) => d.name);
    assert.ok(folders.length >= 8, folders.join(', '));
    for (const dir of folders) {
      const config = await eslint.calculateConfigForFile(`server/src/${dir}/probe.ts`);
      const patterns: Array<{ message: string }> = config.rules?.[RULE]?.[1]?.patterns ?? [];
      assert.ok(
        patterns.some((p) => p.message.startsWith(`${dir}/ may import only from`) || p.message.startsWith(`${dir}/ is the lowest layer`)),
        `server/src/${dir}/ has no place in the layers of eslint.config.mjs`,
      );
    }
  });
});
