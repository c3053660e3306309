// Running the built CLI (dist/cli.js) as a user or CI would, building it first when it is missing
// or older than the sources (test/dist.ts).
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureBuilt } from '../dist';
import { ROOT } from '../helpers';

export { CLI, ensureBuilt };

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = ROOT, options: SpawnSyncOptions & { nodeArgs?: string[] } = {}): CliRun {
  ensureBuilt();
  const { nodeArgs = [], ...spawn } = options;
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    ...spawn,
    env: { ...process.env, NO_COLOR: '1', ...spawn.env },
  });
  return { code: r.status, signal: r.signal, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Runs a shell command line through bash (for ulimit, pipes, redirections). */
export function bash(script: string, cwd = ROOT): CliRun {
  ensureBuilt();
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

// Root may write to a read-only file, so as root the permission tests run the CLI as `nobody`
// (setpriv, from util-linux); anyone else is already unprivileged.
const isRoot = process.getuid?.() === 0;
const nobody = isRoot
  ? {
      uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })),
    }
  : undefined;

/** A fresh folder the unprivileged user owns. */
export function unprivilegedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ys-fix-'));
  giveAway(dir);
  return dir;
}

/** Hands a path to the unprivileged user (a no-op when the tests are not run as root). */
export function giveAway(path: string): void {
  if (nobody) chownSync(path, nobody.uid, nobody.gid);
}

export function cliUnprivileged(args: string[], cwd = ROOT): CliRun {
  if (!nobody) return cli(args, cwd);
  ensureBuilt();
  const r = spawnSync('setpriv', [`--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, '--clear-groups', process.execPath, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error) throw r.error;
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
