// Runs the extension-host suite in a downloaded VS Code (@vscode/test-electron).
// `npm run test:vscode`; needs internet access to download VS Code, so it is not part of CI.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  // Compiled to out/test-vscode/test/vscode/runTest.js: the repository root is four levels up.
  const extensionDevelopmentPath = resolve(__dirname, '..', '..', '..', '..');
  const extensionTestsPath = resolve(__dirname, 'suite', 'index');
  const workspace = mkdtempSync(join(tmpdir(), 'yardstick-vscode-'));
  cpSync(join(extensionDevelopmentPath, 'samples'), workspace, { recursive: true });
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((e) => {
  console.error('Extension-host tests failed:', e);
  process.exit(1);
});
