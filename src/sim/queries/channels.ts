// The channels and what their channel databases serve: settings, downloaded metadata, the CSU
// cache, the customers a POS can pick from.
import type { FeatureId } from '../../domain/features';
import { cacheExpiresAt, channelSeesAsyncCreation as seesAsyncCreation, channelSeesFeature as seesFeature } from '../channelView';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type Row, type TableRow, tableRow, text, textOrNull } from './records';

/** The channel databases, by name, sorted. */
export function channelDatabaseNames(sim: Simulation): string[] {
  return [...contextOf(sim).db.channelDatabases.keys()].sort();
}

/** The channel databases in the order the scenario first names them (the order rules report in). */
export function channelDatabasesInScenarioOrder(sim: Simulation): string[] {
  return [...contextOf(sim).db.channelDatabases.keys()];
}

/** What the channel database's CSU serves for a feature now (the old value while the cache lasts). */
export function channelSeesFeature(sim: Simulation, channelDatabase: string, id: FeatureId): boolean {
  return seesFeature(contextOf(sim), channelDatabase, id);
}

/** What the channel's CSU serves for "Create customer in async mode" now. */
export function channelSeesAsyncCreation(sim: Simulation, channelId: string): boolean {
  const ctx = contextOf(sim);
  const channel = ctx.channel(channelId);
  return channel !== undefined && seesAsyncCreation(ctx, channel);
}

/** How long the CSU keeps serving old channel data after a download (ms). */
export function csuCacheMs(sim: Simulation): number {
  return contextOf(sim).config.csuCacheMs;
}

/** A downloaded value the channel database changed, which the CSU serves only once its cache expired. */
export interface CachedDownload {
  /** The feature id, or the channel id for a functionality profile setting. */
  readonly subject: string;
  readonly expiresAt: number;
  /** The cache still serves the old value now. */
  readonly open: boolean;
  readonly evidence: TableRow;
}

/** The feature states and channel settings a channel database downloaded with a new value. */
export function cachedDownloads(sim: Simulation, channelDatabase: string): { features: CachedDownload[]; profiles: CachedDownload[] } {
  const ctx = contextOf(sim);
  const db = ctx.db.channelDb(channelDatabase);
  const cached = (row: Row, subject: string, table: string): CachedDownload => {
    const expiresAt = cacheExpiresAt(ctx, String(row.DOWNLOADEDAT));
    return { subject, expiresAt, open: ctx.now < expiresAt, evidence: tableRow(channelDatabase, table, subject, row) };
  };
  const features = ctx.db
    .all(db, 'SELECT FEATUREID, ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE ENABLED <> PREVENABLED', [])
    .map((row) => cached(row, String(row.FEATUREID), 'CHANNELFEATURE'));
  const profiles = ctx.db
    .all(db, 'SELECT CHANNELID, ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, DOWNLOADEDAT FROM CHANNELPROFILE WHERE ASYNCCUSTOMERCREATION <> PREVASYNCCUSTOMERCREATION', [])
    .map((row) => cached(row, String(row.CHANNELID), 'CHANNELPROFILE'));
  return { features, profiles };
}

/** A channel whose functionality profile in HQ has "Create customer in async mode" = No. */
export interface SynchronousChannel {
  readonly id: string;
  readonly channelDatabase: string;
  /** Where the setting was last made: an updateChannel entry, else the channel's definition. */
  readonly settingOrigin: string | null;
  readonly evidence: TableRow;
}

export function synchronousChannels(sim: Simulation): SynchronousChannel[] {
  const ctx = contextOf(sim);
  return ctx.db.all(ctx.hq, 'SELECT * FROM RETAILCHANNELTABLE WHERE ASYNCCUSTOMERCREATION = 0 ORDER BY CHANNELID', []).map((row) => {
    const id = String(row.CHANNELID);
    const lastChange = ctx.db.one(ctx.hq, "SELECT ORIGIN FROM RETAILCHANGELOG WHERE KIND = 'channel' AND SUBJECT = ? ORDER BY SEQ DESC LIMIT 1", [id]);
    return {
      id,
      channelDatabase: String(row.CHANNELDATABASE),
      settingOrigin: textOrNull(lastChange?.ORIGIN ?? row.ORIGIN),
      evidence: tableRow('HQ', 'RETAILCHANNELTABLE', id, row),
    };
  });
}

/** A customer as a channel database has it. */
export interface ChannelCustomer {
  readonly firstName: string;
  readonly lastName: string;
}

/** The channel database's customer with a temporary id or account number, if it has one. */
export function channelCustomer(sim: Simulation, channelDatabase: string, key: string): ChannelCustomer | undefined {
  const ctx = contextOf(sim);
  const db = ctx.db.channelDatabases.get(channelDatabase);
  const row = db ? ctx.db.one(db, 'SELECT FIRSTNAME, LASTNAME FROM CUSTOMER WHERE CUSTACCOUNTASYNC = ? OR ACCOUNTNUM = ?', [key, key]) : undefined;
  return row ? { firstName: text(row.FIRSTNAME), lastName: text(row.LASTNAME) } : undefined;
}

/** A customer's row in the channel database's customer table (ax.RETAILCUSTTABLE's proof: CUSTACCOUNTASYNC, Pending sync). */
export function channelCustomerRow(sim: Simulation, channelDatabase: string, asyncCustomerId: string): TableRow | undefined {
  const ctx = contextOf(sim);
  const db = ctx.db.channelDatabases.get(channelDatabase);
  const row = db
    ? ctx.db.one(db, 'SELECT CUSTACCOUNTASYNC, ACCOUNTNUM, PENDINGSYNC, FIRSTNAME, LASTNAME, EMAIL, CHANNEL, ORIGIN FROM CUSTOMER WHERE CUSTACCOUNTASYNC = ?', [asyncCustomerId])
    : undefined;
  return row ? tableRow(channelDatabase, 'CUSTOMER', asyncCustomerId, row) : undefined;
}

/** Customers a POS could pick from in a channel database: email, name and id, paged. */
export function channelCustomers(sim: Simulation, channelDatabase: string, offset: number, limit: number): Row[] {
  const ctx = contextOf(sim);
  return ctx.db.all(
    ctx.db.channelDb(channelDatabase),
    'SELECT ACCOUNTNUM, CUSTACCOUNTASYNC, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL FROM CUSTOMER ORDER BY ROWID LIMIT ? OFFSET ?',
    [limit, offset],
  );
}
