// How VS Code applies a workspace edit to an open document, modelled on its own source (Code
// 1.100, as shipped in code-server 4.100; the same code is in microsoft/vscode main):
//
// - Opening a file (src/vs/editor/common/model/pieceTreeTextBuffer/pieceTreeTextBufferBuilder.ts):
//   the BOM is kept apart from the text, and mixed or lone-CR line breaks are normalised to one
//   EOL: `\r\n` when more than half the breaks hold a CR, else `\n` (the language server only
//   ever sees that text).
// - A workspace edit (src/vs/workbench/contrib/bulkEdit/browser/bulkTextEdits.ts): in an open
//   editor, if any edit of a document is a snippet, all its edits go through
//   SnippetController2.apply (plain ones escaped with SnippetParser.escape); with no editor, each
//   snippet becomes SnippetParser.asInsertText(snippet) and nothing is adjusted.
// - SnippetSession.createEditsAndSnippetsFromEdits (src/vs/editor/contrib/snippet/browser/
//   snippetSession.ts): edits sorted by start; the text between two edits is appended to one
//   snippet as a Text marker; each template is parsed with parseFragment (which returns the new
//   top-level markers, and merges a leading Text into the previous Text marker) and adjusted with
//   SnippetSession.adjustWhitespace(model, range start, true, snippet, new Set(newNodes)):
//
//     static adjustWhitespace(model, position, adjustIndentation, snippet, filter?) {
//       const line = model.getLineContent(position.lineNumber);
//       const lineLeadingWhitespace = getLeadingWhitespace(line, 0, position.column - 1);
//       snippet.walk(marker => {
//         if (!(marker instanceof Text) || marker.parent instanceof Choice) return true;
//         if (filter && !filter.has(marker)) return true;
//         const lines = marker.value.split(/\r\n|\r|\n/);
//         if (adjustIndentation) {
//           const offset = snippet.offset(marker);
//           if (offset === 0) lines[0] = model.normalizeIndentation(lines[0]);
//           else {
//             snippetTextString = snippetTextString ?? snippet.toString();
//             const prevChar = snippetTextString.charCodeAt(offset - 1);
//             if (prevChar === CharCode.LineFeed || prevChar === CharCode.CarriageReturn)
//               lines[0] = model.normalizeIndentation(lineLeadingWhitespace + lines[0]);
//           }
//           for (let i = 1; i < lines.length; i++) lines[i] = model.normalizeIndentation(lineLeadingWhitespace + lines[i]);
//         }
//         const newValue = lines.join(model.getEOL());
//         if (newValue !== marker.value) { marker.parent.replace(marker, [new Text(newValue)]); snippetTextString = undefined; }
//         return true;
//       });
//     }
//
// - TextModel.normalizeIndentation(str) is normalizeIndentation(str, indentSize, insertSpaces)
//   (src/vs/editor/common/core/misc/indentation.ts): the leading spaces and tabs are measured
//   (a tab to the next multiple of indentSize) and rewritten as spaces, or as tabs then spaces.
//
// The snippet grammar modelled is what Yardstick sends: text with `\` escapes, `$n`, `${n}`,
// `${n:default}` (nested) and `${n|a,b|}`; variables throw, so a snippet outside it fails loudly.

export interface EditorOptions {
  /** VS Code's defaults for YAML: insertSpaces true, tabSize (indentSize) 2. */
  insertSpaces: boolean;
  indentSize: number;
}

export const YAML_DEFAULTS: EditorOptions = { insertSpaces: true, indentSize: 2 };

/** An LSP text edit or snippet text edit, as the server sends them. */
export interface LspEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText?: string;
  snippet?: { kind: 'snippet'; value: string };
}

// ---------------------------------------------------------------------------------------------
// Opening a document

/** The text of the model VS Code builds from a file's text: no BOM, one kind of line break. */
export function openInVsCode(fileText: string, defaultEol: '\n' | '\r\n' = '\n'): string {
  const text = fileText.charCodeAt(0) === 0xfeff ? fileText.slice(1) : fileText;
  const eol = modelEol(text, defaultEol);
  return text.replace(/\r\n|\r|\n/g, eol);
}

/** PieceTreeTextBufferFactory._getEOL. */
function modelEol(text: string, defaultEol: '\n' | '\r\n'): '\n' | '\r\n' {
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const total = cr + lf + crlf;
  if (total === 0) return defaultEol;
  return cr + crlf > total / 2 ? '\r\n' : '\n';
}

// ---------------------------------------------------------------------------------------------
// Snippet markers (a model of snippetParser.ts's Text, Placeholder, Choice, TextmateSnippet)

class Text {
  parent!: Parent | Choice;
  constructor(public value: string) {}
  toString(): string {
    return this.value;
  }
  clone(): Text {
    return new Text(this.value);
  }
}

