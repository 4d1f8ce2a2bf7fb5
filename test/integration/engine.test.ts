// The engine never hangs and recovers: the SQL console through the VS Code command refuses
// writes and stops a runaway statement within its budget; a worker that dies is replaced, the
// status bar says so, and the open scenario's Problems and views come back.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { QueryResult } from '../../src/engine/protocol';
import { CONSOLE_LIMITS } from '../../src/sim/sqlConsole';
import type { DoctorApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
const samplesDir = join(__dirname, '..', '..', '..', 'samples');
const scratch = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'acd-engine-')));
let api: DoctorApi;

async function openSample(sample: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.joinPath(scratch, `${sample}-${Date.now()}.asyncscenario.json`);
  await vscode.workspace.fs.writeFile(uri, readFileSync(join(samplesDir, `${sample}.asyncscenario.json`)));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  await api.whenAnalyzed(document);
  return document;
}

function ourCodes(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Async Customer Doctor')
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code))
    .sort();
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function query(database: string, sql: string): Thenable<QueryResult | undefined> {
  return vscode.commands.executeCommand<QueryResult | undefined>('asyncCustomers.querySql', database, sql);
}

async function customersInHq(): Promise<unknown> {
  return (await query('HQ', 'SELECT COUNT(*) FROM CUSTTABLE'))?.rows[0]?.[0];
}

describe('the engine: a guarded SQL console and a worker that recovers', () => {
  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as DoctorApi;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('refuses a write from the SQL console and leaves the simulation as it was', async () => {
    await openSample('failed-operation');
    const before = await customersInHq();
    assert.notEqual(before, undefined, 'a read-only query answers');
    assert.equal(await query('HQ', 'DELETE FROM CUSTTABLE'), undefined, 'the write was refused');
    assert.equal(await query('HQ', "ATTACH DATABASE ':memory:' AS x"), undefined, 'ATTACH was refused');
    assert.equal(await customersInHq(), before);
  });

  it('stops a runaway recursive query within its budget + 1 s, then analyses the scenario normally again', async function () {
    this.timeout(60_000);
    const document = await openSample('failed-operation');
    const expected = ourCodes(document.uri);
    assert.ok(expected.includes('ACD006'), `the sample reports ACD006 (got ${expected.join(', ')})`);
    const started = Date.now();
    const result = await query('HQ', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c');
    const answeredMs = Date.now() - started;
    assert.equal(result, undefined);
    assert.ok(answeredMs <= CONSOLE_LIMITS.timeoutMs + 1000, `answered after ${answeredMs} ms`);
    assert.match(api.engineRestartNotice() ?? '', /time budget|tidsgräns/);
    // The open scenario is analysed again in the new worker: its simulation answers queries.
    await until('the simulation to answer again', async () => (await customersInHq()) ?? undefined);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ' '));
    const snapshot = await api.whenAnalyzed(document);
    assert.equal(snapshot.version, document.version);
    assert.deepEqual(snapshot.findings.map((f) => f.ruleId).sort(), expected);
  });

  it('replaces a worker that died, says so in the status bar, and brings the Problems and views back', async function () {
    this.timeout(60_000);
    const document = await openSample('cannot-enable-editing');
    const expected = ourCodes(document.uri);
    assert.ok(expected.includes('ACD001'));
    api.crashEngineForTest();
    const notice = await until('the status bar to tell of the restart', () => (/stopped|stannade/.test(api.engineRestartNotice() ?? '') ? api.engineRestartNotice() : undefined));
    assert.match(notice, /analysed again|analyseras igen/);
    // The new worker has the scenario's simulation only once it was analysed again.
    await until('the simulation to answer again', async () => (await customersInHq()) ?? undefined);
    assert.deepEqual(ourCodes(document.uri), expected);
    assert.deepEqual((await api.whenAnalyzed(document)).findings.map((f) => f.ruleId).sort(), expected);
  });

  it('applies a new memory budget at once: the engine restarts and a scenario beyond it gets ACD108', async function () {
    this.timeout(60_000);
    const uri = vscode.Uri.joinPath(scratch, `large-${Date.now()}.asyncscenario.json`);
    const large = {
      start: '2026-11-01T08:00:00Z',
      channels: [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true }],
      timeline: [{ generateCustomers: { count: 200000 } }],
    };
    const config = vscode.workspace.getConfiguration('asyncCustomerDoctor.limits');
    await config.update('memoryBudgetMB', 256, vscode.ConfigurationTarget.Global);
    try {
      assert.match(await until('the restart notice', () => (/memory budget|minnesbudget/.test(api.engineRestartNotice() ?? '') ? api.engineRestartNotice() : undefined)), /analysed again|analyseras igen/);
      await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify(large, null, 2)));
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const snapshot = await api.whenAnalyzed(document);
      const refusal = snapshot.findings.find((f) => f.ruleId === 'ACD108');
      assert.ok(refusal, `ACD108 expected, got ${snapshot.findings.map((f) => f.ruleId).join(', ')}`);
      assert.match(refusal.message, /256 MB/);
    } finally {
      await config.update('memoryBudgetMB', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
