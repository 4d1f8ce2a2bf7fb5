// The ids the simulation hands out: temporary customer ids (GUIDs) and operation ids on the
// channel, account numbers from HQ's number sequence.
import type { SimContext } from './context';

export const CUSTOMER_SEQUENCE = 'CustTable_AccountNum';
export const FIRST_ACCOUNT_NUMBER = 100001;

export function nextAsyncCustomerId(ctx: SimContext): string {
  ctx.state.ids.customers++;
  return deterministicGuid(ctx.state.ids.customers);
}

export function nextOperationId(ctx: SimContext): string {
  ctx.state.ids.operations++;
  return operationIdOf(ctx.state.ids.operations);
}

/** Operation n's id: ASYNC-000001 (storedValues.ts reads it back from n in SQL). */
export function operationIdOf(n: number): string {
  return `ASYNC-${String(n).padStart(6, '0')}`;
}

/** The next value of HQ's customer account number sequence (NUMBERSEQUENCE.NEXTREC). */
export function peekAccountNumber(ctx: SimContext): number {
  return Number(ctx.db.one(ctx.hq, 'SELECT NEXTREC FROM NUMBERSEQUENCE WHERE NAME = ?', [CUSTOMER_SEQUENCE])!.NEXTREC);
}

export function setNextAccountNumber(ctx: SimContext, next: number): void {
  ctx.db.run(ctx.hq, 'UPDATE NUMBERSEQUENCE SET NEXTREC = ? WHERE NAME = ?', [next, CUSTOMER_SEQUENCE]);
}

export function nextAccountNumber(ctx: SimContext): string {
  const next = peekAccountNumber(ctx);
  setNextAccountNumber(ctx, next + 1);
  return String(next);
}

// The temporary id of customer n: GUID-shaped and the same on every replay, computed the same
// way in TypeScript (one customer) and in SQL (the tables store n and read the id through
// storedValues.ts's readableAsyncId). Sequential, like SQL
// Server's NEWSEQUENTIALID(), so indexes on it grow at the end instead of splitting pages.
export const GUID_PREFIX = '6E789E6A-A1B9-45F4-86B7-';

export function deterministicGuid(n: number): string {
  return `${GUID_PREFIX}${n.toString(16).toUpperCase().padStart(12, '0')}`;
}
