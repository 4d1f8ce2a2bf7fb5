// Real-time service calls from the channels to HQ.
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type TableRow, tableRow } from './records';

/** Calls after `afterSeq` from a channel database or one channel: how many, and the first 20. */
export function realtimeCallsSince(
  sim: Simulation,
  from: { readonly channelDatabase: string } | { readonly channel: string },
  afterSeq: number,
): { count: number; calls: TableRow[] } {
  const ctx = contextOf(sim);
  const [column, value] = 'channel' in from ? ['CHANNEL', from.channel] : ['CHANNELDATABASE', from.channelDatabase];
  const count = Number(ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL WHERE ${column} = ? AND SEQ > ?`, [value, afterSeq])?.N ?? 0);
  if (count === 0) {
    return { count, calls: [] };
  }
  const calls = ctx.db.all(ctx.hq, `SELECT * FROM RETAILTRANSACTIONSERVICECALL WHERE ${column} = ? AND SEQ > ? ORDER BY SEQ LIMIT 20`, [value, afterSeq]);
  return { count, calls: calls.map((c) => tableRow('HQ', 'RETAILTRANSACTIONSERVICECALL', String(c.SEQ), c)) };
}
