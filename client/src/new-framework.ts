// "Yardstick: New Framework": pick a UK, US or blank template, name the framework, get
// <id>.framework.yaml in the workspace folder (an untitled framework document without a folder).
import * as vscode from 'vscode';
import {
  FRAMEWORK_ID,
  frameworkTemplates,
  instantiateTemplate,
  templateById,
  templateFrameworkId,
  type FrameworkTemplate,
} from '../../templates';

async function pickTemplate(): Promise<FrameworkTemplate | undefined> {
  const picked = await vscode.window.showQuickPick(
    frameworkTemplates.map((t) => ({ label: t.label, detail: t.description, template: t })),
    { title: 'New Yardstick framework', placeHolder: 'Start from a template', matchOnDetail: true },
  );
  return picked?.template;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function targetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0]?.uri;
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active && vscode.workspace.getWorkspaceFolder(active);
  if (own) return own.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new framework file' }))?.uri;
}

/** The template's own id, or that id with -2, -3 ... when a file of that name exists. */
async function freeId(folder: vscode.Uri, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await exists(vscode.Uri.joinPath(folder, `${id}.framework.yaml`)))) return id;
  }
}

export async function newFramework(templateId?: unknown): Promise<vscode.Uri | undefined> {
  const template = (typeof templateId === 'string' && templateById(templateId)) || (await pickTemplate());
  if (!template) return undefined;
  const folder = await targetFolder();
  if (!folder) {
    const doc = await vscode.workspace.openTextDocument({ language: 'yardstick', content: instantiateTemplate(template) });
    await vscode.window.showTextDocument(doc);
    return doc.uri;
  }
  const suggested = await freeId(folder, templateFrameworkId(template));
  const id = await vscode.window.showInputBox({
    title: 'New Yardstick framework',
    prompt: 'Framework id: lower-case words joined by hyphens. The file is named <id>.framework.yaml.',
    value: suggested,
    valueSelection: [0, suggested.length],
    validateInput: async (value) => {
      if (!FRAMEWORK_ID.test(value)) return 'Use lower-case letters and digits separated by single hyphens, e.g. health-2026.';
      if (await exists(vscode.Uri.joinPath(folder, `${value}.framework.yaml`))) return `${value}.framework.yaml already exists.`;
      return undefined;
    },
  });
  if (!id) return undefined;
  const uri = vscode.Uri.joinPath(folder, `${id}.framework.yaml`);
  if (await exists(uri)) {
    void vscode.window.showWarningMessage(`Yardstick: ${id}.framework.yaml already exists; it was not changed.`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(instantiateTemplate(template, id)));
  await vscode.window.showTextDocument(uri);
  return uri;
}
