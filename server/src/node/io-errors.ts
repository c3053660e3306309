// File-system errors in the words a user needs, with the code kept for a search.

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file-size limit was reached',
  EIO: 'an input/output error occurred',
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  ELOOP: 'a loop of symbolic links',
  EMFILE: 'too many files are open',
};

export function plainReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code && REASONS[code] ? `${REASONS[code]} (${code})` : ((e as Error)?.message ?? String(e));
}
