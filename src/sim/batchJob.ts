// HQ's batch job "Synchronize customers and channel requests": staged operations become
// customers (with account numbers), edits and addresses, or fail with HQ's reasons.
import type { EditableField } from '../domain/fields';
import { ASYNC_TABLES, DEFAULT_CUSTOMER_GROUP } from '../domain/tables';
import { formatInstant } from '../domain/time';
import type { SqlValue } from './connection';
import type { SimContext } from './context';
import { logEvent } from './eventLog';
import { peekAccountNumber, setNextAccountNumber } from './identities';
import type { RunOptions } from './cdxJobs';
import { recordBatchRun } from './sessions';
import type { OperationType, Outcome } from './types';
import { type StoredInstant, storedNow } from './storedValues';
import { VALIDATE_OPERATIONS } from './validations';

const SYNCHRONIZE_CUSTOMERS = 'SynchronizeCustomersAndChannelRequests';

/**
 * The batch job's working tables, created once per simulation in the connection's temp schema.
 * They are emptied after each run (see clearBatchTables) and their pages given back to the
 * allocator by an incremental vacuum, instead of staying on the temp schema's free list while
 * later jobs grow HQ (measured: about 70 bytes per customer processed). auto_vacuum = FULL
 * freed them too but made the batch job's statements much slower (300k customers: 24 s → 41 s).
 */
export function createBatchTables(ctx: SimContext): void {
  ctx.db.exec(`PRAGMA temp.auto_vacuum = INCREMENTAL;
    CREATE TEMP TABLE BATCHOPS (OPERATIONID TEXT PRIMARY KEY, OPERATIONTYPE TEXT NOT NULL, CUSTACCOUNTASYNC TEXT NOT NULL);
    CREATE TEMP TABLE BATCHPROBLEMS (OPERATIONID TEXT NOT NULL, ORD INTEGER NOT NULL, FIELD TEXT NOT NULL, REASON TEXT NOT NULL);
    CREATE INDEX temp.BATCHPROBLEMS_BY_OPERATION ON BATCHPROBLEMS (OPERATIONID);
    CREATE TEMP TABLE BATCHSUCCEEDED (OPERATIONID TEXT PRIMARY KEY, ACCOUNTNUM TEXT NOT NULL);`);
}

/** Synchronize customers and channel requests: processes every pending staged operation in order. A failed run processes nothing. */
export function runSynchronizeBatch(ctx: SimContext, origin: string | undefined, options: RunOptions = {}): Outcome {
  const source = { origin, scheduled: options.scheduled };
  if (options.fails !== undefined) {
    recordBatchRun(ctx, SYNCHRONIZE_CUSTOMERS, 'Synchronize customers and channel requests', options.fails, source);
    logEvent(ctx, 'action', 'batchFailed', { job: SYNCHRONIZE_CUSTOMERS, message: options.fails }, origin);
    return { ok: true, summary: `Synchronize customers and channel requests failed: ${options.fails}` };
  }
  let result = { processed: 0, failed: 0 };
  ctx.db.transaction(() => {
    result = processOperations(ctx, "SELECT OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending'", []);
    const seq = ctx.nextSeq();
    ctx.db.run(ctx.hq, 'INSERT INTO BATCHJOBRUN (SEQ, JOBID, RUNAT, PROCESSED, FAILED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      seq,
      SYNCHRONIZE_CUSTOMERS,
      formatInstant(ctx.now),
      result.processed,
      result.failed,
      origin ?? null,
    ]);
    recordBatchRun(ctx, SYNCHRONIZE_CUSTOMERS, 'Synchronize customers and channel requests', undefined, source);
  });
  logEvent(ctx, 'action', 'batchRan', { processed: String(result.processed), failed: String(result.failed) }, origin);
  return {
    ok: true,
    summary: `Synchronize customers and channel requests processed ${result.processed} operations, ${result.failed} failed`,
  };
}

/**
 * Processes one operation now (Synchronize on the Customer synchronization status page).
 * `accountNum`: the account number HQ is known to have given a created customer (an observed
 * operation); otherwise the number sequence gives the next one.
 */
