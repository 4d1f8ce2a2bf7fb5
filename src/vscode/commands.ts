// Every command of the extension, registered from one place. Actions on the simulation append
// a timeline entry to the scenario document (a WorkspaceEdit, so Undo works and the file stays
// the single source of truth); the scenario is then replayed as after any edit.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { markdownReport } from '../diagnose/report';
import { writeFileAtomically } from '../io/atomicWrite';
import { CDX_JOBS, type CdxJobId } from '../domain/jobs';
import type { EngineClient } from '../engine/client';
import { isEngineError, type FeatureState } from '../engine/protocol';
import { appendEntries, type EntryValue } from '../scenario/edits';
import { parseScenario } from '../scenario/parse';
import { EDITABLE_FIELD_NAMES } from '../domain/fields';
import { toRange } from './diagnostics';
import type { ScenarioManager } from './scenarios';
import type { Node } from './views/base';
import { operationOf } from './views/syncStatusView';
import type { StagingTablesView } from './views/stagingTablesView';
import type { SyncStatusView } from './views/syncStatusView';

export interface CommandDependencies {
  readonly context: vscode.ExtensionContext;
  readonly scenarios: ScenarioManager;
  readonly engine: EngineClient;
  readonly log: vscode.LogOutputChannel;
  readonly stagingTables: StagingTablesView;
  readonly syncStatus: SyncStatusView;
}

const TEMPLATE = `// A new scenario: what happened in HQ and at the channel, in order.
// Replace the timeline with your situation; the Problems panel says what the FAQ makes of it.
{
  "name": "My scenario",
  "start": "2026-11-01T08:00:00Z",
  "features": {
    "CustomerOrderPerformance": true,
    "EnhancedAsyncCustomerCreation": true,
    "AsyncCustomerAddressCreation": true,
    "AsyncCustomerEditing": false
  },
  "channels": [
    { "id": "Store1", "kind": "store", "channelDatabase": "Default", "asyncCustomerCreation": true }
  ],
  "timeline": [
    { "at": "2026-11-01T09:00:00Z", "createCustomer": { "channel": "Store1", "firstName": "Ana", "lastName": "Berg", "email": "ana@example.com" } }
  ]
}
`;

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * The handler of every command, by id without the 'asyncCustomers.' prefix. extension.ts
 * registers the ids at activation and loads this module on the first command.
 */
