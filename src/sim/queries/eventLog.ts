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
    .all(ctx.hq, `SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE NOT IN (${OWN_RULE_CODES.map(() => '?').join(', ')}) ORDER BY SEQ LIMIT ?`, [...OWN_RULE_CODES, MAX_EVENTS])
    .map((row) => ({
      code: String(row.CODE) as RefusalCode,
      params: JSON.parse(String(row.DETAIL)) as Record<string, string>,
      origin: textOrNull(row.ORIGIN),
      evidence: tableRow('HQ', 'EVENTLOG', String(row.SEQ), row),
    }));
}

/** Refusals a rule of their own reports: prerequisites off (ACD001), version (ACD009), order (ACD012), loyalty card (ACD013). */
const OWN_RULE_CODES: readonly RefusalCode[] = ['prerequisitesOff', 'featureNotInVersion', 'orderNeedsSynchronizedCustomer', 'loyaltyNeedsAccountNumber'];

/** The refusals of one kind, in order (an enable the version lacks, an order or a card for an unsynchronized customer). */
export function refusalsWithCode(sim: Simulation, code: 'featureNotInVersion' | 'orderNeedsSynchronizedCustomer' | 'loyaltyNeedsAccountNumber'): Refusal[] {
  const ctx = contextOf(sim);
  return ctx.db
    .all(ctx.hq, "SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE = ? ORDER BY SEQ LIMIT ?", [code, MAX_EVENTS])
    .map((row) => ({
      code,
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
