// The one SQLite connection a simulation runs on. HQ and each channel database are attached
// in-memory schemas, so jobs move rows with set-based SQL inside SQLite. The interface is
// small so the benchmark can run the very same statements on native SQLite.
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';

export type { SqlValue } from 'sql.js';
export type Row = Record<string, SqlValue>;

export interface SqlStatement {
  run(params: readonly SqlValue[]): void;
  all(params: readonly SqlValue[]): Row[];
  one(params: readonly SqlValue[]): Row | undefined;
  /** Rows as arrays, with the column names: for the SQL console. */
  raw(params: readonly SqlValue[], maxRows: number): { columns: string[]; rows: SqlValue[][]; truncated: boolean };
  free(): void;
}

export interface SqlConnection {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  close(): void;
}

export function sqlJsConnection(sql: SqlJsStatic): SqlConnection {
  const db: Database = new sql.Database();
  return {
    exec: (text) => {
      db.exec(text);
    },
    prepare: (text) => sqlJsStatement(db.prepare(text)),
    close: () => db.close(),
  };
}

function sqlJsStatement(statement: Statement): SqlStatement {
  // sql.js's getAsObject() asks SQLite for every column's name again on every row, each a call
  // into wasm and a string decode: most of a small query's cost. A prepared statement's columns
  // do not change (the simulation never alters a table), so they are read once; a row of
  // another width (a statement SQLite prepared again) reads them afresh.
  let names: string[] | undefined;
  const object = (): Row => {
    const values = statement.get();
    if (names?.length !== values.length) {
      names = statement.getColumnNames();
    }
    const row: Row = {};
    for (let i = 0; i < values.length; i++) {
      row[names[i]] = values[i];
    }
    return row;
  };
  const withBound = <T>(params: readonly SqlValue[], body: () => T): T => {
    try {
      statement.bind(params as SqlValue[]);
      return body();
    } finally {
      statement.reset();
    }
  };
  return {
    run: (params) => {
      withBound(params, () => statement.step());
    },
    all: (params) =>
      withBound(params, () => {
        const rows: Row[] = [];
        while (statement.step()) {
          rows.push(object());
        }
        return rows;
      }),
    one: (params) => withBound(params, () => (statement.step() ? object() : undefined)),
    raw: (params, maxRows) =>
      withBound(params, () => {
        const rows: SqlValue[][] = [];
        let truncated = false;
        while (statement.step()) {
          if (rows.length >= maxRows) {
            truncated = true;
            break;
          }
          rows.push(statement.get());
        }
        return { columns: statement.getColumnNames(), rows, truncated };
      }),
    free: () => {
      statement.free();
    },
  };
}
