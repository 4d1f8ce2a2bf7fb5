// An operation as an export shows it: a line of HQ's Customer synchronization status page
// (Pending, Failed with its last known error, Succeeded with the customer account) when the
// history that led there is not in the evidence. The state is built by the stages themselves:
// the async customer on the channel with the temporary id the export shows, its records
// staged in HQ, and the operation's status; a succeeded creation puts the customer in the
// customer master with the export's account number (the channel gets it when 1010 runs).
import { createAsyncCustomer, createAsyncUpdate } from './asyncRecords';
import { completeOperation, failOperation, processOperation } from './batchJob';
import { uploadRecords } from './cdxJobs';
import type { SimContext } from './context';
import { logEvent, refuse } from './eventLog';
import { storedNow } from './storedValues';
import type { Outcome } from './types';

export type ObservedStatus = 'pending' | 'failed' | 'succeeded';
export type ObservedOperationKind = 'create' | 'update';

export interface ObservedOperationInput {
  readonly channel: string;
  /** The temporary id (Async customer account). */
  readonly asyncCustomerAccount: string;
  /** The real account (Customer account), once HQ created the customer. */
  readonly customerAccount?: string;
  readonly operation: ObservedOperationKind;
  readonly status: ObservedStatus;
  readonly lastKnownError?: string;
}

/** The reason a failed operation shows when the export leaves Last known error empty. */
const NO_ERROR_TEXT = 'Failed in HQ; the export shows no last known error.';

export function observeOperation(ctx: SimContext, input: ObservedOperationInput, origin: string | undefined): Outcome {
  const channel = ctx.channel(input.channel);
  if (!channel) {
    return refuse(ctx, 'unknownChannel', { channel: input.channel }, origin);
  }
  const asyncId = input.asyncCustomerAccount;
  if (input.status === 'succeeded' && input.operation === 'create' && input.customerAccount !== undefined) {
    // Another customer of the scenario already has the number: HQ would never have issued it twice.
    const holder = ctx.db.one(ctx.hq, 'SELECT CUSTACCOUNTASYNC, FIRSTNAME, LASTNAME FROM CUSTTABLE WHERE ACCOUNTNUM = ? AND (CUSTACCOUNTASYNC IS NULL OR CUSTACCOUNTASYNC <> ?)', [input.customerAccount, asyncId]);
    if (holder) {
      const name = [holder.FIRSTNAME, holder.LASTNAME].filter((part) => typeof part === 'string' && part !== '').join(' ');
      return refuse(ctx, 'accountNumberInUse', { account: input.customerAccount, holder: name || String(holder.CUSTACCOUNTASYNC ?? input.customerAccount), customer: asyncId, channel: channel.id }, origin);
    }
  }
  const onChannel = ctx.db.one(ctx.db.channelDb(channel.channelDatabase), 'SELECT 1 AS X FROM CUSTOMER WHERE CUSTACCOUNTASYNC = ? OR ACCOUNTNUM = ?', [asyncId, asyncId]);
  // The export carries no names: the customer is known by its temporary id, which HQ's
  // name check accepts as the last name.
  const operationId =
    input.operation === 'create' && !onChannel
      ? createAsyncCustomer(ctx, channel, { channel: channel.id, lastName: asyncId }, origin, asyncId).operationId
      : createAsyncUpdate(ctx, channel, { asyncId, accountNum: input.customerAccount ?? null }, {}, origin);
  uploadRecords(ctx, channel.channelDatabase, operationId);
  if (input.status === 'failed') {
    failOperation(ctx, operationId, [], input.lastKnownError ?? NO_ERROR_TEXT, storedNow(ctx.now));
  } else if (input.status === 'succeeded') {
    const inMaster = ctx.db.one(ctx.hq, 'SELECT 1 AS X FROM CUSTTABLE WHERE CUSTACCOUNTASYNC = ? OR ACCOUNTNUM = ?', [asyncId, input.customerAccount ?? asyncId]);
    if (input.operation === 'update' && !inMaster) {
      // An edit of a customer created before the evidence: HQ applied it; the scenario does not hold the customer.
      completeOperation(ctx, operationId, input.customerAccount ?? asyncId);
    } else {
      processOperation(ctx, operationId, input.operation === 'create' ? input.customerAccount : undefined);
    }
  }
  logEvent(ctx, 'action', 'operationObserved', { operation: operationId, customer: asyncId, status: input.status }, origin);
  return { ok: true, summary: `Operation ${operationId} of ${asyncId} at ${channel.id}: ${input.status}` };
}
