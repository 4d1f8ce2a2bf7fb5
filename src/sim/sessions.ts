// Every run of a job as HQ lists it: CDX download sessions, upload sessions (the P-job) and the
// batch job history, successful or failed. A failed run is recorded with its message; nothing
// moves (DOMAIN: a failed session means its data did not arrive).
import type { CdxJobId } from '../domain/jobs';
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';

/** How a run came about: a timeline entry (origin), the scenario's start, or a schedule. */
export interface RunSource {
  readonly origin: string | undefined;
  /** Set when a schedule fired the run (its origin is then the schedule's place in the file). */
  readonly scheduled?: boolean;
}

/** Status names as the Download sessions and Upload sessions pages show them (DOMAIN: treat Applied / No data as success). */
const DOWNLOAD_STATUS = { applied: 'Applied', noData: 'No data', failed: 'Apply failed' } as const;
const UPLOAD_STATUS = { uploaded: 'Uploaded', failed: 'Upload failed' } as const;
/** Batch job history: Ended succeeded, Error failed. */
const BATCH_STATUS = { ended: 'Ended', error: 'Error' } as const;

export function recordDownloadSession(ctx: SimContext, job: CdxJobId, channelDatabase: string, rows: number, failure: string | undefined, source: RunSource): void {
  const now = formatInstant(ctx.now);
  const status = failure !== undefined ? DOWNLOAD_STATUS.failed : rows > 0 ? DOWNLOAD_STATUS.applied : DOWNLOAD_STATUS.noData;
  ctx.db.run(
    ctx.hq,
    `INSERT INTO RETAILCDXDOWNLOADSESSION (JOBID, DATASTORE, STATUS, ROWSAFFECTED, MESSAGE, TRYCOUNT, DATEREQUESTED, DATEAPPLIED, SCHEDULED, SEQ, ORIGIN)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    [job, channelDatabase, status, rows, failure ?? null, now, failure !== undefined ? null : now, source.scheduled ? 1 : 0, ctx.nextSeq(), source.origin ?? null],
  );
}

export function recordUploadSession(ctx: SimContext, channelDatabase: string, rows: number, failure: string | undefined, source: RunSource): void {
  const now = formatInstant(ctx.now);
  ctx.db.run(
    ctx.hq,
    `INSERT INTO RETAILCDXUPLOADSESSION (JOBID, DATASTORE, STATUS, ROWSAFFECTED, MESSAGE, TRYCOUNT, DATECREATED, DATEUPLOADED, SCHEDULED, SEQ, ORIGIN)
     VALUES ('P-0001', ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    [
      channelDatabase,
      failure !== undefined ? UPLOAD_STATUS.failed : UPLOAD_STATUS.uploaded,
      rows,
      failure ?? null,
      now,
      failure !== undefined ? null : now,
      source.scheduled ? 1 : 0,
      ctx.nextSeq(),
      source.origin ?? null,
    ],
  );
}

export function recordBatchRun(ctx: SimContext, jobId: string, caption: string, failure: string | undefined, source: RunSource): void {
  const now = formatInstant(ctx.now);
  ctx.db.run(
    ctx.hq,
    `INSERT INTO BATCHJOBHISTORY (JOBID, CAPTION, STATUS, MESSAGE, STARTDATETIME, ENDDATETIME, SCHEDULED, SEQ, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [jobId, caption, failure !== undefined ? BATCH_STATUS.error : BATCH_STATUS.ended, failure ?? null, now, now, source.scheduled ? 1 : 0, ctx.nextSeq(), source.origin ?? null],
  );
}
