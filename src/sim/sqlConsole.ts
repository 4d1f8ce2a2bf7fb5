// The SQL console: one statement the user typed, run read-only against HQ or a channel database.
//
// sql.js exposes neither SQLite's authorizer nor its progress handler (its wasm exports no
// sqlite3_set_authorizer, sqlite3_progress_handler or sqlite3_interrupt), so read-only is
// enforced by SQLite in three layers, none of which reads the user's text for keywords:
//   1. `PRAGMA query_only = ON` for the duration of the statement: SQLite refuses every write to
//      any attached database, temp included ("attempt to write a readonly database").
//   2. SQLite's own compilation of the statement (EXPLAIN) is checked for what query_only lets
//      through because it changes the connection rather than a database: ATTACH and DETACH,
//      transactions and savepoints, VACUUM, the journal mode.
//   3. query_only must still be on once the statement is compiled (nothing turned it off).
// PRAGMA statements are not run at all: SQLite applies a pragma's setting while compiling it,
// before anything can look at the program (`PRAGMA soft_heap_limit = 5` starves the engine,
// `PRAGMA query_only = OFF` lifts layer 1). Their side-effect-free forms are SQLite's
// table-valued functions, e.g. `SELECT * FROM pragma_table_info('CUSTOMER')`.
//
// A statement cannot be interrupted inside sql.js: the time budget is kept by the engine client,
// which replaces the worker running a statement past its budget (src/engine/client.ts).
import { localize, msg, type MessageRef } from '../domain/l10n';
import type { SqlValue } from './connection';
import type { DbHandle, SimDatabase } from './database';
import { contextOf } from './internal';
import type { Simulation } from './simulation';

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly SqlValue[][];
  /** More rows than the row limit: only the first `maxRows` are here. */
  readonly truncated: boolean;
}

/** The console's limits, the same in the editor and on the command line. */
export const CONSOLE_LIMITS = { maxRows: 1000, timeoutMs: 5000 } as const;

export type RefusalReason = 'empty' | 'several' | 'pragma' | 'connection' | 'write' | 'unknownDatabase' | 'schema';

/** The statement was not run, or SQLite stopped it before it changed anything. `ref` says why in any language; the message is English. */
export class ConsoleRefusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly ref: MessageRef,
  ) {
    super(localize(ref));
    this.name = 'ConsoleRefusal';
  }
}

/** SQLite rejected the statement itself (syntax, no such table or column). */
export class ConsoleSqlError extends Error {
  constructor(readonly ref: MessageRef) {
    super(localize(ref));
    this.name = 'ConsoleSqlError';
  }
}

/** Opcodes of a compiled program that change the connection rather than a database's content. */
const CONNECTION_OPCODES = new Set(['AutoCommit', 'Savepoint', 'Vacuum', 'JournalMode']);
/** SQLite compiles ATTACH and DETACH into calls of these internal functions. */
const ATTACH_FUNCTIONS = /^sqlite_(attach|detach)\b/;

/**
 * Runs one read-only statement against `database` ('HQ' or a channel database's name) and
 * returns at most `maxRows` rows. Throws ConsoleRefusal or ConsoleSqlError with a message for
 * the user; the simulation is unchanged either way.
 */
export function runConsoleQuery(sim: Simulation, database: string, sql: string, maxRows: number = CONSOLE_LIMITS.maxRows): QueryResult {
  const statements = splitStatements(sql);
  if (statements.length === 0) {
    throw new ConsoleRefusal('empty', msg('console.empty', {}));
  }
  if (statements.length > 1) {
    throw new ConsoleRefusal('several', msg('console.several', { n: statements.length }));
  }
  const [words] = statements;
  const explained = words[0] === 'EXPLAIN';
  const verb = explained ? (words[1] === 'QUERY' ? words[3] : words[1]) : words[0];
  if (verb === 'PRAGMA') {
    throw new ConsoleRefusal('pragma', msg('console.pragma', {}));
  }
  const { db: conn } = contextOf(sim);
  const db = consoleDatabase(conn, database);
  const text = withSchemaNames(conn, db, sql.trim());
  setQueryOnly(conn, true);
  try {
    if (!explained) {
      const program = conn.rawQuery(db, `EXPLAIN ${text}`, Number.MAX_SAFE_INTEGER);
      checkProgram(program);
      checkDatabases(conn, db, program);
    }
    if (!queryOnly(conn)) {
      throw new ConsoleRefusal('connection', msg('console.queryOnlyOff', {}));
    }
    return conn.rawQuery(db, text, Math.max(0, maxRows));
  } catch (error) {
    throw asConsoleError(error, (message) => userSchemaNames(conn, db, message));
  } finally {
    setQueryOnly(conn, false);
  }
}

