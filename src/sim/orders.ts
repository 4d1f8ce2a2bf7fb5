// Customer orders and cash-and-carry sales at a channel, and HQ's batch job "Synchronize
// orders". An asynchronous order or a sale travels with the P-job; Synchronize orders creates
// it in HQ and, for a customer not yet in the customer master, creates the customer from its
// asynchronous records as part of the same job (DOMAIN: convert-async-to-sync). The simulation
// has no statement posting, so Synchronize orders also takes the sales.
import { formatInstant } from '../domain/time';
import { processOperation } from './batchJob';
import type { RunOptions } from './cdxJobs';
import { findCustomerAt } from './channelActions';
import type { SimContext } from './context';
import { HQ_SCHEMA } from './database';
import { logEvent, refuse } from './eventLog';
import { recordBatchRun } from './sessions';
import type { OrderInput, Outcome } from './types';

const SYNCHRONIZE_ORDERS = 'SynchronizeOrders';

/** A customer order: a synchronous one needs the customer's real account number on the channel (a 2023 limitation). */
export function createCustomerOrder(ctx: SimContext, input: OrderInput, origin: string | undefined): Outcome {
  const found = findCustomerAt(ctx, input.channel, input.customer, false, origin);
  if ('refused' in found) {
    return found.refused;
  }
  const { channel, customer } = found;
  const mode = input.mode ?? (channel.asyncCustomerOrders ? 'async' : 'sync');
  const account = String(customer.ACCOUNTNUM);
  if (mode === 'async') {
    return recordTransaction(ctx, channel.channelDatabase, channel.id, 'CustomerOrder', account, origin);
  }
  if (customer.PENDINGSYNC === 1) {
    return refuse(
      ctx,
      'orderNeedsSynchronizedCustomer',
      { channel: channel.id, channelDatabase: channel.channelDatabase, customer: input.customer.reference, steps: stepsMissingFor(ctx, account).join(',') },
      origin,
    );
  }
  // Synchronous: the order is created in HQ at once, by a real-time call.
  const salesId = nextSalesId(ctx);
  ctx.db.run(ctx.hq, 'INSERT INTO SALESTABLE (SALESID, CUSTACCOUNT, TRANSACTIONID, CHANNEL, CREATEDAT, ORIGIN) VALUES (?, ?, NULL, ?, ?, ?)', [
    salesId,
    account,
    channel.id,
    formatInstant(ctx.now),
    origin ?? null,
  ]);
  logEvent(ctx, 'action', 'customerOrderCreatedRealtime', { channel: channel.id, customer: account, salesOrder: salesId }, origin);
  return { ok: true, summary: `Customer order ${salesId} created in HQ for ${account}` };
}

/** A cash-and-carry sale: always accepted; it travels with the P-job. */
export function createSale(ctx: SimContext, input: OrderInput, origin: string | undefined): Outcome {
  const found = findCustomerAt(ctx, input.channel, input.customer, false, origin);
  if ('refused' in found) {
    return found.refused;
  }
  return recordTransaction(ctx, found.channel.channelDatabase, found.channel.id, 'Sale', String(found.customer.ACCOUNTNUM), origin);
}

function recordTransaction(ctx: SimContext, channelDatabase: string, channelId: string, type: 'CustomerOrder' | 'Sale', account: string, origin: string | undefined): Outcome {
  const transactionId = `TRN-${String(++ctx.state.ids.transactions).padStart(6, '0')}`;
  ctx.db.run(ctx.db.channelDb(channelDatabase), 'INSERT INTO RETAILTRANSACTIONTABLE (TRANSACTIONID, TYPE, CUSTACCOUNT, CHANNEL, CREATEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
    transactionId,
    type,
    account,
    channelId,
    formatInstant(ctx.now),
    origin ?? null,
  ]);
  logEvent(ctx, 'action', type === 'Sale' ? 'saleRecorded' : 'customerOrderRecorded', { channel: channelId, customer: account, transaction: transactionId }, origin);
  return { ok: true, summary: `${type === 'Sale' ? 'Sale' : 'Asynchronous customer order'} ${transactionId} recorded at ${channelId} for ${account}` };
}

