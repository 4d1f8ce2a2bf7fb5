// How some columns are stored: a compact value in a column of ours, read through a generated
// column with the readable name, so every reader (rules, views, the SQL console) sees the same
// text as before. Only the writers use the functions here.
import { formatInstant } from '../domain/time';

/** An instant as a table stores it: seconds since 1970, or text that is not formatInstant's form. */
export type StoredInstant = number | string;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * The stored form of an instant: whole seconds since 1970 when `text` is formatInstant's form
 * ('2026-11-01T09:00:00Z', 20 bytes as text, 4 or 5 as an integer) and reads back exactly;
 * otherwise the text itself, which reads back unchanged.
 */
export function storedInstant(text: string): StoredInstant {
  if (!CANONICAL_INSTANT.test(text)) {
    return text;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) && formatInstant(ms) === text ? ms / 1000 : text;
}

/** The stored form of the simulated clock's now. */
export function storedNow(ms: number): StoredInstant {
  return storedInstant(formatInstant(ms));
}

/**
 * SQL: the readable instant of a column written with storedInstant (SQLite's strftime covers
 * years 0000 to 9999, as the check above does). The column has no type, so text stays text; a
 * number past 2038 arrives as a REAL (sql.js binds numbers beyond 32 bits as doubles), exact
 * for whole seconds.
 */
export function readableInstant(column: string): string {
  return `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN strftime('%Y-%m-%dT%H:%M:%SZ', ${column}, 'unixepoch') ELSE ${column} END)`;
}

/**
 * The stored columns a result should not show: a column named X_S next to its readable twin X,
 * as SELECT * returns them. A statement that names X_S alone still gets it.
 */
export function storedTwins(columns: readonly string[]): string[] {
  return columns.filter((column) => column.endsWith('_S') && columns.includes(column.slice(0, -2)));
}
