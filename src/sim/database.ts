// The SQLite underneath the simulation: one connection, HQ and every channel database as an
// attached in-memory schema, prepared statements cached by their text. Only src/sim/ uses it.
import type { SqlJsStatic } from 'sql.js';
import { type Row, type SqlConnection, type SqlStatement, type SqlValue, sqlJsConnection } from './connection';
import { CHANNEL_TABLES, channelSchema, hqSchema } from './schema';
import { storedTwins } from './storedValues';

/** A database of the simulation: HQ or a channel database, each an attached in-memory schema. */
export interface DbHandle {
  /** 'HQ' or the channel database name, as in evidence. */
  readonly name: string;
  /** The schema alias in the connection: 'hq' or 'c1', 'c2', ... (never text from the scenario). */
  readonly schema: string;
}

/**
 * HQ lives in an attached in-memory database, not in the connection's main one: sql.js keeps
 * main in its emulated file system, which costs a second copy of every page and a JS call per
 * page written.
 */
export const HQ_SCHEMA = 'hq';

const CHANNEL_TABLE_PATTERN = new RegExp(`(?<![.\\w'"])(${CHANNEL_TABLES.join('|')})\\b`, 'g');

/**
 * Channel-side SQL is written with plain table names; they are qualified with the schema here.
 * HQ's SQL stays plain: SQLite resolves an unqualified name to the least recently attached
 * schema that has the table, and HQ is attached before every channel database.
 */
function qualify(sql: string, handle: DbHandle): string {
  return handle.schema === HQ_SCHEMA ? sql : sql.replace(CHANNEL_TABLE_PATTERN, `${handle.schema}.$1`);
}

export class SimDatabase {
  readonly hq: DbHandle = { name: 'HQ', schema: HQ_SCHEMA };
  /** By name, in the order the scenario's channels first name them. */
  readonly channelDatabases = new Map<string, DbHandle>();
  private readonly conn: SqlConnection;
  private readonly statements = new Map<string, SqlStatement>();
  /** By statement text: the stored columns (storedValues.ts) its rows do not show. */
  private readonly hiddenColumns = new Map<string, string[]>();
  private inTransaction = false;
  /** The checkpoints (savepoints) open now, oldest first. */
  private readonly savepoints: string[] = [];
  /** Whether SQLite keeps a rollback journal: only once a checkpoint is opened (see journal()). */
  private journaling = false;

  /** On sql.js (the extension, the command line), or on any connection (the benchmark's native SQLite). */
  constructor(engine: SqlJsStatic | SqlConnection) {
    this.conn = 'prepare' in engine ? engine : sqlJsConnection(engine);
    // Temporary tables (the batch job's) and the sorters of large statements in SQLite's own
    // memory: by default sql.js puts them in its emulated file system, a second copy of every
    // page in JavaScript memory (measured: peak 339 MB → 270 MB for 100k customers).
    this.conn.exec('PRAGMA temp_store = MEMORY');
    this.conn.exec(`ATTACH DATABASE ':memory:' AS ${HQ_SCHEMA}`);
    this.conn.exec(`PRAGMA ${HQ_SCHEMA}.journal_mode = OFF; PRAGMA temp.journal_mode = OFF`);
    this.conn.exec(hqSchema(HQ_SCHEMA));
  }

  /** Attaches a channel database with its tables, once per name. */
  attachChannelDatabase(name: string): DbHandle {
    const existing = this.channelDatabases.get(name);
    if (existing) {
      return existing;
    }
    const handle: DbHandle = { name, schema: `c${this.channelDatabases.size + 1}` };
    this.conn.exec(`ATTACH DATABASE ':memory:' AS ${handle.schema}`);
    this.conn.exec(`PRAGMA ${handle.schema}.journal_mode = ${this.journaling ? 'MEMORY' : 'OFF'}`);
    this.conn.exec(channelSchema(handle.schema));
    this.channelDatabases.set(name, handle);
    return handle;
  }

  channelDb(name: string): DbHandle {
    const db = this.channelDatabases.get(name);
    if (!db) {
      throw new Error(`No channel database ${name}`);
    }
    return db;
  }

  /** A database by its name in evidence: 'HQ' or a channel database. */
  database(name: string): DbHandle {
    return name === 'HQ' ? this.hq : this.channelDb(name);
  }

  /** Runs a query against one database; channel-side SQL names its tables without a schema. */
  all(db: DbHandle, sql: string, params: SqlValue[]): Row[] {
    const rows = this.statement(db, sql).all(params);
    return rows.length > 0 ? this.readable(sql, rows) : rows;
  }

  one(db: DbHandle, sql: string, params: SqlValue[]): Row | undefined {
    const row = this.statement(db, sql).one(params);
    return row ? this.readable(sql, [row])[0] : row;
  }

  /**
   * Rows as readers know them: SELECT * of a table with stored columns (CREATEDAT_S beside
   * CREATEDAT) returns the readable columns only, so evidence and views show what they did
   * before values were stored compactly.
   */
  private readable(sql: string, rows: Row[]): Row[] {
    let hidden = this.hiddenColumns.get(sql);
    if (hidden === undefined) {
      hidden = storedTwins(Object.keys(rows[0]));
      this.hiddenColumns.set(sql, hidden);
    }
    if (hidden.length > 0) {
      for (const row of rows) {
        for (const column of hidden) {
          delete row[column];
        }
      }
    }
    return rows;
  }

