// Loyalty cards: a POS issues one by a real-time call to HQ, for a customer whose real account
// number is on the channel (DOMAIN: only once the real account id is back on the channel).
import { formatInstant } from '../domain/time';
import { findCustomerAt } from './channelActions';
import type { SimContext } from './context';
import { logEvent, refuse } from './eventLog';
import { stepsMissingFor } from './orders';
import type { OrderInput, Outcome } from './types';

export function issueLoyaltyCard(ctx: SimContext, input: Omit<OrderInput, 'mode'>, origin: string | undefined): Outcome {
  const found = findCustomerAt(ctx, input.channel, input.customer, false, origin);
  if ('refused' in found) {
    return found.refused;
  }
  const { channel, customer } = found;
  const account = String(customer.ACCOUNTNUM);
  if (customer.PENDINGSYNC === 1) {
    return refuse(
      ctx,
      'loyaltyNeedsAccountNumber',
      { channel: channel.id, channelDatabase: channel.channelDatabase, customer: input.customer.reference, asyncId: String(customer.CUSTACCOUNTASYNC ?? ''), steps: stepsMissingFor(ctx, account).join(',') },
      origin,
    );
  }
  const card = `LC-${String(++ctx.state.ids.loyaltyCards).padStart(6, '0')}`;
  ctx.db.run(ctx.hq, 'INSERT INTO RETAILLOYALTYCARD (CARDNUMBER, CUSTACCOUNT, CHANNEL, ISSUEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?)', [
    card,
    account,
    channel.id,
    formatInstant(ctx.now),
    origin ?? null,
  ]);
  logEvent(ctx, 'action', 'loyaltyCardIssued', { channel: channel.id, customer: account, card }, origin);
  return { ok: true, summary: `Loyalty card ${card} issued to ${account}` };
}
