// The customer master in HQ: customers the batch job created from async operations, and what
// the addresses there say.
import { KNOWN_COUNTRY_REGIONS } from '../../domain/tables';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type TableRow, tableRow, textOrNull } from './records';

/** A customer HQ created from an async operation, with the account number it assigned. */
export interface SynchronizedCustomer {
  readonly accountNum: string;
  readonly asyncCustomerId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly origin: string | null;
  readonly evidence: TableRow;
}

/**
 * Customers of the channel database's channels that got their account numbers in HQ after job
 * 1010 last ran for it (`sinceSeq`): the channel still shows them as Pending sync. The total,
 * and the first 20 in the order they were created (ROWID: in one batch run, in account number order).
 */
export function accountNumbersNotDownloaded(sim: Simulation, channelDatabase: string, sinceSeq: number): { count: number; customers: SynchronizedCustomer[] } {
  const ctx = contextOf(sim);
  const channels = ctx.state.channels.filter((c) => c.channelDatabase === channelDatabase).map((c) => c.id);
  const inList = channels.map(() => '?').join(', ');
  const where = `CREATEDSEQ > ? AND CUSTACCOUNTASYNC IS NOT NULL AND CREATEDBY = 'AsyncSynchronization' AND CHANNEL IN (${inList})`;
  const count = Number(ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N FROM CUSTTABLE WHERE ${where}`, [sinceSeq, ...channels])?.N ?? 0);
  if (count === 0) {
    return { count, customers: [] };
  }
  const rows = ctx.db.all(
    ctx.hq,
    `SELECT ACCOUNTNUM, CUSTACCOUNTASYNC, FIRSTNAME, LASTNAME, CHANNEL, CREATEDAT, ORIGIN FROM CUSTTABLE WHERE ${where} ORDER BY CREATEDSEQ, ROWID LIMIT 20`,
    [sinceSeq, ...channels],
  );
  return {
    count,
    customers: rows.map((r) => ({
      accountNum: String(r.ACCOUNTNUM),
      asyncCustomerId: String(r.CUSTACCOUNTASYNC),
      firstName: textOrNull(r.FIRSTNAME),
      lastName: textOrNull(r.LASTNAME),
      origin: textOrNull(r.ORIGIN),
      evidence: tableRow('HQ', 'CUSTTABLE', String(r.ACCOUNTNUM), r),
    })),
  };
}

/** Whether the batch job created any customer from an async operation. */
export function anyCustomerSynchronized(sim: Simulation): boolean {
  const ctx = contextOf(sim);
  return ctx.db.one(ctx.hq, "SELECT 1 AS X FROM CUSTTABLE WHERE CREATEDBY = 'AsyncSynchronization' LIMIT 1", []) !== undefined;
}

/**
 * The valid country/region the scenario's addresses use most (HQ's addresses and the staged
 * ones), or undefined when no address has one: then there is nothing to ground a value on.
 */
export function mostUsedCountryRegion(sim: Simulation): string | undefined {
  const ctx = contextOf(sim);
  const rows = ctx.db.all(
    ctx.hq,
    `SELECT C, COUNT(*) AS N FROM (SELECT COUNTRYREGIONID AS C FROM LOGISTICSPOSTALADDRESS UNION ALL SELECT COUNTRY AS C FROM RETAILASYNCADDRESSV2)
     WHERE C IS NOT NULL GROUP BY C ORDER BY N DESC, C`,
    [],
  );
  return rows.map((r) => String(r.C)).find((code) => KNOWN_COUNTRY_REGIONS.includes(code));
}