export function commandHandlers(deps: CommandDependencies): Map<string, CommandHandler> {
  const { context, scenarios, engine } = deps;
  const handlers = new Map<string, CommandHandler>();
  const register = (id: string, handler: (...args: never[]) => unknown) => handlers.set(id, handler as CommandHandler);

  /** The active scenario document, opened if needed; a message when there is none. */
  const activeDocument = async (): Promise<vscode.TextDocument | undefined> => {
    const uri = scenarios.activeScenario;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a scenario file (*.asyncscenario.json) first.'));
      return undefined;
    }
    return scenarios.activeDocument() ?? vscode.workspace.openTextDocument(uri);
  };

  const snapshotOf = async (document: vscode.TextDocument) => scenarios.whenAnalyzed(document);

  /** Appends entries to the timeline; recomputed if the document changed while we asked. */
  const append = async (entries: EntryValue[]): Promise<boolean> => {
    const document = await activeDocument();
    if (!document) {
      return false;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = document.version;
      const parsed = parseScenario(document.getText());
      if (!parsed.usable) {
        void vscode.window.showWarningMessage(vscode.l10n.t('The scenario has errors that keep it from being read; fix them first (see Problems).'));
        return false;
      }
      const raw = appendEntries(parsed, entries);
      const edit = new vscode.WorkspaceEdit();
      const start = document.positionAt(raw.offset);
      edit.replace(document.uri, new vscode.Range(start, document.positionAt(raw.offset + raw.length)), raw.newText);
      if (document.version !== version) {
        continue;
      }
      const applied = await vscode.workspace.applyEdit(edit);
      if (applied) {
        await scenarios.analyzeNow(document);
      }
      return applied;
    }
    return false;
  };

  const requireTrust = (): boolean => {
    if (vscode.workspace.isTrusted) {
      return true;
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('This command writes files, which is disabled in an untrusted workspace. Trust the workspace to use it.'));
    return false;
  };

  register('newScenario', async (target?: vscode.Uri) => {
    if (!requireTrust()) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: folder ? vscode.Uri.joinPath(folder, 'new.asyncscenario.json') : undefined,
        filters: { [vscode.l10n.t('Async customer scenarios')]: ['asyncscenario.json'] },
        title: vscode.l10n.t('New Scenario'),
      }));
    if (!uri) return;
    await writeAtomically(uri, TEMPLATE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  });

  register('openSample', async (name?: string) => {
    const samplesDir = vscode.Uri.joinPath(context.extensionUri, 'samples');
    const files = (await vscode.workspace.fs.readDirectory(samplesDir)).map(([file]) => file).filter((f) => f.endsWith('.asyncscenario.json'));
    const pick =
      name ??
      (
        await vscode.window.showQuickPick(
          await Promise.all(
            files.sort().map(async (file) => ({
              label: file.replace('.asyncscenario.json', ''),
              detail: await firstComment(vscode.Uri.joinPath(samplesDir, file)),
              file,
            })),
          ),
          { title: vscode.l10n.t('Open a Sample Scenario'), matchOnDetail: true },
        )
      )?.file;
    if (!pick) return;
    const file = pick.endsWith('.asyncscenario.json') ? pick : `${pick}.asyncscenario.json`;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(samplesDir, file)));
  });

  register('runDiagnosis', async () => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Diagnosing {0}', basename(document.uri.path)) },
      () => scenarios.analyzeNow(document),
    );
    deps.log.info(`diagnosis of ${document.uri.toString()}: ${snapshot.findings.length} findings in ${Math.round(snapshot.durationMs)} ms`);
    return snapshot;
  });

  register('enableFeature', async (node?: Node | string) => {
    const document = await activeDocument();
    if (!document) return;
    await snapshotOf(document);
    const features = await engine.request({ kind: 'featureStates', doc: document.uri.toString() });
    const id = typeof node === 'string' ? node : node?.id.replace(/^feature\//, '');
    const feature =
      features.find((f) => f.id === id) ??
      (
        await vscode.window.showQuickPick(
          features.filter((f) => !f.enabled).map((f) => ({ label: f.name, description: f.id, feature: f })),
          { title: vscode.l10n.t('Enable Feature') },
        )
      )?.feature;
    if (!feature) return;
    if (feature.enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already enabled.', feature.name));
      return;
    }
    if (feature.missingPrerequisites.length > 0) {
      return enableWithPrerequisites(feature, features, append);
    }
    return append([{ enableFeature: feature.id }]);
  });

  register('runCdxJob', async (node?: Node, jobArg?: CdxJobId, databaseArg?: string) => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const fromNode = /^db\/(.+)\/job\/(.+)$/.exec(node?.id ?? '');
    const job =
      (fromNode?.[2] as CdxJobId | undefined) ??
      jobArg ??
      (await vscode.window.showQuickPick(CDX_JOBS.map((j) => ({ label: j.id, description: j.name, detail: j.carries, job: j.id })), { title: vscode.l10n.t('Run CDX Job') }))?.job;
    if (!job) return;
    const database = fromNode?.[1] ?? databaseArg ?? (await pickDatabase(snapshot.scenario.channelDatabases));
    if (database === undefined) return;
    return append([database === ALL ? { runJob: job } : { runJob: job, channelDatabase: database }]);
  });

  register('runPJob', async (databaseArg?: string) => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const database = databaseArg ?? (await pickDatabase(snapshot.scenario.channelDatabases));
    if (database === undefined) return;
    return append([database === ALL ? { runJob: 'P-0001' } : { runJob: 'P-0001', channelDatabase: database }]);
  });

  register('runBatch', () => append([{ runBatch: 'SynchronizeCustomersAndChannelRequests' }]));

  register('createCustomer', async (input?: Record<string, string>) => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const customer = input ?? (await askCustomer(snapshot.scenario.channels.map((c) => c.id)));
    if (!customer) return;
    const { street, city, zip, countryRegion, ...rest } = customer;
    const address = countryRegion || city || street || zip ? { street, city, zip, countryRegion } : undefined;
    return append([{ createCustomer: { ...rest, ...(address ? { address } : {}) } }]);
  });

  register('editCustomer', async (input?: { channel: string; customer: string; field: string; value: string }) => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const edit = input ?? (await askCustomerEdit(engine, document.uri.toString(), snapshot.scenario.channels));
    if (!edit) return;
    return append([{ editCustomer: { channel: edit.channel, customer: edit.customer, [edit.field]: edit.value } }]);
  });

  register('advanceClock', async (duration?: string) => {
    const value =
      duration ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Advance the Clock'),
        prompt: vscode.l10n.t('An ISO-8601 duration: PT10M, PT2H, P1D'),
        value: 'PT15M',
        validateInput: (text) => (/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(text.trim()) ? undefined : vscode.l10n.t('Not an ISO-8601 duration such as PT10M')),
      }));
    if (!value) return;
    return append([{ advance: value.trim() }]);
  });

  register('reset', async (confirmed?: boolean) => {
    const document = await activeDocument();
    if (!document) return;
    const parsed = parseScenario(document.getText());
    if (!parsed.timelineSpan) return;
    const answer =
      confirmed === true
        ? 'yes'
        : await vscode.window.showWarningMessage(
            vscode.l10n.t('Remove all {0} timeline entries? The features and channels stay; Undo brings the entries back.', parsed.timelineLength),
            { modal: true },
            vscode.l10n.t('Remove Entries'),
          );
    if (!answer) return;
    const edit = new vscode.WorkspaceEdit();
    const span = parsed.timelineSpan;
    edit.replace(document.uri, new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length)), '[]');
    await vscode.workspace.applyEdit(edit);
    await scenarios.analyzeNow(document);
  });

  register('exportReport', async (target?: vscode.Uri) => {
    if (!requireTrust()) return;
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const uri =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: document.uri.with({ path: document.uri.path.replace(/\.asyncscenario\.json$/, '.report.md') }),
        filters: { Markdown: ['md'] },
        title: vscode.l10n.t('Export Markdown Report'),
      }));
    if (!uri) return;
    const report = markdownReport({
      title: snapshot.scenario.name ?? basename(document.uri.path),
      file: vscode.workspace.asRelativePath(document.uri),
      generatedAt: new Date().toISOString(),
      findings: snapshot.findings,
      walk: snapshot.walk,
    });
    await writeAtomically(uri, report);
    if (!target) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
    }
    return uri;
  });

  register('querySql', async (databaseArg?: string, sqlArg?: string) => {
    const document = await activeDocument();
    if (!document) return;
    const snapshot = await snapshotOf(document);
    const database =
      databaseArg ??
      (await vscode.window.showQuickPick(['HQ', ...snapshot.scenario.channelDatabases], { title: vscode.l10n.t('Query which database?') }));
    if (!database) return;
    const sql =
      sqlArg ??
      (await vscode.window.showInputBox({
        title: vscode.l10n.t('Read-only SQL against {0}', database),
        value: database === 'HQ' ? 'SELECT * FROM RETAILASYNCCUSTOMERV2 LIMIT 50' : 'SELECT * FROM CUSTOMER LIMIT 50',
      }));
    if (!sql) return;
    try {
      const result = await engine.request({ kind: 'query', doc: document.uri.toString(), database, sql, maxRows: 1000 });
      const header = `| ${result.columns.join(' | ')} |\n|${result.columns.map(() => '---').join('|')}|`;
      const body = result.rows.map((row) => `| ${row.map((v) => (v === null ? 'NULL' : String(v).replace(/\|/g, '\\|'))).join(' | ')} |`).join('\n');
      const content = `# ${database}\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n${header}\n${body}\n\n${vscode.l10n.t('{0} rows', result.rows.length)}${result.truncated ? ` ${vscode.l10n.t('(first 1000 shown)')}` : ''}\n`;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }), { preview: true });
      return result;
    } catch (error) {
      const message = isEngineError(error, 'readOnly') ? error.message : vscode.l10n.t('The query failed: {0}', error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
  });

  register('editFailedOperation', async (node?: Node | string, fieldArg?: string, valueArg?: string | null) => {
    const document = await activeDocument();
    if (!document) return;
    const operation = typeof node === 'string' ? node : operationOf(node);
    if (!operation) return;
    const fields = await engine.request({ kind: 'operationFields', doc: document.uri.toString(), operation });
    const field =
      fieldArg ??
      (
        await vscode.window.showQuickPick(
          EDITABLE_FIELD_NAMES.filter((f) => f in fields).map((f) => ({ label: f, description: fields[f] === null ? 'NULL' : String(fields[f]) })),
          { title: vscode.l10n.t('Which field of {0}?', operation) },
        )
      )?.label;
    if (!field) return;
    const value =
      valueArg !== undefined
        ? valueArg
        : await vscode.window.showInputBox({ title: vscode.l10n.t('New value of {0}', field), value: fields[field] === null ? '' : String(fields[field] ?? '') });
    if (value === undefined) return;
    return append([{ editFailedOperation: { operation, set: { [field]: value === '' ? null : value } } }]);
  });

  register('resync', (node?: Node | string) => {
    const operation = typeof node === 'string' ? node : operationOf(node);
    return operation ? append([{ resync: operation }]) : undefined;
  });

  register('refresh', async () => {
    const document = scenarios.activeDocument();
    if (document) await scenarios.analyzeNow(document);
  });

  register('revealFinding', async (uri: vscode.Uri, index: number) => {
    const document = await vscode.workspace.openTextDocument(uri);
    const finding = scenarios.snapshotFor(document)?.findings[index] ?? scenarios.snapshot(uri)?.findings[index];
    if (!finding) return;
    const range = toRange(finding.location.range);
    await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  });

  register('loadMore', (view: 'stagingTables' | 'syncStatus', key: string) => {
    (view === 'stagingTables' ? deps.stagingTables : deps.syncStatus).loadMore(key);
  });

  register('showStagingRow', async (key: string, row: Record<string, unknown>) => {
    const content = `// ${key}\n${JSON.stringify(row, null, 2)}\n`;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'jsonc', content }), { preview: true });
  });
  return handlers;
}

