// How some columns are stored: a compact value in a column of ours, read through a generated
// column with the readable name, so every reader (rules, views, the SQL console) sees the same
// text as before. The writers use the functions here (and the read model where an index holds
// the stored form: the status page by upload time).
import { formatInstant } from '../domain/time';
import { deterministicGuid, GUID_PREFIX, operationIdOf } from './identities';
import type { OperationType } from './types';

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

/** A temporary customer id as the tables store it: the simulation's counter, or text. */
export type StoredAsyncId = number | string;

const SIMULATED_ID = new RegExp(`^${GUID_PREFIX}([0-9A-F]{12})$`);

/**
 * The stored form of a temporary customer id: the counter of an id the simulation made
 * (identities.ts, 36 bytes as text, 1 to 6 as an integer) when it reads back exactly; any other
 * id (one from imported evidence, lower case, another shape) as the text itself.
 */
export function storedAsyncId(text: string): StoredAsyncId {
  const hex = SIMULATED_ID.exec(text)?.[1];
  if (hex === undefined) {
    return text;
  }
  const n = parseInt(hex, 16);
  return deterministicGuid(n) === text ? n : text;
}

/** SQL: the readable temporary id of a column written with storedAsyncId (identities.ts's deterministicGuid in SQL). */
export function readableAsyncId(column: string): string {
  return `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN '${GUID_PREFIX}' || printf('%012X', CAST(${column} AS INTEGER)) ELSE ${column} END)`;
}

/** Where a row came from as the tables store it: N for 'timeline/N', other origins as text, or NULL. */
export function storedOrigin(origin: string | null | undefined): number | string | null {
  if (origin === undefined || origin === null) {
    return null;
  }
  const index = /^timeline\/(0|[1-9]\d{0,8})$/.exec(origin)?.[1];
  return index === undefined ? origin : Number(index);
}

/** SQL: the readable origin of a column written with storedOrigin. */
export function readableOrigin(column: string): string {
  return `(CASE WHEN typeof(${column}) = 'integer' THEN 'timeline/' || ${column} ELSE ${column} END)`;
}

/** Operation types as the tables store them; the customer table's OPERATION uses the same 1 and 2. */
const OPERATION_TYPE_CODES: Readonly<Record<OperationType, number>> = { CustomerCreate: 1, CustomerUpdate: 2, AddressCreate: 3 };

export function storedOperationType(type: OperationType): number {
  return OPERATION_TYPE_CODES[type];
}

/** SQL: the readable operation type of a column written with storedOperationType. */
export function readableOperationType(column: string): string {
  const cases = Object.entries(OPERATION_TYPE_CODES).map(([type, code]) => `WHEN ${code} THEN '${type}'`);
  return `(CASE ${column} ${cases.join(' ')} ELSE ${column} END)`;
}

const SIMULATED_OPERATION = /^ASYNC-(\d{6,15})$/;

/** The stored form of an operation id: n for 'ASYNC-00000n' as identities.ts makes them, any other id as text. */
export function storedOperationId(text: string): number | string {
  const digits = SIMULATED_OPERATION.exec(text)?.[1];
  if (digits === undefined) {
    return text;
  }
  const n = Number(digits);
  return operationIdOf(n) === text ? n : text;
}

/** SQL: the readable operation id of a column written with storedOperationId. */
export function readableOperationId(column: string): string {
  return `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN 'ASYNC-' || printf('%06d', CAST(${column} AS INTEGER)) ELSE ${column} END)`;
}
