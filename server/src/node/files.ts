// Expanding the CLI's file arguments (files, directories searched for *.framework.yaml|yml, and
// globs) and reading the files found. Symbolic links are followed; every file is checked once,
// however many links or arguments lead to it (deduplicated by its real path), and a link loop
// is walked once. Anything but a regular file is refused with a reason instead of being opened
// (a named pipe would block the run).
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { FRAMEWORK_FILE } from './framework-files';
import { plainReason } from './io-errors';
import type { FileSnapshot } from './write-file';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out']);

export interface PathProblem {
  /** The argument or the path found under it. */
  path: string;
  reason: string;
}

export interface Expanded {
  /** Absolute paths, each file once, sorted. */
  files: string[];
  /** Arguments that matched nothing, and paths that are not files that can be read. */
  problems: PathProblem[];
}

const NO_MATCH = 'no such file, directory or matching file';

export function expandArguments(args: string[], cwd = process.cwd()): Expanded {
  const found = new FileSet();
  for (const arg of args) {
    const full = resolve(cwd, arg);
    let stat: Stats | undefined;
    try {
      stat = statSync(full);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        found.problems.push({ path: arg, reason: statReason(e) });
        continue;
      }
    }
    if (stat?.isDirectory()) found.walk(full);
    else if (stat) found.add(full, stat, arg);
    else if (/[*?[\]{}]/.test(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
      if (matches.length === 0) found.problems.push({ path: arg, reason: NO_MATCH });
      for (const m of matches) found.addPath(resolve(m));
    } else found.problems.push({ path: arg, reason: NO_MATCH });
  }
  return { files: [...found.files.values()].sort(), problems: found.problems };
}

class FileSet {
  /** For each real path, the first path that led to it. */
  readonly files = new Map<string, string>();
  readonly problems: PathProblem[] = [];
  private readonly walked = new Set<string>();

  addPath(path: string): void {
    try {
      this.add(path, statSync(path));
    } catch (e) {
      this.problems.push({ path, reason: statReason(e) });
    }
  }

  add(path: string, stat: Stats, shown = path): void {
    if (stat.isFile()) this.addFile(path);
    else this.problems.push({ path: shown, reason: notRegular(stat) });
  }

  /** A path known to lead to a regular file. */
  addFile(path: string): void {
    const real = realpathSync.native(path);
    if (!this.files.has(real)) this.files.set(real, path);
  }

  walk(dir: string): void {
    let entries;
    try {
      const real = realpathSync.native(dir);
      if (this.walked.has(real)) return;
      this.walked.add(real);
      // Sorted, so the first of several names for one file is always the same one.
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      this.problems.push({ path: dir, reason: statReason(e) });
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        let stat: Stats;
        try {
          stat = statSync(path);
        } catch (err) {
          if (FRAMEWORK_FILE.test(e.name)) this.problems.push({ path, reason: statReason(err) });
          continue;
        }
        isDir = stat.isDirectory();
        if (!isDir && FRAMEWORK_FILE.test(e.name)) this.add(path, stat);
      } else if (!isDir && FRAMEWORK_FILE.test(e.name)) {
        if (e.isFile()) this.addFile(path);
        else this.addPath(path);
      }
      if (isDir && !SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) this.walk(path);
    }
  }
}

function notRegular(stat: Stats): string {
  const kind = stat.isFIFO()
    ? 'a named pipe (FIFO)'
    : stat.isSocket()
      ? 'a socket'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'a device'
        : 'not a file';
  return `it is ${kind}, not a regular file`;
}

/** Why a path found (it exists as a name) cannot be opened: ENOENT here is a dangling link. */
function statReason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to a file that does not exist' : plainReason(e);
}

/**
 * Reads a whole file, refusing anything but a regular file. The open does not block on a named
 * pipe (O_NONBLOCK), so a FIFO that slipped through (a glob, a race) is refused too.
 */
export function readRegularFile(file: string): FileSnapshot {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd, { bigint: true });
    if (!stat.isFile()) throw Object.assign(new Error(notRegular(fstatSync(fd))), { code: 'ENOTREG' });
    return { bytes: readFileSync(fd), stat };
  } finally {
    closeSync(fd);
  }
}
