// Commerce Data Exchange: the download jobs (1110, 1070, 1010) that bring HQ's data to a channel
// database, and the P-job that uploads the channel's async records to HQ's staging tables.
import { type CdxJobId, type DownloadJobId, METADATA_JOBS } from '../domain/jobs';
import { ASYNC_TABLES } from '../domain/tables';
import { formatInstant } from '../domain/time';
import { downloadChannelSettings, downloadFeatures } from './channelView';
import type { SimContext } from './context';
import { HQ_SCHEMA, type DbHandle } from './database';
import { logEvent, refuse } from './eventLog';
import { ASYNC_COLUMNS } from './schema';
import { storedNow } from './storedValues';
import { uploadTransactions } from './orders';
import { recordDownloadSession, recordUploadSession } from './sessions';
import type { Outcome } from './types';

/** How a run goes: `fails` makes it a failed run with that message (nothing moves); `scheduled` when a schedule fired it. */
export interface RunOptions {
  readonly fails?: string;
  readonly scheduled?: boolean;
}

/** Runs a CDX job for one channel database, or for every channel database when none is named. */
export function runJob(ctx: SimContext, jobId: CdxJobId, channelDatabase: string | undefined, origin: string | undefined, options: RunOptions = {}): Outcome {
  const targets = channelDatabase === undefined ? [...ctx.db.channelDatabases.keys()] : [channelDatabase];
  if (channelDatabase !== undefined && !ctx.db.channelDatabases.has(channelDatabase)) {
    return refuse(ctx, 'unknownChannelDatabase', { channelDatabase, job: jobId }, origin);
  }
  const source = { origin, scheduled: options.scheduled };
  if (options.fails !== undefined) {
    for (const target of targets) {
      if (jobId === 'P-0001') {
        recordUploadSession(ctx, target, 0, options.fails, source);
      } else {
        recordDownloadSession(ctx, jobId, target, 0, options.fails, source);
      }
      logEvent(ctx, 'action', 'jobFailed', { job: jobId, channelDatabase: target, message: options.fails }, origin);
    }
    return { ok: true, summary: `Job ${jobId} failed for ${targets.join(', ') || 'no channel database'}: ${options.fails}` };
  }
  let moved = 0;
  for (const target of targets) {
    const rows = jobId === 'P-0001' ? runUpload(ctx, target, origin) : runDownloadJob(ctx, jobId, target, origin);
    if (jobId === 'P-0001') {
      recordUploadSession(ctx, target, rows, undefined, source);
    } else {
      recordDownloadSession(ctx, jobId, target, rows, undefined, source);
    }
    moved += rows;
  }
  return { ok: true, summary: `Job ${jobId} ran for ${targets.join(', ') || 'no channel database'} (${moved} rows)` };
}

/**
 * A download job. Job 1010 brings customers; the channel's metadata (feature states from 1110,
 * channel settings from 1070) takes effect only once 1110, 1010 and 1070 have all run since
 * HQ's last change, as the FAQ says: until then the channel keeps its old metadata.
 * `initial`: the scenario's starting point, where every channel database holds what HQ holds.
 */
export function runDownloadJob(ctx: SimContext, jobId: DownloadJobId, channelDatabase: string, origin: string | undefined, initial = false): number {
  const db = ctx.db.channelDb(channelDatabase);
  const now = formatInstant(ctx.now);
  let moved = jobId === '1010' ? downloadCustomers(ctx, db) : 0;
  const seq = ctx.nextSeq();
  ctx.db.run(ctx.hq, 'INSERT INTO RETAILCDXJOBRUN (SEQ, JOBID, CHANNELDATABASE, RUNAT, ROWSMOVED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
    seq,
    jobId,
    channelDatabase,
    now,
    0,
    initial ? 'start' : (origin ?? null),
  ]);
  if (metadataJobsBehind(ctx, channelDatabase).length === 0) {
    moved += downloadFeatures(ctx, db) + downloadChannelSettings(ctx, db);
  }
  ctx.db.run(ctx.hq, 'UPDATE RETAILCDXJOBRUN SET ROWSMOVED = ? WHERE SEQ = ?', [moved, seq]);
  if (!initial) {
    logEvent(ctx, 'action', 'jobRan', { job: jobId, channelDatabase, rows: String(moved) }, origin);
  }
  return moved;
}

/**
 * The metadata jobs (1110, 1010, 1070) whose last run for the channel database came before
 * HQ's last change that concerns it, with that run's seq (0 when it never ran).
 */
export function metadataJobsBehind(ctx: SimContext, channelDatabase: string): { job: DownloadJobId; seq: number }[] {
  const lastChange = Number(
    ctx.db.one(ctx.hq, 'SELECT COALESCE(MAX(SEQ), 0) AS SEQ FROM RETAILCHANGELOG WHERE CHANNELDATABASE IS NULL OR CHANNELDATABASE = ?', [channelDatabase])?.SEQ ?? 0,
  );
  return METADATA_JOBS.map((job) => ({
    job,
    seq: Number(ctx.db.one(ctx.hq, 'SELECT COALESCE(MAX(SEQ), 0) AS SEQ FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ?', [channelDatabase, job])?.SEQ ?? 0),
  })).filter((run) => run.seq < lastChange);
}

