#!/usr/bin/env node
// `yardstick check`: the command-line door to the engine, for CI and pre-commit.
// Exit codes: 0 nothing fails; 1 findings fail (errors, or more warnings than --max-warnings);
// 2 usage errors or files that could not be read (the others are still checked).
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import pkg from '../../../package.json';
import { allRules } from '../rules';
import { checkFiles, ConfigLookup, finishPending, type CheckOptions } from './check-files';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import { runInit } from './init';
import { counts, type FileResult } from './result';
import type { LoadedConfig } from '../node/config-file';
import { expandArguments } from '../node/files';

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
  yardstick init          write a new framework file from a UK, US or blank template

Exit codes: 0 no failing findings, 1 failing findings, 2 usage error or unreadable file.
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
}

export function run(argv: string[], io: CliIO): number {
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
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

  const opts: CheckOptions = { fix: !!values.fix, quiet: !!values.quiet, configPath: values.config, cwd: io.cwd };
  const configs = new ConfigLookup(opts);
  // Phase 1 checks every file and indexes its ids; phase 2 checks the files that refer to other
  // frameworks against the finished index (their models are kept from phase 1, not re-parsed).
  const { outcomes, workspace, pending } = checkFiles(files, opts, configs);
  const crossFindings = finishPending(pending, opts, configs, workspace);
  const results: FileResult[] = [];
  const configResults: FileResult[] = [];
  const reportedConfigs = new Set<string>();
  for (const o of outcomes) {
    if (o.readError) {
      io.stderr(`yardstick: cannot read ${display(o.file, io.cwd)}: ${o.readError}\n`);
      usageFailed = true;
      continue;
    }
    if (o.configFile && !reportedConfigs.has(o.configFile)) {
      reportedConfigs.add(o.configFile);
      const loaded = configs.load(o.configFile);
      if (loaded.problems.length) configResults.push(configProblemsResult(o.configFile, loaded, io.cwd));
    }
    const findings = o.crossFile ? crossFindings.get(o.file) ?? [] : o.findings;
    results.push({ path: display(o.file, io.cwd), absolutePath: o.file, findings });
  }
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

function configProblemsResult(configFile: string, loaded: LoadedConfig, cwd: string): FileResult {
  return {
    path: display(configFile, cwd),
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
  };
}

function display(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

if (require.main === module) {
  // A bigger young generation: checking many files allocates many short-lived objects, and
  // the default size spends about a tenth of the run in scavenges (measured with bench/).
  setFlagsFromString('--max-semi-space-size=32');
  try {
    process.exitCode = run(process.argv.slice(2), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
      isTTY: !!process.stdout.isTTY,
    });
  } catch (e) {
    process.stderr.write(`yardstick: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  }
}
