// The async records on both sides: waiting in a channel database for the P-job, and staged in
// HQ's RETAILASYNC* tables for the batch job.
import { ASYNC_TABLES } from '../../domain/tables';
import { contextOf } from '../internal';
import { readableInstant } from '../storedValues';
import type { Simulation } from '../simulation';
import { type Row, type TableRow, tableRow, text, textOrNull } from './records';

export interface StagingTable {
  /** 'HQ' or the channel database name. */
  readonly database: string;
  readonly table: string;
  readonly rowCount: number;
  /** HQ: rows with OnlineOperationCompleted = 0. Channel: rows not yet uploaded. */
  readonly pendingCount: number;
}

/** Every async table on both sides with its row counts, for the Staging Tables view. */
export function stagingTables(sim: Simulation): StagingTable[] {
  const ctx = contextOf(sim);
  const out: StagingTable[] = [];
  for (const table of ASYNC_TABLES) {
    const row = ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N, SUM(ONLINEOPERATIONCOMPLETED = 0) AS P FROM ${table}`, []);
    out.push({ database: 'HQ', table, rowCount: Number(row?.N ?? 0), pendingCount: Number(row?.P ?? 0) });
  }
  for (const db of [...ctx.db.channelDatabases.keys()].sort()) {
    for (const table of ASYNC_TABLES) {
      const row = ctx.db.one(ctx.db.channelDb(db), `SELECT COUNT(*) AS N, SUM(UPLOADED = 0) AS P FROM ${table}`, []);
      out.push({ database: db, table, rowCount: Number(row?.N ?? 0), pendingCount: Number(row?.P ?? 0) });
    }
  }
  return out;
}

/** One page of a staging table, in RECID order. `table` must be one of the async tables. */
export function stagingRows(sim: Simulation, database: string, table: string, offset: number, limit: number): Row[] {
  if (!(ASYNC_TABLES as readonly string[]).includes(table)) {
    throw new Error(`Not a staging table: ${table}`);
  }
  const ctx = contextOf(sim);
  return ctx.db.all(ctx.db.database(database), `SELECT * FROM ${table} ORDER BY RECID LIMIT ? OFFSET ?`, [Math.max(0, limit), Math.max(0, offset)]);
}

/** Customer records of a channel database the P-job has not uploaded yet. */
export function pendingUploadCount(sim: Simulation, channelDatabase: string): number {
  const ctx = contextOf(sim);
  return Number(ctx.db.one(ctx.db.channelDb(channelDatabase), 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0', [])?.N ?? 0);
}

/** Whether a channel database ever held async customer or address records. */
export function hasAsyncRecords(sim: Simulation, channelDatabase: string): boolean {
  const ctx = contextOf(sim);
  return ctx.db.one(ctx.db.channelDb(channelDatabase), 'SELECT 1 AS X FROM RETAILASYNCCUSTOMERV2 UNION ALL SELECT 1 FROM RETAILASYNCADDRESSV2 LIMIT 1', []) !== undefined;
}

/** An async record (customer or address) as a channel database or HQ's staging tables hold it. */
export interface AsyncRecord {
  readonly operationId: string;
  readonly operationType: string;
  readonly asyncCustomerId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly createdAt: string;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

/** The operations of one channel that wait in its channel database for the P-job. */
export interface PendingUploads {
  readonly channel: string;
  readonly creates: number;
  readonly updates: number;
  readonly addresses: number;
  /** When the oldest of them was written. */
  readonly firstAt: string;
  /** Up to 20 customer records, then up to 20 address records, in RECID order. */
  readonly records: readonly AsyncRecord[];
}

const PENDING_BY_CHANNEL = `
  SELECT ORIGINATINGCHANNEL,
         SUM(OPERATIONTYPE = 'CustomerCreate') AS CREATES,
         SUM(OPERATIONTYPE = 'CustomerUpdate') AS UPDATES,
         SUM(OPERATIONTYPE = 'AddressCreate') AS ADDRESSES,
         MIN(CREATEDAT) AS FIRSTAT
  FROM (SELECT ORIGINATINGCHANNEL, OPERATIONTYPE, CREATEDAT FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0
        UNION ALL
        SELECT ORIGINATINGCHANNEL, OPERATIONTYPE, CREATEDAT FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate')
  GROUP BY ORIGINATINGCHANNEL ORDER BY ORIGINATINGCHANNEL`;

const PENDING_RECORDS = `
  SELECT * FROM (SELECT RECID, 'RETAILASYNCCUSTOMERV2' AS TABLENAME, CUSTACCOUNTASYNC, ORIGINATINGCHANNEL, OPERATION, OPERATIONTYPE, OPERATIONID, FIRSTNAME, LASTNAME, CREATEDAT, UPLOADED, ORIGIN
                 FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0 AND ORIGINATINGCHANNEL = ? ORDER BY RECID LIMIT 20)
  UNION ALL
  SELECT * FROM (SELECT RECID, 'RETAILASYNCADDRESSV2', CUSTACCOUNTASYNC, ORIGINATINGCHANNEL, OPERATION, OPERATIONTYPE, OPERATIONID, NULL, NULL, CREATEDAT, UPLOADED, ORIGIN
                 FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND ORIGINATINGCHANNEL = ? AND OPERATIONTYPE = 'AddressCreate' ORDER BY RECID LIMIT 20)`;

/** Per channel, the operations waiting in the channel database for the P-job (an address of a new customer travels with it). */
export function pendingUploads(sim: Simulation, channelDatabase: string): PendingUploads[] {
  const ctx = contextOf(sim);
  const db = ctx.db.channelDb(channelDatabase);
  return ctx.db.all(db, PENDING_BY_CHANNEL, []).map((group) => {
    const channel = String(group.ORIGINATINGCHANNEL);
    const records = ctx.db.all(db, PENDING_RECORDS, [channel, channel]).map((row): AsyncRecord => {
      const { TABLENAME, ...columns } = row;
      return asyncRecord(tableRow(channelDatabase, String(TABLENAME), String(row.OPERATIONID), columns));
    });
    return {
      channel,
      creates: Number(group.CREATES),
      updates: Number(group.UPDATES),
      addresses: Number(group.ADDRESSES),
      firstAt: String(group.FIRSTAT),
      records,
    };
  });
}

function asyncRecord(evidence: TableRow): AsyncRecord {
  const row = evidence.columns;
  return {
    operationId: String(row.OPERATIONID),
    operationType: String(row.OPERATIONTYPE),
    asyncCustomerId: String(row.CUSTACCOUNTASYNC),
    firstName: textOrNull(row.FIRSTNAME),
    lastName: textOrNull(row.LASTNAME),
    createdAt: text(row.CREATEDAT),
    origin: textOrNull(row.ORIGIN),
    evidence,
  };
}

/** The operations of one channel staged in HQ that the batch job has not processed. */
export interface StagedAwaitingBatch {
  readonly channel: string;
  readonly operations: number;
  /** When the first of them was uploaded. */
  readonly firstUploadedAt: string;
  /** Where the first operation came from in the scenario. */
  readonly firstOrigin: string | null;
  /** Rows with OnlineOperationCompleted = 0 per staging table that has any, in table order. */
  readonly rowsByTable: readonly { readonly table: string; readonly rows: number }[];
  /** Up to 20 staged customer records and up to 20 address records, in operation order. */
  readonly customers: readonly AsyncRecord[];
  readonly addresses: readonly AsyncRecord[];
}

export function stagedAwaitingBatch(sim: Simulation): StagedAwaitingBatch[] {
  const ctx = contextOf(sim);
  const { db, hq } = ctx;
  const groups = db.all(
    hq,
    // The stored upload time (seconds, which the status index holds) read as the column reads.
    `SELECT CHANNEL, COUNT(*) AS N, ${readableInstant('MIN(UPLOADEDAT_S)')} AS FIRSTUP, MIN(OPERATIONID) AS FIRSTOP
     FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending' GROUP BY CHANNEL ORDER BY CHANNEL`,
    [],
  );
  const rows = rowsAwaitingBatch(sim);
  return groups.map((group) => {
    const channel = String(group.CHANNEL);
    const rowsByTable = ASYNC_TABLES.map((table) => ({ table, rows: rows.get(`${table}/${channel}`) ?? 0 })).filter((t) => t.rows > 0);
    const customers = db
      .all(
        hq,
        `SELECT s.RECID, s.CUSTACCOUNTASYNC, s.ONLINEOPERATIONCOMPLETED, s.ORIGINATINGCHANNEL, s.OPERATION, s.REPLICATIONCOUNTERFROMORIGIN, s.OPERATIONID, s.OPERATIONTYPE, s.FIRSTNAME, s.LASTNAME, s.UPLOADEDAT, s.ORIGIN
         FROM RETAILASYNCOPERATIONSTATUS o JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = o.OPERATIONID
         WHERE o.STATUS = 'Pending' AND o.CHANNEL = ? ORDER BY o.OPERATIONID LIMIT 20`,
        [channel],
      )
      .map((row) => asyncRecord(tableRow('HQ', 'RETAILASYNCCUSTOMERV2', String(row.OPERATIONID), row)));
    const addresses = db
      .all(
        hq,
        `SELECT s.RECID, s.CUSTACCOUNTASYNC, s.ONLINEOPERATIONCOMPLETED, s.ORIGINATINGCHANNEL, s.OPERATION, s.REPLICATIONCOUNTERFROMORIGIN, s.OPERATIONID, s.OPERATIONTYPE, s.UPLOADEDAT, s.ORIGIN
         FROM RETAILASYNCOPERATIONSTATUS o JOIN RETAILASYNCADDRESSV2 s ON s.OPERATIONID = o.OPERATIONID
         WHERE o.STATUS = 'Pending' AND o.CHANNEL = ? ORDER BY o.OPERATIONID LIMIT 20`,
        [channel],
      )
      .map((row) => asyncRecord(tableRow('HQ', 'RETAILASYNCADDRESSV2', String(row.OPERATIONID), row)));
    const firstOrigin = db.one(hq, 'SELECT ORIGIN FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [group.FIRSTOP])?.ORIGIN;
    return {
      channel,
      operations: Number(group.N),
      firstUploadedAt: String(group.FIRSTUP),
      firstOrigin: textOrNull(firstOrigin),
      rowsByTable,
      customers,
      addresses,
    };
  });
}

/**
 * Rows of Pending operations per staging table and channel ("TABLE/channel"). Counted from the
 * completion flag, which the ORIGINATINGCHANNEL index answers without reading a row: rows not
 * completed, less those of Failed operations (few; CROSS JOIN keeps SQLite starting from them). The batch job keeps it exact: every staged
 * row has its operation on the status page with the same channel, and a row is completed
 * exactly when its operation succeeded (test/unit/invariants.test.ts checks both). Joining each
 * row to the status page instead costs a lookup per row: seconds at a million customers.
 */
function rowsAwaitingBatch(sim: Simulation): Map<string, number> {
  const ctx = contextOf(sim);
  const counts = new Map<string, number>();
  for (const table of ASYNC_TABLES) {
    for (const row of ctx.db.all(ctx.hq, `SELECT ORIGINATINGCHANNEL AS C, COUNT(*) AS N FROM ${table} WHERE ONLINEOPERATIONCOMPLETED = 0 GROUP BY ORIGINATINGCHANNEL`, [])) {
      counts.set(`${table}/${String(row.C)}`, Number(row.N));
    }
    const failed = ctx.db.all(
      ctx.hq,
      `SELECT o.CHANNEL AS C, COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS o CROSS JOIN ${table} s ON s.OPERATIONID = o.OPERATIONID
       WHERE o.STATUS = 'Failed' AND s.ONLINEOPERATIONCOMPLETED = 0 GROUP BY o.CHANNEL`,
      [],
    );
    for (const row of failed) {
      const key = `${table}/${String(row.C)}`;
      counts.set(key, (counts.get(key) ?? 0) - Number(row.N));
    }
  }
  return counts;
}

/** When the batch job last ran, if it did. */
export function lastBatchRun(sim: Simulation): { readonly runAt: string } | undefined {
  const ctx = contextOf(sim);
  const row = ctx.db.one(ctx.hq, 'SELECT RUNAT FROM BATCHJOBRUN ORDER BY SEQ DESC LIMIT 1', []);
  return row ? { runAt: String(row.RUNAT) } : undefined;
}