/** The database a console statement runs against: 'HQ' or a channel database's name. */
function consoleDatabase(conn: SimDatabase, name: string): DbHandle {
  if (name === 'HQ') {
    return conn.hq;
  }
  const db = conn.channelDatabases.get(name);
  if (!db) {
    const known = ['HQ', ...[...conn.channelDatabases.keys()].sort()].join(', ');
    throw new ConsoleRefusal('unknownDatabase', msg('console.unknownDatabase', { name, known }));
  }
  return db;
}

/**
 * The schema names of the real databases, so a query written for them runs unchanged: `ax.` is
 * the channel database the statement runs against, `dbo.` is HQ (as in Commerce, where HQ's
 * tables are dbo's and the channel database's are ax's). Names in strings, quoted names that are
 * not schema names, and comments are left alone; `[ax]` and `"dbo"` count as the names.
 */
function withSchemaNames(conn: SimDatabase, db: DbHandle, sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    let j = i + 1;
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      j = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      j = close < 0 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const closing = c === '[' ? ']' : c;
      while (j < sql.length && !(sql[j] === closing && (closing === ']' || sql[j + 1] !== closing))) {
        j += sql[j] === closing ? 2 : 1;
      }
      j = Math.min(j + 1, sql.length);
      if (c !== "'") {
        const schema = schemaFor(conn, db, sql.slice(i + 1, j - 1), sql, j);
        if (schema !== undefined) {
          out += schema;
          i = j;
          continue;
        }
      }
    } else if (/[\w$\u0080-\uffff]/.test(c)) {
      while (j < sql.length && /[\w$\u0080-\uffff]/.test(sql[j])) {
        j++;
      }
      const schema = schemaFor(conn, db, sql.slice(i, j), sql, j);
      if (schema !== undefined) {
        out += schema;
        i = j;
        continue;
      }
    }
    out += sql.slice(i, j);
    i = j;
  }
  return out;
}

/** The attached schema for `ax` or `dbo` when the name is followed by a dot; otherwise undefined. */
function schemaFor(conn: SimDatabase, db: DbHandle, name: string, sql: string, after: number): string | undefined {
  if (!/^\s*\./.test(sql.slice(after, after + 64))) {
    return undefined;
  }
  const lower = name.toLowerCase();
  if (lower === 'dbo') {
    return conn.hq.schema;
  }
  if (lower === 'ax') {
    if (db === conn.hq) {
      const known = [...conn.channelDatabases.keys()].sort().join(', ');
      throw new ConsoleRefusal('schema', msg('console.axFromHq', { known }));
    }
    return db.schema;
  }
  return undefined;
}

/** SQLite's message with the schema names the user wrote (ax., dbo.) instead of the attached aliases. */
function userSchemaNames(conn: SimDatabase, db: DbHandle, message: string): string {
  const names: [string, string][] = [[conn.hq.schema, 'dbo']];
  if (db !== conn.hq) {
    names.push([db.schema, 'ax']);
  }
  return names.reduce((text, [alias, user]) => text.replace(new RegExp(`\\b${alias}\\.`, 'g'), `${user}.`), message);
}

function setQueryOnly(conn: SimDatabase, on: boolean): void {
  conn.rawQuery(conn.hq, `PRAGMA query_only = ${on ? 'ON' : 'OFF'}`, 0);
}

function queryOnly(conn: SimDatabase): boolean {
  return conn.rawQuery(conn.hq, 'PRAGMA query_only', 1).rows[0]?.[0] === 1;
}