/** The P-job's part for transactions: those not yet uploaded move to HQ. Runs inside the P-job's transaction. */
export function uploadTransactions(ctx: SimContext, channelSchema: string): number {
  const moved = Number(ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N FROM ${channelSchema}.RETAILTRANSACTIONTABLE WHERE UPLOADED = 0`, [])?.N ?? 0);
  if (moved > 0) {
    ctx.db.run(
      ctx.hq,
      `INSERT INTO ${HQ_SCHEMA}.RETAILTRANSACTIONTABLE (TRANSACTIONID, TYPE, CUSTACCOUNT, CHANNEL, CREATEDAT, ORIGIN)
       SELECT TRANSACTIONID, TYPE, CUSTACCOUNT, CHANNEL, CREATEDAT, ORIGIN FROM ${channelSchema}.RETAILTRANSACTIONTABLE WHERE UPLOADED = 0 ORDER BY TRANSACTIONID`,
      [],
    );
    ctx.db.run(ctx.hq, `UPDATE ${channelSchema}.RETAILTRANSACTIONTABLE SET UPLOADED = 1 WHERE UPLOADED = 0`, []);
  }
  return moved;
}

/** Synchronize orders: every uploaded order and sale becomes a sales order; an unsynchronized customer is created first. */
export function runSynchronizeOrders(ctx: SimContext, origin: string | undefined, options: RunOptions = {}): Outcome {
  const source = { origin, scheduled: options.scheduled };
  if (options.fails !== undefined) {
    recordBatchRun(ctx, SYNCHRONIZE_ORDERS, 'Synchronize orders', options.fails, source);
    logEvent(ctx, 'action', 'batchFailed', { job: SYNCHRONIZE_ORDERS, message: options.fails }, origin);
    return { ok: true, summary: `Synchronize orders failed: ${options.fails}` };
  }
  let created = 0;
  let waiting = 0;
  ctx.db.transaction(() => {
    for (const row of ctx.db.all(ctx.hq, 'SELECT TRANSACTIONID, CUSTACCOUNT, CHANNEL, ORIGIN FROM RETAILTRANSACTIONTABLE WHERE SALESID IS NULL ORDER BY TRANSACTIONID', [])) {
      const account = accountFor(ctx, String(row.CUSTACCOUNT));
      if (account === undefined) {
        waiting++;
        continue;
      }
      const salesId = nextSalesId(ctx);
      ctx.db.run(ctx.hq, 'INSERT INTO SALESTABLE (SALESID, CUSTACCOUNT, TRANSACTIONID, CHANNEL, CREATEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
        salesId,
        account,
        row.TRANSACTIONID,
        row.CHANNEL,
        formatInstant(ctx.now),
        row.ORIGIN,
      ]);
      ctx.db.run(ctx.hq, 'UPDATE RETAILTRANSACTIONTABLE SET SALESID = ? WHERE TRANSACTIONID = ?', [salesId, row.TRANSACTIONID]);
      created++;
    }
    recordBatchRun(ctx, SYNCHRONIZE_ORDERS, 'Synchronize orders', undefined, source);
  });
  logEvent(ctx, 'action', 'ordersSynchronized', { created: String(created), waiting: String(waiting) }, origin);
  return { ok: true, summary: `Synchronize orders created ${created} sales orders${waiting > 0 ? `; ${waiting} wait for their customer` : ''}` };
}

/** The customer's account in HQ; a customer whose creation waits in the staging tables is created now from its async records. */
function accountFor(ctx: SimContext, key: string): string | undefined {
  const inMaster = () => ctx.db.one(ctx.hq, 'SELECT ACCOUNTNUM FROM CUSTTABLE WHERE ACCOUNTNUM = ? OR CUSTACCOUNTASYNC = ?', [key, key])?.ACCOUNTNUM;
  const existing = inMaster();
  if (existing !== undefined && existing !== null) {
    return String(existing);
  }
  const creation = ctx.db.one(ctx.hq, "SELECT OPERATIONID FROM RETAILASYNCOPERATIONSTATUS WHERE CUSTACCOUNTASYNC = ? AND OPERATIONTYPE = 'CustomerCreate' AND STATUS = 'Pending'", [key]);
  if (!creation) {
    return undefined;
  }
  processOperation(ctx, String(creation.OPERATIONID));
  const created = inMaster();
  return created === undefined || created === null ? undefined : String(created);
}

function nextSalesId(ctx: SimContext): string {
  return `SO-${String(++ctx.state.ids.salesOrders).padStart(6, '0')}`;
}

/**
 * What still has to run before a channel has a customer's real account number: the P-job (its
 * creation is still in the channel database), the batch job (staged, not yet processed), 1010.
 */
export function stepsMissingFor(ctx: SimContext, asyncId: string): string[] {
  const inHq = ctx.db.one(ctx.hq, 'SELECT 1 AS X FROM CUSTTABLE WHERE CUSTACCOUNTASYNC = ?', [asyncId]);
  if (inHq) {
    return ['1010'];
  }
  const staged = ctx.db.one(ctx.hq, "SELECT 1 AS X FROM RETAILASYNCOPERATIONSTATUS WHERE CUSTACCOUNTASYNC = ? AND OPERATIONTYPE = 'CustomerCreate'", [asyncId]);
  return staged ? ['SynchronizeCustomersAndChannelRequests', '1010'] : ['P-0001', 'SynchronizeCustomersAndChannelRequests', '1010'];
}
