// Rule configuration per document: the `yardstick.rules` setting, overlaid by the nearest
// `.yardstick.yaml` found upward from the file to its workspace folder (not read in untrusted
// workspaces). Problems in a config file are returned for publishing on that file.
import { readFileSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../engine/config';
import {
  configFromText,
  findConfigFile,
  unreadableConfigProblem,
  CONFIG_NAMES,
  MAX_CONFIG_PROBLEMS,
  type ConfigFileProblem,
} from './config-file';
import { allRules } from '../rules';
import { pathToUri, uriToPath } from './uri';

export interface RuleSettings {
  rules?: unknown;
}

export interface DocumentConfig {
  config: ResolvedConfig;
  /** The config file used (a path), if any. */
  file?: string;
  /** Problems in that config file. */
  problems: ConfigFileProblem[];
  /** Problems in the `yardstick.rules` setting. */
  settingProblems: string[];
  /** Identity of this configuration (cache key for analyses). */
  key: string;
}

export function isConfigFile(uriOrPath: string): boolean {
  const name = uriOrPath.slice(Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf('\\')) + 1);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not percent-encoded as a URI should be (a bare "%"): the name as written.
  }
  return CONFIG_NAMES.includes(decoded);
}

export class ConfigService {
  private readonly foundIn = new Map<string, string | null>();
  private readonly loaded = new Map<string, DocumentConfig>();
  private generation = 0;

  constructor(
    /** Text of an open document by path (unsaved edits win over the disk). */
    private readonly openText: (path: string) => string | undefined,
  ) {}

  /** Forget found and loaded files (a config file changed, was created or deleted). */
  invalidate(): void {
    this.foundIn.clear();
    this.loaded.clear();
    this.generation++;
  }

  forDocument(uri: string, settings: RuleSettings, roots: string[], trusted: boolean): DocumentConfig {
    const settingLayer = settings.rules !== undefined && settings.rules !== null ? { rules: settings.rules } : undefined;
    const settingKey = JSON.stringify(settingLayer ?? null);
    const path = uriToPath(uri);
    const file = trusted && path ? this.find(dirname(path), roots) : undefined;
    const cacheKey = `${file ?? ''}\u0000${settingKey}`;
    const cached = this.loaded.get(cacheKey);
    if (cached) return cached;
    const base = resolveConfig(allRules, settingLayer);
    const settingProblems = base.problems
      .slice(0, MAX_CONFIG_PROBLEMS)
      .map((p) => `yardstick.rules${p.path.length ? `.${p.path.slice(1).join('.')}` : ''}: ${p.message}`);
    if (base.problems.length > MAX_CONFIG_PROBLEMS)
      settingProblems.push(`yardstick.rules: ${base.problems.length - MAX_CONFIG_PROBLEMS} more problems are not listed.`);
    let result: DocumentConfig;
    if (!file) {
      result = { config: base.config, problems: [], settingProblems, key: `${this.generation}:${cacheKey}` };
    } else {
      let text = this.openText(file);
      if (text === undefined) {
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          text = '';
          const loaded = configFromText('', file, settingLayer);
          loaded.problems.push(unreadableConfigProblem(file, e));
          result = { config: loaded.config, file, problems: loaded.problems, settingProblems, key: `${this.generation}:${cacheKey}` };
          this.loaded.set(cacheKey, result);
          return result;
        }
      }
      const loaded = configFromText(text, file, settingLayer);
      result = { config: loaded.config, file, problems: loaded.problems, settingProblems, key: `${this.generation}:${cacheKey}` };
    }
    this.loaded.set(cacheKey, result);
    return result;
  }

  private find(dir: string, roots: string[]): string | undefined {
    const cached = this.foundIn.get(dir);
    if (cached !== undefined) return cached ?? undefined;
    const root = roots.filter((r) => dir === r || dir.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0];
    let found: string | undefined;
    try {
      found = findConfigFile(dir, root);
    } catch {
      found = undefined;
    }
    this.foundIn.set(dir, found ?? null);
    return found;
  }
}

export function configUri(file: string): string {
  return pathToUri(file);
}
