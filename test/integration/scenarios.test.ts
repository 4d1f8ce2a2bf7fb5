// A new user's tour of each sample inside VS Code: Problems, quick fixes, views, status bar, commands.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi, TreeSnapshot } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
const samplesDir = join(__dirname, '..', '..', '..', 'samples');

let api: DoctorApi;
let counter = 0;
/** Copies live outside the workspace, so a run never leaves files among the samples. */
const scratch = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'acd-integration-')));

/** A private copy of a sample in the workspace, opened in an editor and analyzed. */
async function openCopy(sample: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = vscode.Uri.joinPath(scratch, `copy-${++counter}-${sample}.asyncscenario.json`);
  await vscode.workspace.fs.writeFile(uri, readFileSync(join(samplesDir, `${sample}.asyncscenario.json`)));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await api.whenAnalyzed(document);
  return { document, editor };
}

/** Our diagnostics (the JSON language server adds its own schema checks beside them). */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Async Customer Doctor');
}

async function diagnosticsSettled(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const snapshot = await api.whenAnalyzed(document);
  for (let i = 0; i < 50; i++) {
    const diagnostics = ours(document.uri);
    if (diagnostics.length === snapshot.findings.length) {
      return diagnostics;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return ours(document.uri);
}

function codes(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)).sort();
}

function find(items: readonly TreeSnapshot[], label: string): TreeSnapshot | undefined {
  for (const item of items) {
    if (item.label === label || item.label.startsWith(label) || item.id === label || item.id.endsWith(`/${label}`)) return item;
    const inner = find(item.children ?? [], label);
    if (inner) return inner;
  }
  return undefined;
}

const EXPECTED: Record<string, { code: string; line: number; character: number }[]> = {
  healthy: [],
  'cannot-enable-editing': [{ code: 'ACD001', line: 16, character: 53 }],
  'realtime-calls-continue': [{ code: 'ACD002', line: 22, character: 53 }],
  'csu-cache-not-expired': [{ code: 'ACD003', line: 23, character: 16 }],
  'customers-stuck-in-channel': [{ code: 'ACD004', line: 17, character: 54 }],
  'customers-stuck-in-staging': [{ code: 'ACD005', line: 18, character: 54 }],
  'failed-operation': [{ code: 'ACD006', line: 18, character: 54 }],
  'store-not-in-async-mode': [{ code: 'ACD008', line: 15, character: 4 }],
  'feature-needs-newer-version': [{ code: 'ACD009', line: 17, character: 53 }],
  'pipeline-job-not-scheduled': [
    { code: 'ACD010', line: 17, character: 15 },
    { code: 'ACD005', line: 22, character: 54 },
  ],
  'failed-upload-session': [
    { code: 'ACD004', line: 18, character: 54 },
    { code: 'ACD011', line: 19, character: 46 },
  ],
  'order-for-new-customer': [{ code: 'ACD012', line: 18, character: 59 }],
  'loyalty-card-too-early': [
    { code: 'ACD007', line: 18, character: 54 },
    { code: 'ACD013', line: 21, character: 56 },
  ],
};

