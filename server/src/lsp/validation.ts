// Checking open documents and publishing their problems: a newly opened file, or an edit when no
// check is waiting, is checked at once; edits arriving while a check waits are debounced into one.
// Only the check of a document's latest text publishes, whatever its version number says.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../language-service/convert';
import type { Configuration } from './configuration';
import { isFrameworkDocument, type Documents } from './documents';
import type { Log } from './log';
import type { Session } from './session';

const VALIDATION_DELAY_MS = 150;

export class Validation {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per document, the number of its latest text (from one counter, so a reopened file never reuses one). */
  private readonly latest = new Map<string, number>();
  private texts = 0;
  private readonly justOpened = new Set<string>();
  /** Documents whose check is due soon (just opened, or an edit) or running: background work waits. */
  private readonly soon = new Set<string>();
  private running = 0;
  private wasBusy = false;
  /** An edit came since `busy` last turned off: the user is typing. */
  private edited = false;
  /** Told when `busy` turns on or off (background indexing pauses meanwhile); `edited` when it
   * turns off after the check of an edit. */
  onBusyChange: (busy: boolean, edited: boolean) => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly documents: Documents,
    private readonly configuration: Configuration,
    private readonly log: Log,
  ) {}

  opened(uri: string): void {
    this.justOpened.add(uri);
  }

  /** New text (fires on open too). */
  changed(doc: TextDocument): void {
    const uri = doc.uri;
    this.latest.set(uri, ++this.texts);
    const waiting = this.timers.has(uri);
    const opened = this.justOpened.delete(uri);
    if (!opened) this.edited = true;
    this.schedule(doc, opened || !waiting ? 0 : VALIDATION_DELAY_MS);
  }

  closed(uri: string): void {
    this.justOpened.delete(uri);
    this.cancel(uri);
    this.latest.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Re-check the open framework documents (settings, configuration or other files changed), or those `affected` names. */
  revalidateAll(except?: string, affected: (uri: string) => boolean = () => true): void {
    for (const doc of this.documents.all()) {
      try {
        if (doc.uri !== except && isFrameworkDocument(doc) && affected(doc.uri)) this.schedule(doc, VALIDATION_DELAY_MS * 2);
      } catch (e) {
        this.log.error(`scheduling a check of ${doc.uri}`, e);
      }
    }
  }

  /** A check someone is waiting for is due or running. */
  get busy(): boolean {
    return this.soon.size > 0 || this.running > 0;
  }

  private busyMayHaveChanged(): void {
    const busy = this.busy;
    if (busy === this.wasBusy) return;
    this.wasBusy = busy;
    const edited = this.edited;
    if (!busy) this.edited = false;
    this.onBusyChange(busy, !busy && edited);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private schedule(doc: TextDocument, delay: number): void {
    const uri = doc.uri;
    const text = this.latest.get(uri) ?? 0;
    this.cancel(uri);
    if (delay <= VALIDATION_DELAY_MS) this.soon.add(uri);
    this.busyMayHaveChanged();
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.soon.delete(uri);
        this.running++;
        this.validate(uri, text)
          .catch((e) => this.log.error(`validating ${uri}`, e))
          .finally(() => {
            this.running--;
            this.busyMayHaveChanged();
          });
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    if (this.soon.delete(uri)) this.busyMayHaveChanged();
  }

  private isLatest(uri: string, text: number): boolean {
    return !this.session.shuttingDown && (this.latest.get(uri) ?? 0) === text;
  }

  private async validate(uri: string, text: number): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc || !isFrameworkDocument(doc) || !this.isLatest(uri, text)) return; // stale: a newer run is scheduled
    const settings = await this.configuration.settingsFor(uri);
    if (!this.isLatest(uri, text)) return;
    // Analysed even when problems are not shown: the analysis keeps the index fresh.
    const { analysis } = await this.documents.analysisFor(doc);
    if (!this.isLatest(uri, text)) return; // the text changed while we worked: drop
    this.publish(
      uri,
      doc.version,
      settings.validate.enable ? toDiagnostics(analysis, this.documents.lastGoodOf(uri), settings.docs.baseUrl) : [],
    );
  }

  private publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
