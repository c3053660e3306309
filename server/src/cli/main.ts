#!/usr/bin/env node
// `yardstick check`: the command-line door to the engine, for CI and pre-commit.
// Exit codes: 0 nothing fails; 1 findings fail (errors, or more warnings than --max-warnings);
// 2 usage errors, files that could not be read or fixed (the others are still checked);
// 130 interrupted.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import pkg from '../../../package.json';
import { checkFiles, ConfigLookup, type CheckOptions, type FixMode } from './check-files';
import { parseCommandLine, USAGE_HINT } from './arguments';
import { formatFixDiff, fixSummary } from './format-fixes';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import { runInit } from './init';
import { runRules } from './rules-command';
import { counts, type FileResult } from './result';
import type { LoadedConfig } from '../node/config-file';
import { expandArguments } from '../node/files';
import { reasonFor } from '../node/write-file';

export const HELP = `Usage: yardstick check [options] <files | directories | globs...>

Checks government performance framework files (*.framework.yaml) for structure errors and
the known defects of performance management. Directories are searched for
*.framework.yaml and *.framework.yml.

Options:
  -f, --format <name>     stylish (default), json, sarif or github (workflow annotations)
      --max-warnings <n>  exit 1 when there are more than n warnings (default: no limit)
  -q, --quiet             report errors only (warnings still count for --max-warnings)
  -c, --config <file>     use this configuration instead of the nearest .yardstick.yaml
      --fix               apply the safe fixes in place, then report what is left
      --fix-dry-run       show the safe fixes as a diff (json: "output"), change nothing
      --docs-base-url <url>  where the docs/ folder is published (http or https): SARIF
                          links each rule to <url>/rules/YS101.md; without it, no links
      --no-color          plain text output
      --no-group          stylish: a line per finding (by default the findings of one
                          rule and cause on many objects of a file share one line)
  -h, --help              show this help
  -v, --version           show the version

Other commands:
  yardstick rules         list the rules with their ids, names and default severities
  yardstick rules <rule>  print a rule's documentation page (by id, YS101, or name)
  yardstick init          write a new framework file from a UK, US or blank template

Exit codes: 0 no failing findings, 1 failing findings, 2 usage error or a file that
could not be read or fixed, 130 interrupted.
`;

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  /** True once the user asked the run to stop (Ctrl-C); checked between files when fixing. */
  interrupted?: () => boolean;
}

export const INTERRUPTED = 130;

export async function run(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'init') return runInit(argv.slice(1), io);
  const parsed = parseCommandLine(argv);
  if ('error' in parsed) {
    io.stderr(`yardstick: ${parsed.error}\n${USAGE_HINT}\n`);
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
  if (command === 'rules') return runRules(targets, io);
  if (command !== 'check') {
    io.stderr(command ? `yardstick: unknown command "${command}".\n${USAGE_HINT}\n` : HELP);
    return 2;
  }
  if (targets.length === 0) {
    io.stderr(`yardstick: name the files, directories or globs to check, e.g. "yardstick check samples/".\n`);
    return 2;
  }
  const { format, maxWarnings, quiet } = values;
  const fix: FixMode = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : 'off';
  const configPath = values.config === undefined ? undefined : resolve(io.cwd, values.config);
  if (configPath) {
    try {
      readFileSync(configPath);
    } catch (e) {
      io.stderr(`yardstick: cannot read the configuration ${values.config}: ${reasonFor(e).reason}.\n`);
      return 2;
    }
  }

  let failed = 0;
  const fail = (message: string) => {
    io.stderr(`yardstick: ${message}\n`);
    failed++;
  };
  const { files, problems } = expandArguments(targets, io.cwd);
  for (const p of problems) fail(`cannot check ${display(p.path, io.cwd)}: ${p.reason}.`);

  const opts: CheckOptions = { fix, configPath, stopRequested: io.interrupted };
  const configs = new ConfigLookup(opts);
  const { outcomes, stopped } = await checkFiles(files, opts, configs);
  if (stopped) {
    io.stderr(`yardstick: interrupted${fix === 'write' ? '; each file is either fixed completely or untouched' : ''}.\n`);
    return INTERRUPTED;
  }
  const results: FileResult[] = [];
  const configResults: FileResult[] = [];
  const reportedConfigs = new Set<string>();
  for (const o of outcomes) {
    const shown = display(o.file, io.cwd);
    if (o.readError) {
      fail(`cannot read ${shown}: ${o.readError}.`);
      continue;
    }
    if (o.fixFailure) fail(`not fixed: ${shown}: ${o.fixFailure}. The file is unchanged.`);
    if (o.configFile && !reportedConfigs.has(o.configFile)) {
      reportedConfigs.add(o.configFile);
      const loaded = configs.load(o.configFile);
      if (loaded.readError) fail(`cannot read the configuration ${display(o.configFile, io.cwd)}: ${loaded.readError}.`);
      else if (loaded.problems.length) configResults.push(configProblemsResult(o.configFile, loaded, io.cwd));
    }
    const result: FileResult = { path: shown, absolutePath: o.file, findings: o.findings };
    if (o.fix) {
      result.fixed = [...o.fix.rules].map(([ruleId, count]) => ({ ruleId, count }));
      if (fix === 'dry-run') result.output = o.fix.after;
      io.stderr(fixSummary(shown, o.fix, fix === 'dry-run') + '\n');
    }
    results.push(result);
  }
  const all = [...configResults, ...results];
  // --quiet hides warnings from the report; they still count towards --max-warnings.
  const shown = quiet ? all.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === 'error') })) : all;

  const color = values['no-color'] ? false : (values.color ?? (io.isTTY && !process.env.NO_COLOR));
  if (format === 'json') io.stdout(formatJson(shown));
  else if (format === 'sarif') io.stdout(formatSarif(shown, pkg.version, io.cwd, values.docsBaseUrl));
  else if (format === 'github') io.stdout(formatGithub(shown));
  else {
    if (fix === 'dry-run') for (const o of outcomes) if (o.fix) io.stdout(formatFixDiff(display(o.file, io.cwd), o.fix));
    io.stdout(formatStylish(shown, color, failed, { group: !values['no-group'] }));
  }

  const { errors, warnings } = counts(all);
  if (failed) return 2;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`yardstick: ${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${maxWarnings}.\n`);
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
  const rel = relative(cwd, resolve(cwd, file));
  return rel && !rel.startsWith('..') ? rel : file;
}

/**
 * Writes to a stream that may be closed under us (`yardstick check dir | head -1`): once the
 * reader is gone, the rest of the output is dropped and the run ends normally, without a trace.
 */
function pipeWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

if (require.main === module) {
  // No V8 heap flags here: the young generation's size is fixed when the process starts, and
  // v8.setFlagsFromString('--max-semi-space-size=…') at this point changes nothing (same scavenges).
  // Ctrl-C: finish the file in hand, then stop. The default would kill a fix between writing
  // its temporary file and renaming it, leaving the temporary behind. A second Ctrl-C exits now.
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++interrupts > 1) process.exit(128 + (signal === 'SIGTERM' ? 15 : 2));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const stderr = pipeWriter(process.stderr);
  run(process.argv.slice(2), {
    stdout: pipeWriter(process.stdout),
    stderr,
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    interrupted: () => interrupts > 0,
  }).then(
    (code) => {
      process.exitCode = interrupts ? INTERRUPTED : code;
    },
    (e) => {
      stderr(`yardstick: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
