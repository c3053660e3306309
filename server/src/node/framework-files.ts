// Framework files on disk and the workspace index: "read a file, then update or remove its
// entry" lives here once, for the start-up scan, watched-file changes and closed documents.
import { promises as fsp, readFileSync } from 'node:fs';
import type { WorkspaceIndex } from '../engine/workspace-index';
import { uriToPath } from './uri';

export const FRAMEWORK_FILE = /\.framework\.ya?ml$/i;

function frameworkPath(uri: string): string | undefined {
  const path = uriToPath(uri);
  return path && FRAMEWORK_FILE.test(path) ? path : undefined;
}

/** The text of a framework file; undefined when it is not one, is gone or cannot be read. */
export async function readFrameworkFile(uri: string): Promise<string | undefined> {
  const path = frameworkPath(uri);
  if (!path) return undefined;
  try {
    return await fsp.readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** As readFrameworkFile, for synchronous callers (navigation into a file that is not open). */
export function readFrameworkFileSync(uri: string): string | undefined {
  const path = frameworkPath(uri);
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Brings the index entry of `uri` in line with the disk: updated from the file's text, or removed
 * when there is no readable framework file. `stillWanted` is asked after the read (an editor may
 * have opened the file meanwhile, and then its text wins). True when what other files see changed.
 */
export async function refreshFromDisk(index: WorkspaceIndex, uri: string, stillWanted: () => boolean = () => true): Promise<boolean> {
  const text = await readFrameworkFile(uri);
  if (!stillWanted()) return false;
  return applyToIndex(index, uri, text);
}

/** As refreshFromDisk, with the text already read (undefined: no readable framework file). */
export function applyToIndex(index: WorkspaceIndex, uri: string, text: string | undefined): boolean {
  return text === undefined ? index.remove(uri) : index.updateFromText(uri, text);
}
