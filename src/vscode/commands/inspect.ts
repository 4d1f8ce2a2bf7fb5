// Commands that look without changing the scenario: diagnose, query, reveal, page, show a row.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import { isEngineError, type QueryResult } from '../../engine/protocol';
import { CONSOLE_LIMITS } from '../../sim/sqlConsole';
import { toRange } from '../diagnostics';
import type { PagedView } from '../nodes';
import type { CommandFactory } from './types';

export const runDiagnosis: CommandFactory = (ctx) => async () => {
  const document = await ctx.activeDocument();
  if (!document) return;
  const snapshot = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: l10n.t('Diagnosing {0}', basename(document.uri.path)) },
    () => ctx.scenarios.analyzeNow(document),
  );
  ctx.log.info(`diagnosis of ${document.uri.toString()}: ${snapshot.findings.length} findings in ${Math.round(snapshot.durationMs)} ms`);
  return snapshot;
};

/** The statement last run per database, offered again next time (and after an error). */
const lastStatements = new Map<string, string>();

/**
 * One read-only statement against HQ or a channel database: pick a table (or write a statement),
 * edit the statement, see the rows rendered as a table. A statement SQLite rejects is offered
 * again, with the error, so a typo never loses it.
 */
export const querySql: CommandFactory = (ctx) => async (databaseArg?: string, sqlArg?: string) => {
  const active = await ctx.analysed();
  if (!active) return;
  const database =
    databaseArg ?? (await vscode.window.showQuickPick(['HQ', ...active.snapshot.scenario.channelDatabases], { title: l10n.t('Query which database?') }));
  if (!database) return;
  const run = (sql: string) => ctx.engine.request({ kind: 'query', doc: active.doc, database, sql, maxRows: CONSOLE_LIMITS.maxRows, timeoutMs: CONSOLE_LIMITS.timeoutMs, locale: l10n.currentLocale() });
  if (sqlArg !== undefined) {
    try {
      return await run(sqlArg);
    } catch (error) {
      void vscode.window.showErrorMessage(queryError(error));
      return undefined;
    }
  }
  let sql = await firstStatement(database, (statement) => run(statement));
  let problem: string | undefined;
  while (sql !== undefined) {
    const typed = await vscode.window.showInputBox({
      title: l10n.t('Read-only SQL against {0}', database),
      value: sql,
      prompt: l10n.t('One SELECT statement; Enter runs it.'),
      // The error stays beside the statement until it is changed.
      validateInput: (value) => (problem && value === sql ? { message: problem, severity: vscode.InputBoxValidationSeverity.Error } : undefined),
    });
    if (!typed) return undefined;
    sql = typed;
    lastStatements.set(database, sql);
    try {
      const result = await run(sql);
      await showRendered(ctx.extension, `query-${database}.md`, queryMarkdown(database, sql, result));
      return result;
    } catch (error) {
      if (!isEngineError(error, 'sqlError') && !isEngineError(error, 'readOnly')) {
        void vscode.window.showErrorMessage(queryError(error));
        return undefined;
      }
      problem = queryError(error);
    }
  }
  return undefined;
};

/** The statement to start from: the last one run, or SELECT * from a table picked from the list. */
async function firstStatement(database: string, run: (sql: string) => Promise<QueryResult>): Promise<string | undefined> {
  const tables = await run(
    database === 'HQ'
      ? "SELECT name FROM pragma_table_list WHERE schema = 'hq' AND type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name"
      : "SELECT DISTINCT name FROM pragma_table_list WHERE schema GLOB 'c[0-9]*' AND type = 'table' ORDER BY name",
  ).then(
    (result) => result.rows.map((row) => String(row[0])),
    () => [] as string[],
  );
  const last = lastStatements.get(database);
  const own = { label: l10n.t('$(edit) Write a statement…'), statement: last ?? 'SELECT 1' };
  const items: (vscode.QuickPickItem & { statement: string })[] = [
    ...(last ? [{ label: l10n.t('$(history) Last statement'), description: last, statement: last }] : []),
    ...tables.map((table) => ({ label: `$(table) ${table}`, statement: `SELECT * FROM ${table} LIMIT 50` })),
    own,
  ];
  return (await vscode.window.showQuickPick(items, { title: l10n.t('Query which table of {0}?', database), matchOnDescription: true }))?.statement;
}

function queryError(error: unknown): string {
  if (isEngineError(error, 'readOnly')) {
    return error.message;
  }
  if (isEngineError(error, 'timeout')) {
    return l10n.t('{0} Open scenarios are analysed again.', error.message);
  }
  return l10n.t('The query failed: {0}', error instanceof Error ? error.message : String(error));
}

/**
 * Opens Markdown rendered (the built-in preview), from a file in the extension's storage: a
 * result or a report to read, not source to edit.
 */
async function showRendered(extension: vscode.ExtensionContext, name: string, markdown: string): Promise<vscode.Uri> {
  const folder = extension.globalStorageUri;
  await vscode.workspace.fs.createDirectory(folder);
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(markdown, 'utf8'));
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

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
  const truncated = result.truncated ? ` ${l10n.t('(first 1000 shown)')}` : '';
  const count = l10n.tn(result.rows.length, '{0} row', '{0} rows');
  return `# ${database}\n\n\`\`\`sql\n${sql}\n\`\`\`\n\n${count}${truncated}\n\n${header}\n${body}\n`;
}
