// Finding and reading `.yardstick.yaml` (Node I/O: used by the CLI and the server, never by the engine).
// The config is data: parsed as YAML, never executed.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveConfig, type ConfigProblem, type ResolvedConfig } from '../engine/config';
import { parse } from '../engine/parse';
import { spanOf } from '../engine/model';
import { LineIndex } from '../engine/text';
import { allRules } from '../rules';
import { plainReason } from './io-errors';

export const CONFIG_NAMES = ['.yardstick.yaml', '.yardstick.yml'];

/** Most problems listed for one configuration: a generated file with thousands of bad entries
 * would otherwise flood the Problems panel (or the output). */
export const MAX_CONFIG_PROBLEMS = 50;

export interface ConfigFileProblem {
  file: string;
  message: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  start: number;
  end: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file used, if any. */
  file?: string;
  problems: ConfigFileProblem[];
  /** Set when the file could not be read (then `problems` holds the same message and defaults apply). */
  readError?: string;
}

/**
 * The nearest config file from `dir` upwards. The search stops after the repository root (the
 * first folder holding `.git`, a folder or, in worktrees and submodules, a file), at the
 * filesystem root, or after `stopAt` (the server's workspace folder). It never depends on the
 * current directory, so a file gets the same configuration wherever the checker is run from.
 */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let here = resolve(dir);
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(here, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (here === stop || existsSync(join(here, '.git'))) return undefined;
    const parent = dirname(here);
    if (parent === here) return undefined;
    here = parent;
  }
}

/** The repository holding `dir`: the nearest folder upwards with a `.git` folder or file. */
export function repositoryRoot(dir: string): string | undefined {
  for (let here = resolve(dir); ;) {
    if (existsSync(join(here, '.git'))) return here;
    const parent = dirname(here);
    if (parent === here) return undefined;
    here = parent;
  }
}

/** Reads and checks a config file's text. Problems point into the config file; defaults fill in. */
export function configFromText(text: string, file: string, ...extraLayers: unknown[]): LoadedConfig {
  const doc = parse(text);
  const lines = new LineIndex(text);
  const problems: ConfigFileProblem[] = [];
  const at = (message: string, start: number, end: number): ConfigFileProblem => {
    const r = lines.range(start, end);
    return {
      file,
      message,
      line: r.start.line,
      character: r.start.character,
      endLine: r.end.line,
      endCharacter: r.end.character,
      start,
      end,
    };
  };
  for (const e of doc.errors) problems.push(at(`Invalid YAML in the configuration: ${e.message}`, e.start, e.end));
  const layer = doc.errors.length ? undefined : (doc.value ?? undefined);
  const { config, problems: configProblems } = resolveConfig(allRules, ...extraLayers, layer);
  // Only this file's problems: the settings layers report their own.
  const own = configProblems.filter((p) => p.layer === extraLayers.length);
  for (const p of own.slice(0, MAX_CONFIG_PROBLEMS)) {
    const span = spanOf(doc, p.path, 'key');
    problems.push(at(p.message, span.start, span.end));
  }
  if (own.length > MAX_CONFIG_PROBLEMS) {
    const last = problems[problems.length - 1];
    problems.push({
      ...last,
      message: `${own.length - MAX_CONFIG_PROBLEMS} more problems in this configuration are not shown; fix the ones above first.`,
    });
  }
  return { config, file, problems };
}

/** The problem reported on a configuration file that cannot be read, at its start. */
export function unreadableConfigProblem(file: string, error: unknown): ConfigFileProblem {
  const message = `Cannot read the configuration: ${(error as Error).message}`;
  return { file, message, line: 0, character: 0, endLine: 0, endCharacter: 0, start: 0, end: 0 };
}

export function loadConfigFile(file: string, ...extraLayers: unknown[]): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const { config } = resolveConfig(allRules, ...extraLayers);
    const readError = plainReason(e);
    return {
      config,
      file,
      readError,
      problems: [unreadableConfigProblem(file, e)],
    };
  }
  return configFromText(text, file, ...extraLayers);
}

export type { ConfigProblem };
