// Every run of a job as HQ lists it (download sessions, upload sessions, batch job history), and
// the runs that failed with no successful run after them.
import type { SimContext } from '../context';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type Row, type TableRow, tableRow, text, textOrNull } from './records';

/** A job whose last run failed: no later run of it (for the same channel database) succeeded. */
export interface FailedRun {
  /** A CDX job id, or a batch job id. */
  readonly job: string;
  readonly kind: 'download' | 'upload' | 'batch';
  /** Undefined for the batch job. */
  readonly channelDatabase?: string;
  readonly at: string;
  readonly message: string;
  /** Fired by a schedule, not by a timeline entry. */
  readonly scheduled: boolean;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

const LAST_FAILED = (table: string, failed: string) => `
  SELECT * FROM ${table} s
  WHERE s.SEQ = (SELECT MAX(x.SEQ) FROM ${table} x WHERE x.DATASTORE = s.DATASTORE AND x.JOBID = s.JOBID) AND s.STATUS = '${failed}'
  ORDER BY s.SEQ`;

/** Download and upload sessions whose job's last run for the channel database failed, then the batch jobs whose last run failed. */
export function failedRuns(sim: Simulation): FailedRun[] {
  const ctx = contextOf(sim);
  const downloads = ctx.db.all(ctx.hq, LAST_FAILED('RETAILCDXDOWNLOADSESSION', 'Apply failed'), []).map((r) => cdxRun(r, 'download', 'RETAILCDXDOWNLOADSESSION', 'DATEREQUESTED'));
  const uploads = ctx.db.all(ctx.hq, LAST_FAILED('RETAILCDXUPLOADSESSION', 'Upload failed'), []).map((r) => cdxRun(r, 'upload', 'RETAILCDXUPLOADSESSION', 'DATECREATED'));
  const batches = ctx.db
    .all(
      ctx.hq,
      `SELECT * FROM BATCHJOBHISTORY s WHERE s.SEQ = (SELECT MAX(x.SEQ) FROM BATCHJOBHISTORY x WHERE x.JOBID = s.JOBID) AND s.STATUS = 'Error' ORDER BY s.SEQ`,
      [],
    )
    .map(
      (r): FailedRun => ({
        job: String(r.JOBID),
        kind: 'batch',
        at: String(r.STARTDATETIME),
        message: text(r.MESSAGE),
        scheduled: r.SCHEDULED === 1,
        origin: textOrNull(r.ORIGIN),
        evidence: tableRow('HQ', 'BATCHJOBHISTORY', String(r.RECID), r),
      }),
    );
  return [...downloads, ...uploads, ...batches];
}

function cdxRun(r: Row, kind: 'download' | 'upload', table: string, dateColumn: string): FailedRun {
  return {
    job: String(r.JOBID),
    kind,
    channelDatabase: String(r.DATASTORE),
    at: String(r[dateColumn]),
    message: text(r.MESSAGE),
    scheduled: r.SCHEDULED === 1,
    origin: textOrNull(r.ORIGIN),
    evidence: tableRow('HQ', table, String(r.RECID ?? r.UPLOADSESSIONID), r),
  };
}

/** Whether any job ran from the timeline or a schedule (sessions or batch history exist). */
export function anyRecordedRun(sim: Simulation): boolean {
  const ctx = contextOf(sim);
  return (
    ctx.db.one(ctx.hq, 'SELECT 1 AS X FROM RETAILCDXDOWNLOADSESSION UNION ALL SELECT 1 FROM RETAILCDXUPLOADSESSION UNION ALL SELECT 1 FROM BATCHJOBHISTORY LIMIT 1', []) !==
    undefined
  );
}

/** The last session of a CDX job for a channel database: whether it failed, and whether a schedule fired it. */
export function lastSessionIn(
  ctx: SimContext,
  channelDatabase: string,
  job: string,
): { readonly failed: boolean; readonly scheduled: boolean; readonly message: string | null; readonly at: string } | undefined {
  const [table, date] = job === 'P-0001' ? ['RETAILCDXUPLOADSESSION', 'DATECREATED'] : ['RETAILCDXDOWNLOADSESSION', 'DATEREQUESTED'];
  const row = ctx.db.one(ctx.hq, `SELECT STATUS, SCHEDULED, MESSAGE, ${date} AS AT FROM ${table} WHERE DATASTORE = ? AND JOBID = ? ORDER BY SEQ DESC LIMIT 1`, [channelDatabase, job]);
  return row ? { failed: String(row.STATUS).endsWith('failed'), scheduled: row.SCHEDULED === 1, message: textOrNull(row.MESSAGE), at: String(row.AT) } : undefined;
}
