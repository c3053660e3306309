// Replacing a file so that no failure can leave it half-written: the new bytes go to a temporary
// file in the same folder, are flushed to disk, and are renamed over the original only if the
// original is still exactly what was read. The rename is atomic: readers see the old file or
// the new one, never a mixture, whatever happens to this process.
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { plainReason } from './io-errors';

/** What a file was when it was read: its bytes and the identity a later writer would change. */
export interface FileSnapshot {
  bytes: Buffer;
  stat: BigIntStats;
}

/** A refusal or failure to replace a file; `reason` is in plain words, without the file name. */
export class WriteFailure extends Error {
  constructor(
    readonly reason: string,
    readonly code?: string,
  ) {
    super(reason);
  }
}

export function reasonFor(e: unknown): WriteFailure {
  if (e instanceof WriteFailure) return e;
  return new WriteFailure(plainReason(e), (e as NodeJS.ErrnoException)?.code);
}

const sameIdentity = (a: BigIntStats, b: BigIntStats) => a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeNs === b.mtimeNs;

/**
 * Replaces `file` (through symbolic links: the link stays a link) with `bytes`, keeping its mode
 * and, where permitted, its owner. Throws a WriteFailure, and leaves the file as it was, when the
 * file is not writable, has other hard links (replacing it would split them), changed since
 * `snapshot` was taken, or any step of the write fails.
 */
export function replaceFile(file: string, bytes: Buffer, snapshot: FileSnapshot): void {
  let target: string;
  let before: BigIntStats;
  try {
    target = realpathSync(file);
    before = statSync(target, { bigint: true });
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? new WriteFailure('it was removed while it was being checked') : reasonFor(e);
  }
  if (!sameIdentity(before, snapshot.stat)) throw changedOnDisk();
  if (before.nlink > 1n) throw new WriteFailure(`it has ${before.nlink} hard links, which replacing it would separate`);
  // The rename needs only the folder to be writable; a read-only file must stay read-only.
  try {
    accessSync(target, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'EACCES' ? new WriteFailure('the file is read-only (EACCES)', code) : reasonFor(e);
  }

  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let written = false;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fchmodSync(fd, Number(before.mode) & 0o7777);
      try {
        fchownSync(fd, Number(before.uid), Number(before.gid));
      } catch {
        // Only root may give a file away; anyone else's new file is theirs, as with any editor.
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Last look before the rename: another program may have saved the file while it was checked.
    const now = statSync(target, { bigint: true });
    if (!sameIdentity(now, before) || !readFileSync(target).equals(snapshot.bytes)) throw changedOnDisk();
    renameSync(temp, target);
    written = true;
    syncFolder(dirname(target));
  } catch (e) {
    if (!written) removeQuietly(temp);
    throw reasonFor(e);
  }
}

function changedOnDisk(): WriteFailure {
  return new WriteFailure('it changed on disk while it was being checked; run the command again');
}

/** Flushes the rename itself (the folder entry); some file systems cannot, which is harmless. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, constants.O_RDONLY);
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // The new contents are already on disk; only the rename's durability is left to the OS.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was created, or it is already gone.
  }
}
