// What the event log says HQ or POS refused, and where a customer reference was ambiguous.
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import type { RefusalCode } from '../types';
import { type TableRow, tableRow, textOrNull } from './records';

/** Most refusals and notes the read model lists (large scenarios). */
const MAX_EVENTS = 200;

/** An action HQ or POS refused, other than an enable with prerequisites off (see refusedEnables). */
export interface Refusal {
  readonly code: RefusalCode;
  /** The refusal's parameters, as its message names them (e.g. channel, customer, reason). */
  readonly params: Readonly<Record<string, string>>;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

export function refusals(sim: Simulation): Refusal[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(ctx.hq, "SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE NOT IN ('prerequisitesOff', 'featureNotInVersion') ORDER BY SEQ LIMIT ?", [MAX_EVENTS])
    .map((row) => ({
      code: String(row.CODE) as RefusalCode,
      params: JSON.parse(String(row.DETAIL)) as Record<string, string>,
      origin: textOrNull(row.ORIGIN),
      evidence: tableRow('HQ', 'EVENTLOG', String(row.SEQ), row),
    }));
}

/** Enables HQ refused because the feature does not exist in its Commerce version yet (ACD009). */
export function refusedForVersion(sim: Simulation): Refusal[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(ctx.hq, "SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE = 'featureNotInVersion' ORDER BY SEQ LIMIT ?", [MAX_EVENTS])
    .map((row) => ({
      code: 'featureNotInVersion' as const,
      params: JSON.parse(String(row.DETAIL)) as Record<string, string>,
      origin: textOrNull(row.ORIGIN),
      evidence: tableRow('HQ', 'EVENTLOG', String(row.SEQ), row),
    }));
}

/** A customer reference several customers of the scenario answer to, and the one it was taken to mean. */
export interface AmbiguousReference {
  readonly reference: string;
  /** The temporary id or account number used: the latest customer with the reference. */
  readonly used: string;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

export function ambiguousReferences(sim: Simulation): AmbiguousReference[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(ctx.hq, "SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'note' AND CODE = 'ambiguousCustomer' ORDER BY SEQ LIMIT ?", [MAX_EVENTS])
    .map((row) => {
      const detail = JSON.parse(String(row.DETAIL)) as { customer: string; used: string };
      return { reference: detail.customer, used: detail.used, origin: textOrNull(row.ORIGIN), evidence: tableRow('HQ', 'EVENTLOG', String(row.SEQ), row) };
    });
}
