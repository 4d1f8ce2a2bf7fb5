// Time travel and a broken file, as a user meets them in VS Code.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi, TreeSnapshot } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
const samplesDir = join(__dirname, '..', '..', '..', 'samples');
const scratch = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'acd-travel-')));
let api: DoctorApi;
let counter = 0;

async function openCopy(sample: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.joinPath(scratch, `travel-${++counter}-${sample}.asyncscenario.json`);
  await vscode.workspace.fs.writeFile(uri, readFileSync(join(samplesDir, `${sample}.asyncscenario.json`)));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await api.whenAnalyzed(document);
  return { document, editor };
}

function byId(items: readonly TreeSnapshot[], id: string): TreeSnapshot | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = byId(item.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  assert.ok(ok(value), `${what}: ${JSON.stringify(value)}`);
  return value;
}

describe('time travel and broken files in VS Code', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as DoctorApi;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('asyncCustomers.backToNow');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('offers "State after this entry" on every entry, and the views show that state until Back to now', async () => {
    const { document } = await openCopy('customers-stuck-in-staging');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 10)) ?? [];
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.equal(titles.filter((t) => t.startsWith('State after this entry')).length, 5, titles.join(' | '));
    const staged = async () => byId(await api.treeItems('asyncCustomers.syncStatus', 1), 'status/Pending')?.description;
    const waiting = async () => byId(await api.treeItems('asyncCustomers.syncStatus', 1), 'status/PendingUpload')?.description;
    assert.equal(await staged(), '2');
    // Entry 3 (0-based 2) is before the P-job: both customers are still on the channel.
    const lens = lenses.find((l) => l.command?.command === 'asyncCustomers.timeTravel' && (l.command.arguments as unknown[])[1] === 2)!;
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments as unknown[]));
    assert.equal(await staged(), '0');
    assert.equal(await waiting(), '2');
    const pJob = byId(await api.treeItems('asyncCustomers.cdxJobs', 2), 'db/Online/job/P-0001');
    assert.match(pJob?.description ?? '', /stale/);
    await vscode.commands.executeCommand('asyncCustomers.backToNow');
    assert.equal(await staged(), '2');
    assert.equal(await waiting(), '0');
  });

  it('keeps the last good replay while the file has a syntax error, says so once per error, and counts what Problems shows', async () => {
    const { document, editor } = await openCopy('failed-operation');
    await editor.edit((b) => b.insert(document.positionAt(document.getText().indexOf('"timeline"')), '"oops" '));
    await api.whenAnalyzed(document);
    await vscode.extensions.getExtension('vscode.json-language-features')?.activate();
    // Every syntax error once: from the JSON language service, not again as ACD100.
    const diagnostics = await until(
      () => vscode.languages.getDiagnostics(document.uri),
      (all) => all.some((d) => d.source !== 'Async Customer Doctor'),
      'the JSON language service reports the syntax error',
    );
    const ours = diagnostics.filter((d) => d.source === 'Async Customer Doctor');
    assert.deepEqual(
      ours.filter((d) => (d.code as { value: string }).value === 'ACD100'),
      [],
    );
    const lines = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.message}`);
    assert.equal(new Set(lines).size, lines.length, `an error reported twice: ${lines.join('; ')}`);
    // The Troubleshooter still shows the failed operation from the last good replay.
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
    assert.equal(byId(walk, 'cause/ACD006')?.contextValue, 'cause.failed');
    // The status bar counts what Problems shows for the file.
    await until(
      () => api.statusBarText() ?? '',
      (text) => text.endsWith(`${vscode.languages.getDiagnostics(document.uri).length} problems`) || text.endsWith('1 problem'),
      'the status bar count',
    );
  });

  it('puts the remedy in HQ first among the related items of a diagnostic, and the proof columns first in evidence', async () => {
    const { document } = await openCopy('failed-operation');
    const diagnostic = await until(
      () => vscode.languages.getDiagnostics(document.uri).find((d) => d.source === 'Async Customer Doctor'),
      (d) => d !== undefined,
      'ACD006 in Problems',
    );
    const related = diagnostic!.relatedInformation ?? [];
    assert.match(related[0]?.message ?? '', /^In HQ: Retail and Commerce > Customers > Customer synchronization status — /);
    assert.ok(
      related.some((r) => /RETAILASYNCOPERATIONSTATUS ASYNC-000001: STATUS = Failed, FAILUREREASON = .*SVE.*, FAILEDFIELDS = countryRegion, COUNTRY = SVE/.test(r.message)),
      related.map((r) => r.message).join('\n'),
    );
  });
});
