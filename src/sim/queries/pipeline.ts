// Where every customer created asynchronously is now: one stage each, the furthest it reached,
// with the job that would move it on. Read-only; counted in SQL so a generated volume stays cheap.
import { BATCH_JOBS, CDX_JOBS, type CdxJobId } from '../../domain/jobs';
import {
  PIPELINE_STAGES,
  type PipelineChannel,
  type PipelineCustomer,
  type PipelineJob,
  type PipelineJobRun,
  type PipelineSnapshot,
  type PipelineStageId,
} from '../../domain/pipeline';
import { formatInstant } from '../../domain/time';
import type { SimContext } from '../context';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import type { Row } from './records';
import { scheduleOf } from '../schedules';
import { lastSessionIn } from './sessions';

const DEFAULT_CUSTOMER_LIMIT = 5;

/**
 * The stage of each CustomerCreate operation of a channel database, from the furthest back:
 * on the channel with its account number (job 1010 ran), in the customer master, failed,
 * pending in the HQ staging tables, or not uploaded yet.
 */
const STAGED_CUSTOMERS = `
  SELECT c.RECID, c.OPERATIONID, c.CUSTACCOUNTASYNC, c.FIRSTNAME, c.LASTNAME, c.EMAIL, c.ORIGINATINGCHANNEL AS CHANNEL,
    CASE
      WHEN c.UPLOADED = 0 THEN 'channelDatabase'
      WHEN s.STATUS = 'Failed' THEN 'failed'
      WHEN s.STATUS = 'Succeeded' AND EXISTS (SELECT 1 FROM CUSTOMER k WHERE k.CUSTACCOUNTASYNC = c.CUSTACCOUNTASYNC AND k.PENDINGSYNC = 0) THEN 'backOnChannel'
      WHEN s.STATUS = 'Succeeded' THEN 'customerMaster'
      ELSE 'hqStaging'
    END AS STAGE
  FROM RETAILASYNCCUSTOMERV2 c LEFT JOIN RETAILASYNCOPERATIONSTATUS s ON s.OPERATIONID = c.OPERATIONID
  WHERE c.OPERATIONTYPE = 'CustomerCreate'`;

const STAGE_COUNTS = `SELECT STAGE, CHANNEL, COUNT(*) AS N FROM (${STAGED_CUSTOMERS}) GROUP BY STAGE, CHANNEL`;

/** The first names of a stage, read through indexes and stopped at the limit: a large stage costs no more than a small one. */
const NOT_UPLOADED_NAMES = `
  SELECT FIRSTNAME, LASTNAME, EMAIL, CUSTACCOUNTASYNC, ORIGINATINGCHANNEL AS CHANNEL, OPERATIONID FROM RETAILASYNCCUSTOMERV2
  WHERE UPLOADED = 0 AND OPERATIONTYPE = 'CustomerCreate' ORDER BY RECID LIMIT ?`;

/**
 * Names of the uploaded stages, from HQ's copy of the records; `channelCustomer` is the channel
 * database's CUSTOMER table. `+s.STATUS` keeps SQLite on the operation order, so LIMIT stops the
 * scan early instead of sorting every operation with the status first.
 */
function uploadedNames(channelCustomer: string, back: 'back' | 'notBack' | 'any'): string {
  const arrived = `EXISTS (SELECT 1 FROM ${channelCustomer} k WHERE k.CUSTACCOUNTASYNC = s.CUSTACCOUNTASYNC AND k.PENDINGSYNC = 0)`;
  return `
  SELECT h.FIRSTNAME, h.LASTNAME, h.EMAIL, h.CUSTACCOUNTASYNC, h.ORIGINATINGCHANNEL AS CHANNEL, h.OPERATIONID
  FROM RETAILASYNCOPERATIONSTATUS s JOIN RETAILASYNCCUSTOMERV2 h ON h.OPERATIONID = s.OPERATIONID
  WHERE +s.STATUS = ? AND s.CHANNELDATABASE = ? AND s.OPERATIONTYPE = 'CustomerCreate'${back === 'any' ? '' : ` AND ${back === 'back' ? '' : 'NOT '}${arrived}`}
  ORDER BY s.OPERATIONID LIMIT ?`;
}

