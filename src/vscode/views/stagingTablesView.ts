// The RETAILASYNC* tables in HQ and in each channel database, with row counts; rows are read a
// page at a time ("Load more"), never a whole table.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import type { Row } from '../../sim/connection';
import { branch, icon, leaf, loadMoreNode, type Node, Pager, ScenarioTree, type ScenarioContext } from './base';

export class StagingTablesView extends ScenarioTree {
  private readonly pager = new Pager();

  loadMore(key: string): void {
    this.pager.more(key);
    this.refresh();
  }

  protected async roots({ engine, doc, afterEntry }: ScenarioContext): Promise<Node[]> {
    const tables = await engine.request({ kind: 'stagingTables', doc, afterEntry });
    const databases = [...new Set(tables.map((t) => t.database))];
    return databases.map((database) =>
      branch(
        `db/${database}`,
        { kind: 'stagingDatabase', database },
        database === 'HQ' ? l10n.t('HQ staging tables') : l10n.t('Channel database {0}', database),
        () =>
          tables
            .filter((t) => t.database === database)
            .map((table) => {
              const key = `${database}/${table.table}`;
              const data = { kind: 'stagingTable', database, table: table.table } as const;
              const pending = database === 'HQ' ? l10n.t('{0} pending', table.pendingCount) : l10n.t('{0} not uploaded', table.pendingCount);
              const rows = l10n.tn(table.rowCount, '{0} row', '{0} rows');
              const options = {
                description: `${rows}${table.rowCount > 0 ? ` · ${pending}` : ''}`,
                tooltip:
                  database === 'HQ'
                    ? l10n.t('{0}: {1}, {2} with ONLINEOPERATIONCOMPLETED = 0 (the batch job has not processed them)', table.table, rows, table.pendingCount)
                    : l10n.t('{0} in channel database {1}: {2}, {3} not uploaded by the P-job yet', table.table, database, rows, table.pendingCount),
                iconPath: icon('table'),
                contextValue: 'stagingTable',
              };
              if (table.rowCount === 0) {
                return leaf(`table/${key}`, data, table.table, options);
              }
              return branch(`table/${key}`, data, table.table, () => this.rows(engine, doc, afterEntry, database, table.table, table.rowCount, key), options);
            }),
        { iconPath: icon(database === 'HQ' ? 'server' : 'database') },
        true,
      ),
    );
  }

  private async rows(engine: ScenarioContext['engine'], doc: string, afterEntry: number | undefined, database: string, table: string, rowCount: number, key: string): Promise<Node[]> {
    const rows = await engine.request({ kind: 'stagingRows', doc, afterEntry, database, table, offset: 0, limit: this.pager.limit(key) });
    const nodes = rows.map((row) => rowNode(key, database, table, row));
    if (rowCount > rows.length) {
      nodes.push(loadMoreNode(`table/${key}/more`, 'stagingTables', key, rows.length, rowCount));
    }
    return nodes;
  }
}

function rowNode(key: string, database: string, table: string, row: Row): Node {
  const state =
    database === 'HQ' ? `ONLINEOPERATIONCOMPLETED = ${String(row.ONLINEOPERATIONCOMPLETED)}` : `${l10n.t('Uploaded')} = ${String(row.UPLOADED)}`;
  const done = database === 'HQ' ? row.ONLINEOPERATIONCOMPLETED === 1 : row.UPLOADED === 1;
  const who = [row.FIRSTNAME, row.LASTNAME].filter((v) => v !== null && v !== undefined).join(' ');
  const recId = String(row.RECID);
  const label = `${recId} · ${String(row.CUSTACCOUNTASYNC)}${who ? ` · ${who}` : ''}`;
  return leaf(`table/${key}/row/${recId}`, { kind: 'stagingRow', database, table, recId: Number(row.RECID) }, label, {
    description: state,
    iconPath: done ? icon('pass', 'testing.iconPassed') : icon('clock', 'list.warningForeground'),
    tooltip: new vscode.MarkdownString(
      Object.entries(row)
        .map(([name, value]) => `\`${name}\` = ${value === null ? 'NULL' : String(value)}`)
        .join('  \n'),
    ),
    contextValue: 'stagingRow',
    command: { command: 'asyncCustomers.showStagingRow', title: l10n.t('Show Row'), arguments: [key, row] },
  });
}