/** Job 1010: customers changed in HQ since the last run, with the real account ids of converted async customers. */
function downloadCustomers(ctx: SimContext, db: DbHandle): number {
  const last = ctx.db.one(ctx.hq, 'SELECT MAX(SEQ) AS SEQ FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ?', [db.name, '1010']);
  const since = Number(last?.SEQ ?? 0);
  const changed = Number(ctx.db.one(ctx.hq, 'SELECT COUNT(*) AS N FROM CUSTTABLE WHERE MODIFIEDSEQ > ?', [since])?.N ?? 0);
  if (changed === 0) {
    return 0;
  }
  const ch = db.schema;
  // The converted async customer: its temporary id is replaced by the real account number.
  ctx.db.run(
    ctx.hq,
    `DELETE FROM ${ch}.CUSTOMER WHERE ACCOUNTNUM IN (SELECT CUSTACCOUNTASYNC FROM ${HQ_SCHEMA}.CUSTTABLE WHERE MODIFIEDSEQ > ? AND CUSTACCOUNTASYNC IS NOT NULL)`,
    [since],
  );
  ctx.db.run(
    ctx.hq,
    `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM_S, CUSTACCOUNTASYNC_S, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN_S)
     SELECT ACCOUNTNUM, CUSTACCOUNTASYNC_S, FIRSTNAME, LASTNAME, EMAIL, PHONE, 0, CHANNEL, ORIGIN_S FROM ${HQ_SCHEMA}.CUSTTABLE WHERE MODIFIEDSEQ > ? ORDER BY MODIFIEDSEQ
     ON CONFLICT(ACCOUNTNUM) DO UPDATE SET CUSTACCOUNTASYNC_S = excluded.CUSTACCOUNTASYNC_S, FIRSTNAME = excluded.FIRSTNAME, LASTNAME = excluded.LASTNAME,
       EMAIL = excluded.EMAIL, PHONE = excluded.PHONE, PENDINGSYNC = 0`,
    [since],
  );
  return changed;
}

/** The P-job: async records, orders and sales not yet uploaded move to HQ, in one transaction. */
function runUpload(ctx: SimContext, channelDatabase: string, origin: string | undefined): number {
  const ch = ctx.db.channelDb(channelDatabase).schema;
  const now = formatInstant(ctx.now);
  let moved = 0;
  ctx.db.transaction(() => {
    moved = uploadRecords(ctx, channelDatabase) + uploadTransactions(ctx, ch);
  });
  const seq = ctx.nextSeq();
  ctx.db.run(ctx.hq, 'INSERT INTO RETAILCDXJOBRUN (SEQ, JOBID, CHANNELDATABASE, RUNAT, ROWSMOVED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
    seq,
    'P-0001',
    channelDatabase,
    now,
    moved,
    origin ?? null,
  ]);
  logEvent(ctx, 'action', 'jobRan', { job: 'P-0001', channelDatabase, rows: String(moved) }, origin);
  return moved;
}

/**
 * Moves the channel database's async records not yet uploaded to the HQ staging tables, each
 * operation with its line on the Customer synchronization status page (Pending); only those
 * of `operationId` when given (an operation an export shows in HQ). Returns the rows moved.
 */
export function uploadRecords(ctx: SimContext, channelDatabase: string, operationId?: string): number {
  const ch = ctx.db.channelDb(channelDatabase).schema;
  const only = operationId === undefined ? '' : ' AND OPERATIONID = ?';
  const onlyParams = operationId === undefined ? [] : [operationId];
  const now = storedNow(ctx.now);
  let moved = 0;
  ctx.db.transaction(() => {
    // Every operation being uploaded gets its line on the Customer synchronization status page.
    // The customer table's OPERATION is the stored code of its OPERATIONTYPE (storedValues.ts).
    ctx.db.run(
      ctx.hq,
      `INSERT INTO RETAILASYNCOPERATIONSTATUS (OPERATIONID, OPERATIONTYPE_S, CUSTACCOUNTASYNC_S, ACCOUNTNUM, CHANNEL, CHANNELDATABASE, STATUS, ATTEMPTS, UPLOADEDAT_S, ORIGIN_S)
       SELECT OPERATIONID, MIN(OPERATIONTYPE_S), MIN(CUSTACCOUNTASYNC_S), MIN(CUSTACCOUNT), MIN(ORIGINATINGCHANNEL), ?, 'Pending', 0, ?, MIN(ORIGIN_S)
       FROM (SELECT OPERATIONID, OPERATION AS OPERATIONTYPE_S, CUSTACCOUNTASYNC_S, CUSTACCOUNT, ORIGINATINGCHANNEL, ORIGIN_S FROM ${ch}.RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0${only}
             UNION ALL SELECT OPERATIONID, OPERATIONTYPE_S, CUSTACCOUNTASYNC_S, CUSTACCOUNT, ORIGINATINGCHANNEL, ORIGIN_S FROM ${ch}.RETAILASYNCADDRESSV2 WHERE UPLOADED = 0${only})
       GROUP BY OPERATIONID ORDER BY OPERATIONID`,
      [channelDatabase, now, ...onlyParams, ...onlyParams],
    );
    for (const table of ASYNC_TABLES) {
      const columns = ASYNC_COLUMNS[table].filter((c) => c !== 'RECID').join(', ');
      moved += Number(ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N FROM ${ch}.${table} WHERE UPLOADED = 0${only}`, onlyParams)?.N ?? 0);
      ctx.db.run(
        ctx.hq,
        `INSERT INTO ${HQ_SCHEMA}.${table} (${columns}, ONLINEOPERATIONCOMPLETED, UPLOADEDAT_S) SELECT ${columns}, 0, ? FROM ${ch}.${table} WHERE UPLOADED = 0${only} ORDER BY RECID`,
        [now, ...onlyParams],
      );
      ctx.db.run(ctx.hq, `UPDATE ${ch}.${table} SET UPLOADED = 1, UPLOADEDAT_S = ? WHERE UPLOADED = 0${only}`, [now, ...onlyParams]);
    }
  });
  return moved;
}

