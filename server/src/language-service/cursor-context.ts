// Where the cursor is in YAML text (for completion in framework and config files), worked out
// from the indentation so that it also works on half-typed (invalid) YAML: the value path of the
// map being typed into, the key being typed or the key whose value is being typed, and the keys
// already present.
import { nodePathAt, type YNode } from '../engine/parse';
import type { LineIndex } from '../engine/text';
import type { Path } from '../engine/types';

interface Token {
  kind: 'dash' | 'key' | 'text';
  col: number;
  name?: string;
  hasValue?: boolean;
}

interface LineInfo {
  blank: boolean;
  tokens: Token[];
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{}[\],&*!|>%@`][^#]*?)[ \t]*:(?=[ \t]|$)/;

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1])) quote = ch;
    } else if (ch === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return line.slice(0, i);
    }
  }
  return line;
}

export function lineInfo(raw: string): LineInfo {
  const line = stripComment(raw).replace(/\s+$/, '');
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  if (i >= line.length || line.startsWith('---') || line.startsWith('...')) return { blank: true, tokens };
  for (;;) {
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      tokens.push({ kind: 'dash', col: i });
      i++;
      while (i < line.length && line[i] === ' ') i++;
      if (i >= line.length) break;
      continue;
    }
    const m = KEY.exec(line.slice(i));
    if (m) {
      const name = m[1].replace(/^["']|["']$/g, '');
      tokens.push({ kind: 'key', col: i, name, hasValue: line.slice(i + m[0].length).trim().length > 0 });
    } else {
      tokens.push({ kind: 'text', col: i });
    }
    break;
  }
  return { blank: tokens.length === 0, tokens };
}

export interface CursorContext {
  /** 'key': typing a key of the map at `path`; 'value': typing the value at `path`. */
  kind: 'key' | 'value';
  path: Path;
  /** What has been typed so far at the cursor (a key or value prefix). */
  prefix: string;
  /** Offset where the typed prefix begins (for the completion's replace range). */
  prefixStart: number;
  /** Column where a new key would start (indentation for snippets). */
  column: number;
  /** Keys already present in the map (key completion). */
  present: Set<string>;
  /** Inside a flow collection ({...} or [...]). */
  flow: boolean;
  /** The key is typed right after a sequence dash (it may be a scalar item instead). */
  afterDash?: boolean;
}

export class YamlLines {
  // Lines are tokenised on demand: completion looks at a few lines around the cursor, and
  // tokenising all of a 200,000-line file per request cost hundreds of milliseconds.
  private readonly infos = new Map<number, LineInfo>();

  /** `root`: the parsed tree when the text parsed without errors; it answers paths at once. */
  constructor(
    private readonly lines: LineIndex,
    private readonly root: YNode | null = null,
  ) {}

  get lineCount(): number {
    return this.lines.lineCount;
  }

  info(line: number): LineInfo {
    if (line < 0 || line >= this.lines.lineCount) return { blank: true, tokens: [] };
    let info = this.infos.get(line);
    if (!info) this.infos.set(line, (info = lineInfo(this.lines.lineText(line))));
    return info;
  }

  /** The path of the collection that holds token `idx` of line `ln`. */
  ownerOf(ln: number, idx: number, tokens: Token[] = this.info(ln).tokens, depth = 0): Path {
    if (depth > 200) return [];
    const tok = tokens[idx];
    if (this.root && tok.kind === 'key' && tok.name !== undefined) {
      // Valid YAML: the tree knows the path of the key on this line without scanning upwards.
      const hit = nodePathAt(this.root, this.lines.offset({ line: ln, character: tok.col }));
      if (hit?.isKey && hit.path[hit.path.length - 1] === tok.name) return hit.path.slice(0, -1);
    }
    if (idx > 0 && tokens[idx - 1].kind === 'dash') {
      return [...this.ownerOf(ln, idx - 1, tokens, depth + 1), this.itemIndex(ln, tokens[idx - 1].col)];
    }
    for (let m = ln - 1; m >= 0; m--) {
      const info = this.info(m);
      if (info.blank) continue;
      let cand = -1;
      for (let j = info.tokens.length - 1; j >= 0; j--) {
        const t = info.tokens[j];
        if (t.kind === 'text') continue;
        if (t.col < tok.col || (tok.kind === 'dash' && t.kind === 'key' && t.col === tok.col && !t.hasValue)) {
          cand = j;
          break;
        }
      }
      if (cand < 0) continue;
      const t = info.tokens[cand];
      if (t.kind === 'key') return [...this.ownerOf(m, cand, info.tokens, depth + 1), t.name!];
      return [...this.ownerOf(m, cand, info.tokens, depth + 1), this.itemIndex(m, t.col)];
    }
    return [];
  }

  /** Index of the sequence item whose dash is at column `col` on line `ln`. */
  itemIndex(ln: number, col: number): number {
    let index = 0;
    for (let m = ln - 1; m >= 0; m--) {
      const info = this.info(m);
      if (info.blank) continue;
      const first = info.tokens[0];
      if (first.col < col || (first.col === col && first.kind === 'key')) break;
      if (info.tokens.some((t) => t.kind === 'dash' && t.col === col)) index++;
    }
    return index;
  }

  /** Keys at column `col` in the block map that line `ln` belongs to. */
  siblingKeys(ln: number, col: number): Set<string> {
    const keys = new Set<string>();
    const take = (info: LineInfo) => {
      for (const t of info.tokens) if (t.kind === 'key' && t.col === col) keys.add(t.name!);
    };
    for (let m = ln - 1; m >= 0; m--) {
      const info = this.info(m);
      if (info.blank) continue;
      const minCol = info.tokens[0].col;
      if (minCol < col) {
        // The first key of this item sits on the dash's line.
        if (info.tokens.some((t) => t.kind === 'dash' && t.col < col)) take(info);
        break;
      }
      take(info);
    }
    for (let m = ln + 1; m < this.lineCount; m++) {
      const info = this.info(m);
      if (info.blank) continue;
      if (info.tokens[0].col < col) break;
      take(info);
    }
    return keys;
  }
}

/** Works out the cursor's context, or undefined where nothing sensible can be offered. */
// One tokeniser per text version (LineIndex is per analysis), so repeated requests reuse it.
const yamlLinesCache = new WeakMap<LineIndex, YamlLines>();

function yamlLinesOf(lines: LineIndex, root: YNode | null): YamlLines {
  let yl = yamlLinesCache.get(lines);
  if (!yl) yamlLinesCache.set(lines, (yl = new YamlLines(lines, root)));
  return yl;
}

export function cursorContext(lines: LineIndex, offset: number, root: YNode | null = null): CursorContext | undefined {
  const pos = lines.position(offset);
  const full = lines.lineText(pos.line);
  const before = full.slice(0, pos.character);
  if (/(^|\s)#/.test(stripQuoted(before))) return undefined; // in a comment
  const yl = yamlLinesOf(lines, root);

  // Key position: indentation, optional dashes, then a partial key.
  // A framework prefix (`- other-fw#`) is part of the word: a reference being typed.
  const keyMatch = /^(\s*)((?:-\s+)*)([A-Za-z0-9_$-]*(?:#[A-Za-z0-9_-]*)?)$/.exec(before);
  if (keyMatch) {
    const word = keyMatch[3];
    const column = before.length - word.length;
    const tokens = lineInfo(before.slice(0, column)).tokens.filter((t) => t.kind === 'dash');
    const virtual: Token = { kind: 'key', col: column, name: word };
    tokens.push(virtual);
    const path = yl.ownerOf(pos.line, tokens.length - 1, tokens);
    const present = yl.siblingKeys(pos.line, column);
    present.delete(word);
    // A bare "- word" under a list of scalars is a value: completion decides by the schema.
    return {
      kind: 'key',
      path,
      prefix: word,
      prefixStart: offset - word.length,
      column,
      present,
      flow: false,
      afterDash: tokens.length > 1,
    };
  }

  // A flow mapping as a list item: "- { value: 98, date: |".
  const itemMap = /^(\s*)((?:-\s+)+)(\{.*)$/.exec(before);
  if (itemMap) {
    const col = itemMap[1].length + itemMap[2].length;
    const tokens = lineInfo(before.slice(0, col)).tokens.filter((t) => t.kind === 'dash');
    tokens.push({ kind: 'key', col, name: '' });
    const owner = yl.ownerOf(pos.line, tokens.length - 1, tokens);
    const flow = flowContext(itemMap[3]);
    if (flow)
      return {
        ...flow,
        path: [...owner, ...flow.path],
        prefixStart: offset - flow.prefix.length,
        column: col,
        present: flow.present,
        flow: true,
      };
  }

  // Value position: "key: partial" (block), possibly inside a flow collection.
  const valueMatch = /^(\s*)((?:-\s+)*)("[^"]*"|'[^']*'|[^\s#'"{}[\],:][^:#]*?)[ \t]*:[ \t]+(.*)$/.exec(before);
  if (valueMatch) {
    const keyCol = valueMatch[1].length + valueMatch[2].length;
    const tokens = lineInfo(before.slice(0, keyCol)).tokens.filter((t) => t.kind === 'dash');
    const keyName = valueMatch[3].replace(/^["']|["']$/g, '');
    tokens.push({ kind: 'key', col: keyCol, name: keyName, hasValue: true });
    const path: Path = [...yl.ownerOf(pos.line, tokens.length - 1, tokens), keyName];
    const rest = valueMatch[4];
    const flow = flowContext(rest);
    if (flow) {
      return {
        ...flow,
        path: [...path, ...flow.path],
        prefixStart: offset - flow.prefix.length,
        column: keyCol,
        present: flow.present,
        flow: true,
      };
    }
    const prefix = rest.replace(/^["']/, '');
    return { kind: 'value', path, prefix, prefixStart: offset - prefix.length, column: keyCol, present: new Set(), flow: false };
  }
  return undefined;
}

function stripQuoted(s: string): string {
  return s.replace(/"[^"]*"|'[^']*'/g, '""');
}

/** Inside `[a, b, |` or `{ k: v, |`: the nested path and prefix (one level of nesting). */
function flowContext(rest: string): { kind: 'key' | 'value'; path: Path; prefix: string; present: Set<string> } | undefined {
  const opener = rest[0];
  if (opener !== '[' && opener !== '{') return undefined;
  let depth = 0;
  for (const ch of rest) {
    if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
  }
  if (depth !== 1) return undefined; // closed already, or nested deeper than we follow
  const inner = rest.slice(1);
  const parts = inner.split(',');
  const last = parts[parts.length - 1].replace(/^\s+/, '');
  if (opener === '[') return { kind: 'value', path: [parts.length - 1], prefix: last.replace(/^["']/, ''), present: new Set() };
  const present = new Set(
    parts
      .slice(0, -1)
      .map((p) => p.split(':')[0].trim())
      .filter(Boolean),
  );
  const colon = last.indexOf(':');
  if (colon < 0) return { kind: 'key', path: [], prefix: last, present };
  const key = last.slice(0, colon).trim();
  return {
    kind: 'value',
    path: [key],
    prefix: last
      .slice(colon + 1)
      .replace(/^\s+/, '')
      .replace(/^["']/, ''),
    present,
  };
}
