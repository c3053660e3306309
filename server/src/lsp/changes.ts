// The client's edits to each open document since its last analysis, as offsets: what lets an edit
// inside one object be re-checked alone (lint/incremental.ts). TextDocuments applies every change
// through `configuration`, which records ranged changes one by one (each against the text it
// applies to); a full-text change leaves nothing to re-check from, so the next check is a full one.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../lint/incremental';

/** A long burst of edits without a check is re-checked from scratch rather than kept. */
const MAX_LOGGED = 200;

interface Log {
  /** The document version the changes start from. */
  from: number;
  /** The changes in order, or undefined after a full-text change (or too many). */
  changes: TextChange[] | undefined;
}

export class ChangeLog {
  private readonly logs = new Map<string, Log>();

  readonly configuration = {
    create: (uri: string, languageId: string, version: number, content: string): TextDocument => {
      this.logs.delete(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
      let log = this.logs.get(doc.uri);
      if (!log) this.logs.set(doc.uri, (log = { from: doc.version, changes: [] }));
      for (const change of changes) {
        if ('range' in change && log.changes && log.changes.length < MAX_LOGGED) {
          // Offsets as the document reads the range, before the change is applied.
          log.changes.push({ start: doc.offsetAt(change.range.start), end: doc.offsetAt(change.range.end), text: change.text });
        } else log.changes = undefined;
        doc = TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  };

  /** The changes from `version` to the document's current text, when every one was ranged. */
  since(uri: string, version: number): readonly TextChange[] | undefined {
    const log = this.logs.get(uri);
    return log && log.from === version ? log.changes : undefined;
  }

  /** The document was analysed at `version`: later changes are counted from there. */
  analysed(uri: string, version: number): void {
    this.logs.set(uri, { from: version, changes: [] });
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }
}