/** EXPLAIN's columns: addr, opcode, p1, p2, p3, p4, p5, comment. */
function checkProgram(program: { rows: readonly SqlValue[][] }): void {
  for (const [, opcode, , , , p4] of program.rows) {
    const op = String(opcode);
    if (CONNECTION_OPCODES.has(op) || ((op === 'Function' || op === 'PureFunc') && ATTACH_FUNCTIONS.test(String(p4)))) {
      throw new ConsoleRefusal('connection', msg('console.connection', {}));
    }
  }
}

/**
 * The databases the program reads (SQLite opens each with a Transaction opcode, P1 its index)
 * are the one the statement runs against and, from a channel database, HQ: an unqualified name
 * of a table HQ does not have (CUSTOMER) would otherwise be found in another attached database,
 * and the simulation's own names for them (c1., temp.) would reach past the console's two.
 */
function checkDatabases(conn: SimDatabase, db: DbHandle, program: { rows: readonly SqlValue[][] }): void {
  if (program.rows.some(([, opcode, , p2]) => opcode === 'Transaction' && Number(p2) !== 0)) {
    // A write (P2 of Transaction): query_only refuses it when it runs, with the clearer reason.
    return;
  }
  // main is the connection's empty database, where SQLite's pragma functions live.
  const allowed = new Set([db.schema, conn.hq.schema, 'main']);
  const schemas = new Map(conn.rawQuery(conn.hq, 'SELECT seq, name FROM pragma_database_list', Number.MAX_SAFE_INTEGER).rows.map(([seq, name]) => [Number(seq), String(name)]));
  const others = new Set<string>();
  for (const [, opcode, p1, , p3] of program.rows) {
    const index = opcode === 'Transaction' ? p1 : opcode === 'OpenRead' || opcode === 'OpenWrite' || opcode === 'ReopenIdx' ? p3 : undefined;
    const schema = index === undefined ? undefined : schemas.get(Number(index));
    if (schema !== undefined && !allowed.has(schema)) {
      others.add(schema);
    }
  }
  if (others.size === 0) {
    return;
  }
  const byAlias = new Map([...conn.channelDatabases.values()].map((handle) => [handle.schema, handle.name]));
  const named = [...others].map((schema) => byAlias.get(schema)).filter((name): name is string => name !== undefined).sort();
  throw new ConsoleRefusal('schema', msg('console.readsOther', { names: named.join(', '), db: db.name }));
}

function asConsoleError(error: unknown, inUserNames: (message: string) => string): Error {
  if (error instanceof ConsoleRefusal) {
    return error;
  }
  let message = inUserNames(error instanceof Error ? error.message : String(error));
  // A write naming a column that is computed from a stored one (schema.ts) fails to compile
  // before SQLite can refuse it as a write; it is the same refusal.
  if (/^cannot (INSERT into|UPDATE) generated column/i.test(message)) {
    message = 'attempt to write a readonly database';
  }
  if (/attempt to write a readonly database/i.test(message)) {
    return new ConsoleRefusal('write', msg('console.write', { message }));
  }
  return new ConsoleSqlError(msg('console.sqlite', { message }));
}

/**
 * The statements in `sql` by SQLite's lexical rules (strings, quoted names, comments), each as
 * its first four words in upper case. Only counts statements and names their kind; whether a
 * statement may run is decided by SQLite above.
 */
export function splitStatements(sql: string): string[][] {
  const statements: string[][] = [];
  let words: string[] = [];
  let tokens = 0;
  const end = () => {
    if (tokens > 0) {
      statements.push(words);
    }
    words = [];
    tokens = 0;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === ';') {
      end();
      i++;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const closing = c === '[' ? ']' : c;
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === closing) {
          if (closing !== ']' && sql[j + 1] === closing) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      tokens++;
      i = j + 1;
    } else if (/[\w$\u0080-\uffff]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[\w$\u0080-\uffff]/.test(sql[j])) {
        j++;
      }
      if (words.length < 4 && tokens === words.length) {
        words.push(sql.slice(i, j).toUpperCase());
      }
      tokens++;
      i = j;
    } else {
      tokens++;
      i++;
    }
  }
  end();
  return statements;
}
