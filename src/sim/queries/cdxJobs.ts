// Commerce Data Exchange as HQ sees it: when each job last ran for a channel database, and which
// of HQ's changes a channel database has not taken yet.
import { CDX_JOBS, type CdxJobId, type DownloadJobId } from '../../domain/jobs';
import { metadataJobsBehind as behindIn } from '../cdxJobs';
import type { SimContext } from '../context';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type Row, type TableRow, tableRow, text, textOrNull } from './records';
import { lastSessionIn } from './sessions';
import { pendingUploadCount } from './staging';

export interface JobRun {
  readonly seq: number;
  readonly runAt: string;
  readonly origin: string | null;
}

export function lastJobRun(sim: Simulation, channelDatabase: string, jobId: CdxJobId): JobRun | undefined {
  return lastRunIn(contextOf(sim), channelDatabase, jobId);
}

function lastRunIn(ctx: SimContext, channelDatabase: string, jobId: string): JobRun | undefined {
  const row = ctx.db.one(ctx.hq, 'SELECT SEQ, RUNAT, ORIGIN FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ? ORDER BY SEQ DESC LIMIT 1', [
    channelDatabase,
    jobId,
  ]);
  return row ? { seq: Number(row.SEQ), runAt: String(row.RUNAT), origin: textOrNull(row.ORIGIN) } : undefined;
}

/**
 * The metadata jobs (1110, 1010, 1070) whose last run for the channel database came before
 * HQ's last change that concerns it, with that run's seq (0 when it never ran).
 */
function metadataJobsBehind(sim: Simulation, channelDatabase: string): { job: DownloadJobId; seq: number }[] {
  return behindIn(contextOf(sim), channelDatabase);
}

