// Expanding the CLI's file arguments: files, directories (searched for *.framework.yaml|yml)
// and globs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

export const FRAMEWORK_FILE = /\.framework\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export interface Expanded {
  files: string[];
  /** Arguments that matched nothing. */
  missing: string[];
}

export function expandArguments(args: string[], cwd = process.cwd()): Expanded {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const arg of args) {
    const full = resolve(cwd, arg);
    if (existsSync(full)) {
      if (statSync(full).isDirectory()) walk(full, files);
      else files.add(full);
      continue;
    }
    if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) files.add(resolve(m));
      continue;
    }
    missing.push(arg);
  }
  return { files: [...files].sort(), missing };
}

function walk(dir: string, out: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(dir, e.name), out);
    } else if (e.isFile() && FRAMEWORK_FILE.test(e.name)) out.add(join(dir, e.name));
  }
}
