// Commands that look without changing the scenario: diagnose, query, reveal, page, show a row.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { isEngineError, type QueryResult } from '../../engine/protocol';
import { CONSOLE_LIMITS } from '../../sim/sqlConsole';
import { toRange } from '../diagnostics';
import type { PagedView } from '../nodes';
import type { CommandFactory } from './types';

export const runDiagnosis: CommandFactory = (ctx) => async () => {
  const document = await ctx.activeDocument();
  if (!document) return;
  const snapshot = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Diagnosing {0}', basename(document.uri.path)) },
    () => ctx.scenarios.analyzeNow(document),
  );
  ctx.log.info(`diagnosis of ${document.uri.toString()}: ${snapshot.findings.length} findings in ${Math.round(snapshot.durationMs)} ms`);
  return snapshot;
};

/** One read-only statement against HQ or a channel database; the rows open as a Markdown table. */
export const querySql: CommandFactory = (ctx) => async (databaseArg?: string, sqlArg?: string) => {
  const active = await ctx.analysed();
  if (!active) return;
  const database =
    databaseArg ?? (await vscode.window.showQuickPick(['HQ', ...active.snapshot.scenario.channelDatabases], { title: vscode.l10n.t('Query which database?') }));
  if (!database) return;
  const sql =
    sqlArg ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Read-only SQL against {0}', database),
      value: database === 'HQ' ? 'SELECT * FROM RETAILASYNCCUSTOMERV2 LIMIT 50' : 'SELECT * FROM CUSTOMER LIMIT 50',
    }));
  if (!sql) return;
  try {
    const result = await ctx.engine.request({ kind: 'query', doc: active.doc, database, sql, maxRows: CONSOLE_LIMITS.maxRows, timeoutMs: CONSOLE_LIMITS.timeoutMs });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content: queryMarkdown(database, sql, result) }), { preview: true });
    return result;
  } catch (error) {
    const message = isEngineError(error, 'readOnly')
      ? error.message
      : isEngineError(error, 'timeout')
        ? vscode.l10n.t('{0} Open scenarios are analysed again.', error.message)
        : vscode.l10n.t('The query failed: {0}', error instanceof Error ? error.message : String(error));
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
};

export const refresh: CommandFactory = (ctx) => async () => {
  const document = ctx.scenarios.activeDocument();
  if (document) await ctx.scenarios.analyzeNow(document);
};

/** Selects a finding's range in its scenario (the Troubleshooter's finding items). */
export const revealFinding: CommandFactory = (ctx) => async (uri: vscode.Uri, index: number) => {
  const document = await vscode.workspace.openTextDocument(uri);
  const finding = ctx.scenarios.snapshotFor(document)?.findings[index] ?? ctx.scenarios.snapshot(uri)?.findings[index];
  if (!finding) return;
  await vscode.window.showTextDocument(document, { selection: toRange(finding.location.range), preserveFocus: false });
};

export const loadMore: CommandFactory = (ctx) => (view: PagedView, key: string) => ctx.trees.loadMore(view, key);

export const showStagingRow: CommandFactory = () => async (key: string, row: Record<string, unknown>) => {
  const content = `// ${key}\n${JSON.stringify(row, null, 2)}\n`;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'jsonc', content }), { preview: true });
};

function queryMarkdown(database: string, sql: string, result: QueryResult): string {
  const header = `| ${result.columns.join(' | ')} |\n|${result.columns.map(() => '---').join('|')}|`;
  const body = result.rows.map((row) => `| ${row.map((v) => (v === null ? 'NULL' : String(v).replace(/\|/g, '\\|'))).join(' | ')} |`).join('\n');
  const truncated = result.truncated ? ` ${vscode.l10n.t('(first 1000 shown)')}` : '';
  return `# ${database}\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n${header}\n${body}\n\n${vscode.l10n.t('{0} rows', result.rows.length)}${truncated}\n`;
}
