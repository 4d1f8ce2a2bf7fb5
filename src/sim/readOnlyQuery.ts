// The SQL console: one read-only statement the user typed, against HQ or a channel database.
import type { SqlValue } from './connection';
import { contextOf } from './internal';
import type { Simulation } from './simulation';

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly SqlValue[][];
  readonly truncated: boolean;
}

const READ_ONLY = /^\s*(select|with|explain|values|pragma\s+table_info)\b/i;
const WRITES = /\b(insert|update|delete|replace|create|drop|alter|attach|detach|vacuum|reindex|analyze|begin|commit|rollback|savepoint|release)\b/i;

/**
 * Runs one read-only statement the user typed against 'HQ' or a channel database. Writes are
 * rejected before they reach SQLite, and the statement runs in a transaction that is rolled back.
 */
export function readOnlyQuery(sim: Simulation, database: string, sql: string, maxRows = 1000): QueryResult {
  const text = sql.trim().replace(/;\s*$/, '');
  if (!READ_ONLY.test(text) || WRITES.test(stripStrings(text)) || text.includes(';')) {
    throw new ReadOnlyViolation('Only one read-only statement (SELECT, WITH, EXPLAIN, VALUES) can be run against the simulation.');
  }
  const { db } = contextOf(sim);
  return db.rawQuery(db.database(database), text, maxRows);
}

export class ReadOnlyViolation extends Error {}

function stripStrings(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
}
