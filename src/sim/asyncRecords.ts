// The channel database's async records (RETAILASYNC* tables): what a POS or an online store
// writes when it works asynchronously, waiting for the P-job.
import type { EditableField } from '../domain/fields';
import { channelSeesFeature } from './channelView';
import type { SimContext } from './context';
import type { DbHandle } from './database';
import { storedAsyncId, storedNow, storedOperationId, storedOperationType, storedOrigin } from './storedValues';
import { logEvent } from './eventLog';
import { nextAsyncCustomerId, nextOperationId } from './identities';
import { type AddressInput, type ChannelConfig, type CustomerInput, OPERATION_CODE, type OperationType } from './types';

/** Asynchronous creation: the customer waits in the channel database with a temporary id ("Pending sync"). */
/** `knownAsyncId`: the temporary id an export shows (an observed operation); otherwise the next one is handed out. */
export function createAsyncCustomer(
  ctx: SimContext,
  channel: ChannelConfig,
  input: CustomerInput,
  origin: string | undefined,
  knownAsyncId?: string,
): { asyncId: string; operationId: string } {
  const db = ctx.db.channelDb(channel.channelDatabase);
  const now = storedNow(ctx.now);
  const o = storedOrigin(origin);
  const asyncId = knownAsyncId ?? nextAsyncCustomerId(ctx);
  const storedId = storedAsyncId(asyncId);
  const operationId = nextOperationId(ctx);
  const storedOperation = storedOperationId(operationId);
  const enhanced = channelSeesFeature(ctx, channel.channelDatabase, 'EnhancedAsyncCustomerCreation');
  ctx.db.run(
    db,
    `INSERT INTO RETAILASYNCCUSTOMERV2 (OPERATIONID_S, OPERATION, CUSTACCOUNTASYNC_S, CUSTACCOUNT, ORIGINATINGCHANNEL, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT_S, ORIGIN_S)
     VALUES (?, ${OPERATION_CODE.CustomerCreate}, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [storedOperation, storedId, channel.id, input.firstName ?? null, input.lastName ?? null, input.email ?? null, input.phone ?? null, enhanced ? (input.title ?? null) : null, input.customerGroup ?? null, now, o],
  );
  stampReplicationCounter(ctx, db, 'RETAILASYNCCUSTOMERV2');
  if (input.address) {
    insertAsyncAddress(ctx, db, { operationId, operationType: 'CustomerCreate', asyncId, accountNum: null, channelId: channel.id }, input.address, origin);
  }
  if (enhanced) {
    for (const [type, locator] of [['Email', input.secondaryEmail], ['Phone', input.secondaryPhone]] as const) {
      if (locator) {
        ctx.db.run(db, 'INSERT INTO RETAILASYNCCUSTOMERCONTACT (OPERATIONID_S, CUSTACCOUNTASYNC_S, ORIGINATINGCHANNEL, TYPE, LOCATOR, CREATEDAT_S, ORIGIN_S) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          storedOperation, storedId, channel.id, type, locator, now, o,
        ]);
      }
    }
    for (const affiliation of input.affiliations ?? []) {
      ctx.db.run(db, 'INSERT INTO RETAILASYNCCUSTOMERAFFILIATION (OPERATIONID_S, CUSTACCOUNTASYNC_S, ORIGINATINGCHANNEL, AFFILIATION, CREATEDAT_S, ORIGIN_S) VALUES (?, ?, ?, ?, ?, ?)', [
        storedOperation, storedId, channel.id, affiliation, now, o,
      ]);
    }
  } else if (input.title || input.secondaryEmail || input.secondaryPhone || (input.affiliations?.length ?? 0) > 0) {
    // Without enhanced creation the channel does not capture these fields (DOMAIN: enhanced creation).
    logEvent(ctx, 'note', 'enhancedFieldsDropped', { channel: channel.id, customer: asyncId }, origin);
  }
  for (const [name, value] of Object.entries(input.attributes ?? {})) {
    ctx.db.run(db, 'INSERT INTO RETAILASYNCCUSTOMERATTRIBUTEV2 (OPERATIONID_S, CUSTACCOUNTASYNC_S, ORIGINATINGCHANNEL, NAME, VALUE, CREATEDAT_S, ORIGIN_S) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      storedOperation, storedId, channel.id, name, value, now, o,
    ]);
  }
  ctx.db.run(db, 'INSERT INTO CUSTOMER (ACCOUNTNUM_S, CUSTACCOUNTASYNC_S, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN_S) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)', [
    storedId,
    storedId,
    input.firstName ?? null,
    input.lastName ?? null,
    input.email ?? null,
    input.phone ?? null,
    channel.id,
    o,
  ]);
  return { asyncId, operationId };
}

/** Which customer an async edit or address is for: its temporary id, and its account number once known. */
export interface AsyncTarget {
  readonly asyncId: string;
  readonly accountNum: string | null;
}

/** An asynchronous edit: an update operation in the channel database. */
export function createAsyncUpdate(
  ctx: SimContext,
  channel: ChannelConfig,
  target: AsyncTarget,
  changes: Readonly<Partial<Record<EditableField, string>>>,
  origin: string | undefined,
): string {
  const operationId = nextOperationId(ctx);
  const db = ctx.db.channelDb(channel.channelDatabase);
  ctx.db.run(
    db,
    `INSERT INTO RETAILASYNCCUSTOMERV2 (OPERATIONID_S, OPERATION, CUSTACCOUNTASYNC_S, CUSTACCOUNT, ORIGINATINGCHANNEL, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT_S, ORIGIN_S)
     VALUES (?, ${OPERATION_CODE.CustomerUpdate}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      storedOperationId(operationId),
      storedAsyncId(target.asyncId),
      target.accountNum,
      channel.id,
      changes.firstName ?? null,
      changes.lastName ?? null,
      changes.email ?? null,
      changes.phone ?? null,
      changes.title ?? null,
      changes.customerGroup ?? null,
      storedNow(ctx.now),
      storedOrigin(origin),
    ],
  );
  stampReplicationCounter(ctx, db, 'RETAILASYNCCUSTOMERV2');
  return operationId;
}

