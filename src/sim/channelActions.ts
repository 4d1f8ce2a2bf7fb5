// What a POS or an online store does with a customer: create, edit, add an address. Each goes
// asynchronously or by a real-time call to HQ, as the channel's downloaded settings say.
import { EDITABLE_FIELDS, type EditableField } from '../domain/fields';
import type { Row } from './connection';
import { createAsyncAddress, createAsyncCustomer, createAsyncUpdate, type AsyncTarget } from './asyncRecords';
import { channelFiltersSharedTables, channelSeesAsyncCreation, channelSeesFeature } from './channelView';
import type { SimContext } from './context';
import type { DbHandle } from './database';
import { logEvent, refuse } from './eventLog';
import { createAddressInHq, createCustomerInHq, rejectRealtimeCall, updateCustomerInHq } from './realtimeService';
import type { AddressCreateInput, ChannelConfig, CustomerEditInput, CustomerInput, CustomerRef, Outcome } from './types';

export function createCustomer(ctx: SimContext, input: CustomerInput, origin: string | undefined): Outcome {
  const channel = ctx.channel(input.channel);
  if (!channel) {
    return refuse(ctx, 'unknownChannel', { channel: input.channel }, origin);
  }
  if (input.offline && channel.kind === 'online') {
    return refuse(ctx, 'offlineOnlineStore', { channel: channel.id }, origin);
  }
  if (input.offline && channelFiltersSharedTables(ctx, channel)) {
    return refuse(ctx, 'offlineCreationFiltered', { channel: channel.id, channelDatabase: channel.channelDatabase }, origin);
  }
  const realtime = !input.offline && !input.realtimeCallFails && !channelSeesAsyncCreation(ctx, channel);
  if (realtime) {
    const rejected = rejectRealtimeCall(ctx, channel, 'CreateCustomer', input, input.address, customerDisplayName(input), origin);
    if (rejected) {
      return rejected;
    }
    const accountNum = createCustomerInHq(ctx, channel, input, origin);
    logEvent(ctx, 'action', 'customerCreatedRealtime', { channel: channel.id, account: accountNum }, origin);
    return { ok: true, summary: `Customer ${accountNum} created in HQ by a real-time call`, key: accountNum };
  }
  const { asyncId, operationId } = createAsyncCustomer(ctx, channel, input, origin);
  const why = input.offline ? 'offline' : input.realtimeCallFails ? 'realtimeCallFailed' : 'asyncMode';
  logEvent(ctx, 'action', 'customerCreatedAsync', { channel: channel.id, customer: asyncId, operation: operationId, why }, origin);
  return { ok: true, summary: `Customer created asynchronously at ${channel.id} with temporary id ${asyncId} (Pending sync)`, key: asyncId };
}

export function editCustomer(ctx: SimContext, input: CustomerEditInput, origin: string | undefined): Outcome {
  const found = findCustomerAt(ctx, input.channel, input.customer, input.offline, origin);
  if ('refused' in found) {
    return found.refused;
  }
  const { channel, db, customer } = found;
  const asyncEdit = channelSeesAsyncCreation(ctx, channel) && channelSeesFeature(ctx, channel.channelDatabase, 'AsyncCustomerEditing');
  const pending = customer.PENDINGSYNC === 1;
  const reference = input.customer.reference;
  if (!asyncEdit && (pending || input.offline)) {
    return refuse(ctx, pending ? 'pendingCustomerNeedsAsyncEditing' : 'offlineNeedsAsync', { customer: reference, channel: channel.id }, origin);
  }
  const changes = input.changes;
  const accountKey = String(customer.ACCOUNTNUM);
  // The channel's own copy changes at once in both modes.
  for (const [field, value] of Object.entries(changes) as [EditableField, string][]) {
    const { table, column } = EDITABLE_FIELDS[field];
    if (table === 'RETAILASYNCCUSTOMERV2' && ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'PHONE'].includes(column)) {
      ctx.db.run(db, `UPDATE CUSTOMER SET ${column} = ? WHERE ACCOUNTNUM = ?`, [value, accountKey]);
    }
  }
  if (asyncEdit) {
    const target = asyncTarget(customer, pending);
    const operationId = createAsyncUpdate(ctx, channel, target, changes, origin);
    logEvent(ctx, 'action', 'customerEditedAsync', { channel: channel.id, customer: target.asyncId, operation: operationId }, origin);
    return { ok: true, summary: `Customer ${target.asyncId} edited asynchronously at ${channel.id}`, key: target.asyncId };
  }
  const rejected = rejectRealtimeCall(ctx, channel, 'UpdateCustomer', changes, undefined, reference, origin);
  if (rejected) {
    return rejected;
  }
  updateCustomerInHq(ctx, channel, accountKey, changes, origin);
  logEvent(ctx, 'action', 'customerEditedRealtime', { channel: channel.id, account: accountKey }, origin);
  return { ok: true, summary: `Customer ${accountKey} edited in HQ by a real-time call`, key: accountKey };
}

