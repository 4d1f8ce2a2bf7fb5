// Small helpers the rules share: where an origin points, evidence from read-model rows, labels.
import { entryOfOrigin, spanOfOrigin, type Span } from '../../scenario/model';
import type { EntryValue } from '../../scenario/edits';
import { failedRuns, type TableRow } from '../../sim/queries';
import { formatShort } from '../../domain/time';
import type { Simulation } from '../../sim/simulation';
import type { DraftEvidence, RuleContext } from '../types';

/** Where a finding about a row points: the action's value in its timeline entry, else the origin's span, else the top. */
export function spanFor(context: RuleContext, origin: string | null | undefined): Span {
  const key = origin ?? undefined;
  const entry = entryOfOrigin(context.scenario, key);
  if (entry) {
    return entry.actionSpan;
  }
  return spanOfOrigin(context.scenario, key) ?? context.scenario.timelineSpan ?? { offset: 0, length: Math.min(1, context.scenario.text.length) };
}

/** The timeline index an origin refers to, if it is a timeline entry. */
export function timelineIndexOf(origin: string | null | undefined): number | undefined {
  const text = origin ?? '';
  return text.startsWith('timeline/') ? Number(text.slice('timeline/'.length)) : undefined;
}

/** A simulated row as a finding's evidence, pointing at where in the scenario it came from. */
export function evidence(row: TableRow): DraftEvidence {
  const origin = row.columns.ORIGIN;
  return { database: row.database, table: row.table, key: row.key, columns: row.columns, origin: origin === undefined || origin === null ? undefined : String(origin) };
}

/** "Ana Berg" or the temporary id when the customer has no name. */
export function customerLabel(customer: { readonly firstName?: string | null; readonly lastName?: string | null } | undefined, fallback: string): string {
  const name = [customer?.firstName, customer?.lastName]
    .filter((v) => v !== null && v !== undefined && v.trim() !== '')
    .join(' ');
  return name || fallback;
}

/** Lists are passed to messages joined with '|'; the catalogue joins them in the user's language. */
export function listParam(items: readonly string[]): string {
  return items.join('|');
}

/** The timeline entries that bring a customer's real account number to a channel database: the steps as the simulation names them ('P-0001,SynchronizeCustomersAndChannelRequests,1010'). */
export function catchUpEntries(steps: string, channelDatabase: string): EntryValue[] {
  return steps
    .split(',')
    .filter(Boolean)
    .map((step) => (step === 'SynchronizeCustomersAndChannelRequests' ? { runBatch: step } : { runJob: step, channelDatabase }));
}

/** When the last run of a job (for a channel database) failed: its time and message, for a message that says so instead of "has not run" (ACD011 has the run). */
export function lastRunFailure(sim: Simulation, job: string, channelDatabase?: string): { failedAt?: string; failure?: string } {
  const run = failedRuns(sim).find((r) => r.job === job && (channelDatabase === undefined || r.channelDatabase === channelDatabase));
  return run ? { failedAt: formatShort(Date.parse(run.at)), failure: run.message } : {};
}