/** An asynchronous address for an existing customer: an address operation in the channel database. */
export function createAsyncAddress(ctx: SimContext, channel: ChannelConfig, target: AsyncTarget, address: AddressInput, origin: string | undefined): string {
  const operationId = nextOperationId(ctx);
  const db = ctx.db.channelDb(channel.channelDatabase);
  insertAsyncAddress(ctx, db, { operationId, operationType: 'AddressCreate', asyncId: target.asyncId, accountNum: target.accountNum, channelId: channel.id }, address, origin);
  return operationId;
}

interface AddressRecordKey {
  readonly operationId: string;
  readonly operationType: OperationType;
  readonly asyncId: string;
  readonly accountNum: string | null;
  readonly channelId: string;
}

function insertAsyncAddress(ctx: SimContext, db: DbHandle, key: AddressRecordKey, address: AddressInput, origin: string | undefined): void {
  ctx.db.run(
    db,
    `INSERT INTO RETAILASYNCADDRESSV2 (OPERATIONID_S, OPERATIONTYPE_S, OPERATION, CUSTACCOUNTASYNC_S, CUSTACCOUNT, ORIGINATINGCHANNEL, STREET, CITY, ZIPCODE, COUNTRY, CREATEDAT_S, ORIGIN_S)
     VALUES (?, ?, ${OPERATION_CODE.AddressCreate}, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      storedOperationId(key.operationId),
      storedOperationType(key.operationType),
      storedAsyncId(key.asyncId),
      key.accountNum,
      key.channelId,
      address.street ?? null,
      address.city ?? null,
      address.zip ?? null,
      address.countryRegion ?? null,
      storedNow(ctx.now),
      storedOrigin(origin),
    ],
  );
  stampReplicationCounter(ctx, db, 'RETAILASYNCADDRESSV2');
}

/** REPLICATIONCOUNTERFROMORIGIN: the channel's own counter of the row just written (the P-job carries it to HQ). */
function stampReplicationCounter(ctx: SimContext, db: DbHandle, table: 'RETAILASYNCCUSTOMERV2' | 'RETAILASYNCADDRESSV2'): void {
  ctx.db.run(db, `UPDATE ${table} SET REPLICATIONCOUNTERFROMORIGIN = RECID WHERE RECID = last_insert_rowid()`, []);
}
