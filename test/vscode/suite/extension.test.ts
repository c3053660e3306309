/// <reference types="vscode" />
// Extension-host tests: the real extension in a real VS Code, opened on a copy of samples/.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function diagnosticsFor(uri: vscode.Uri, timeout = 30000): Promise<vscode.Diagnostic[]> {
  const started = Date.now();
  for (;;) {
    const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'yardstick');
    if (found.length > 0 || Date.now() - started > timeout) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Yardstick extension', () => {
  it('gives *.framework.yaml the yardstick language and reports the defect gallery', async () => {
    const [file] = await vscode.workspace.findFiles('defects.framework.yaml');
    assert.ok(file, 'defects.framework.yaml is in the workspace');
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'yardstick');
    const diagnostics = await diagnosticsFor(doc.uri);
    assert.ok(diagnostics.length > 0, 'diagnostics arrive');
    const codes = diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    assert.ok(
      codes.some((c) => /^YS\d{3}$/.test(c)),
      `rule codes: ${codes.join(', ')}`,
    );
    const withLink = diagnostics.find((d) => typeof d.code === 'object');
    assert.ok(
      withLink && typeof withLink.code === 'object' && /docs\/rules\/YS\d{3}\.md$/.test(withLink.code.target.toString()),
      "withLink && typeof withLink.code === 'object' && /docs\\/rules\\/YS\\d{3}\\.md$/.test(withLink.code.target.toString())",
    );
  });

  it('hovers an agreement kind with its description', async () => {
    const [file] = await vscode.workspace.findFiles('defects.framework.yaml');
    const doc = await vscode.workspace.openTextDocument(file);
    const offset = doc.getText().indexOf('public-service-agreement');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset + 2));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Public Service Agreement/);
  });

  it('registers the commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of [
      'yardstick.restartServer',
      'yardstick.showOutput',
      'yardstick.showRuleDocs',
      'yardstick.newFramework',
      'yardstick.openFormatGuide',
    ])
      assert.ok(all.includes(c), c);
  });
});
