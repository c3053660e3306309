// Settings and rule configuration per document: the `yardstick` settings (pulled per document
// when the client can, else pushed), the nearest `.yardstick.yaml`, and the problems of both
// (config-file problems published on the config file, setting problems shown once).
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { SOURCE } from '../language-service/convert';
import { configFromText } from '../node/config-file';
import { ConfigService, configUri, type DocumentConfig } from '../node/config-service';
import { uriToPath } from '../node/uri';
import { checkDocsBaseUrl } from '../rules/rule';
import type { Log } from './log';
import type { Session } from './session';

export interface Settings {
  rules?: unknown;
  validate: { enable: boolean };
  /** Where the docs/ folder is published. Unset, links open the pages installed with the server. */
  docs: { baseUrl?: string };
  /** Settings that could not be used, in words (shown once, like the problems of yardstick.rules). */
  problems: string[];
}

const DEFAULT_SETTINGS: Settings = { validate: { enable: true }, docs: {}, problems: [] };

const objectOf = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;

export function normaliseSettings(raw: unknown): Settings {
  const s = objectOf(raw);
  const validate = objectOf(s.validate);
  const settings: Settings = { rules: s.rules, validate: { enable: validate.enable !== false }, docs: {}, problems: [] };
  const baseUrl = objectOf(s.docs).baseUrl;
  // An empty string is VS Code's way of leaving the setting unset.
  if (baseUrl !== undefined && baseUrl !== null && baseUrl !== '') {
    const checked = checkDocsBaseUrl(typeof baseUrl === 'string' ? baseUrl.trim() : JSON.stringify(baseUrl), 'yardstick.docs.baseUrl');
    if ('url' in checked) settings.docs.baseUrl = checked.url;
    else settings.problems.push(`${checked.problem} Documentation links open the pages installed with Yardstick instead.`);
  }
  return settings;
}

export class Configuration {
  private pushed: Settings = DEFAULT_SETTINGS;
  private readonly pulled = new Map<string, Promise<Settings>>();
  private readonly warned = new Set<string>();
  private readonly publishedProblems = new Map<string, string>();
  private readonly files: ConfigService;

  constructor(
    private readonly connection: Connection,
    private readonly session: Session,
    private readonly log: Log,
    /** Text of an open document by path: unsaved edits to a config file win over the disk. */
    openText: (path: string) => string | undefined,
  ) {
    this.files = new ConfigService(openText);
  }

  initialize(): void {
    if (this.session.initialSettings !== undefined) this.pushed = normaliseSettings(this.session.initialSettings);
  }

  /** didChangeConfiguration: clients that do not answer workspace/configuration push settings here. */
  settingsChanged(settings: unknown): void {
    if (!this.session.pullsSettings) this.pushed = normaliseSettings((settings as Record<string, unknown> | undefined)?.yardstick ?? {});
    this.reset();
  }

  settingsFor(uri: string): Promise<Settings> {
    if (!this.session.pullsSettings) return Promise.resolve(this.pushed);
    let result = this.pulled.get(uri);
    if (!result) {
      result = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'yardstick' }).then(normaliseSettings, (e) => {
        this.log.error('workspace/configuration', e);
        return DEFAULT_SETTINGS;
      });
      this.pulled.set(uri, result);
    }
    return result;
  }

  /** The rule configuration for a document; reports problems of its sources on the way. */
  configFor(uri: string, settings: Settings): DocumentConfig {
    const config = this.files.forDocument(uri, settings, this.session.roots, this.session.trusted);
    // Every problem in the output, one message on screen however many there are.
    const fresh = [...settings.problems, ...config.settingProblems].filter((p) => !this.warned.has(p));
    for (const p of fresh) {
      this.warned.add(p);
      this.log.info(p);
    }
    if (fresh.length) {
      const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more in the Yardstick output)` : '';
      void Promise.resolve(this.connection.window.showWarningMessage(`Yardstick: ${fresh[0]}${more}`)).catch(() => undefined);
    }
    if (config.file) this.publishProblems(config);
    return config;
  }

  /** Forget settings and config files (a setting or a config file changed). */
  reset(): void {
    this.files.invalidate();
    this.pulled.clear();
    this.warned.clear();
  }

  /** Config files are looked up again (workspace folders changed). */
  foldersChanged(): void {
    this.files.invalidate();
  }

  forget(uri: string): void {
    this.pulled.delete(uri);
  }

  /** An open config file checked as it is typed, whether or not a framework file uses it yet. */
  checkOpenFile(uri: string, text: string): void {
    const path = uriToPath(uri);
    if (!path) return;
    const loaded = configFromText(text, path);
    this.publishProblems({ config: loaded.config, file: path, problems: loaded.problems, settingProblems: [], key: '' }, uri);
  }

  private publishProblems(config: DocumentConfig, uri = configUri(config.file!)): void {
    const diagnostics: Diagnostic[] = config.problems.map((p) => ({
      range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
      severity: 2,
      source: SOURCE,
      code: 'config',
      message: p.message,
    }));
    const key = JSON.stringify(diagnostics);
    if (this.publishedProblems.get(uri) === key) return;
    this.publishedProblems.set(uri, key);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}
