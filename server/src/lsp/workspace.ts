// The workspace index kept up to date: scanned at start-up and when folders are added, fed by
// open documents' analyses, refreshed from disk on watched-file changes and when a document
// closes. When what one file declares changes, the open documents that refer to other files are
// re-checked. A scan runs in the background (a worker thread reads and parses big workspaces),
// pausing while an open document is checked, with work-done progress; while it runs (or when it
// stopped at its bound) the index is incomplete and references to frameworks it does not hold
// are not reported as unknown.
import { performance } from 'node:perf_hooks';
import { MessageType, ShowMessageNotification, type Connection, type WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import type { Analysis } from '../lint/analyze';
import { WorkspaceIndex } from '../engine/workspace-index';
import { isConfigFile } from '../node/config-service';
import { refreshFromDisk } from '../node/framework-files';
import { ForegroundGate, readEntries } from '../node/index-entries';
import { canonicalUri } from '../node/uri';
import { scanFrameworkFiles } from '../node/workspace-scan';
import type { Log } from './log';
import type { Session } from './session';

/** Bounds of a scan (a workspace opened on a home folder must not fill the memory): see docs/limits.md. */
export const DEFAULT_MAX_INDEXED_FILES = 50_000;
const MAX_SCANNED_FOLDERS = 50_000;
const PROGRESS_EVERY_MS = 250;
/** Quiet time after an index change before the other documents are re-checked. */
const REVALIDATE_DELAY_MS = 300;
/** How long indexing still waits after an open document's check: the editor's requests that
 * follow its diagnostics (symbols, folding, code actions, the next file's open) come first. */
const FOREGROUND_GRACE_MS = 100;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface WorkspaceEvents {
  /** Is a document open for this URI (then its text wins over the disk)? */
  isOpen(uri: string): boolean;
  /** What files declare changed: re-check the open documents `affected` names, except `changedUri`. */
  indexChanged(changedUri: string | undefined, affected: (uri: string) => boolean): void;
  /** A config file changed on disk. */
  configChanged(): void;
}

export class Workspace {
  readonly index = new WorkspaceIndex(canonicalUri);
  /** Bumped on every index change: part of the analysis cache key. */
  generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private scans = 0;
  /** A scan stopped at its bound: the index stays incomplete. */
  private bounded = false;
  private toldBounded = false;
  /** Up while an open document's check is due or running: indexing (here or in the worker) waits. */
  private readonly gate = new ForegroundGate();

  constructor(
    private readonly session: Session,
    private readonly log: Log,
    private readonly connection: Connection,
    private readonly events: WorkspaceEvents,
  ) {}

  /** An open document was analysed: files without syntax errors update the index (half-typed text would drop its ids). */
  analysed(uri: string, analysis: Analysis): boolean {
    const changed = analysis.doc.errors.length === 0 && this.index.update(uri, analysis.model);
    if (changed) this.changed(uri);
    return changed;
  }

  async scan(folders: string[]): Promise<void> {
    if (folders.length === 0) return;
    this.scans++;
    this.index.complete = false; // before the first await: a document opened now sees it
    const progress = await this.beginProgress();
    try {
      await this.scanFolders(folders, progress);
    } finally {
      this.scans--;
      progress?.done();
      this.index.complete = this.scans === 0 && !this.bounded;
      // Complete or not, what cross-file references resolve to may have changed.
      if (!this.session.shuttingDown) this.changed();
    }
  }

  private async scanFolders(folders: string[], progress: WorkDoneProgressServerReporter | undefined): Promise<void> {
    const started = performance.now();
    const maxFiles = this.session.maxIndexedFiles ?? DEFAULT_MAX_INDEXED_FILES;
    const { files, truncated } = await scanFrameworkFiles(
      folders,
      { maxFiles: Math.max(0, maxFiles - this.index.size), maxFolders: MAX_SCANNED_FOLDERS },
      () => this.session.shuttingDown,
    );
    if (truncated) this.bounded = true;
    let reportedAt = performance.now();
    let done = 0;
    progress?.report(0, `0/${files.length} files`);
    await readEntries(files, {
      onEntries: (entries) => {
        // A document opened meanwhile: its text wins over the disk; a folder removed meanwhile is not indexed.
        for (const { uri, entry } of entries)
          if (!this.events.isOpen(uri) && this.session.inWorkspace(uri)) {
            if (entry) this.index.put(entry);
            else this.index.remove(uri);
          }
        done += entries.length;
        const now = performance.now();
        if (now - reportedAt >= PROGRESS_EVERY_MS) {
          reportedAt = now;
          progress?.report(Math.floor((100 * done) / files.length), `${done}/${files.length} files`);
        }
      },
      isCancelled: () => this.session.shuttingDown,
      between: () => this.letOthersIn(),
      gate: this.gate,
      onWorkerError: (e) => this.log.info(`Indexing on the server's own thread (the index worker did not run: ${String(e)}).`),
    });
    if (this.session.shuttingDown) return;
    this.log.info(
      `Indexed ${files.length} framework file(s) in ${(performance.now() - started).toFixed(0)} ms${truncated ? ` (stopped at the bound of ${maxFiles} files and ${MAX_SCANNED_FOLDERS} folders)` : ''}.`,
    );
    if (truncated) this.tellBounded();
  }

  /** Between two slices (indexing on this thread): what is waiting runs, and an open document's check runs first. */
  private async letOthersIn(): Promise<void> {
    await yieldToEventLoop();
    await this.gate.pauseWhileUp(() => sleep(1));
  }

  /** An open document's check is due or running (or no longer). */
  foregroundBusy(busy: boolean): void {
    if (busy) this.gate.raise();
    else this.gate.lowerAfter(FOREGROUND_GRACE_MS);
  }

  /** Work-done progress when the client shows it (window/workDoneProgress/create), else none. */
  private async beginProgress(): Promise<WorkDoneProgressServerReporter | undefined> {
    if (!this.session.capabilities.window?.workDoneProgress) return undefined;
    try {
      const progress = await this.connection.window.createWorkDoneProgress();
      progress.begin('Yardstick: indexing framework files', 0, 'looking for files', false);
      return progress;
    } catch (e) {
      this.log.error('creating indexing progress', e);
      return undefined;
    }
  }

  /** Once per session: the index holds only part of the workspace. */
  private tellBounded(): void {
    if (this.toldBounded) return;
    this.toldBounded = true;
    const message = `Yardstick indexed ${this.index.size} framework files and stopped: this workspace holds more. References to frameworks outside those files are not reported as unknown.`;
    this.log.info(message);
    try {
      // A notification, not window/showMessageRequest: there is nothing to answer.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    } catch (e) {
      this.log.error('showing the index bound', e);
    }
  }

  /** A document closed: back to what the disk says (or out of the index if it is not on disk). */
  async closed(uri: string): Promise<void> {
    if (await refreshFromDisk(this.index, uri, () => !this.events.isOpen(uri))) this.changed(uri);
  }

  async watchedFilesChanged(changes: ReadonlyArray<{ uri: string }>): Promise<void> {
    let configChanged = false;
    let indexChanged = false;
    for (const c of changes) {
      if (isConfigFile(c.uri)) configChanged = true;
      else if (!this.events.isOpen(c.uri))
        indexChanged = (await refreshFromDisk(this.index, c.uri, () => !this.events.isOpen(c.uri))) || indexChanged;
    }
    if (configChanged) this.events.configChanged();
    else if (indexChanged) this.changed();
  }

  foldersChanged(added: Array<{ uri: string }>, removed: Array<{ uri: string }>): Promise<void> {
    const fresh = this.session.changeFolders(added, removed);
    if (removed.length > 0 && this.dropFilesOutsideWorkspace()) this.changed();
    return this.scan(fresh);
  }

  /** After a folder is removed: its files leave the index, unless open or inside another folder. */
  private dropFilesOutsideWorkspace(): boolean {
    let dropped = false;
    for (const { uri } of this.index.entries())
      if (!this.events.isOpen(uri) && !this.session.inWorkspace(uri)) dropped = this.index.remove(uri) || dropped;
    return dropped;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.gate.cancelLowering();
  }

  private changed(changedUri?: string): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.events.indexChanged(changedUri, (uri) => this.refersToOtherFiles(uri));
    }, REVALIDATE_DELAY_MS);
  }

  /** Only framework-id#object-id references depend on other files (unknown when not indexed). */
  private refersToOtherFiles(uri: string): boolean {
    const entry = this.index.get(uri);
    return !entry || entry.externalRefs.length > 0;
  }
}
