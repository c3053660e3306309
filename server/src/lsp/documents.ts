// Open documents and their analyses: one analysis per document text and configuration, the
// last analysis without syntax errors (ids to complete while the text is half-typed), and the
// analysis of other files for cross-file navigation.
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../lint/analyze';
import { reanalyzeChange } from '../lint/incremental';
import { isConfigFile } from '../node/config-service';
import { readFrameworkFileSync } from '../node/framework-files';
import { uriToPath } from '../node/uri';
import type { ChangeLog } from './changes';
import type { Configuration, Settings } from './configuration';
import type { Workspace } from './workspace';

/** An open framework document with the analysis of its current text. */
export interface OpenFramework {
  doc: TextDocument;
  analysis: Analysis;
  options: AnalyzeOptions;
  settings: Settings;
}

interface Cached {
  version: number;
  /** The text analysed: a repeated version with new text is analysed again. */
  text: string;
  key: string;
  analysis: Analysis;
}

export function isFrameworkDocument(doc: TextDocument): boolean {
  return !isConfigFile(doc.uri);
}

export class Documents {
  private readonly analyses = new Map<string, Cached>();
  private readonly lastGood = new Map<string, Analysis>();

  constructor(
    readonly open: TextDocuments<TextDocument>,
    private readonly configuration: Configuration,
    private readonly workspace: Workspace,
    private readonly changes: ChangeLog,
  ) {}

  get(uri: string): TextDocument | undefined {
    return this.open.get(uri);
  }

  all(): TextDocument[] {
    return this.open.all();
  }

  /** Is a document open for this file, whatever the spelling of its URI? */
  isOpen(uri: string): boolean {
    return this.open.all().some((d) => this.workspace.index.sameFile(d.uri, uri));
  }

  textAtPath(path: string): string | undefined {
    for (const d of this.open.all()) if (uriToPath(d.uri) === path) return d.getText();
    return undefined;
  }

  /** The analysis of an open document's current text (cached per text and configuration). */
  async analysisFor(doc: TextDocument): Promise<OpenFramework> {
    const settings = await this.configuration.settingsFor(doc.uri);
    const { options, key } = this.optionsFor(doc.uri, settings);
    const text = doc.getText();
    const cached = this.analyses.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === text && cached.key === key)
      return { doc, analysis: cached.analysis, options, settings };
    const analysis = this.reanalyse(doc, cached, key, options) ?? analyze(text, options);
    this.changes.analysed(doc.uri, doc.version);
    if (analysis.doc.errors.length === 0) this.lastGood.set(doc.uri, analysis);
    const changed = this.workspace.analysed(doc.uri, analysis);
    // This file's own ids do not affect its analysis: cache it under the new index generation.
    this.analyses.set(doc.uri, { version: doc.version, text, key: changed ? this.optionsFor(doc.uri, settings).key : key, analysis });
    return { doc, analysis, options, settings };
  }

  /** The analysis of the document's text from the cached one and the ranged changes since, when
   * each falls inside one object and is re-checked incrementally (the cached analysis is consumed). */
  private reanalyse(doc: TextDocument, cached: Cached | undefined, key: string, options: AnalyzeOptions): Analysis | undefined {
    if (!cached || cached.key !== key) return undefined;
    const changes = this.changes.since(doc.uri, cached.version);
    if (!changes || changes.length === 0) return undefined;
    let analysis = cached.analysis;
    let text = cached.text;
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i];
      const next = i === changes.length - 1 ? doc.getText() : text.slice(0, c.start) + c.text + text.slice(c.end);
      if (next.length !== text.length + c.text.length - (c.end - c.start)) return undefined;
      // The cached analysis may be updated in place: it is no longer the cached one. (When it was
      // the last good one too, the new text parses as well and replaces it.)
      this.analyses.delete(doc.uri);
      const after = reanalyzeChange(analysis, c, next, options);
      if (!after) return undefined; // one full check of the current text instead
      analysis = after;
      text = next;
    }
    return analysis;
  }

  lastGoodOf(uri: string): Analysis | undefined {
    return this.lastGood.get(uri);
  }

  /** The open document's version, or null for a file that is not open (edits to it are unversioned). */
  versionOf(uri: string): number | null {
    return this.open.all().find((d) => this.workspace.index.sameFile(d.uri, uri))?.version ?? null;
  }

  /** Another file's analysis, for cross-file navigation: open documents first, then the disk. */
  analysisOfOther(uri: string): Analysis | undefined {
    const workspace = this.workspace.index;
    const open = this.open.all().find((d) => this.workspace.index.sameFile(d.uri, uri));
    if (open) {
      const cached = this.analyses.get(open.uri);
      if (cached && cached.version === open.version && cached.text === open.getText()) return cached.analysis;
      return analyze(open.getText(), { workspace });
    }
    const text = readFrameworkFileSync(uri);
    return text === undefined ? undefined : analyze(text, { workspace });
  }

  forget(uri: string): void {
    this.changes.forget(uri);
    this.analyses.delete(uri);
    this.lastGood.delete(uri);
  }

  /** Settings or configuration changed: every analysis is stale. */
  clearAnalyses(): void {
    this.analyses.clear();
  }

  private optionsFor(uri: string, settings: Parameters<Configuration['configFor']>[1]): { options: AnalyzeOptions; key: string } {
    const config = this.configuration.configFor(uri, settings);
    return { options: { config: config.config, workspace: this.workspace.index }, key: `${config.key}|${this.workspace.generation}` };
  }
}
