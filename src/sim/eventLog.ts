// The simulation's event log (HQ's EVENTLOG table, a model table): every action, every refusal
// and every note, in order, with where in the scenario it came from.
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';
import type { Outcome, RefusalCode } from './types';

export type EventKind = 'action' | 'refused' | 'note';

export function logEvent(ctx: SimContext, kind: EventKind, code: string, detail: Record<string, string>, origin: string | undefined): void {
  ctx.db.run(ctx.hq, 'INSERT INTO EVENTLOG (SEQ, AT, KIND, CODE, DETAIL, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
    ctx.nextSeq(),
    formatInstant(ctx.now),
    kind,
    code,
    JSON.stringify(detail),
    origin ?? null,
  ]);
}

/** HQ or POS refuses an action: only the event log records it. */
export function refuse(ctx: SimContext, code: RefusalCode, params: Record<string, string>, origin: string | undefined): Outcome {
  logEvent(ctx, 'refused', code, params, origin);
  return { ok: false, code, params };
}
