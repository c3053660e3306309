// The built bundles (dist/) that process-level tests run. A test that needs them builds them when
// they are missing or older than the sources (a test file run on its own after an edit), and fails
// when the build fails: never a silent skip.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

export const SERVER = join(ROOT, 'dist', 'server.js');
export const CLI = join(ROOT, 'dist', 'cli.js');

const SOURCES = ['server/src', 'client/src', 'schemas', 'package.json', 'esbuild.mjs'];

function newestMtime(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(full, { withFileTypes: true })) {
    if (e.name === 'generated') continue; // written by the build itself
    newest = Math.max(newest, newestMtime(join(path, e.name)));
  }
  return newest;
}

let checked = false;

/** Builds dist/ unless it is newer than every source file. Throws when the build fails. */
export function ensureBuilt(): void {
  if (checked) return;
  const built = Math.min(...[SERVER, CLI].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (built === 0 || SOURCES.some((s) => newestMtime(s) > built))
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'pipe' });
  checked = true;
}