/** Applies the preferred quick fix of the diagnostic with `code`, as Ctrl+. would, and waits for the new analysis. */
async function applyPreferredFix(document: vscode.TextDocument, code: string): Promise<{ title: string; after: vscode.Diagnostic[] }> {
  const diagnostics = await diagnosticsSettled(document);
  const diagnostic = diagnostics.find((d) => (d.code as { value: string }).value === code);
  assert.ok(diagnostic, `${code} is not in Problems: ${codes(diagnostics).join(', ')}`);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
  const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred && a.title !== undefined && a.edit !== undefined && actionFor(a, code));
  assert.ok(fix?.edit, `no preferred quick fix for ${code}: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  return { title: fix.title, after: await diagnosticsSettled(document) };
}

/** Whether a code action belongs to a finding with `code` (the titles name what they do, not the rule). */
function actionFor(action: vscode.CodeAction, code: string): boolean {
  return action.diagnostics === undefined || action.diagnostics.length === 0 || action.diagnostics.some((d) => (d.code as { value: string }).value === code);
}

describe('scenarios in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    api = (await extension.activate()) as DoctorApi;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [sample, expected] of Object.entries(EXPECTED)) {
    it(`shows the findings of ${sample} in Problems at their ranges, with evidence`, async () => {
      const { document } = await openCopy(sample);
      const diagnostics = await diagnosticsSettled(document);
      assert.deepEqual(codes(diagnostics), expected.map((e) => e.code).sort());
      for (const e of expected) {
        const diagnostic = diagnostics.find((d) => (d.code as { value: string }).value === e.code)!;
        assert.equal(diagnostic.source, 'Async Customer Doctor');
        assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [e.line, e.character]);
      }
      const status = api.statusBarText() ?? '';
      assert.match(status, expected.length === 0 ? /no problems/ : new RegExp(`${expected.length} problems?$`));
    });
  }

  for (const sample of Object.keys(EXPECTED).filter((s) => EXPECTED[s].length > 0)) {
    it(`fixes ${sample} with its quick fix, and Problems, views and status bar agree afterwards`, async () => {
      const { document } = await openCopy(sample);
      const [diagnostic] = await diagnosticsSettled(document);
      const code = (diagnostic.code as { value: string }).value;
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
      // (The command's results do not carry the diagnostics back; the UI check covers the lightbulb.)
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.isPreferred);
      assert.ok(fix?.edit, `no preferred quick fix for ${code}: ${JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, preferred: a.isPreferred, diagnostics: a.diagnostics?.length })))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const after = await diagnosticsSettled(document);
      assert.ok(!codes(after).includes(code), `${code} still reported after "${fix.title}"`);
      assert.deepEqual(
        after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message),
        [],
      );
      const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
      const cause = walk.flatMap((q) => q.children ?? []).find((c) => c.id === `cause/${code}`);
      assert.ok(cause && /^cause\.(passed|notApplicable)$/.test(cause.contextValue ?? ''), `the Troubleshooter still shows ${code} as ${cause?.contextValue}`);
      const status = api.statusBarText() ?? '';
      assert.match(status, after.length === 0 ? /no problems/ : new RegExp(`${after.length} problems?$`));
    });
  }

  it('ACD011 end to end: a failed P-job run in Problems and the CDX Jobs view; its quick fix runs it again and everything agrees', async () => {
    const { document } = await openCopy('failed-upload-session');
    const before = await diagnosticsSettled(document);
    const failed = before.find((d) => (d.code as { value: string }).value === 'ACD011')!;
    assert.equal(failed.severity, vscode.DiagnosticSeverity.Error);
    assert.match(failed.message, /P-job for channel database Default failed at 2026-11-01 09:15: 'Timeout expired'/);
    let jobs = await api.treeItems('asyncCustomers.cdxJobs', 2);
    assert.equal(find(jobs, 'P-0001')?.description, 'last run failed');
    const { title, after } = await applyPreferredFix(document, 'ACD011');
    assert.equal(title, 'Run the P-job again for Default');
    assert.deepEqual(codes(after), ['ACD005'], 'the records reached HQ and now wait for the batch job');
    jobs = await api.treeItems('asyncCustomers.cdxJobs', 2);
    assert.notEqual(find(jobs, 'P-0001')?.description, 'last run failed');
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
    const cause = walk.flatMap((q) => q.children ?? []).find((c) => c.id === 'cause/ACD011');
    assert.equal(cause?.contextValue, 'cause.passed', `the Troubleshooter shows ACD011 as ${cause?.contextValue}`);
    assert.equal(cause?.label, 'Last job runs succeeded');
    assert.match(cause?.tooltip ?? '', /^\*\*passed\*\* · ACD011/);
    assert.match(api.statusBarText() ?? '', /1 problem$/);
  });

  it('ACD010 end to end: a pipeline job without a recurrence in Problems; its quick fix schedules it and the views agree', async () => {
    const { document } = await openCopy('pipeline-job-not-scheduled');
    const { title, after } = await applyPreferredFix(document, 'ACD010');
    assert.equal(title, 'Schedule Synchronize customers and channel requests every PT15M');
    assert.match(document.getText(), /\{\s*"runBatch": "SynchronizeCustomersAndChannelRequests",\s*"every": "PT15M"\s*\}/);
    assert.deepEqual(codes(after), [], 'the scheduled batch job also processed the staged customer');
    const jobs = await api.treeItems('asyncCustomers.cdxJobs', 2);
    assert.match(find(jobs, 'P-0001')?.description ?? '', /by schedule/);
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
    const cause = walk.flatMap((q) => q.children ?? []).find((c) => c.id === 'cause/ACD010');
    assert.equal(cause?.contextValue, 'cause.passed', `the Troubleshooter shows ACD010 as ${cause?.contextValue}`);
    assert.equal(cause?.label, 'Pipeline jobs are scheduled');
    assert.match(cause?.tooltip ?? '', /^\*\*passed\*\* · ACD010/);
    assert.match(api.statusBarText() ?? '', /no problems/);
  });

  it('has the JSON language server validate scenarios against the schema, comments allowed', async () => {
    await vscode.extensions.getExtension('vscode.json-language-features')?.activate();
    const uri = vscode.Uri.joinPath(scratch, `schema-${++counter}.asyncscenario.json`);
    // A comment, and a name of the wrong type that the schema (not only the engine) rejects.
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// comments are fine\n{ "name": 42, "timeline": [] }\n'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    let fromJson: vscode.Diagnostic[] = [];
    for (let i = 0; i < 100 && fromJson.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fromJson = vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'Async Customer Doctor');
    }
    assert.ok(fromJson.length > 0, 'the JSON language server never validated the scenario');
    assert.deepEqual(
      fromJson.filter((d) => /comment/i.test(d.message)).map((d) => d.message),
      [],
    );
    assert.ok(fromJson.some((d) => /string/i.test(d.message)), `no schema error: ${fromJson.map((d) => d.message).join('; ')}`);
  });

  it('shows features, CDX jobs, staging tables and operations of a sample', async () => {
    await openCopy('customers-stuck-in-channel');
    const features = await api.treeItems('asyncCustomers.features', 2);
    assert.equal(features.length, 4);
    const editing = find(features, 'feature/AsyncCustomerEditing')!;
    assert.equal(editing.label, 'Async customer editing');
    assert.equal(editing.description, 'Disabled');
    assert.equal(editing.contextValue, 'feature.disabled');
    assert.equal(editing.children?.length, 3);

    const jobs = await api.treeItems('asyncCustomers.cdxJobs', 2);
    const pJob = find(jobs, 'P-0001')!;
    assert.match(pJob.description ?? '', /stale/);
    assert.equal(pJob.contextValue, 'cdxJob.stale');
    assert.equal(find(jobs, '1110')!.description, '08:00 (start)');

    const staging = await api.treeItems('asyncCustomers.stagingTables', 3);
    const channelTable = staging.find((d) => d.id === 'db/Default')!.children!.find((t) => t.label === 'RETAILASYNCCUSTOMERV2')!;
    assert.equal(channelTable.description, '3 rows · 3 not uploaded');
    const hqTable = staging.find((d) => d.id === 'db/HQ')!.children!.find((t) => t.label === 'RETAILASYNCCUSTOMERV2')!;
    assert.equal(hqTable.description, '0 rows');
    assert.equal(channelTable.children?.length, 3);
    assert.match(channelTable.children[0].description ?? '', /Uploaded = 0/);

    const sync = await api.treeItems('asyncCustomers.syncStatus', 2);
    const waiting = find(sync, 'Waiting for upload')!;
    assert.equal(waiting.description, '3');
    assert.deepEqual(
      waiting.children?.map((c) => c.label),
      ['Ana Berg', 'Erik Lund', 'Maja Ek'],
      'operations are listed by customer name',
    );
  });

  it('shows a failed cause in the Troubleshooter that reveals its finding, and a blocked feature', async () => {
    const { document } = await openCopy('cannot-enable-editing');
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 3);
    const question = walk.find((q) => q.id === 'question/cannotEnableEditing')!;
    assert.equal(question.contextValue, 'question.failed');
    const cause = question.children!.find((c) => c.id === 'cause/ACD001')!;
    assert.equal(cause.contextValue, 'cause.failed');
    assert.equal(cause.children?.length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('asyncCustomers.revealFinding', document.uri, 0);
    const [diagnostic] = await diagnosticsSettled(document);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.toString(), document.uri.toString());
    assert.ok(editor.selection.isEqual(new vscode.Selection(diagnostic.range.start, diagnostic.range.end)));
    const features = await api.treeItems('asyncCustomers.features', 1);
    assert.equal(features.find((f) => f.id === 'feature/AsyncCustomerEditing')!.contextValue, 'feature.disabled.blocked');
  });

  it('pages large tables: 50 rows, then Load more adds 50', async () => {
    const uri = vscode.Uri.joinPath(scratch, `paging-${++counter}.asyncscenario.json`);
    const text = JSON.stringify({ channels: [{ id: 'S1', channelDatabase: 'Default', asyncCustomerCreation: true }], timeline: [{ generateCustomers: { count: 120 } }] });
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await api.whenAnalyzed(document);
    const rowsOf = async () =>
      (await api.treeItems('asyncCustomers.stagingTables', 3)).find((d) => d.id === 'db/Default')!.children!.find((t) => t.label === 'RETAILASYNCCUSTOMERV2')!.children!;
    const first = await rowsOf();
    assert.equal(first.length, 51);
    assert.equal(first[50].label, 'Load more (50 of 120)');
    await vscode.commands.executeCommand('asyncCustomers.loadMore', 'stagingTables', 'Default/RETAILASYNCCUSTOMERV2');
    const second = await rowsOf();
    assert.equal(second.length, 101);
    assert.equal(second[100].label, 'Load more (100 of 120)');
  });

  it('marks a failed operation editable, and edit + synchronize from the view fix it', async () => {
    const { document } = await openCopy('failed-operation');
    const sync = await api.treeItems('asyncCustomers.syncStatus', 2);
    const failed = find(sync, 'operation/ASYNC-000001')!;
    assert.equal(failed.contextValue, 'operation.failed');
    assert.equal(failed.label, 'Ana Berg');
    await vscode.commands.executeCommand('asyncCustomers.editFailedOperation', 'ASYNC-000001', 'countryRegion', 'SWE');
    const saved = find(await api.treeItems('asyncCustomers.syncStatus', 2), 'operation/ASYNC-000001');
    assert.equal(saved?.description, 'saved, now Synchronize');
    await vscode.commands.executeCommand('asyncCustomers.resync', 'ASYNC-000001');
    const after = await diagnosticsSettled(document);
    assert.ok(!codes(after).includes('ACD006'));
    assert.match(document.getText(), /\{ "editFailedOperation": \{ "operation": "ASYNC-000001", "set": \{ "countryRegion": "SWE" \} \} \}/);
    const syncAfter = await api.treeItems('asyncCustomers.syncStatus', 1);
    assert.equal(find(syncAfter, 'Succeeded')!.description, '1');
  });

  it('appends timeline entries from commands, and Undo takes them back', async () => {
    const { document } = await openCopy('customers-stuck-in-channel');
    const before = document.getText();
    await vscode.commands.executeCommand('asyncCustomers.runPJob', 'Default');
    await vscode.commands.executeCommand('asyncCustomers.runBatch');
    await vscode.commands.executeCommand('asyncCustomers.runCdxJob', undefined, '1010', 'Default');
    await vscode.commands.executeCommand('asyncCustomers.createCustomer', { channel: 'Store42', firstName: 'Nils', lastName: 'Ek', countryRegion: 'SWE' });
    await vscode.commands.executeCommand('asyncCustomers.advanceClock', 'PT5M');
    const text = document.getText();
    assert.match(text, /\{ "runJob": "P-0001", "channelDatabase": "Default" \}/);
    assert.match(text, /\{ "runBatch": "SynchronizeCustomersAndChannelRequests" \}/);
    assert.match(text, /\{ "runJob": "1010", "channelDatabase": "Default" \}/);
    assert.match(text, /"createCustomer": \{ "channel": "Store42", "firstName": "Nils", "lastName": "Ek", "address": \{ "countryRegion": "SWE" \} \}/);
    const diagnostics = await diagnosticsSettled(document);
    assert.deepEqual(codes(diagnostics), ['ACD004'], 'only the customer created after the P-job waits for upload');
    for (let i = 0; i < 5; i++) {
      await vscode.commands.executeCommand('undo');
    }
    assert.equal(document.getText(), before);
  });

  it("runs an item's inline command on that item: enable a feature, run a CDX job, synchronize an operation", async () => {
    const { document } = await openCopy('customers-stuck-in-channel');
    const editing = (await api.treeItems('asyncCustomers.features', 1)).find((f) => f.id === 'feature/AsyncCustomerEditing')!;
    assert.equal(editing.contextValue, 'feature.disabled', 'the sample has the editing feature off, its prerequisites on');
    await vscode.commands.executeCommand('asyncCustomers.enableFeature', editing.element);
    assert.match(document.getText(), /\{ "enableFeature": "AsyncCustomerEditing" \}/);

    const job = find(await api.treeItems('asyncCustomers.cdxJobs', 2), '1070')!;
    assert.match(job.contextValue ?? '', /^cdxJob/);
    await vscode.commands.executeCommand('asyncCustomers.runCdxJob', job.element);
    assert.match(document.getText(), /\{ "runJob": "1070", "channelDatabase": "Default" \}/);

    const failed = await openCopy('failed-operation');
    const operation = find(await api.treeItems('asyncCustomers.syncStatus', 2), 'operation/ASYNC-000001')!;
    await vscode.commands.executeCommand('asyncCustomers.resync', operation.element);
    assert.match(failed.document.getText(), /\{ "resync": "ASYNC-000001" \}/);
  });

  it('resets the timeline after confirmation, and Undo brings it back', async () => {
    const { document } = await openCopy('customers-stuck-in-channel');
    const before = document.getText();
    await vscode.commands.executeCommand('asyncCustomers.reset', true);
    assert.match(document.getText(), /"timeline": \[\]/);
    assert.deepEqual(codes(await diagnosticsSettled(document)), []);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it('exports a Markdown report and answers read-only SQL, refusing writes', async () => {
    await openCopy('failed-operation');
    const target = vscode.Uri.joinPath(scratch, 'report.md');
    await vscode.commands.executeCommand('asyncCustomers.exportReport', target);
    const report = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(report, /ACD006 \(error\)/);
    const result = await vscode.commands.executeCommand<{ rows: unknown[][] }>('asyncCustomers.querySql', 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS');
    assert.deepEqual(result?.rows, [['Failed']]);
    const refused = await vscode.commands.executeCommand('asyncCustomers.querySql', 'HQ', 'DELETE FROM RETAILASYNCOPERATIONSTATUS');
    assert.equal(refused, undefined);
    const again = await vscode.commands.executeCommand<{ rows: unknown[][] }>('asyncCustomers.querySql', 'HQ', 'SELECT COUNT(*) FROM RETAILASYNCOPERATIONSTATUS');
    assert.deepEqual(again?.rows, [[1]]);
  });

  it('updates Problems while typing and clears them when the file is deleted', async () => {
    const { document, editor } = await openCopy('healthy');
    assert.deepEqual(codes(await diagnosticsSettled(document)), []);
    const at = document.getText().indexOf('"name"') + 1;
    await editor.edit((b) => b.insert(document.positionAt(at + 'name'.length), 'X'));
    const typed = await diagnosticsSettled(document);
    assert.deepEqual(codes(typed), ['ACD101']);
    assert.equal(document.getText(typed[0].range), 'nameX');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.fs.delete(document.uri);
    for (let i = 0; i < 40 && ours(document.uri).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(ours(document.uri), []);
  });
});
