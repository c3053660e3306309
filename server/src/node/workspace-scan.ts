// Finds framework files in the workspace folders (at start-up, with a cap) for the index.
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { FRAMEWORK_FILE } from './framework-files';

const SKIP = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  'build',
  '.vscode-test',
  '.venv',
  'venv',
  '__pycache__',
  'target',
]);

export interface ScanResult {
  files: string[];
  truncated: boolean;
}

/** Framework files under the roots, breadth first, at most `max` files and `maxDirs` folders. */
export async function scanFrameworkFiles(
  roots: string[],
  max = 2000,
  maxDirs = 5000,
  isCancelled: () => boolean = () => false,
): Promise<ScanResult> {
  const files: string[] = [];
  const queue = [...roots];
  let dirs = 0;
  while (queue.length > 0) {
    if (isCancelled()) break;
    const dir = queue.shift()!;
    if (++dirs > maxDirs) return { files, truncated: true };
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP.has(e.name) && !e.name.startsWith('.')) queue.push(join(dir, e.name));
      } else if (e.isFile() && FRAMEWORK_FILE.test(e.name)) {
        files.push(join(dir, e.name));
        if (files.length >= max) return { files, truncated: true };
      }
    }
  }
  return { files, truncated: false };
}