/** A change in HQ that a channel database must download (a feature state, a channel's settings). */
export interface HqChange {
  readonly seq: number;
  readonly changedAt: string;
  readonly kind: 'feature' | 'channel';
  /** The feature id or the channel id. */
  readonly subject: string;
  /** 'Enabled' / 'Disabled' for a feature; the channel's settings as JSON for a channel. */
  readonly newValue: string;
  /** The value HQ had before this change, when an earlier change of the scenario set it (null: the value at the start). */
  readonly previousValue: string | null;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

/** Whether HQ changed anything a channel database must download since the scenario started. */
export function anyHqChange(sim: Simulation): boolean {
  const ctx = contextOf(sim);
  return Number(ctx.db.one(ctx.hq, 'SELECT COUNT(*) AS N FROM RETAILCHANGELOG', [])?.N ?? 0) > 0;
}

/**
 * HQ's changes after `sinceSeq` that concern the channel database and that it has not taken
 * yet, oldest first: a change undone before the jobs ran (enabled, then disabled) is not one.
 */
function changesNotTaken(sim: Simulation, channelDatabase: string, sinceSeq: number): HqChange[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(
      ctx.hq,
      'SELECT SEQ, CHANGEDAT, KIND, SUBJECT, CHANNELDATABASE, NEWVALUE, ORIGIN FROM RETAILCHANGELOG WHERE (CHANNELDATABASE IS NULL OR CHANNELDATABASE = ?) AND SEQ > ? ORDER BY SEQ',
      [channelDatabase, sinceSeq],
    )
    .filter((change) => channelDiffersFromHq(ctx, channelDatabase, change))
    .map((row) => ({
      seq: Number(row.SEQ),
      changedAt: String(row.CHANGEDAT),
      kind: row.KIND === 'feature' ? 'feature' : 'channel',
      subject: String(row.SUBJECT),
      newValue: text(row.NEWVALUE),
      previousValue: textOrNull(
        ctx.db.one(ctx.hq, 'SELECT NEWVALUE FROM RETAILCHANGELOG WHERE KIND = ? AND SUBJECT = ? AND SEQ < ? ORDER BY SEQ DESC LIMIT 1', [row.KIND, row.SUBJECT, row.SEQ])
          ?.NEWVALUE,
      ),
      origin: textOrNull(row.ORIGIN),
      evidence: tableRow('HQ', 'RETAILCHANGELOG', String(row.SEQ), row),
    }));
}

/** Whether what the channel database last took about a change's subject (a feature, or a channel's settings) differs from HQ now. */
function channelDiffersFromHq(ctx: SimContext, channelDatabase: string, change: Row): boolean {
  const db = ctx.db.channelDb(channelDatabase);
  if (change.KIND === 'feature') {
    const hq = ctx.db.one(ctx.hq, 'SELECT ENABLED FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [change.SUBJECT]);
    const taken = ctx.db.one(db, 'SELECT ENABLED FROM CHANNELFEATURE WHERE FEATUREID = ?', [change.SUBJECT]);
    return hq?.ENABLED !== taken?.ENABLED;
  }
  const hq = ctx.db.one(ctx.hq, 'SELECT ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM RETAILCHANNELTABLE WHERE CHANNELID = ?', [change.SUBJECT]);
  const taken = ctx.db.one(db, 'SELECT ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM CHANNELPROFILE WHERE CHANNELID = ?', [change.SUBJECT]);
  return hq?.ASYNCCUSTOMERCREATION !== taken?.ASYNCCUSTOMERCREATION || hq?.FILTERSHAREDCUSTOMERDATATABLES !== taken?.FILTERSHAREDCUSTOMERDATATABLES;
}

export interface Staleness {
  /** The metadata jobs that have not run since the last HQ change for this channel database, in the FAQ's order. */
  readonly jobs: readonly DownloadJobId[];
  /** HQ changes after the oldest of those runs that the channel database has not taken, oldest first. */
  readonly changes: readonly HqChange[];
  readonly oldestRunSeq: number;
}

/** Which metadata jobs a channel database is behind on, and for which of HQ's changes. */
export function stalenessOf(sim: Simulation, channelDatabase: string): Staleness {
  const stale = metadataJobsBehind(sim, channelDatabase);
  if (stale.length === 0) {
    return { jobs: [], changes: [], oldestRunSeq: 0 };
  }
  const oldestRunSeq = Math.min(...stale.map((r) => r.seq));
  const changes = changesNotTaken(sim, channelDatabase, oldestRunSeq);
  if (changes.length === 0) {
    return { jobs: [], changes: [], oldestRunSeq: 0 };
  }
  return { jobs: stale.map((r) => r.job), changes, oldestRunSeq };
}

export interface CdxJobState {
  readonly jobId: CdxJobId;
  readonly name: string;
  readonly channelDatabase: string;
  /** ISO time of the last run, or undefined if it never ran. */
  readonly lastRunAt?: string;
  /** True when the last run was the starting point of the scenario, not a timeline entry. */
  readonly lastRunAtStart: boolean;
  /** Download jobs: HQ changed after the last run. P-job: records wait in the channel database. */
  readonly stale: boolean;
  readonly origin: string | null;
  /** The message of the job's last run when that run failed (no later run succeeded). */
  readonly failure?: string;
  /** The last run was fired by a schedule. */
  readonly lastRunScheduled: boolean;
}

export interface ChannelDatabaseState {
  readonly name: string;
  readonly channels: readonly { id: string; kind: string; asyncCustomerCreation: boolean }[];
  readonly jobs: readonly CdxJobState[];
}

/** Every channel database with its jobs, for the CDX Jobs view. */
export function cdxJobStates(sim: Simulation): ChannelDatabaseState[] {
  const ctx = contextOf(sim);
  return [...ctx.db.channelDatabases.keys()].sort().map((db) => {
    const behind = new Map(behindIn(ctx, db).map((run) => [run.job as string, run.seq]));
    const pendingUpload = pendingUploadCount(sim, db);
    const jobs = CDX_JOBS.map((job): CdxJobState => {
      const run = lastRunIn(ctx, db, job.id);
      const session = lastSessionIn(ctx, db, job.id);
      const stale = job.id === 'P-0001' ? pendingUpload > 0 : behind.has(job.id) && changesNotTaken(sim, db, behind.get(job.id)!).length > 0;
      return {
        jobId: job.id,
        name: job.name,
        channelDatabase: db,
        lastRunAt: run?.runAt,
        lastRunAtStart: run?.origin === 'start',
        stale,
        origin: run?.origin ?? null,
        failure: session?.failed ? (session.message ?? '') : undefined,
        lastRunScheduled: session?.scheduled ?? false,
      };
    });
    const channels = ctx.state.channels
      .filter((c) => c.channelDatabase === db)
      .map((c) => ({ id: c.id, kind: c.kind, asyncCustomerCreation: c.asyncCustomerCreation }));
    return { name: db, channels, jobs };
  });
}
