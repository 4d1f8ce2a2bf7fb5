// The simulated clock: every action happens at it; the scenario moves it forward.
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';
import { logEvent } from './eventLog';
import { fireDueRuns } from './schedules';
import type { Outcome } from './types';

/** Year 9999: the last instant ISO-8601 dates in the tables can hold with four digits. */
const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** Moves the clock forward to `at`; earlier times are ignored (the scenario layer reports them). */
export function setClock(ctx: SimContext, at: number): void {
  if (at > ctx.state.clock.now) {
    fireDueRuns(ctx, Math.min(at, MAX_CLOCK_MS));
  }
}

export function advance(ctx: SimContext, ms: number, origin: string | undefined): Outcome {
  // The clock stays inside the calendar JavaScript dates can show, whatever the durations add up to.
  fireDueRuns(ctx, Math.min(ctx.state.clock.now + Math.max(0, ms), MAX_CLOCK_MS));
  logEvent(ctx, 'action', 'advance', { to: formatInstant(ctx.now) }, origin);
  return { ok: true, summary: `Clock advanced to ${formatInstant(ctx.now)}` };
}