/** Records the P-job would upload: creations, edits and addresses alike. */
const NOT_UPLOADED = `SELECT (SELECT COUNT(*) FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0) + (SELECT COUNT(*) FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0) AS N`;

export function pipelineSnapshot(sim: Simulation, customerLimit = DEFAULT_CUSTOMER_LIMIT): PipelineSnapshot {
  const ctx = contextOf(sim);
  const databases = [...ctx.db.channelDatabases.keys()].sort();
  const counts = new Map<PipelineStageId, Map<string, number>>(PIPELINE_STAGES.map((id) => [id, new Map(databases.map((db) => [db, 0]))]));
  const createdAt = new Map<string, number>();
  const names = new Map<PipelineStageId, (PipelineCustomer & { operation: string })[]>(PIPELINE_STAGES.map((id) => [id, []]));

  for (const database of databases) {
    const db = ctx.db.channelDb(database);
    for (const row of ctx.db.all(db, STAGE_COUNTS, [])) {
      const byDatabase = counts.get(row.STAGE as PipelineStageId)!;
      byDatabase.set(database, byDatabase.get(database)! + Number(row.N));
      createdAt.set(String(row.CHANNEL), (createdAt.get(String(row.CHANNEL)) ?? 0) + Number(row.N));
    }
    const channelCustomer = `${db.schema}.CUSTOMER`;
    const firstNames: [PipelineStageId, Row[]][] = [
      ['channelDatabase', ctx.db.all(db, NOT_UPLOADED_NAMES, [customerLimit])],
      ['hqStaging', ctx.db.all(ctx.hq, uploadedNames(channelCustomer, 'any'), ['Pending', database, customerLimit])],
      ['failed', ctx.db.all(ctx.hq, uploadedNames(channelCustomer, 'any'), ['Failed', database, customerLimit])],
      ['customerMaster', ctx.db.all(ctx.hq, uploadedNames(channelCustomer, 'notBack'), ['Succeeded', database, customerLimit])],
      ['backOnChannel', ctx.db.all(ctx.hq, uploadedNames(channelCustomer, 'back'), ['Succeeded', database, customerLimit])],
    ];
    for (const [stage, rows] of firstNames) {
      names.get(stage)!.push(...rows.map((row) => ({ name: customerName(row), channel: String(row.CHANNEL), channelDatabase: database, operation: String(row.OPERATIONID) })));
    }
  }

  const stages = PIPELINE_STAGES.map((id) => {
    const byDatabase = databases.map((database) => ({ database, count: counts.get(id)!.get(database)! }));
    return {
      id,
      count: byDatabase.reduce((sum, d) => sum + d.count, 0),
      byDatabase,
      customers: names
        .get(id)!
        .sort((a, b) => a.operation.localeCompare(b.operation))
        .slice(0, customerLimit)
        .map(({ name, channel, channelDatabase }) => ({ name, channel, channelDatabase })),
    };
  });
  const waiting = (stage: PipelineStageId, database: string): number => counts.get(stage)!.get(database)!;

  const channels: PipelineChannel[] = [...ctx.state.channels]
    .sort((a, b) => a.channelDatabase.localeCompare(b.channelDatabase) || a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, kind: c.kind, channelDatabase: c.channelDatabase, created: createdAt.get(c.id) ?? 0 }));

  const jobs: PipelineJob[] = [
    {
      id: 'P-0001',
      name: jobName('P-0001'),
      from: 'channelDatabase',
      to: ['hqStaging'],
      runs: databases.map((database) => {
        const notUploaded = Number(ctx.db.one(ctx.db.channelDb(database), NOT_UPLOADED, [])?.N ?? 0);
        return { ...lastCdxRun(ctx, database, 'P-0001'), waiting: waiting('channelDatabase', database), stale: notUploaded > 0 };
      }),
    },
    {
      id: 'SynchronizeCustomersAndChannelRequests',
      name: BATCH_JOBS[0].name,
      from: 'hqStaging',
      to: ['customerMaster', 'failed'],
      runs: [batchRun(ctx, stages.find((s) => s.id === 'hqStaging')!.count)],
    },
    {
      id: '1010',
      name: jobName('1010'),
      from: 'customerMaster',
      to: ['backOnChannel'],
      runs: databases.map((database) => {
        const behind = waiting('customerMaster', database);
        return { ...lastCdxRun(ctx, database, '1010'), waiting: behind, stale: behind > 0 };
      }),
    },
  ];

  const createdRealtime = Number(ctx.db.one(ctx.hq, "SELECT COUNT(*) AS N FROM CUSTTABLE WHERE CREATEDBY = 'RealtimeService'", [])?.N ?? 0);
  return {
    clock: formatInstant(ctx.now),
    channelDatabases: databases,
    channels,
    stages,
    jobs,
    created: stages.reduce((sum, s) => sum + s.count, 0),
    createdRealtime,
    customerLimit,
  };
}

