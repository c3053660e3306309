// Which YAML files are framework files by content: docs/format.md says a YAML file whose first key
// is `yardstick:` is one. VS Code's `firstLine` only applies to files no extension claims (and
// only to the very first line), so the client also checks `.yaml` files as they open.

/** How much of a file is looked at: leading comments are short; a first key after that is not. */
const LOOK_AT = 8192;

/** True when the first key of the YAML text (after blank lines, comments, directives and `---`) is `yardstick`. */
export function startsWithYardstickKey(text: string): boolean {
  const head = text.slice(0, LOOK_AT).replace(/^\uFEFF/, '');
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (/^\s*(#.*)?$/.test(line) || line.startsWith('%') || /^---\s*(#.*)?$/.test(line)) continue;
    return /^(yardstick|"yardstick"|'yardstick')\s*:(\s|$)/.test(line);
  }
  return false;
}
