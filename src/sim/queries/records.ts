// What every read-model answer is made of: typed facts, each with the simulated row it comes
// from (HQ's table and column names), which findings show as evidence.
import type { Row, SqlValue } from '../connection';

export type { Row, SqlValue } from '../connection';

/** A row of a simulated table, as evidence shows it. */
export interface TableRow {
  /** 'HQ' or the channel database name. */
  readonly database: string;
  readonly table: string;
  readonly key: string;
  readonly columns: Row;
}

export function tableRow(database: string, table: string, key: string, columns: Row): TableRow {
  return { database, table, key, columns };
}

export function text(value: SqlValue | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function textOrNull(value: SqlValue | undefined): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** Comma-separated lists as the tables keep them (FAILEDFIELDS). */
export function list(value: SqlValue | undefined): string[] {
  return text(value).split(',').filter(Boolean);
}