export function processOperation(ctx: SimContext, operationId: string, accountNum?: string): void {
  processOperations(ctx, 'SELECT OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId], accountNum);
}

/**
 * Processes staged operations as HQ would, in operation order: creations set-based (the bulk),
 * then edits and addresses one by one, since each needs its customer to exist already.
 */
function processOperations(ctx: SimContext, selectOperations: string, params: SqlValue[], knownAccountNum?: string): { processed: number; failed: number } {
  const { db, hq } = ctx;
  const now = storedNow(ctx.now);
  clearBatchTables(ctx); // already empty, unless a run was stopped part way
  db.run(hq, `INSERT INTO temp.BATCHOPS (OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC) ${selectOperations}`, params);
  const processed = Number(db.one(hq, 'SELECT COUNT(*) AS N FROM temp.BATCHOPS', [])?.N ?? 0);
  if (processed > 0) {
    db.run(hq, VALIDATE_OPERATIONS, []);
    processBatch(ctx, knownAccountNum, now);
  }
  const failed = Number(
    db.one(hq, "SELECT COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed' AND OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHOPS)", [])?.N ?? 0,
  );
  clearBatchTables(ctx);
  return { processed, failed };
}

/** Nothing reads the working tables after a run: their rows would only hold memory. */
function clearBatchTables(ctx: SimContext): void {
  ctx.db.exec('DELETE FROM temp.BATCHOPS; DELETE FROM temp.BATCHPROBLEMS; DELETE FROM temp.BATCHSUCCEEDED; PRAGMA temp.incremental_vacuum;');
}

/** The operations in temp.BATCHOPS, validated into temp.BATCHPROBLEMS: creations, then the rest. */
function processBatch(ctx: SimContext, knownAccountNum: string | undefined, now: StoredInstant): void {
  const { db, hq } = ctx;

  // Creations: the valid ones become customers with the next account numbers, in operation order.
  const first = peekAccountNumber(ctx);
  db.run(
    hq,
    `INSERT INTO temp.BATCHSUCCEEDED (OPERATIONID, ACCOUNTNUM)
     SELECT OPERATIONID, CAST(? + ROW_NUMBER() OVER (ORDER BY OPERATIONID) - 1 AS TEXT) FROM temp.BATCHOPS
     WHERE OPERATIONTYPE = 'CustomerCreate' AND OPERATIONID NOT IN (SELECT OPERATIONID FROM temp.BATCHPROBLEMS) ORDER BY OPERATIONID`,
    [first],
  );
  if (knownAccountNum !== undefined) {
    db.run(hq, 'UPDATE temp.BATCHSUCCEEDED SET ACCOUNTNUM = ?', [knownAccountNum]);
  }
  const created = Number(db.one(hq, 'SELECT COUNT(*) AS N FROM temp.BATCHSUCCEEDED', [])?.N ?? 0);
  if (created > 0) {
    const seq = ctx.nextSeq();
    db.run(
      hq,
      `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT_S, CREATEDBY, CHANNEL, CUSTACCOUNTASYNC_S, CREATEDSEQ, MODIFIEDSEQ, ORIGIN_S)
       SELECT b.ACCOUNTNUM, s.FIRSTNAME, s.LASTNAME, s.EMAIL, s.PHONE, s.TITLE,
              COALESCE(NULLIF(TRIM(s.CUSTGROUP), ''), ?), ?, 'AsyncSynchronization', s.ORIGINATINGCHANNEL, s.CUSTACCOUNTASYNC_S, ?, ?, s.ORIGIN_S
       FROM temp.BATCHSUCCEEDED b JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = b.OPERATIONID ORDER BY s.OPERATIONID`,
      [DEFAULT_CUSTOMER_GROUP, now, seq, seq],
    );
    if (knownAccountNum === undefined) {
      setNextAccountNumber(ctx, first + created);
    } else if (/^\d+$/.test(knownAccountNum) && Number(knownAccountNum) >= first) {
      // HQ issued the export's number from this sequence: the next customer gets a later one.
      setNextAccountNumber(ctx, Number(knownAccountNum) + 1);
    }
    db.run(
      hq,
      `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
       SELECT b.ACCOUNTNUM, a.STREET, a.CITY, a.ZIPCODE, a.COUNTRY, a.ORIGIN
       FROM temp.BATCHSUCCEEDED b JOIN RETAILASYNCADDRESSV2 a ON a.OPERATIONID = b.OPERATIONID
       ORDER BY a.RECID`,
      [],
    );
    completeSucceeded(ctx, now);
  }
  failWithProblems(ctx, "OPERATIONTYPE = 'CustomerCreate'", now);

  // Edits and addresses, one by one in order: each needs its customer in the master first.
  const dependents = db.all(hq, "SELECT OPERATIONID, OPERATIONTYPE, CUSTACCOUNTASYNC FROM temp.BATCHOPS WHERE OPERATIONTYPE <> 'CustomerCreate' ORDER BY OPERATIONID", []);
  for (const op of dependents) {
    processDependent(ctx, String(op.OPERATIONID), String(op.OPERATIONTYPE) as OperationType, String(op.CUSTACCOUNTASYNC), now);
  }
}

function processDependent(ctx: SimContext, operationId: string, type: OperationType, asyncId: string, now: StoredInstant): void {
  const { db, hq } = ctx;
  const existing = db.one(hq, 'SELECT ACCOUNTNUM FROM CUSTTABLE WHERE CUSTACCOUNTASYNC = ? OR ACCOUNTNUM = ?', [asyncId, asyncId]);
  if (!existing) {
    failOperation(ctx, operationId, [], `The customer ${asyncId} has not been synchronized to HQ yet; synchronize its creation first.`, now);
    return;
  }
  if (db.one(hq, 'SELECT 1 AS X FROM temp.BATCHPROBLEMS WHERE OPERATIONID = ?', [operationId])) {
    failWithProblems(ctx, 'OPERATIONID = ?', now, [operationId]);
    return;
  }
  const accountNum = String(existing.ACCOUNTNUM);
  const seq = ctx.nextSeq();
  if (type === 'CustomerUpdate') {
    db.run(
      hq,
      `UPDATE CUSTTABLE SET (FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, MODIFIEDSEQ) =
         (SELECT COALESCE(s.FIRSTNAME, CUSTTABLE.FIRSTNAME), COALESCE(s.LASTNAME, CUSTTABLE.LASTNAME), COALESCE(s.EMAIL, CUSTTABLE.EMAIL),
                 COALESCE(s.PHONE, CUSTTABLE.PHONE), COALESCE(s.TITLE, CUSTTABLE.TITLE), COALESCE(s.CUSTGROUP, CUSTTABLE.CUSTGROUP), ?
          FROM RETAILASYNCCUSTOMERV2 s WHERE s.OPERATIONID = ?)
       WHERE ACCOUNTNUM = ?`,
      [seq, operationId, accountNum],
    );
  }
  db.run(
    hq,
    `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
     SELECT ?, STREET, CITY, ZIPCODE, COUNTRY, ORIGIN FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ? ORDER BY RECID`,
    [accountNum, operationId],
  );
  db.exec('DELETE FROM temp.BATCHSUCCEEDED');
  db.run(hq, 'INSERT INTO temp.BATCHSUCCEEDED (OPERATIONID, ACCOUNTNUM) VALUES (?, ?)', [operationId, accountNum]);
  completeSucceeded(ctx, now);
}

/**
 * Marks one operation succeeded as HQ's status page shows it, without processing it: an edit of a
 * customer created before anything the scenario holds (an observed operation).
 */
export function completeOperation(ctx: SimContext, operationId: string, accountNum: string): void {
  ctx.db.run(ctx.hq, 'INSERT INTO temp.BATCHSUCCEEDED (OPERATIONID, ACCOUNTNUM) VALUES (?, ?)', [operationId, accountNum]);
  completeSucceeded(ctx, storedNow(ctx.now));
  clearBatchTables(ctx);
}

/** Marks the operations in temp.BATCHSUCCEEDED done: OnlineOperationCompleted = 1 with the account number. */
function completeSucceeded(ctx: SimContext, now: StoredInstant): void {
  for (const table of ASYNC_TABLES) {
    const setAccount = table === 'RETAILASYNCCUSTOMERV2' || table === 'RETAILASYNCADDRESSV2' ? ', CUSTACCOUNT = b.ACCOUNTNUM' : '';
    ctx.db.run(ctx.hq, `UPDATE ${table} SET ONLINEOPERATIONCOMPLETED = 1${setAccount} FROM temp.BATCHSUCCEEDED b WHERE ${table}.OPERATIONID = b.OPERATIONID`, []);
  }
  ctx.db.run(
    ctx.hq,
    `UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Succeeded', FAILUREREASON = NULL, FAILEDFIELDS = NULL, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT_S = ?,
       ACCOUNTNUM = b.ACCOUNTNUM
     FROM temp.BATCHSUCCEEDED b WHERE RETAILASYNCOPERATIONSTATUS.OPERATIONID = b.OPERATIONID`,
    [now],
  );
}

/** Fails the batch's operations that have validation problems (and match `where`), with HQ's reasons. */
function failWithProblems(ctx: SimContext, where: string, now: StoredInstant, params: SqlValue[] = []): void {
  ctx.db.run(
    ctx.hq,
    `UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Failed',
       FAILUREREASON = (SELECT GROUP_CONCAT(p.REASON, ' ' ORDER BY p.ORD, p.ROWID) FROM temp.BATCHPROBLEMS p WHERE p.OPERATIONID = RETAILASYNCOPERATIONSTATUS.OPERATIONID),
       FAILEDFIELDS = (SELECT GROUP_CONCAT(DISTINCT p.FIELD ORDER BY p.ORD) FROM temp.BATCHPROBLEMS p WHERE p.OPERATIONID = RETAILASYNCOPERATIONSTATUS.OPERATIONID),
       ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT_S = ?
     WHERE OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHOPS WHERE ${where}) AND OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHPROBLEMS)`,
    [now, ...params],
  );
}

/** Marks one operation failed with HQ's reason (also what an observed failed operation shows). */
export function failOperation(ctx: SimContext, operationId: string, fields: EditableField[], reason: string, now: StoredInstant): void {
  ctx.db.run(
    ctx.hq,
    "UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Failed', FAILUREREASON = ?, FAILEDFIELDS = ?, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT_S = ? WHERE OPERATIONID = ?",
    [reason, fields.join(','), now, operationId],
  );
}
