// Reading the command line into checked values, with mistakes explained in the tool's own words
// (Node's parser speaks of "positional arguments" and "ambiguous" values).
import { parseArgs } from 'node:util';
import { didYouMean } from '../engine/suggest';
import { checkDocsBaseUrl } from '../rules/rule';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE_HINT = 'Run "yardstick --help" for usage.';

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q', default: false },
  config: { type: 'string', short: 'c' },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  'docs-base-url': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-group': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export interface CommandLine {
  values: {
    format: Format;
    maxWarnings?: number;
    quiet: boolean;
    config?: string;
    fix: boolean;
    'fix-dry-run': boolean;
    /** Where the docs/ folder is published, checked: no trailing slash. */
    docsBaseUrl?: string;
    color?: boolean;
    'no-color'?: boolean;
    'no-group': boolean;
    help: boolean;
    version: boolean;
  };
  positionals: string[];
}

export function parseCommandLine(argv: string[]): CommandLine | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    return { error: explainParseError(e, NAMES) };
  }
  const { values, positionals } = parsed;
  if (!(FORMATS as readonly string[]).includes(values.format)) {
    return { error: `unknown format "${values.format}"; use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS[FORMATS.length - 1]}.` };
  }
  let maxWarnings: number | undefined;
  const limit = values['max-warnings'];
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit))
      return { error: `--max-warnings needs a whole number of 0 or more, not ${limit === '' ? 'nothing' : `"${limit}"`}.` };
    maxWarnings = Number(limit);
  }
  if (values.fix && values['fix-dry-run']) return { error: '--fix and --fix-dry-run cannot be used together: choose one.' };
  let docsBaseUrl: string | undefined;
  if (values['docs-base-url'] !== undefined) {
    const checked = checkDocsBaseUrl(values['docs-base-url'], '--docs-base-url');
    if ('problem' in checked) return { error: checked.problem };
    docsBaseUrl = checked.url;
  }
  return { values: { ...values, format: values.format as Format, maxWarnings, docsBaseUrl }, positionals };
}

const NAMES = optionNames(OPTIONS);

/** Every spelling of the options (--name, -n), for did-you-mean. */
export function optionNames(options: Record<string, { type: string; short?: string }>): string[] {
  return Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
}

/** A parseArgs error in the tool's words; `names` are the options the command knows. */
export function explainParseError(error: unknown, names: readonly string[]): string {
  const e = error as Error & { code?: string };
  const option = /'(-[^',\s]+)(?:, (--[^'\s]+))?/.exec(e.message);
  const name = option?.[2] ?? option?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && name) {
    const close = name.startsWith('--')
      ? didYouMean(
          name,
          names.filter((n) => n.startsWith('--')),
        )
      : undefined;
    return `unknown option ${name}${close ? `; did you mean ${close}?` : '.'}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name) {
    if (/does not take an argument/.test(e.message)) return `${name} takes no value.`;
    return `${name} needs a value${name === '--format' ? `: ${FORMATS.join(', ')}` : ''}.`;
  }
  return `the options could not be read (${e.message.split('\n')[0]}).`;
}
