// The recurrence the scenario declares: whether it declares one at all, and when a job runs next.
import type { BatchJobId, CdxJobId } from '../../domain/jobs';
import { formatInstant } from '../../domain/time';
import { contextOf } from '../internal';
import { scheduleOf } from '../schedules';
import type { Simulation } from '../simulation';

/** Whether the scenario declares `schedules` (without it nothing is known about recurrence). */
export function schedulesDeclared(sim: Simulation): boolean {
  return contextOf(sim).config.schedules !== undefined;
}

export interface ScheduledRun {
  /** The interval, ms. */
  readonly every: number;
  /** When it runs next, ms since the epoch, and as ISO text. */
  readonly nextRun: number;
  readonly nextRunAt: string;
}

/** The schedule that runs a CDX job for a channel database, or a batch job (channelDatabase undefined), if any. */
export function scheduledRun(sim: Simulation, job: CdxJobId | BatchJobId, channelDatabase?: string): ScheduledRun | undefined {
  const found = scheduleOf(contextOf(sim), job, channelDatabase);
  return found ? { every: found.every, nextRun: found.nextRun, nextRunAt: formatInstant(found.nextRun) } : undefined;
}

/** Records written at `since` that the schedule picks up within one interval are waiting normally. */
export function waitingNormally(run: ScheduledRun | undefined, since: string): boolean {
  return run !== undefined && run.nextRun - Date.parse(since) <= run.every;
}
