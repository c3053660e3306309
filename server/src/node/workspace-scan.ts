// Finds framework files in the workspace folders for the index (at start-up and when folders are
// added), within bounds the caller sets so that a scan of a home folder cannot run away.
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
  /** A bound stopped the scan: there may be framework files it did not list. */
  truncated: boolean;
}

export interface ScanBounds {
  maxFiles: number;
  maxFolders: number;
}

/** Framework files under the roots, breadth first, within the bounds. */
export async function scanFrameworkFiles(
  roots: string[],
  { maxFiles, maxFolders }: ScanBounds,
  isCancelled: () => boolean = () => false,
): Promise<ScanResult> {
  const files: string[] = [];
  const queue = [...roots];
  for (let next = 0; next < queue.length; next++) {
    if (isCancelled()) break;
    if (next >= maxFolders) return { files, truncated: true };
    const dir = queue[next];
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
        if (files.length >= maxFiles) return { files, truncated: true }; // one more than the bound exists
        files.push(join(dir, e.name));
      }
    }
  }
  return { files, truncated: false };
}
