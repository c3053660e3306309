// The per-file work of `yardstick check`: read, (fix,) parse, check, and index the ids the
// file declares for framework-id#object-id references in the other files.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzeDocument } from '../lint/analyze';
import type { ResolvedConfig } from '../engine/config';
import { fixAll } from '../lint/fix';
import { buildModel, type FrameworkModel } from '../engine/model';
import { parse } from '../engine/parse';
import { collectReferences, indexEntry, splitReference, type WorkspaceIndex } from '../engine/resolve';
import type { Finding } from '../engine/types';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/config-file';
import { decode, encode } from './encoding';

export interface CheckOptions {
  fix: boolean;
  quiet: boolean;
  /** --config: one configuration for every file. */
  configPath?: string;
  cwd: string;
}

export interface FileOutcome {
  file: string;
  findings: Finding[];
  /** The file's framework id, when it has one. */
  frameworkId?: string;
  /** The file refers to another framework: check it again once every file is indexed. */
  crossFile: boolean;
  configFile?: string;
  readError?: string;
}

/** Finds and loads configuration files, each folder and file once. */
export class ConfigLookup {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly opts: Pick<CheckOptions, 'configPath' | 'cwd'>) {}

  fileFor(file: string): string | undefined {
    if (this.opts.configPath) return this.opts.configPath;
    const dir = dirname(file);
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigFile(dir, this.opts.cwd));
    return this.byDir.get(dir);
  }

  load(configFile: string): LoadedConfig {
    let loaded = this.loaded.get(configFile);
    if (!loaded) this.loaded.set(configFile, (loaded = loadConfigFile(configFile)));
    return loaded;
  }

  configFor(file: string): ResolvedConfig | undefined {
    const configFile = this.fileFor(file);
    return configFile ? this.load(configFile).config : undefined;
  }
}

export function refersToOtherFrameworks(model: FrameworkModel): boolean {
  return collectReferences(model).some((r) => {
    const { framework } = splitReference(r.text);
    return framework !== undefined && framework !== model.frameworkId;
  });
}

export function keepFindings(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((f) => f.severity === 'error') : findings;
}

export interface CheckedFiles {
  outcomes: FileOutcome[];
  /** Every checked file's ids by framework id (the first file of an id wins: files are sorted). */
  workspace: WorkspaceIndex;
  /** Models of the cross-file outcomes, kept so phase 2 does not parse them again. */
  pending: Map<string, FrameworkModel>;
}

export function checkFiles(files: readonly string[], opts: CheckOptions, configs = new ConfigLookup(opts)): CheckedFiles {
  const outcomes: FileOutcome[] = [];
  const pending = new Map<string, FrameworkModel>();
  const workspace: WorkspaceIndex = { frameworks: new Map() };
  for (const file of files) {
    let text: string;
    let encoding: ReturnType<typeof decode>['encoding'];
    try {
      ({ text, encoding } = decode(readFileSync(file)));
    } catch (e) {
      outcomes.push({ file, findings: [], crossFile: false, readError: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      continue;
    }
    const configFile = configs.fileFor(file);
    const config = configFile ? configs.load(configFile).config : undefined;
    if (opts.fix) {
      const fixed = fixAll(text, { config });
      if (fixed.fixed > 0) {
        writeFileSync(file, encode(fixed.text, encoding));
        text = fixed.text;
      }
    }
    const model = buildModel(parse(text));
    const crossFile = refersToOtherFrameworks(model);
    // Cross-file references are judged once every file is indexed; the rest is final now.
    if (model.frameworkId && !workspace.frameworks.has(model.frameworkId)) workspace.frameworks.set(model.frameworkId, indexEntry(model, file));
    if (crossFile) pending.set(file, model);
    const findings = crossFile ? [] : keepFindings(analyzeDocument(model.doc, { config }, model).findings, opts.quiet);
    outcomes.push({ file, findings, frameworkId: model.frameworkId, crossFile, configFile });
  }
  return { outcomes, workspace, pending };
}

/** Checks the cross-file models, now that every file's ids are known. */
export function finishPending(pending: Map<string, FrameworkModel>, opts: CheckOptions, configs: ConfigLookup, workspace: WorkspaceIndex): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const [file, model] of pending) {
    out.set(file, keepFindings(analyzeDocument(model.doc, { config: configs.configFor(file), workspace }, model).findings, opts.quiet));
  }
  return out;
}
