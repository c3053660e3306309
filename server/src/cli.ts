#!/usr/bin/env node
// `yardstick check`: the command-line door to the engine, for CI and pre-commit.
// Exit codes: 0 nothing fails; 1 findings fail (errors, or more warnings than --max-warnings);
// 2 usage errors or files that could not be read (the others are still checked).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import pkg from '../../package.json';
import { analyzeDocument } from './engine/analyze';
import type { ResolvedConfig } from './engine/config';
import { fixAll } from './engine/fix';
import { buildModel, type FrameworkModel } from './engine/model';
import { parse } from './engine/parse';
import { collectReferences, indexEntry, splitReference, type WorkspaceIndex } from './engine/resolve';
import { allRules } from './rules';
import { formatJson } from './cli/format-json';
import { formatSarif } from './cli/format-sarif';
import { formatStylish } from './cli/format-stylish';
import { counts, type FileResult } from './cli/result';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './node/config-file';
import { expandArguments } from './node/files';

const HELP = `Usage: yardstick check [options] <files | directories | globs...>

Checks government performance framework files (*.framework.yaml) for structure errors and
the known defects of performance management. Directories are searched for
*.framework.yaml and *.framework.yml.

Options:
  -f, --format <name>     stylish (default), json or sarif
      --max-warnings <n>  exit 1 when there are more than n warnings (default: no limit)
  -q, --quiet             report errors only
  -c, --config <file>     use this configuration instead of the nearest .yardstick.yaml
      --fix               apply the safe fixes in place, then report what is left
      --no-color          plain text output
  -h, --help              show this help
  -v, --version           show the version

Other commands:
  yardstick rules         list the rules with their ids, names and default severities

Exit codes: 0 no failing findings, 1 failing findings, 2 usage error or unreadable file.
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
}

export function run(argv: string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    io.stderr(`yardstick: ${(e as Error).message}\nRun "yardstick --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command === 'rules') {
    for (const r of allRules) io.stdout(`${r.meta.id}  ${r.meta.name.padEnd(28)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
    return 0;
  }
  if (command !== 'check') {
    io.stderr(command ? `yardstick: unknown command "${command}".\n` : HELP);
    if (command) io.stderr('Run "yardstick --help" for usage.\n');
    return 2;
  }
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) {
    io.stderr(`yardstick: unknown format "${format}"; use stylish, json or sarif.\n`);
    return 2;
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.stderr(`yardstick: --max-warnings needs a whole number ≥ 0, not "${values['max-warnings']}".\n`);
      return 2;
    }
  }
  if (targets.length === 0) {
    io.stderr('yardstick: name the files, directories or globs to check, e.g. "yardstick check samples/".\n');
    return 2;
  }

  let usageFailed = false;
  const { files, missing } = expandArguments(targets, io.cwd);
  for (const m of missing) {
    io.stderr(`yardstick: no such file, directory or matching file: ${m}\n`);
    usageFailed = true;
  }

  // Configuration: --config for every file, else the nearest .yardstick.yaml per folder.
  const configs = new Map<string, LoadedConfig>();
  const reportedConfigs = new Set<string>();
  const configResults: FileResult[] = [];
  const configFileOfDir = new Map<string, string | undefined>(); // files share folders: look up once
  const configFor = (file: string): ResolvedConfig | undefined => {
    const dir = dirname(file);
    if (!values.config && !configFileOfDir.has(dir)) configFileOfDir.set(dir, findConfigFile(dir, io.cwd));
    const configFile = values.config ?? configFileOfDir.get(dir);
    if (!configFile) return undefined;
    let loaded = configs.get(configFile);
    if (!loaded) {
      loaded = loadConfigFile(configFile);
      configs.set(configFile, loaded);
    }
    if (loaded.problems.length && !reportedConfigs.has(configFile)) {
      reportedConfigs.add(configFile);
      configResults.push({
        path: display(configFile, io.cwd),
        absolutePath: configFile,
        findings: loaded.problems.map((p) => ({
          code: 'config',
          name: 'configuration',
          severity: 'error',
          message: p.message,
          start: p.start,
          end: p.end,
          range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
        })),
      });
    }
    return loaded.config;
  };

  // One pass: check each file as it is read, and index its ids. Only files that refer to
  // another framework (framework-id#object-id) keep their model, to be checked again once
  // every file is indexed; the rest are let go at once (holding 1,000 models costs GC time).
  const workspace: WorkspaceIndex = { frameworks: new Map() };
  const results: FileResult[] = [];
  const crossFile: Array<{ result: FileResult; model: FrameworkModel; config?: ResolvedConfig }> = [];
  const keep = (findings: FileResult['findings']) => (values.quiet ? findings.filter((f) => f.severity === 'error') : findings);
  for (const file of files) {
    let text: string;
    let encoding: ReturnType<typeof decode>['encoding'];
    try {
      ({ text, encoding } = decode(readFileSync(file)));
    } catch (e) {
      io.stderr(`yardstick: cannot read ${display(file, io.cwd)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      usageFailed = true;
      continue;
    }
    const config = configFor(file);
    if (values.fix) {
      const fixed = fixAll(text, { config });
      if (fixed.fixed > 0) {
        writeFileSync(file, encode(fixed.text, encoding));
        text = fixed.text;
      }
    }
    const model = buildModel(parse(text));
    if (model.frameworkId && !workspace.frameworks.has(model.frameworkId)) workspace.frameworks.set(model.frameworkId, indexEntry(model, file));
    const result: FileResult = { path: display(file, io.cwd), absolutePath: file, findings: [] };
    results.push(result);
    if (refersToOtherFrameworks(model)) crossFile.push({ result, model, config });
    else result.findings = keep(analyzeDocument(model.doc, { config }, model).findings);
  }
  for (const { result, model, config } of crossFile) result.findings = keep(analyzeDocument(model.doc, { config, workspace }, model).findings);
  const all = [...configResults, ...results];

  const color = values['no-color'] ? false : values.color ?? (io.isTTY && !process.env.NO_COLOR);
  if (format === 'json') io.stdout(formatJson(all));
  else if (format === 'sarif') io.stdout(formatSarif(all, pkg.version));
  else io.stdout(formatStylish(all, color));

  const { errors, warnings } = counts(all);
  if (usageFailed) return 2;
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    if (format === 'stylish') io.stderr(`yardstick: ${warnings} warnings found; --max-warnings allows ${maxWarnings}.\n`);
    return 1;
  }
  return 0;
}

/** Reads a file as text: UTF-8 (BOM dropped), or UTF-16 with a BOM. */
export function readText(file: string): string {
  return decode(readFileSync(file)).text;
}

export function decode(bytes: Buffer): { text: string; encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be' };
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'utf8-bom' } : { text, encoding: 'utf8' };
}

/** Writes text back in the encoding it was read in, so --fix never changes more than its edits. */
function encode(text: string, encoding: ReturnType<typeof decode>['encoding']): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf8-bom') return Buffer.from('\ufeff' + text, 'utf8');
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  if (encoding === 'utf16be') le.swap16();
  return le;
}

function refersToOtherFrameworks(model: FrameworkModel): boolean {
  return collectReferences(model).some((r) => {
    const { framework } = splitReference(r.text);
    return framework !== undefined && framework !== model.frameworkId;
  });
}

function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

if (require.main === module) {
  // A bigger young generation: checking many files allocates many short-lived objects, and
  // the default size spends about a tenth of the run in scavenges (measured with bench/).
  setFlagsFromString('--max-semi-space-size=32');
  const code = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
  });
  process.exitCode = code;
}