function customerName(row: Row): string {
  const name = [row.FIRSTNAME, row.LASTNAME]
    .map((part) => (part === null ? '' : String(part).trim()))
    .filter(Boolean)
    .join(' ');
  if (name) return name;
  const email = row.EMAIL === null ? '' : String(row.EMAIL).trim();
  return email || String(row.CUSTACCOUNTASYNC);
}

function lastCdxRun(ctx: SimContext, database: string, job: 'P-0001' | '1010'): Pick<PipelineJobRun, 'database' | 'lastRunAt' | 'lastRunAtStart' | 'failed' | 'nextRunAt'> {
  const run = ctx.db.one(ctx.hq, 'SELECT RUNAT, ORIGIN FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ? ORDER BY SEQ DESC LIMIT 1', [database, job]);
  const session = lastSessionIn(ctx, database, job);
  const next = scheduleOf(ctx, job, database);
  return {
    database,
    lastRunAt: run ? String(run.RUNAT) : undefined,
    lastRunAtStart: run?.ORIGIN === 'start',
    failed: session?.failed ? { at: session.at, reason: session.message ?? '' } : undefined,
    nextRunAt: next ? formatInstant(next.nextRun) : undefined,
  };
}

function batchRun(ctx: SimContext, pending: number): PipelineJobRun {
  const run = ctx.db.one(ctx.hq, 'SELECT RUNAT FROM BATCHJOBRUN WHERE JOBID = ? ORDER BY SEQ DESC LIMIT 1', [BATCH_JOBS[0].id]);
  const stillPending = Number(ctx.db.one(ctx.hq, "SELECT COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending'", [])?.N ?? 0);
  const last = ctx.db.one(ctx.hq, 'SELECT STATUS, MESSAGE, STARTDATETIME FROM BATCHJOBHISTORY WHERE JOBID = ? ORDER BY SEQ DESC LIMIT 1', [BATCH_JOBS[0].id]);
  const next = scheduleOf(ctx, BATCH_JOBS[0].id, undefined);
  return {
    database: null,
    lastRunAt: run ? String(run.RUNAT) : undefined,
    lastRunAtStart: false,
    waiting: pending,
    stale: stillPending > 0,
    failed: last?.STATUS === 'Error' ? { at: String(last.STARTDATETIME), reason: String(last.MESSAGE ?? '') } : undefined,
    nextRunAt: next ? formatInstant(next.nextRun) : undefined,
  };
}

function jobName(id: CdxJobId): string {
  return CDX_JOBS.find((j) => j.id === id)?.name ?? id;
}
