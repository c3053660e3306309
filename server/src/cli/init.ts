// `yardstick init`: writes a new framework file from one of the templates (templates/), the same
// ones "Yardstick: New Framework" offers in the editor.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FRAMEWORK_ID, frameworkTemplates, instantiateTemplate, templateById, templateFrameworkId } from '../../../templates';
import { explainParseError, optionNames } from './arguments';
import type { CliIO } from './main';

export const INIT_HELP = `Usage: yardstick init [--template <name>] [--id <framework-id>] [<folder>]

Writes <folder>/<framework-id>.framework.yaml (folder: the current one) from a template.
Each template passes "yardstick check" with no problem.

Options:
  -t, --template <name>   ${frameworkTemplates.map((t) => t.id).join(', ')} (default: blank)
      --id <framework-id> the framework's id, also the file name (default: the template's)
  -h, --help              show this help

Templates:
${frameworkTemplates.map((t) => `  ${t.id.padEnd(8)}${t.label}: ${t.description}`).join('\n')}
`;

const INIT_OPTIONS = {
  template: { type: 'string', short: 't', default: 'blank' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function runInit(argv: string[], io: CliIO): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: INIT_OPTIONS });
  } catch (e) {
    io.stderr(`yardstick init: ${explainParseError(e, optionNames(INIT_OPTIONS))}\nRun "yardstick init --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr('yardstick init: name one folder at most.\n');
    return 2;
  }
  const template = templateById(values.template!);
  if (!template) {
    io.stderr(`yardstick init: unknown template "${values.template}"; use ${frameworkTemplates.map((t) => t.id).join(', ')}.\n`);
    return 2;
  }
  const id = values.id ?? templateFrameworkId(template);
  if (!FRAMEWORK_ID.test(id)) {
    io.stderr(
      `yardstick init: "${id}" is not a valid framework id; use lower-case letters and digits separated by single hyphens, e.g. "health-2026".\n`,
    );
    return 2;
  }
  const folder = resolve(io.cwd, positionals[0] ?? '.');
  const file = join(folder, `${id}.framework.yaml`);
  const shown = relative(io.cwd, file) || file;
  if (existsSync(file)) {
    io.stderr(`yardstick init: ${shown} already exists; choose another --id or folder.\n`);
    return 2;
  }
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, instantiateTemplate(template, id), { flag: 'wx' });
  } catch (e) {
    io.stderr(`yardstick init: cannot write ${shown}: ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout(`Wrote ${shown} (${template.label}). Check it with: yardstick check ${shown}\n`);
  return 0;
}