class Choice {
  parent!: Parent;
  constructor(readonly options: Text[]) {
    for (const o of options) o.parent = this;
  }
  toString(): string {
    return this.options[0]?.value ?? '';
  }
  clone(): Choice {
    return new Choice(this.options.map((o) => o.clone()));
  }
}

type Marker = Text | Choice | Placeholder;

class Parent {
  children: Marker[] = [];
  /** Marker.appendChild: a Text after a Text is merged into it. */
  appendChild(child: Marker): void {
    const last = this.children[this.children.length - 1];
    if (child instanceof Text && last instanceof Text) last.value += child.value;
    else {
      child.parent = this;
      this.children.push(child);
    }
  }
  replace(child: Marker, others: Marker[]): void {
    const i = this.children.indexOf(child);
    this.children.splice(i, 1, ...others);
    for (const o of others) o.parent = this;
  }
  toString(): string {
    return this.children.map((c) => c.toString()).join('');
  }
}

class Placeholder extends Parent {
  parent!: Parent;
  constructor(readonly index: number) {
    super();
  }
  clone(): Placeholder {
    const p = new Placeholder(this.index);
    for (const c of this.children) p.appendChild(c.clone());
    return p;
  }
}

class Snippet extends Parent {}

/** Depth-first, in order, as Marker.walk. */
function walk(parent: Parent, visit: (m: Marker) => void): void {
  for (const c of [...parent.children]) {
    visit(c);
    if (c instanceof Placeholder) walk(c, visit);
    else if (c instanceof Choice) for (const o of c.options) visit(o);
  }
}

/** TextmateSnippet.offset: where a marker's text starts in the snippet's text. */
function offsetOf(snippet: Snippet, marker: Marker): number {
  let pos = 0;
  let found = -1;
  const visit = (parent: Parent): boolean => {
    for (const c of parent.children) {
      if (c === marker) {
        found = pos;
        return true;
      }
      if (c instanceof Placeholder) {
        if (visit(c)) return true;
      } else pos += c.toString().length;
    }
    return false;
  };
  visit(snippet);
  if (found < 0) throw new Error('marker not in snippet');
  return found;
}

// ---------------------------------------------------------------------------------------------
// Parsing

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Parses into `parent` until the end, or until an unescaped `}` when nested. */
  parseInto(parent: Parent, nested: boolean): void {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i];
      if (c === '\\') {
        const next = s[this.i + 1];
        if (next === '$' || next === '}' || next === '\\') {
          parent.appendChild(new Text(next));
          this.i += 2;
        } else {
          parent.appendChild(new Text('\\'));
          this.i++;
        }
      } else if (c === '$') {
        this.parseDollar(parent);
      } else if (c === '}' && nested) {
        return;
      } else {
        parent.appendChild(new Text(c));
        this.i++;
      }
    }
    if (nested) throw new Error(`unclosed placeholder in snippet ${JSON.stringify(s)}`);
  }

  private parseDollar(parent: Parent): void {
    const s = this.s;
    const simple = /^\$(\d+)/.exec(s.slice(this.i));
    if (simple) {
      parent.appendChild(new Placeholder(Number(simple[1])));
      this.i += simple[0].length;
      return;
    }
    const head = /^\$\{(\d+)([:|}])/.exec(s.slice(this.i));
    if (!head) throw new Error(`snippet variable or stray $ not modelled: ${JSON.stringify(s.slice(this.i, this.i + 20))}`);
    const p = new Placeholder(Number(head[1]));
    this.i += head[0].length;
    if (head[2] === ':') {
      this.parseInto(p, true);
      this.i++; // the closing }
    } else if (head[2] === '|') {
      const options: Text[] = [];
      let value = '';
      for (;;) {
        const c = s[this.i];
        if (c === undefined) throw new Error('unclosed choice');
        if (c === '\\' && (s[this.i + 1] === ',' || s[this.i + 1] === '|' || s[this.i + 1] === '\\')) {
          value += s[this.i + 1];
          this.i += 2;
        } else if (c === ',') {
          options.push(new Text(value));
          value = '';
          this.i++;
        } else if (c === '|' && s[this.i + 1] === '}') {
          options.push(new Text(value));
          this.i += 2;
          break;
        } else {
          value += c;
          this.i++;
        }
      }
      p.appendChild(new Choice(options));
    }
    parent.appendChild(p);
  }
}

/** SnippetParser.parseFragment: parses into the snippet, fills in placeholders that repeat an
 * index without a default, and returns the new top-level markers. */
function parseFragment(template: string, snippet: Snippet): Marker[] {
  const offset = snippet.children.length;
  new Parser(template).parseInto(snippet, false);
  const defaults = new Map<number, Marker[]>();
  const incomplete: Placeholder[] = [];
  walk(snippet, (m) => {
    if (!(m instanceof Placeholder)) return;
    if (m.index === 0) defaults.set(0, []);
    else if (!defaults.has(m.index) && m.children.length > 0) defaults.set(m.index, m.children);
    else incomplete.push(m);
  });
  for (const p of incomplete) {
    const values = defaults.get(p.index);
    if (!values || values.length === 0) continue;
    const clone = new Placeholder(p.index);
    for (const c of values) clone.appendChild(c.clone());
    p.parent.replace(p, [clone]);
  }
  return snippet.children.slice(offset);
}