export function createAddress(ctx: SimContext, input: AddressCreateInput, origin: string | undefined): Outcome {
  const found = findCustomerAt(ctx, input.channel, input.customer, input.offline, origin);
  if ('refused' in found) {
    return found.refused;
  }
  const { channel, customer } = found;
  // The address feature as the channel downloaded it decides, for every customer, whatever the profile's async flag says.
  const asyncAddress = channelSeesFeature(ctx, channel.channelDatabase, 'AsyncCustomerAddressCreation');
  const pending = customer.PENDINGSYNC === 1;
  const reference = input.customer.reference;
  if (!asyncAddress && (pending || input.offline)) {
    return refuse(ctx, pending ? 'pendingCustomerNeedsAsyncAddress' : 'offlineNeedsAsync', { customer: reference, channel: channel.id }, origin);
  }
  const accountKey = String(customer.ACCOUNTNUM);
  if (asyncAddress) {
    const target = asyncTarget(customer, pending);
    const operationId = createAsyncAddress(ctx, channel, target, input.address, origin);
    logEvent(ctx, 'action', 'addressCreatedAsync', { channel: channel.id, customer: target.asyncId, operation: operationId }, origin);
    return { ok: true, summary: `Address created asynchronously for ${target.asyncId} at ${channel.id}`, key: target.asyncId };
  }
  const rejected = rejectRealtimeCall(ctx, channel, 'CreateAddress', {}, input.address, reference, origin);
  if (rejected) {
    return rejected;
  }
  createAddressInHq(ctx, channel, accountKey, input.address, origin);
  logEvent(ctx, 'action', 'addressCreatedRealtime', { channel: channel.id, account: accountKey }, origin);
  return { ok: true, summary: `Address created in HQ by a real-time call for ${accountKey}`, key: accountKey };
}

/** The channel, its database and the customer an edit or address is for; or why POS refuses. */
export function findCustomerAt(
  ctx: SimContext,
  channelId: string,
  ref: CustomerRef,
  offline: boolean | undefined,
  origin: string | undefined,
): { channel: ChannelConfig; db: DbHandle; customer: Row } | { refused: Outcome } {
  const channel = ctx.channel(channelId);
  if (!channel) {
    return { refused: refuse(ctx, 'unknownChannel', { channel: channelId }, origin) };
  }
  if (offline && channel.kind === 'online') {
    return { refused: refuse(ctx, 'offlineOnlineStore', { channel: channel.id }, origin) };
  }
  const db = ctx.db.channelDb(channel.channelDatabase);
  const customer = findChannelCustomer(ctx, db, ref, origin);
  if (!customer) {
    return { refused: refuse(ctx, 'unknownCustomer', { customer: ref.reference, channel: channel.id, channelDatabase: channel.channelDatabase }, origin) };
  }
  return { channel, db, customer };
}

/**
 * The channel's customer row for a resolved reference. A reference several customers share
 * was resolved to the latest; the log notes it.
 */
function findChannelCustomer(ctx: SimContext, db: DbHandle, ref: CustomerRef, origin: string | undefined): Row | undefined {
  if (ref.ambiguous) {
    logEvent(ctx, 'note', 'ambiguousCustomer', { customer: ref.reference, used: ref.key }, origin);
  }
  // A converted customer keeps its temporary id in CUSTACCOUNTASYNC once job 1010 brought its account number.
  return (
    ctx.db.one(db, 'SELECT * FROM CUSTOMER WHERE ACCOUNTNUM = ? OR CUSTACCOUNTASYNC = ?', [ref.key, ref.key]) ??
    // Generated customers are not remembered one by one; they are found by their email or "First Last".
    ctx.db.one(db, 'SELECT * FROM CUSTOMER WHERE EMAIL = ? LIMIT 1', [ref.reference.trim().toLowerCase()]) ??
    ctx.db.one(db, "SELECT * FROM CUSTOMER WHERE LOWER(TRIM(COALESCE(FIRSTNAME, '') || ' ' || COALESCE(LASTNAME, ''))) = ? LIMIT 1", [ref.reference.trim().replace(/\s+/g, ' ').toLowerCase()])
  );
}

function asyncTarget(customer: Row, pending: boolean): AsyncTarget {
  const accountKey = String(customer.ACCOUNTNUM);
  return { asyncId: customer.CUSTACCOUNTASYNC === null ? accountKey : String(customer.CUSTACCOUNTASYNC), accountNum: pending ? null : accountKey };
}

/** How a message names a customer the call is about: "First Last", else the email. */
function customerDisplayName(input: { firstName?: string; lastName?: string; email?: string }): string {
  return [input.firstName, input.lastName].filter(Boolean).join(' ').trim() || input.email || '';
}
