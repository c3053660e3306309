// The workspace index kept up to date: scanned at start-up and when folders are added, fed by
// open documents' analyses, refreshed from disk on watched-file changes and when a document
// closes. When what one file declares changes, the other open documents are re-checked.
import type { Analysis } from '../lint/analyze';
import { WorkspaceIndex } from '../engine/workspace-index';
import { isConfigFile } from '../node/config-service';
import { refreshFromDisk } from '../node/framework-files';
import { canonicalUri, pathToUri } from '../node/uri';
import { scanFrameworkFiles } from '../node/workspace-scan';
import type { Log } from './log';
import type { Session } from './session';

const SCAN_CAP = 2000;
const SCAN_MAX_DIRS = 5000;
/** Quiet time after an index change before the other documents are re-checked. */
const REVALIDATE_DELAY_MS = 300;

export interface WorkspaceEvents {
  /** Is a document open for this URI (then its text wins over the disk)? */
  isOpen(uri: string): boolean;
  /** What files declare changed: re-check open documents except `changedUri`. */
  indexChanged(changedUri?: string): void;
  /** A config file changed on disk. */
  configChanged(): void;
}

export class Workspace {
  readonly index = new WorkspaceIndex(canonicalUri);
  /** Bumped on every index change: part of the analysis cache key. */
  generation = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly session: Session,
    private readonly log: Log,
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
    const started = Date.now();
    const { files, truncated } = await scanFrameworkFiles(folders, SCAN_CAP, SCAN_MAX_DIRS, () => this.session.shuttingDown);
    let changed = false;
    for (const file of files) {
      if (this.session.shuttingDown) return;
      const uri = pathToUri(file);
      if (this.events.isOpen(uri)) continue;
      if (await refreshFromDisk(this.index, uri, () => !this.events.isOpen(uri))) changed = true;
    }
    this.log.info(
      `Indexed ${files.length} framework file(s) in ${Date.now() - started} ms${truncated ? ` (stopped at ${SCAN_CAP})` : ''}.`,
    );
    if (changed) this.changed();
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
    return this.scan(this.session.changeFolders(added, removed));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private changed(changedUri?: string): void {
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.events.indexChanged(changedUri);
    }, REVALIDATE_DELAY_MS);
  }
}
