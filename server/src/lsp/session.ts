// What the client told us at initialize, and whether we are shutting down: read by every part.
import type { ClientCapabilities, InitializeParams } from 'vscode-languageserver/node';
import { isAbsolute, relative } from 'node:path';
import { uriToPath } from '../node/uri';

export class Session {
  capabilities: ClientCapabilities = {};
  /** A trusted workspace: `.yardstick.yaml` files may be read. */
  trusted = true;
  /** Workspace folder paths. */
  roots: string[] = [];
  /** `yardstick` settings sent in initializationOptions (clients without workspace/configuration). */
  initialSettings: unknown;
  shuttingDown = false;
  /** The workspace index's bound in files (initializationOptions.maxIndexedFiles), when the client sets one. */
  maxIndexedFiles: number | undefined;

  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities ?? {};
    const init = (params.initializationOptions ?? {}) as { trusted?: boolean; settings?: unknown; maxIndexedFiles?: unknown };
    this.trusted = init.trusted !== false;
    const max = init.maxIndexedFiles;
    this.maxIndexedFiles = typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : undefined;
    this.initialSettings = init.settings;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    this.roots = paths(folders);
  }

  /** The client answers workspace/configuration (settings per document). */
  get pullsSettings(): boolean {
    return !!this.capabilities.workspace?.configuration;
  }

  changeFolders(added: Array<{ uri: string }>, removed: Array<{ uri: string }>): string[] {
    const gone = new Set(paths(removed));
    const fresh = paths(added);
    this.roots = [...this.roots.filter((r) => !gone.has(r)), ...fresh];
    return fresh;
  }

  /** Whether a file lies in one of the workspace folders (a URI that is not a file's counts as inside). */
  inWorkspace(uri: string): boolean {
    const path = uriToPath(uri);
    if (path === undefined) return true;
    return this.roots.some((root) => {
      const rel = relative(root, path);
      return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
    });
  }
}

function paths(folders: Array<{ uri: string }>): string[] {
  return folders.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
}
