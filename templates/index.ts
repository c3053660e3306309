// Framework templates: the *.framework.yaml files here, listed in templates.json and bundled into
// generated/templates.json by scripts/generate-templates.mjs. Shared by the three bundles:
// "Yardstick: New Framework" (client), `yardstick init` (CLI) and the empty-file action (server).
// Each passes `yardstick check` with no finding (test/cli/init.test.ts).
import bundled from './generated/templates.json';

export interface FrameworkTemplate {
  /** Short name: uk, us, blank. */
  id: string;
  /** File name in templates/. */
  file: string;
  label: string;
  description: string;
  /** The template's text, LF line ends. */
  text: string;
}

export const frameworkTemplates: readonly FrameworkTemplate[] = bundled;

export function templateById(id: string): FrameworkTemplate | undefined {
  return frameworkTemplates.find((t) => t.id === id.toLowerCase());
}

export const FRAMEWORK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// The framework's id is the first `id:` at two spaces: `framework:` comes before the lists,
// whose ids are written `  - id:`.
const FRAMEWORK_ID_LINE = /^(framework:\n(?:(?: {2}.*|\s*|#.*)\n)*? {2}id: )(\S+)/m;

/** The template's framework id. */
export function templateFrameworkId(template: FrameworkTemplate): string {
  const m = FRAMEWORK_ID_LINE.exec(template.text);
  if (!m) throw new Error(`template ${template.id} has no framework id`);
  return m[2];
}

/** The template's text with its framework id replaced (when given), in the requested line ends. */
export function instantiateTemplate(template: FrameworkTemplate, frameworkId?: string, eol = '\n'): string {
  if (frameworkId !== undefined && !FRAMEWORK_ID.test(frameworkId))
    throw new Error(`"${frameworkId}" is not a valid framework id (lower-case letters and digits separated by single hyphens)`);
  const text =
    frameworkId === undefined ? template.text : template.text.replace(FRAMEWORK_ID_LINE, (_all, head: string) => head + frameworkId);
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}
