// Bulk generation: many customers at once, round-robin over channels, the compact way a
// scenario describes volume. Set-based SQL in chunks, with a cancellation check between.
import { DEFAULT_CUSTOMER_GROUP } from '../domain/tables';
import { formatInstant } from '../domain/time';
import { channelFiltersSharedTables, channelSeesAsyncCreation } from './channelView';
import type { SimContext } from './context';
import { logEvent, refuse } from './eventLog';
import { peekAccountNumber, setNextAccountNumber } from './identities';
import { type StoredInstant, storedNow, storedOperationType, storedOrigin } from './storedValues';
import { type ChannelConfig, OPERATION_CODE, type Outcome } from './types';

/** Generated customers are inserted this many per statement (per channel), with a cancellation check between. */
const GENERATE_CHUNK = 50_000;

export interface GenerateInput {
  readonly count: number;
  readonly channels: readonly string[];
  readonly countryRegion: string;
  readonly offline: boolean;
}

/** Each generated customer goes the way its channel works now, like createCustomer. */
export function generateCustomers(ctx: SimContext, input: GenerateInput, origin: string | undefined): Outcome {
  const unknown = input.channels.find((id) => !ctx.channel(id));
  if (unknown !== undefined) {
    return refuse(ctx, 'unknownChannel', { channel: unknown }, origin);
  }
  const channels = input.channels.map((id) => ctx.channel(id)!);
  const onlineStore = input.offline ? channels.find((c) => c.kind === 'online') : undefined;
  if (onlineStore) {
    return refuse(ctx, 'offlineOnlineStore', { channel: onlineStore.id }, origin);
  }
  const ids = ctx.state.ids;
  const base: ChunkBase = { customerBase: ids.customers, operationBase: ids.operations, generatedBase: ids.generated, now: formatInstant(ctx.now), nowStored: storedNow(ctx.now), countryRegion: input.countryRegion, origin };
  let asyncCount = 0;
  ctx.db.transaction(() => {
    channels.forEach((channel, k) => {
      // Customer i (1-based) goes to channel (i - 1) mod K, as a round-robin loop would send it.
      const count = input.count > k ? Math.floor((input.count - k - 1) / channels.length) + 1 : 0;
      if (count === 0 || (input.offline && channelFiltersSharedTables(ctx, channel))) {
        return;
      }
      const asynchronous = input.offline || channelSeesAsyncCreation(ctx, channel);
      // In chunks, so a newer version of the document can cancel a large replay between them.
      for (let start = 0; start < count; start += GENERATE_CHUNK) {
        ctx.throwIfCancelled();
        const end = Math.min(count, start + GENERATE_CHUNK);
        const chunk = { channel, k, channelCount: channels.length, start, end };
        if (asynchronous) {
          generateAsyncChunk(ctx, chunk, base);
          asyncCount += end - start;
        } else {
          generateRealtimeChunk(ctx, chunk, base);
        }
      }
    });
  });
  ids.customers += input.count;
  ids.operations += input.count;
  ids.generated += input.count;
  logEvent(ctx, 'action', 'customersGenerated', { count: String(input.count), async: String(asyncCount) }, origin);
  return { ok: true, summary: `${input.count} customers generated, ${asyncCount} asynchronously` };
}

interface ChunkBase {
  readonly customerBase: number;
  readonly operationBase: number;
  readonly generatedBase: number;
  readonly now: string;
  /** now as the tables store it (storedValues.ts). */
  readonly nowStored: StoredInstant;
  readonly countryRegion: string;
  readonly origin?: string;
}

/** Generated customers j in [start, end) of channel k of `channelCount`: customer i = k + 1 + j * channelCount. */
interface Chunk {
  readonly channel: ChannelConfig;
  readonly k: number;
  readonly channelCount: number;
  readonly start: number;
  readonly end: number;
}

const SEQUENCE = 'WITH RECURSIVE seq(j) AS (SELECT ? UNION ALL SELECT j + 1 FROM seq WHERE j + 1 < ?), gen(i) AS (SELECT ? + j * ? FROM seq)';

function sequenceParams(chunk: Chunk): number[] {
  return [chunk.start, chunk.end, chunk.k + 1, chunk.channelCount];
}

