// Real-time service calls from a channel to HQ: HQ validates the call, and either saves at once
// (answering with the account number) or rejects it, in which case POS shows the error.
import { DEFAULT_CUSTOMER_GROUP } from '../domain/tables';
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';
import { storedNow, storedOrigin } from './storedValues';
import { refuse } from './eventLog';
import { nextAccountNumber } from './identities';
import type { AddressInput, ChannelConfig, CustomerInput, OperationType, Outcome } from './types';
import { VALIDATE_REALTIME_CALL } from './validations';

export type RealtimeOperation = 'CreateCustomer' | 'UpdateCustomer' | 'CreateAddress';

/** The values of a call that HQ validates. */
export interface CallValues {
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly email?: string | null;
  readonly customerGroup?: string | null;
}

/**
 * HQ validates a real-time call as it validates a staged operation; when it rejects the call, POS
 * shows the error and nothing is saved. Like every refusal, only the event log records it.
 */
export function rejectRealtimeCall(
  ctx: SimContext,
  channel: ChannelConfig,
  operation: RealtimeOperation,
  values: CallValues,
  address: AddressInput | undefined,
  customer: string,
  origin: string | undefined,
): Outcome | undefined {
  const type: OperationType = operation === 'CreateCustomer' ? 'CustomerCreate' : operation === 'UpdateCustomer' ? 'CustomerUpdate' : 'AddressCreate';
  const problems = ctx.db.all(ctx.hq, VALIDATE_REALTIME_CALL, [
    type,
    values.firstName ?? null,
    values.lastName ?? null,
    values.email ?? null,
    values.customerGroup ?? null,
    address?.countryRegion ?? null,
    address ? 1 : 0,
  ]);
  if (problems.length === 0) {
    return undefined;
  }
  const reason = problems.map((p) => String(p.REASON)).join(' ');
  return refuse(ctx, 'realtimeCallRejected', { channel: channel.id, operation, customer, reason }, origin);
}

/** HQ creates the customer at once and answers with its account number; the channel keeps a copy. */
export function createCustomerInHq(ctx: SimContext, channel: ChannelConfig, input: CustomerInput, origin: string | undefined): string {
  const db = ctx.db.channelDb(channel.channelDatabase);
  const seq = ctx.nextSeq();
  const accountNum = nextAccountNumber(ctx);
  ctx.db.run(
    ctx.hq,
    `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT_S, CREATEDBY, CHANNEL, CUSTACCOUNTASYNC_S, CREATEDSEQ, MODIFIEDSEQ, ORIGIN_S)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RealtimeService', ?, NULL, ?, ?, ?)`,
    [accountNum, input.firstName ?? null, input.lastName ?? null, input.email ?? null, input.phone ?? null, input.title ?? null, input.customerGroup ?? DEFAULT_CUSTOMER_GROUP, storedNow(ctx.now), channel.id, seq, seq, storedOrigin(origin)],
  );
  if (input.address) {
    insertHqAddress(ctx, accountNum, input.address, origin);
  }
  ctx.db.run(db, 'INSERT INTO CUSTOMER (ACCOUNTNUM_S, CUSTACCOUNTASYNC_S, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN_S) VALUES (?, NULL, ?, ?, ?, ?, 0, ?, ?)', [
    accountNum,
    input.firstName ?? null,
    input.lastName ?? null,
    input.email ?? null,
    input.phone ?? null,
    channel.id,
    storedOrigin(origin),
  ]);
  recordRealtimeCall(ctx, channel, 'CreateCustomer', accountNum, origin);
  return accountNum;
}

/** HQ updates the customer master at once. */
export function updateCustomerInHq(
  ctx: SimContext,
  channel: ChannelConfig,
  accountNum: string,
  changes: CallValues & { readonly phone?: string; readonly title?: string },
  origin: string | undefined,
): void {
  const seq = ctx.nextSeq();
  ctx.db.run(
    ctx.hq,
    `UPDATE CUSTTABLE SET FIRSTNAME = COALESCE(?, FIRSTNAME), LASTNAME = COALESCE(?, LASTNAME), EMAIL = COALESCE(?, EMAIL), PHONE = COALESCE(?, PHONE),
       TITLE = COALESCE(?, TITLE), CUSTGROUP = COALESCE(?, CUSTGROUP), MODIFIEDSEQ = ? WHERE ACCOUNTNUM = ?`,
    [changes.firstName ?? null, changes.lastName ?? null, changes.email ?? null, changes.phone ?? null, changes.title ?? null, changes.customerGroup ?? null, seq, accountNum],
  );
  recordRealtimeCall(ctx, channel, 'UpdateCustomer', accountNum, origin);
}

/** HQ adds the address to the customer at once. */
export function createAddressInHq(ctx: SimContext, channel: ChannelConfig, accountNum: string, address: AddressInput, origin: string | undefined): void {
  insertHqAddress(ctx, accountNum, address, origin);
  recordRealtimeCall(ctx, channel, 'CreateAddress', accountNum, origin);
}

function insertHqAddress(ctx: SimContext, accountNum: string, address: AddressInput, origin: string | undefined): void {
  ctx.db.run(ctx.hq, 'INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
    accountNum,
    address.street ?? null,
    address.city ?? null,
    address.zip ?? null,
    address.countryRegion ?? null,
    origin ?? null,
  ]);
}

function recordRealtimeCall(ctx: SimContext, channel: ChannelConfig, operation: RealtimeOperation, accountNum: string, origin: string | undefined): void {
  ctx.db.run(ctx.hq, 'INSERT INTO RETAILTRANSACTIONSERVICECALL (SEQ, CALLEDAT, CHANNEL, CHANNELDATABASE, OPERATION, ACCOUNTNUM, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    ctx.nextSeq(),
    formatInstant(ctx.now),
    channel.id,
    channel.channelDatabase,
    operation,
    accountNum,
    origin ?? null,
  ]);
}
