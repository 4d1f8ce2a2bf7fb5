// HQ's changes a channel database must download (RETAILCHANGELOG, a model table): feature
// states (job 1110) and channel settings (job 1070).
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';

export interface ChangeToDownload {
  readonly kind: 'feature' | 'channel';
  readonly subject: string;
  /** The channel database it concerns; null for every channel database. */
  readonly channelDatabase: string | null;
  readonly newValue: string;
}

export function recordHqChange(ctx: SimContext, seq: number, change: ChangeToDownload, origin: string | undefined): void {
  ctx.db.run(ctx.hq, 'INSERT INTO RETAILCHANGELOG (SEQ, CHANGEDAT, KIND, SUBJECT, CHANNELDATABASE, NEWVALUE, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    seq,
    formatInstant(ctx.now),
    change.kind,
    change.subject,
    change.channelDatabase,
    change.newValue,
    origin ?? null,
  ]);
}
