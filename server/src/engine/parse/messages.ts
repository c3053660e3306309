// YS001 messages in the format's own words. The parsers describe what they refuse in terms of
// their API and token names ("please use YAML.parseAllDocuments()", "Object-based map",
// "map-value-ind token"); a framework's author needs to hear what the format expects instead.
// Messages that already speak plainly ("Missing closing "quote") pass through unchanged.

/** The parsers' token names, as the characters or constructs a reader sees. */
const TOKENS: Record<string, string> = {
  'map-value-ind': '":"',
  'seq-item-ind': '"-"',
  'block-seq-ind': '"-"',
  'explicit-key-ind': '"?"',
  'flow-map-start': '"{"',
  'flow-map-end': '"}"',
  'flow-seq-start': '"["',
  'flow-seq-end': '"]"',
  'flow-error-end': 'the end of a [...] or {...} collection',
  comma: '","',
  anchor: 'an anchor (&name)',
  alias: 'an alias (*name)',
  tag: 'a tag (!name)',
  scalar: 'a value',
  'single-quoted-scalar': 'a quoted value',
  'double-quoted-scalar': 'a quoted value',
  'block-scalar': 'a block of text (| or >)',
  'block-scalar-header': 'a block of text (| or >)',
  'block-map': 'a mapping',
  'block-seq': 'a list',
  'flow-collection': 'a [...] or {...} collection',
  'doc-start': '"---"',
  'doc-end': '"..."',
  'directive-line': 'a directive (%YAML or %TAG)',
  directive: 'a directive (%YAML or %TAG)',
  comment: 'a comment',
  'byte-order-mark': 'a byte order mark',
  newline: 'a line break',
  space: 'a space',
};

const INDICATORS = new Set([
  'map-value-ind',
  'seq-item-ind',
  'block-seq-ind',
  'explicit-key-ind',
  'flow-map-start',
  'flow-map-end',
  'flow-seq-start',
  'flow-seq-end',
  'comma',
  'doc-start',
  'doc-end',
]);

function token(type: string, source?: string): string {
  if (source !== undefined && INDICATORS.has(type)) return JSON.stringify(source);
  if (source !== undefined && /scalar$/.test(type)) return `the text ${JSON.stringify(source)}`;
  return TOKENS[type] ?? type.replace(/-/g, ' ');
}

/** A tag as its author wrote it: the verbatim !<tag:yaml.org,2002:set> is !!set. */
function tagAsWritten(verbatim: string): string {
  const core = /^tag:yaml\.org,2002:(.+)$/.exec(verbatim);
  if (core) return `!!${core[1]}`;
  return verbatim.startsWith('!') ? verbatim : `!<${verbatim}>`;
}

const NO_TAGS = (tag: string) =>
  `Framework files do not use YAML tags: remove ${tag} and write the value plainly (text, a number, a date, a list or a mapping).`;

const RULES: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /multiple documents|parseAllDocuments/i,
    () => 'A framework file holds one YAML document; this file has more than one (a second `---`).',
  ],
  [/complex keys/i, () => 'Keys must be plain text; this key is a list or a mapping (a complex key), which a framework file does not use.'],
  [/^Unknown (?:scalar|sequence|mapping) tag !<(.+)>$/i, (tag) => NO_TAGS(tagAsWritten(tag))],
  [/^Unresolved tag: (.+)$/i, (tag) => NO_TAGS(tagAsWritten(tag))],
  [
    /^Cannot resolve a node with !<(.+)> explicit tag$/i,
    (tag) => `The value does not fit its tag ${tagAsWritten(tag)}. ${NO_TAGS('the tag')}`,
  ],
  [/^Duplicated mapping key$/i, () => 'Map keys must be unique'],
  [
    /^Unexpected block-seq-ind on same line with key$/i,
    () => 'A list ("- item") cannot start on the same line as its key; start it on the next line.',
  ],
  [/^Unexpected doc-end without preceding document$/i, () => 'A document end ("...") with no document before it.'],
  [/^Missing directives-end(?:\/doc-start)? indicator line$/i, () => 'A directive (%YAML or %TAG) must be followed by a "---" line.'],
  [
    /^Block collection cannot start on same line with directives-end marker$/i,
    () => 'A mapping or list cannot start on the same line as "---"; start it on the next line.',
  ],
  [
    /^Unexpected ([a-z-]+) token in YAML (?:stream|document)(?:: (.*))?$/i,
    (type, source) => `${capital(token(type, source === undefined ? undefined : unquote(source)))} is not expected here.`,
  ],
  [/^Unexpected ([a-z-]+) at node end$/i, (type) => `${capital(token(type))} cannot follow a complete value here.`],
  [/^Unexpected ([a-z-]+) token$/i, (type) => `${capital(token(type))} is not expected here.`],
  [
    /^Unexpected token in block scalar header: ([a-z-]+)$/i,
    (type) => `${capital(token(type))} cannot follow "|" or ">": a block of text starts on the next line.`,
  ],
  [/^Incomplete mapping pair in event stream$/i, () => 'A mapping entry has a key and no value, or a value and no key.'],
  [/^Aliases exceeded maxAliases \((\d+)\)$/i, (n) => `More than ${n} aliases (*name); a framework file does not need so many.`],
];

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

function unquote(source: string): string {
  try {
    const parsed: unknown = JSON.parse(source);
    return typeof parsed === 'string' ? parsed : source;
  } catch {
    return source;
  }
}

/** A parser's message, said as the format's rule; unknown messages are returned as they are. */
export function plainSyntaxMessage(message: string): string {
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(...m.slice(1));
  }
  return message;
}