const ALL = '*';

async function pickDatabase(databases: readonly string[]): Promise<string | undefined> {
  if (databases.length === 1) {
    return databases[0];
  }
  const pick = await vscode.window.showQuickPick(
    [{ label: vscode.l10n.t('All channel databases'), value: ALL }, ...databases.map((d) => ({ label: d, value: d }))],
    { title: vscode.l10n.t('For which channel database?') },
  );
  return pick?.value;
}

async function enableWithPrerequisites(
  feature: FeatureState,
  features: readonly FeatureState[],
  append: (entries: EntryValue[]) => Promise<boolean>,
): Promise<boolean | undefined> {
  const names = feature.missingPrerequisites.map((id) => features.find((f) => f.id === id)?.name ?? id);
  const enableAll = vscode.l10n.t('Enable Prerequisites First');
  // Worded as HQ's Feature management refuses it.
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('HQ cannot enable "{0}": these features must be enabled first: {1}.', feature.name, names.join(', ')),
    enableAll,
  );
  if (answer !== enableAll) return undefined;
  return append([...feature.missingPrerequisites.map((id) => ({ enableFeature: id })), { enableFeature: feature.id }]);
}

async function askCustomer(channels: readonly string[]): Promise<Record<string, string> | undefined> {
  const channel = channels.length === 1 ? channels[0] : await vscode.window.showQuickPick([...channels], { title: vscode.l10n.t('At which channel?') });
  if (!channel) return undefined;
  const ask = (prompt: string, value = '') => vscode.window.showInputBox({ title: vscode.l10n.t('Create Customer at {0}', channel), prompt, value });
  const firstName = await ask(vscode.l10n.t('First name'));
  if (firstName === undefined) return undefined;
  const lastName = await ask(vscode.l10n.t('Last name'));
  if (lastName === undefined) return undefined;
  const email = await ask(vscode.l10n.t('Email (optional)'));
  if (email === undefined) return undefined;
  const countryRegion = await ask(vscode.l10n.t('Country/region of the address (ISO code, optional)'), 'SWE');
  if (countryRegion === undefined) return undefined;
  const customer: Record<string, string> = { channel, firstName, lastName };
  if (email) customer.email = email;
  if (countryRegion) customer.countryRegion = countryRegion;
  return customer;
}

