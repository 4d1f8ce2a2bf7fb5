// The manifest and the running extension agree: every contributed command and view exists.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
interface Manifest {
  readonly contributes?: { readonly commands?: { command: string }[]; readonly views?: Record<string, { id: string }[]> };
}
const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('the extension in VS Code', () => {
  it('is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('gets its views and engine ready by itself in a workspace with scenarios, without waiting for a view or command', async () => {
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as DoctorApi;
    const deadline = Date.now() + 20_000;
    while (!api.workbenchLoaded() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(api.workbenchLoaded(), true, 'the workbench did not load after activation although the workspace has scenario files');
  });

  it('runs from the copy under test (the installed .vsix when the launcher installed one)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const expected = process.env.ACD_EXPECT_EXTENSION_PATH ?? join(__dirname, '..', '..', '..');
    assert.equal(extension.extensionUri.fsPath, expected);
  });

  it('registers every command its manifest contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: { command: string }[] = manifest.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'the manifest contributes no commands');
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'commands in package.json that the extension does not register');
    // Activation registers placeholders; each must have a handler behind it once the workbench is up.
    const handled = new Set((vscode.extensions.getExtension(EXTENSION_ID)!.exports as DoctorApi).registeredCommands());
    const unhandled = contributed.map((c) => c.command).filter((id) => !handled.has(id));
    assert.deepEqual(unhandled, [], 'commands in package.json that nothing handles');
  });

  it('provides a tree or webview for every view its manifest contributes', async () => {
    const views = Object.values(manifest.contributes?.views ?? {}).flat();
    assert.ok(views.length > 0, 'the manifest contributes no views');
    for (const view of views) {
      // Focusing a view whose id has no registered provider fails or leaves no tree.
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as DoctorApi;
    assert.deepEqual([...api.registeredViews()].sort(), views.map((v) => v.id).sort());
  });
});
