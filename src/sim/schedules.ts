// Recurring runs as set up in HQ (the distribution schedule's recurring CDX jobs, recurring
// batch jobs): whenever the clock moves, every run that falls due happens at its due time, in
// time order (schedules due at the same instant in the order the scenario lists them).
import type { BatchJobId, CdxJobId } from '../domain/jobs';
import { runSynchronizeBatch } from './batchJob';
import { runJob } from './cdxJobs';
import type { SimContext } from './context';
import { runSynchronizeOrders } from './orders';
import type { ScheduleConfig } from './types';

/** Fires every run due up to and including `to`, each at its due time, then leaves the clock at `to`. */
export function fireDueRuns(ctx: SimContext, to: number): void {
  const schedules = ctx.config.schedules ?? [];
  const nextDue = ctx.state.nextScheduledRuns;
  for (;;) {
    let index = -1;
    for (let i = 0; i < schedules.length; i++) {
      if (nextDue[i] <= to && (index < 0 || nextDue[i] < nextDue[index])) {
        index = i;
      }
    }
    if (index < 0) {
      break;
    }
    const schedule = schedules[index];
    // Runs due at or before the start precede the scenario (where every job has just run): they are not replayed.
    if (nextDue[index] > ctx.config.start) {
      ctx.state.clock.now = nextDue[index];
      runScheduled(ctx, schedule);
    }
    nextDue[index] += schedule.every;
    ctx.throwIfCancelled();
  }
  if (to > ctx.state.clock.now) {
    ctx.state.clock.now = to;
  }
}

function runScheduled(ctx: SimContext, schedule: ScheduleConfig): void {
  const options = { scheduled: true };
  if ('runJob' in schedule.job) {
    runJob(ctx, schedule.job.runJob, schedule.job.channelDatabase, schedule.origin, options);
  } else {
    runBatchJob(ctx, schedule.job.runBatch, schedule.origin);
  }
}

function runBatchJob(ctx: SimContext, batch: BatchJobId, origin: string | undefined): void {
  switch (batch) {
    case 'SynchronizeCustomersAndChannelRequests':
      runSynchronizeBatch(ctx, origin, { scheduled: true });
      break;
    case 'SynchronizeOrders':
      runSynchronizeOrders(ctx, origin, { scheduled: true });
      break;
  }
}

/** The schedule that runs a job for a channel database (or the batch job), with when it runs next. */
export function scheduleOf(ctx: SimContext, job: CdxJobId | BatchJobId, channelDatabase: string | undefined): { every: number; nextRun: number } | undefined {
  const schedules = ctx.config.schedules ?? [];
  let best: { every: number; nextRun: number } | undefined;
  schedules.forEach((s, i) => {
    const matches =
      'runJob' in s.job ? s.job.runJob === job && (s.job.channelDatabase === undefined || s.job.channelDatabase === channelDatabase) : s.job.runBatch === job;
    const candidate = { every: s.every, nextRun: ctx.state.nextScheduledRuns[i] };
    if (matches && (!best || candidate.nextRun < best.nextRun)) {
      best = candidate;
    }
  });
  return best;
}