async function askCustomerEdit(
  engine: EngineClient,
  doc: string,
  channels: readonly { id: string; channelDatabase: string }[],
): Promise<{ channel: string; customer: string; field: string; value: string } | undefined> {
  const channel = channels.length === 1 ? channels[0] : (await vscode.window.showQuickPick(channels.map((c) => ({ label: c.id, channel: c }))))?.channel;
  if (!channel) return undefined;
  const rows = await engine.request({ kind: 'channelCustomers', doc, database: channel.channelDatabase, offset: 0, limit: 200 });
  const picked = await vscode.window.showQuickPick(
    rows.map((r) => ({
      label: [r.FIRSTNAME, r.LASTNAME].filter(Boolean).join(' ') || String(r.ACCOUNTNUM),
      description: String(r.EMAIL ?? ''),
      detail: r.PENDINGSYNC === 1 ? vscode.l10n.t('Pending sync · {0}', String(r.ASYNCCUSTOMERID)) : String(r.ACCOUNTNUM),
      reference: String(r.EMAIL ?? '') || String(r.ACCOUNTNUM),
    })),
    { title: vscode.l10n.t('Which customer?') },
  );
  if (!picked) return undefined;
  const field = await vscode.window.showQuickPick(['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup'], { title: vscode.l10n.t('Which field?') });
  if (!field) return undefined;
  const value = await vscode.window.showInputBox({ title: vscode.l10n.t('New value of {0}', field) });
  if (value === undefined) return undefined;
  return { channel: channel.id, customer: picked.reference, field, value };
}

async function firstComment(uri: vscode.Uri): Promise<string> {
  const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .slice(0, 2)
    .map((line) => line.replace(/^\/\/\s*/, ''))
    .join(' ');
}

/**
 * Writes a file so that a crash midway never leaves it half-written: a temporary file beside
 * it, then a rename. Non-file schemes go through the workspace file system.
 */
export async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    return;
  }
  await writeFileAtomically(uri.fsPath, content);
}
