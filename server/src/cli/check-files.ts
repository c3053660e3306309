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
import { CrossFileWait, type ReadyFile } from './cross-file';
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

/** The other frameworks a file refers to (framework-id#object-id with another id than its own). */
export function otherFrameworks(model: FrameworkModel): Set<string> {
  const ids = new Set<string>();
  for (const r of collectReferences(model)) {
    const { framework } = splitReference(r.text);
    if (framework !== undefined && framework !== model.frameworkId) ids.add(framework);
  }
  return ids;
}

export interface CheckedFiles {
  /** In the order of the files, each with its findings. */
  outcomes: FileOutcome[];
  /** The run stopped early (stopRequested): the files after the last outcome were not read. */
  stopped: boolean;
}

/** Lets signal handlers run between files, so an interrupt is seen at a point with nothing half-done. */
const betweenFiles = () => new Promise<void>((done) => setImmediate(done));
/** A read-only check turns the event loop at most this often (a turn per small file costs
 * more than its check); --fix turns it after every file, so no file is written after an interrupt. */
const YIELD_EVERY_MS = 20;

/**
 * Reads, (fixes,) parses and checks each file. A file that refers to other frameworks is checked
 * once the frameworks it names are indexed for good (see cross-file.ts), the last ones after
 * every file is read; its model is kept meanwhile, so it is not parsed again.
 */
export async function checkFiles(files: readonly string[], opts: CheckOptions, configs = new ConfigLookup(opts)): Promise<CheckedFiles> {
  const outcomes: FileOutcome[] = [];
  const workspace = new WorkspaceIndex();
  const uris = files.map(pathToUri);
  const waits = new CrossFileWait<FileOutcome>(workspace, uris);
  const finish = ({ model, data: outcome, workspace }: ReadyFile<FileOutcome>) => {
    outcome.findings = analyzeDocument(model.doc, { config: configs.configFor(outcome.file), workspace }, model).findings;
  };
  let yieldedAt = Date.now();
  for (let position = 0; position < files.length; position++) {
    const file = files[position];
    if (opts.stopRequested) {
      if (opts.fix !== 'off' || Date.now() - yieldedAt >= YIELD_EVERY_MS) {
        await betweenFiles();
        yieldedAt = Date.now();
      }
      if (opts.stopRequested()) return { outcomes, stopped: true };
    }
    let snapshot: FileSnapshot;
    try {
      snapshot = readRegularFile(file);
    } catch (e) {
      outcomes.push({ file, findings: [], readError: reasonFor(e).reason });
      for (const ready of waits.ready(position + 1)) finish(ready);
      continue;
    }
    const decoded = decode(snapshot.bytes);
    let text = decoded.text;
    const configFile = configs.fileFor(file);
    const config = configFile ? configs.load(configFile).config : undefined;
    const outcome: FileOutcome = { file, findings: [], configFile };
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
    const names = otherFrameworks(model);
    outcome.frameworkId = model.frameworkId;
    workspace.update(uris[position], model);
    waits.indexed(position);
    if (names.size > 0) waits.wait(model, names, outcome);
    else outcome.findings = analyzeDocument(model.doc, { config }, model).findings;
    outcomes.push(outcome);
    for (const ready of waits.ready(position + 1)) finish(ready);
  }
  for (const rest of waits.rest()) finish(rest);
  return { outcomes, stopped: false };
}

function tally(codes: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return counts;
}
