// Evidence in, diagnosis out, inside VS Code: Import Evidence from Commerce HQ… on a fixture
// set (the pickers answered by the command's arguments), the findings in Problems; the SQL pack;
// the support bundle.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'evidence');

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Async Customer Doctor');
}

describe('evidence import in VS Code', () => {
  let api: DoctorApi;
  const scratch = mkdtempSync(join(tmpdir(), 'acd-import-'));

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as DoctorApi;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('imports a fixture set through the command: the scenario opens, is diagnosed, and Problems shows ACD006', async () => {
    const output = join(scratch, 'imported.asyncscenario.json');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('asyncCustomers.importEvidence', {
      files: [join(fixtures, 'acd006-failed-operation')],
      output,
      timeZone: '+00:00',
    });
    assert.equal(uri?.fsPath, output);
    assert.match(readFileSync(output, 'utf8'), /\/\/ customer-sync-status\.csv:3: Customer synchronization status Failed, Create/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, output, 'the imported scenario is the active editor');
    await api.whenAnalyzed(editor.document);
    let diagnostics: vscode.Diagnostic[] = [];
    for (let i = 0; i < 100 && diagnostics.length === 0; i++) {
      diagnostics = ours(editor.document.uri);
      if (diagnostics.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)), ['ACD006']);
    assert.match(diagnostics[0].message, /SE42-000202/);
    assert.match(diagnostics[0].message, /ZIP\/postal code "9O326"/);
  });

  it('asks nothing it can tell: a channel → channel database mapping given as an argument settles two databases', async () => {
    const output = join(scratch, 'two-databases.asyncscenario.json');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('asyncCustomers.importEvidence', {
      files: [join(fixtures, 'formats', 'two-databases')],
      output,
      timeZone: '+00:00',
      channelDatabases: { Store42: 'StoreDB-North', Store17: 'StoreDB-South' },
    });
    assert.equal(uri?.fsPath, output);
    const text = readFileSync(output, 'utf8');
    assert.match(text, /"id":"Store42","kind":"store","channelDatabase":"StoreDB-North"/);
    assert.match(text, /"id":"Store17","kind":"store","channelDatabase":"StoreDB-South"/);
  });

  it('opens a query of the SQL pack', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('asyncCustomers.openSqlPack', 'hq/staged-customers-not-completed.sql');
    assert.ok(uri);
    const document = vscode.window.activeTextEditor?.document;
    assert.equal(document?.uri.toString(), uri.toString());
    assert.match(document.getText(), /^-- Async customer operations staged in HQ/);
    assert.match(document.getText(), /FROM dbo\.RETAILASYNCCUSTOMERV2/);
  });

  it('exports a redacted support bundle of the active scenario: report, SARIF and the scenario copy', async () => {
    const folder = mkdtempSync(join(scratch, 'bundle-'));
    const document = await vscode.workspace.openTextDocument(join(scratch, 'imported.asyncscenario.json'));
    await vscode.window.showTextDocument(document);
    await api.whenAnalyzed(document);
    const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('asyncCustomers.exportSupportBundle', { folder, redact: true });
    assert.ok(written);
    assert.deepEqual(written.map((u) => u.fsPath.slice(folder.length + 1)).sort(), readdirSync(folder).sort());
    assert.equal(readdirSync(folder).length, 3);
    const report = readFileSync(written[0].fsPath, 'utf8');
    assert.match(report, /ACD006/);
    assert.ok(existsSync(written[1].fsPath));
    assert.equal((JSON.parse(readFileSync(written[1].fsPath, 'utf8')) as { version: string }).version, '2.1.0');
  });
});
