// The language status item of framework files (the `{}` next to "Yardstick Framework" in the
// status bar): what Yardstick makes of the active file, with links to the settings and the docs.
import * as vscode from 'vscode';

const SOURCE = 'yardstick';

export function fileState(
  diagnostics: readonly vscode.Diagnostic[],
  validating: boolean,
): { text: string; detail: string; severity: vscode.LanguageStatusSeverity } {
  if (!validating)
    return { text: 'Checks off', detail: 'yardstick.validate.enable is false', severity: vscode.LanguageStatusSeverity.Warning };
  const ours = diagnostics.filter((d) => d.source === SOURCE);
  const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  const others = ours.length - errors - warnings;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(others, 'note')].filter(Boolean);
  const syntaxError = ours.some((d) => codeOf(d) === 'YS001');
  return {
    text: parts.length ? parts.join(', ') : 'No problems',
    detail: syntaxError ? 'YAML syntax error: the other findings are from the last valid version' : 'Framework file, format v1',
    severity: errors
      ? vscode.LanguageStatusSeverity.Error
      : warnings
        ? vscode.LanguageStatusSeverity.Warning
        : vscode.LanguageStatusSeverity.Information,
  };
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function plural(n: number, word: string): string {
  return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function registerLanguageStatus(context: vscode.ExtensionContext): void {
  const selector: vscode.DocumentSelector = { language: 'yardstick' };
  const state = vscode.languages.createLanguageStatusItem('yardstick.state', selector);
  state.name = 'Yardstick: file state';
  state.command = {
    title: 'Settings',
    command: 'workbench.action.openSettings',
    arguments: ['@ext:yardstick.yardstick'],
    tooltip: 'Yardstick settings: rule severities, checks on or off',
  };
  const docs = vscode.languages.createLanguageStatusItem('yardstick.docs', selector);
  docs.name = 'Yardstick: format guide';
  docs.text = 'Yardstick format v1';
  docs.command = { title: 'Format guide', command: 'yardstick.openFormatGuide', tooltip: 'Every key and value of a framework file' };
  context.subscriptions.push(state, docs);

  const update = () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'yardstick') return;
    const validating = vscode.workspace.getConfiguration('yardstick', doc.uri).get<boolean>('validate.enable', true);
    const s = fileState(vscode.languages.getDiagnostics(doc.uri), validating);
    state.text = s.text;
    state.detail = s.detail;
    state.severity = s.severity;
  };
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) update();
    }),
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('yardstick.validate') && update()),
  );
  update();
}
