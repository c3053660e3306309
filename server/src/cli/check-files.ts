// The per-file work of `yardstick check`: read, (fix,) parse, check, and index the ids the
// file declares for framework-id#object-id references in the other files.
import { dirname } from 'node:path';
import { analyzeDocument } from '../lint/analyze';
import type { ResolvedConfig } from '../engine/config';
import { fixAll } from '../lint/fix';
import { buildModel, type FrameworkModel } from '../engine/model';
import { parse } from '../engine/parse';
import { collectReferences, splitReference } from '../engine/resolve';
import { WorkspaceIndex } from '../engine/workspace-index';
import type { Finding } from '../engine/types';
import { findConfigFile, loadConfigFile, type LoadedConfig } from '../node/config-file';
import { readRegularFile } from '../node/files';
import { pathToUri } from '../node/uri';
import { reasonFor, replaceFile, WriteFailure, type FileSnapshot } from '../node/write-file';
import { decode, encode, notRoundTrip } from './encoding';

/** --fix writes the fixed files; --fix-dry-run computes them and writes nothing. */
export type FixMode = 'off' | 'write' | 'dry-run';

export interface CheckOptions {
  fix: FixMode;
  /** --config: one configuration for every file. */
  configPath?: string;
  /** Asked between files: true once the run should stop (an interrupt while fixing). */
  stopRequested?: () => boolean;
}

export interface FileFix {
  /** Fixes applied (or, in a dry run, that would be), by rule code. */
  rules: Map<string, number>;
  before: string;
  after: string;
}

export interface FileOutcome {
  file: string;
  /** Every finding, whatever --quiet says (warnings still count towards --max-warnings). */
  findings: Finding[];
  /** The file's framework id, when it has one. */
  frameworkId?: string;
  /** The file refers to another framework: check it again once every file is indexed. */
  crossFile: boolean;
  configFile?: string;
  readError?: string;
  fix?: FileFix;
  /** Why the fixes found could not be written; the file is unchanged and checked as it is. */
  fixFailure?: string;
}

/** Finds and loads configuration files, each folder and file once. */
export class ConfigLookup {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly opts: Pick<CheckOptions, 'configPath'>) {}

  fileFor(file: string): string | undefined {
    if (this.opts.configPath) return this.opts.configPath;
    const dir = dirname(file);
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigFile(dir));
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

export interface CheckedFiles {
  outcomes: FileOutcome[];
  /** Every checked file's ids by framework id (the first file of an id wins: files are sorted). */
  workspace: WorkspaceIndex;
  /** Models of the cross-file outcomes, kept so phase 2 does not parse them again. */
  pending: Map<string, FrameworkModel>;
  /** The run stopped early (stopRequested): the files after the last outcome were not read. */
  stopped: boolean;
}

/** Lets signal handlers run between files, so an interrupt is seen at a point with nothing half-done. */
const betweenFiles = () => new Promise<void>((done) => setImmediate(done));
/** A read-only check turns the event loop at most this often (a turn per small file costs
 * more than its check); --fix turns it after every file, so no file is written after an interrupt. */
const YIELD_EVERY_MS = 20;

export async function checkFiles(files: readonly string[], opts: CheckOptions, configs = new ConfigLookup(opts)): Promise<CheckedFiles> {
  const outcomes: FileOutcome[] = [];
  const pending = new Map<string, FrameworkModel>();
  const workspace = new WorkspaceIndex();
  let yieldedAt = Date.now();
  for (const file of files) {
    if (opts.stopRequested) {
      if (opts.fix !== 'off' || Date.now() - yieldedAt >= YIELD_EVERY_MS) {
        await betweenFiles();
        yieldedAt = Date.now();
      }
      if (opts.stopRequested()) return { outcomes, workspace, pending, stopped: true };
    }
    let snapshot: FileSnapshot;
    try {
      snapshot = readRegularFile(file);
    } catch (e) {
      outcomes.push({ file, findings: [], crossFile: false, readError: reasonFor(e).reason });
      continue;
    }
    const decoded = decode(snapshot.bytes);
    let text = decoded.text;
    const configFile = configs.fileFor(file);
    const config = configFile ? configs.load(configFile).config : undefined;
    const outcome: FileOutcome = { file, findings: [], crossFile: false, configFile };
    if (opts.fix !== 'off') {
      const fixed = fixAll(text, { config });
      if (fixed.rules.length > 0) {
        const unsafe = notRoundTrip(snapshot.bytes, decoded);
        if (unsafe) outcome.fixFailure = `${unsafe}: --fix rewrites only files it can write back byte for byte`;
        else {
          try {
            if (opts.fix === 'write') replaceFile(file, encode(fixed.text, decoded.encoding), snapshot);
            outcome.fix = { rules: tally(fixed.rules), before: text, after: fixed.text };
            text = fixed.text;
          } catch (e) {
            outcome.fixFailure = e instanceof WriteFailure ? e.reason : String(e);
          }
        }
      }
    }
    const model = buildModel(parse(text));
    outcome.crossFile = refersToOtherFrameworks(model);
    outcome.frameworkId = model.frameworkId;
    // Cross-file references are judged once every file is indexed; the rest is final now.
    workspace.update(pathToUri(file), model);
    if (outcome.crossFile) pending.set(file, model);
    else outcome.findings = analyzeDocument(model.doc, { config }, model).findings;
    outcomes.push(outcome);
  }
  return { outcomes, workspace, pending, stopped: false };
}

function tally(codes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}

/** Checks the cross-file models, now that every file's ids are known. */
export function finishPending(
  pending: Map<string, FrameworkModel>,
  configs: ConfigLookup,
  workspace: WorkspaceIndex,
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const [file, model] of pending) {
    out.set(file, analyzeDocument(model.doc, { config: configs.configFor(file), workspace }, model).findings);
  }
  return out;
}
