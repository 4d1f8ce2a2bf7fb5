// Asynchronous operations as the Customer synchronization status page lists them, and the ones
// still waiting in a channel database.
import type { EditableField } from '../../domain/fields';
import { contextOf } from '../internal';
import { VALIDATE_STAGED_OPERATION } from '../validations';
import type { Simulation } from '../simulation';
import { list, type Row, type SqlValue, type TableRow, tableRow, text, textOrNull } from './records';

export type OperationStatus = 'PendingUpload' | 'Pending' | 'Failed' | 'Succeeded';

export interface OperationSummary {
  readonly operationId: string;
  readonly operationType: string;
  readonly asyncCustomerId: string;
  readonly accountNum: string | null;
  readonly channel: string;
  readonly channelDatabase: string;
  readonly status: OperationStatus;
  readonly failureReason: string | null;
  readonly failedFields: readonly string[];
  readonly origin: string | null;
  /** "First Last" (or the email) from the operation's staged customer row; null for an address operation. */
  readonly customerName: string | null;
  /** Edited on the Customer synchronization status page (Edit, Save) since it last failed or was uploaded. */
  readonly edited: boolean;
}

/** The staged customer row's name, found through the OPERATIONID index; `t` is the table the operation row comes from. */
const NAME_OF = (t: string) =>
  `(SELECT COALESCE(NULLIF(TRIM(COALESCE(c.FIRSTNAME, '') || ' ' || COALESCE(c.LASTNAME, '')), ''), c.EMAIL) FROM RETAILASYNCCUSTOMERV2 c WHERE c.OPERATIONID = ${t}.OPERATIONID LIMIT 1) AS CUSTOMERNAME`;

export function operationCounts(sim: Simulation): Record<OperationStatus, number> {
  const ctx = contextOf(sim);
  const counts: Record<OperationStatus, number> = { PendingUpload: 0, Pending: 0, Failed: 0, Succeeded: 0 };
  for (const row of ctx.db.all(ctx.hq, 'SELECT STATUS, COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS GROUP BY STATUS', [])) {
    counts[String(row.STATUS) as OperationStatus] = Number(row.N);
  }
  for (const db of ctx.db.channelDatabases.values()) {
    counts.PendingUpload += Number(
      ctx.db.one(
        db,
        "SELECT (SELECT COUNT(DISTINCT OPERATIONID) FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0) + (SELECT COUNT(DISTINCT OPERATIONID) FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate') AS N",
        [],
      )?.N ?? 0,
    );
  }
  return counts;
}

/** One page of operations with a status, in operation order. */
export function operations(sim: Simulation, status: OperationStatus, offset: number, limit: number): OperationSummary[] {
  const ctx = contextOf(sim);
  if (status === 'PendingUpload') {
    const out: OperationSummary[] = [];
    for (const [dbName, db] of [...ctx.db.channelDatabases].sort(([a], [b]) => a.localeCompare(b))) {
      const rows = ctx.db.all(
        db,
        `SELECT OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC, CUSTACCOUNT AS ACCOUNTNUM, ORIGINATINGCHANNEL AS CHANNEL, ORIGIN, ${NAME_OF('u')} FROM RETAILASYNCCUSTOMERV2 u WHERE UPLOADED = 0
         UNION ALL SELECT OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC, CUSTACCOUNT, ORIGINATINGCHANNEL, ORIGIN, NULL AS CUSTOMERNAME FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate'
         ORDER BY OPERATIONID LIMIT ? OFFSET ?`,
        [offset + limit, 0],
      );
      out.push(...rows.map((r) => summary(r, dbName, 'PendingUpload')));
    }
    return out.sort((a, b) => a.operationId.localeCompare(b.operationId)).slice(offset, offset + limit);
  }
  return ctx.db
    .all(ctx.hq, `SELECT s.*, ${NAME_OF('s')} FROM RETAILASYNCOPERATIONSTATUS s WHERE STATUS = ? ORDER BY OPERATIONID LIMIT ? OFFSET ?`, [status, Math.max(0, limit), Math.max(0, offset)])
    .map((r) => summary(r, String(r.CHANNELDATABASE), status));
}

function summary(r: Row, channelDatabase: string, status: OperationStatus): OperationSummary {
  return {
    operationId: String(r.OPERATIONID),
    operationType: String(r.OPERATIONTYPE),
    asyncCustomerId: String(r.CUSTACCOUNTASYNC),
    accountNum: textOrNull(r.ACCOUNTNUM),
    channel: String(r.CHANNEL),
    channelDatabase,
    status,
    failureReason: textOrNull(r.FAILUREREASON),
    failedFields: list(r.FAILEDFIELDS),
    origin: textOrNull(r.ORIGIN),
    customerName: textOrNull(r.CUSTOMERNAME),
    edited: Boolean(r.EDITORIGIN),
  };
}

/** The staged values of an operation's editable fields, for an edit form. */
export function operationFields(sim: Simulation, operationId: string): Record<string, SqlValue> {
  const { customer, addresses } = stagedValues(sim, operationId);
  const address = addresses[0];
  const fields: Record<string, SqlValue> = {};
  if (customer) {
    Object.assign(fields, {
      firstName: customer.FIRSTNAME,
      lastName: customer.LASTNAME,
      email: customer.EMAIL,
      phone: customer.PHONE,
      title: customer.TITLE,
      customerGroup: customer.CUSTGROUP,
    });
  }
  if (address) {
    Object.assign(fields, { street: address.STREET, city: address.CITY, zip: address.ZIPCODE, countryRegion: address.COUNTRY });
  }
  return fields;
}