/** SnippetParser.asInsertText. */
export function snippetInsertText(template: string): string {
  const snippet = new Snippet();
  parseFragment(template, snippet);
  return snippet.toString();
}

/** SnippetParser.escape. */
function escape(value: string): string {
  return value.replace(/\$|}|\\/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Applying

/** normalizeIndentation (core/misc/indentation.ts). */
export function normalizeIndentation(str: string, options: EditorOptions): string {
  let first = str.search(/[^ \t]/);
  if (first === -1) first = str.length;
  let spaces = 0;
  for (let i = 0; i < first; i++) spaces = str[i] === '\t' ? spaces + options.indentSize - (spaces % options.indentSize) : spaces + 1;
  let result = '';
  if (!options.insertSpaces) {
    result += '\t'.repeat(Math.floor(spaces / options.indentSize));
    spaces %= options.indentSize;
  }
  return result + ' '.repeat(spaces) + str.slice(first);
}

/** getLeadingWhitespace(str, 0, end). */
function leadingWhitespace(str: string, end: number): string {
  for (let i = 0; i < end; i++) if (str[i] !== ' ' && str[i] !== '\t') return str.slice(0, i);
  return str.slice(0, end);
}

class Model {
  readonly lineStarts: number[] = [0];
  readonly eol: string;
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 || c === 13) this.lineStarts.push(i + 1);
    }
    this.eol = modelEol(text, '\n');
  }
  offset(pos: { line: number; character: number }): number {
    if (pos.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[pos.line] + pos.character, this.lineEnd(pos.line));
  }
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineContent(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

function applyOffsetEdits(text: string, edits: OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** The document's text after VS Code applies these edits in an open editor (SnippetController2). */
export function applyInEditor(modelText: string, edits: readonly LspEdit[], options: EditorOptions = YAML_DEFAULTS): string {
  const model = new Model(modelText);
  if (!edits.some((e) => e.snippet)) {
    return applyOffsetEdits(
      modelText,
      edits.map((e) => ({ start: model.offset(e.range.start), end: model.offset(e.range.end), text: e.newText ?? '' })),
    );
  }
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const snippet = new Snippet();
  const out: OffsetEdit[] = [];
  let offset = 0;
  sorted.forEach((e, i) => {
    const start = model.offset(e.range.start);
    const end = model.offset(e.range.end);
    if (i > 0) {
      const gap = new Text(modelText.slice(model.offset(sorted[i - 1].range.end), start));
      snippet.appendChild(gap);
      offset += gap.value.length;
    }
    const template = e.snippet ? e.snippet.value : escape(e.newText ?? '');
    const newNodes = new Set(parseFragment(template, snippet));
    adjustWhitespace(model, e.range.start, snippet, newNodes, options);
    const all = snippet.toString();
    out.push({ start, end, text: all.slice(offset) });
    offset = all.length;
  });
  return applyOffsetEdits(modelText, out);
}

/** The document's text after VS Code applies these edits with no editor open (ModelEditTask). */
export function applyWithoutEditor(modelText: string, edits: readonly LspEdit[]): string {
  const model = new Model(modelText);
  return applyOffsetEdits(
    modelText,
    edits.map((e) => ({
      start: model.offset(e.range.start),
      end: model.offset(e.range.end),
      text: e.snippet ? snippetInsertText(e.snippet.value) : (e.newText ?? ''),
    })),
  );
}

function adjustWhitespace(
  model: Model,
  position: { line: number; character: number },
  snippet: Snippet,
  filter: Set<Marker>,
  options: EditorOptions,
): void {
  const line = model.lineContent(position.line);
  const lineLeading = leadingWhitespace(line, position.character);
  walk(snippet, (marker) => {
    if (!(marker instanceof Text) || marker.parent instanceof Choice) return;
    if (!filter.has(marker)) return;
    const lines = marker.value.split(/\r\n|\r|\n/);
    const offset = offsetOf(snippet, marker);
    if (offset === 0) lines[0] = normalizeIndentation(lines[0], options);
    else {
      const prev = snippet.toString().charCodeAt(offset - 1);
      if (prev === 10 || prev === 13) lines[0] = normalizeIndentation(lineLeading + lines[0], options);
    }
    for (let i = 1; i < lines.length; i++) lines[i] = normalizeIndentation(lineLeading + lines[i], options);
    const value = lines.join(model.eol);
    if (value !== marker.value) (marker.parent as Parent).replace(marker, [new Text(value)]);
  });
}