/** Asynchronous: the customers wait in the channel database with temporary ids. */
function generateAsyncChunk(ctx: SimContext, chunk: Chunk, base: ChunkBase): void {
  const ch = ctx.db.channelDb(chunk.channel.channelDatabase).schema;
  const params = sequenceParams(chunk);
  const number = `printf('%07d', ${base.generatedBase} + i)`;
  // The temporary ids, stored as their counter (storedValues.ts).
  const counter = `(${base.customerBase} + i)`;
  const operation = `(${base.operationBase} + i)`;
  const channelId = chunk.channel.id;
  const origin = storedOrigin(base.origin);
  const before = {
    customers: Number(ctx.db.one(ctx.hq, `SELECT COALESCE(MAX(RECID), 0) AS N FROM ${ch}.RETAILASYNCCUSTOMERV2`, [])?.N ?? 0),
    addresses: Number(ctx.db.one(ctx.hq, `SELECT COALESCE(MAX(RECID), 0) AS N FROM ${ch}.RETAILASYNCADDRESSV2`, [])?.N ?? 0),
  };
  ctx.db.run(
    ctx.hq,
    `INSERT INTO ${ch}.RETAILASYNCCUSTOMERV2 (OPERATIONID_S, OPERATION, CUSTACCOUNTASYNC_S, ORIGINATINGCHANNEL, FIRSTNAME, LASTNAME, EMAIL, CREATEDAT_S, ORIGIN_S)
     ${SEQUENCE} SELECT ${operation}, ${OPERATION_CODE.CustomerCreate}, ${counter}, ?, 'Customer', ${number}, 'customer' || ${number} || '@example.com', ?, ? FROM gen`,
    [...params, channelId, base.nowStored, origin],
  );
  ctx.db.run(
    ctx.hq,
    `INSERT INTO ${ch}.RETAILASYNCADDRESSV2 (OPERATIONID_S, OPERATIONTYPE_S, OPERATION, CUSTACCOUNTASYNC_S, ORIGINATINGCHANNEL, STREET, CITY, ZIPCODE, COUNTRY, CREATEDAT_S, ORIGIN_S)
     ${SEQUENCE} SELECT ${operation}, ${storedOperationType('CustomerCreate')}, ${OPERATION_CODE.AddressCreate}, ${counter}, ?, ${number} || ' Main Street', 'Springfield', CAST(10000 + (i - 1) % 90000 AS TEXT), ?, ?, ? FROM gen`,
    [...params, channelId, base.countryRegion, base.nowStored, origin],
  );
  // The channel's own counter of each new row (REPLICATIONCOUNTERFROMORIGIN), as a single write stamps it.
  ctx.db.run(ctx.hq, `UPDATE ${ch}.RETAILASYNCCUSTOMERV2 SET REPLICATIONCOUNTERFROMORIGIN = RECID WHERE RECID > ?`, [before.customers]);
  ctx.db.run(ctx.hq, `UPDATE ${ch}.RETAILASYNCADDRESSV2 SET REPLICATIONCOUNTERFROMORIGIN = RECID WHERE RECID > ?`, [before.addresses]);
  ctx.db.run(
    ctx.hq,
    `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM_S, CUSTACCOUNTASYNC_S, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL, ORIGIN_S)
     ${SEQUENCE} SELECT ${counter}, ${counter}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', 1, ?, ? FROM gen`,
    [...params, channelId, origin],
  );
}

/** Real-time calls: HQ answers each with the next account number. */
function generateRealtimeChunk(ctx: SimContext, chunk: Chunk, base: ChunkBase): void {
  const { channel, k, channelCount, start, end } = chunk;
  const ch = ctx.db.channelDb(channel.channelDatabase).schema;
  const params = sequenceParams(chunk);
  const number = `printf('%07d', ${base.generatedBase} + i)`;
  const origin = base.origin ?? null;
  const first = peekAccountNumber(ctx);
  const seq = ctx.state.clock.seq + 1;
  ctx.state.clock.seq += end - start;
  // j - start counts from 0 in this chunk.
  const account = `CAST(? + (i - ?) / ? AS TEXT)`;
  const accountParams = [first - start, k + 1, channelCount];
  ctx.db.run(
    ctx.hq,
    `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, CUSTGROUP, CREATEDAT_S, CREATEDBY, CHANNEL, CREATEDSEQ, MODIFIEDSEQ, ORIGIN_S)
     ${SEQUENCE} SELECT ${account}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', ?, ?, 'RealtimeService', ?, ?, ?, ? FROM gen`,
    [...params, ...accountParams, DEFAULT_CUSTOMER_GROUP, base.nowStored, channel.id, seq, seq, storedOrigin(origin)],
  );
  ctx.db.run(
    ctx.hq,
    `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
     ${SEQUENCE} SELECT ${account}, ${number} || ' Main Street', 'Springfield', CAST(10000 + (i - 1) % 90000 AS TEXT), ?, ? FROM gen`,
    [...params, ...accountParams, base.countryRegion, origin],
  );
  ctx.db.run(
    ctx.hq,
    `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM_S, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL, ORIGIN_S)
     ${SEQUENCE} SELECT ${account}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', 0, ?, ? FROM gen`,
    [...params, ...accountParams, channel.id, storedOrigin(origin)],
  );
  ctx.db.run(
    ctx.hq,
    `INSERT INTO RETAILTRANSACTIONSERVICECALL (SEQ, CALLEDAT, CHANNEL, CHANNELDATABASE, OPERATION, ACCOUNTNUM, ORIGIN)
     ${SEQUENCE} SELECT ? + (i - ?) / ?, ?, ?, ?, 'CreateCustomer', ${account}, ? FROM gen`,
    [...params, seq - start, k + 1, channelCount, base.now, channel.id, channel.channelDatabase, ...accountParams, origin],
  );
  setNextAccountNumber(ctx, first + end - start);
}
