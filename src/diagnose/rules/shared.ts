// Small helpers the rules share: where an origin points, how stale a channel database is.
import type { SqlValue } from 'sql.js';
import type { DownloadJobId } from '../../domain/jobs';
import { entryOfOrigin, spanOfOrigin, type Span } from '../../scenario/model';
import type { Row, Simulation } from '../../sim/simulation';
import type { DraftEvidence, RuleContext } from '../types';

/** Where a finding about a row points: the action's value in its timeline entry, else the origin's span, else the top. */
export function spanFor(context: RuleContext, origin: SqlValue | undefined): Span {
  const key = origin === null || origin === undefined ? undefined : String(origin);
  const entry = entryOfOrigin(context.scenario, key);
  if (entry) {
    return entry.actionSpan;
  }
  return spanOfOrigin(context.scenario, key) ?? context.scenario.timelineSpan ?? { offset: 0, length: Math.min(1, context.scenario.text.length) };
}

/** The timeline index an origin refers to, if it is a timeline entry. */
export function timelineIndexOf(origin: SqlValue | undefined): number | undefined {
  const text = origin === null || origin === undefined ? '' : String(origin);
  return text.startsWith('timeline/') ? Number(text.slice('timeline/'.length)) : undefined;
}

export function evidence(database: string, table: string, key: string, row: Row): DraftEvidence {
  return { database, table, key, columns: row, origin: row.ORIGIN === undefined || row.ORIGIN === null ? undefined : String(row.ORIGIN) };
}

export interface JobRun {
  readonly seq: number;
  readonly runAt: string;
  readonly origin: string | null;
}

export function lastJobRun(sim: Simulation, channelDatabase: string, jobId: string): JobRun | undefined {
  const row = sim.one(sim.hq, 'SELECT SEQ, RUNAT, ORIGIN FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ? ORDER BY SEQ DESC LIMIT 1', [
    channelDatabase,
    jobId,
  ]);
  return row ? { seq: Number(row.SEQ), runAt: String(row.RUNAT), origin: row.ORIGIN === null ? null : String(row.ORIGIN) } : undefined;
}

export interface Staleness {
  /** The metadata jobs that have not run since the last HQ change for this channel database, in the FAQ's order. */
  readonly jobs: readonly DownloadJobId[];
  /** HQ changes after the oldest of those runs, oldest first. */
  readonly changes: readonly Row[];
  readonly oldestRunSeq: number;
}

export function stalenessOf(sim: Simulation, channelDatabase: string): Staleness {
  const stale = sim.metadataJobsBehind(channelDatabase);
  if (stale.length === 0) {
    return { jobs: [], changes: [], oldestRunSeq: 0 };
  }
  const oldestRunSeq = Math.min(...stale.map((r) => r.seq));
  const changes = sim.changesNotTaken(channelDatabase, oldestRunSeq);
  if (changes.length === 0) {
    return { jobs: [], changes: [], oldestRunSeq: 0 };
  }
  return { jobs: stale.map((r) => r.job), changes, oldestRunSeq };
}

/** "Ana Berg" or the temporary id when the customer has no name. */
export function customerLabel(row: Row | undefined, fallback: string): string {
  const name = [row?.FIRSTNAME, row?.LASTNAME]
    .filter((v) => v !== null && v !== undefined && String(v).trim() !== '')
    .join(' ');
  return name || fallback;
}

/** Lists are passed to messages joined with '|'; the catalogue joins them in the user's language. */
export function listParam(items: readonly string[]): string {
  return items.join('|');
}