  run(db: DbHandle, sql: string, params: SqlValue[]): void {
    this.statement(db, sql).run(params);
  }

  /** Several statements without parameters (temporary tables of the batch job). */
  exec(sql: string): void {
    this.conn.exec(sql);
  }

  /** A statement the user typed (already checked to be read-only): prepared afresh, never cached. */
  rawQuery(db: DbHandle, sql: string, maxRows: number): { columns: string[]; rows: SqlValue[][]; truncated: boolean } {
    const statement = this.conn.prepare(qualify(sql, db));
    try {
      const result = statement.raw([], maxRows);
      const hidden = new Set(storedTwins(result.columns));
      if (hidden.size === 0) {
        return result;
      }
      const keep = result.columns.map((column, i) => (hidden.has(column) ? -1 : i)).filter((i) => i >= 0);
      return { columns: keep.map((i) => result.columns[i]), rows: result.rows.map((row) => keep.map((i) => row[i])), truncated: result.truncated };
    } finally {
      statement.free();
    }
  }

  /**
   * Runs `body` in one transaction, or inside the one already open or the open checkpoint.
   *
   * Nothing is rolled back here. An action only fails part way when its replay is cancelled, and
   * then a one-shot replay's simulation is thrown away, and an incremental replay rolls back to
   * a checkpoint. So a one-shot replay runs without a rollback journal, which would hold a copy
   * of every page an action changes (measured: peak 270 MB → 255 MB for 100k customers), and
   * inside a checkpoint no savepoint per action is needed.
   */
  transaction(body: () => void): void {
    if (this.inTransaction || this.savepoints.length > 0) {
      body();
      return;
    }
    this.conn.exec('BEGIN');
    this.inTransaction = true;
    try {
      body();
    } finally {
      this.inTransaction = false;
      this.conn.exec('COMMIT');
    }
  }

  /**
   * Opens a savepoint that stays open across actions (a checkpoint of an incremental replay);
   * the first one turns the rollback journal on. `name` is made by the replay, never text from
   * the scenario.
   */
  openSavepoint(name: string): void {
    if (!this.journaling && this.savepoints.length === 0) {
      for (const handle of [this.hq, ...this.channelDatabases.values(), { schema: 'temp' }]) {
        this.conn.exec(`PRAGMA ${handle.schema}.journal_mode = MEMORY`);
      }
      this.journaling = true;
    }
    this.conn.exec(`SAVEPOINT ${name}`);
    this.savepoints.push(name);
  }

  /**
   * Back to the state at the savepoint, which stays open; every later savepoint is gone. Released
   * and opened again at once: only a release lets SQLite truncate the pages it journaled since,
   * so repeated rollbacks do not grow the journal.
   */
  rollbackToSavepoint(name: string): void {
    this.conn.exec(`ROLLBACK TO ${name}; RELEASE ${name}; SAVEPOINT ${name}`);
    this.savepoints.length = this.savepoints.indexOf(name) + 1;
  }

  /** Keeps every change since the savepoint; the savepoint and every later one are gone. */
  releaseSavepoint(name: string): void {
    this.conn.exec(`RELEASE ${name}`);
    this.savepoints.length = this.savepoints.indexOf(name);
  }

  /** Rows inserted, updated or deleted since the connection opened (SQLite's total_changes()). */
  totalChanges(): number {
    return Number(this.one(this.hq, 'SELECT total_changes() AS n', [])?.n ?? 0);
  }

  /** Pages in use by HQ and every channel database, and the size of one page in bytes. */
  pages(): { count: number; size: number } {
    let count = 0;
    for (const handle of [this.hq, ...this.channelDatabases.values()]) {
      count += Number(this.one(this.hq, `PRAGMA ${handle.schema}.page_count`, [])?.page_count ?? 0);
    }
    return { count, size: Number(this.one(this.hq, `PRAGMA ${HQ_SCHEMA}.page_size`, [])?.page_size ?? 4096) };
  }

  /**
   * Every database's content as bytes (a logical dump: each table's rows in order), for
   * determinism checks: the same scenario gives byte-identical dumps.
   */
  exportAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    const handles = [this.hq, ...[...this.channelDatabases.values()].sort((a, b) => a.name.localeCompare(b.name))];
    for (const handle of handles) {
      const lines: string[] = [];
      const tables = this.all(this.hq, `SELECT name, sql FROM ${handle.schema}.sqlite_master WHERE type = 'table' ORDER BY name`, []);
      for (const table of tables) {
        lines.push(String(table.sql));
        for (const row of this.all(this.hq, `SELECT * FROM ${handle.schema}.${String(table.name)} ORDER BY ROWID`, [])) {
          lines.push(JSON.stringify(Object.values(row)));
        }
      }
      out.set(handle.name, encoder.encode(lines.join('\n')));
    }
    return out;
  }

  close(): void {
    for (const statement of this.statements.values()) {
      statement.free();
    }
    this.statements.clear();
    this.conn.close();
  }

  private statement(db: DbHandle, sql: string): SqlStatement {
    const text = qualify(sql, db);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.conn.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}