function stagedValues(sim: Simulation, operationId: string): { customer?: Row; addresses: Row[] } {
  const ctx = contextOf(sim);
  const customer = ctx.db.one(ctx.hq, 'SELECT FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [operationId]);
  const addresses = ctx.db.all(ctx.hq, 'SELECT STREET, CITY, ZIPCODE, COUNTRY FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ? ORDER BY RECID LIMIT 1', [operationId]);
  return { customer, addresses };
}

/** An operation on the Customer synchronization status page, with its staged rows. */
export interface StagedOperation {
  readonly operationId: string;
  readonly operationType: string;
  readonly asyncCustomerId: string;
  readonly channel: string;
  readonly channelDatabase: string;
  readonly status: string;
  readonly failureReason: string;
  readonly failedFields: readonly EditableField[];
  /** Edited on the page (Edit, Save) since it was uploaded. */
  readonly edited: boolean;
  readonly origin: string | null;
  readonly evidence: TableRow;
  /** The staged customer rows (none for an address operation), with the values entered. */
  readonly customers: readonly { readonly email: string; readonly firstName: string | null; readonly lastName: string | null; readonly evidence: TableRow }[];
  readonly addresses: readonly { readonly countryRegion: string; readonly evidence: TableRow }[];
}

function stagedOperation(sim: Simulation, row: Row): StagedOperation {
  const ctx = contextOf(sim);
  const operationId = String(row.OPERATIONID);
  const customerRows = ctx.db.all(ctx.hq, 'SELECT * FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [operationId]);
  const addressRows = ctx.db.all(ctx.hq, 'SELECT * FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ?', [operationId]);
  return {
    operationId,
    operationType: String(row.OPERATIONTYPE),
    asyncCustomerId: String(row.CUSTACCOUNTASYNC),
    channel: String(row.CHANNEL),
    channelDatabase: String(row.CHANNELDATABASE),
    status: String(row.STATUS),
    failureReason: text(row.FAILUREREASON),
    failedFields: list(row.FAILEDFIELDS) as EditableField[],
    edited: Boolean(row.EDITORIGIN),
    origin: textOrNull(row.ORIGIN),
    evidence: tableRow('HQ', 'RETAILASYNCOPERATIONSTATUS', operationId, row),
    customers: customerRows.map((c) => ({
      email: text(c.EMAIL),
      firstName: textOrNull(c.FIRSTNAME),
      lastName: textOrNull(c.LASTNAME),
      evidence: tableRow('HQ', 'RETAILASYNCCUSTOMERV2', String(c.RECID), c),
    })),
    addresses: addressRows.map((a) => ({ countryRegion: text(a.COUNTRY), evidence: tableRow('HQ', 'RETAILASYNCADDRESSV2', String(a.RECID), a) })),
  };
}

/** The fields HQ's validations reject in an operation's staged values as they stand now (an Edit and Save may have corrected them). */
export function fieldsFailingNow(sim: Simulation, operationId: string): EditableField[] {
  const ctx = contextOf(sim);
  return [...new Set(ctx.db.all(ctx.hq, VALIDATE_STAGED_OPERATION, [operationId]).map((r) => String(r.FIELD) as EditableField))];
}

export function failedOperationCount(sim: Simulation): number {
  const ctx = contextOf(sim);
  return Number(ctx.db.one(ctx.hq, "SELECT COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed'", [])?.N ?? 0);
}

/** The first `limit` failed operations, in operation order, with their staged rows. */
export function failedOperations(sim: Simulation, limit: number): StagedOperation[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(ctx.hq, "SELECT * FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed' ORDER BY OPERATIONID LIMIT ?", [limit])
    .map((row) => stagedOperation(sim, row));
}

/** The creation operation of a customer (by its temporary id), if it reached HQ. */
export function creationOperationOf(sim: Simulation, asyncCustomerId: string): StagedOperation | undefined {
  const ctx = contextOf(sim);
  const row = ctx.db.one(
    ctx.hq,
    "SELECT * FROM RETAILASYNCOPERATIONSTATUS WHERE CUSTACCOUNTASYNC = ? AND OPERATIONTYPE = 'CustomerCreate' ORDER BY OPERATIONID LIMIT 1",
    [asyncCustomerId],
  );
  return row ? stagedOperation(sim, row) : undefined;
}

/** Whether any operation reached HQ (the P-job uploaded something). */
export function anyOperationInHq(sim: Simulation): boolean {
  const ctx = contextOf(sim);
  return ctx.db.one(ctx.hq, 'SELECT 1 AS X FROM RETAILASYNCOPERATIONSTATUS LIMIT 1', []) !== undefined;
}

/** A customer's (temporary id or account number) latest failed operation, else its latest one. */
export function latestOperationOf(sim: Simulation, customerKey: string): string | undefined {
  const ctx = contextOf(sim);
  const row = ctx.db.one(
    ctx.hq,
    "SELECT OPERATIONID FROM RETAILASYNCOPERATIONSTATUS WHERE CUSTACCOUNTASYNC = ? OR ACCOUNTNUM = ? ORDER BY STATUS = 'Failed' DESC, OPERATIONID DESC LIMIT 1",
    [customerKey, customerKey],
  );
  return row ? String(row.OPERATIONID) : undefined;
}
