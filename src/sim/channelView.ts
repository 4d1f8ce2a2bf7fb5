// What a channel works from: its settings as HQ has them, and what its channel database last
// downloaded, which the Commerce Scale Unit serves from its cache (old values until it expires).
import type { FeatureId } from '../domain/features';
import { formatInstant } from '../domain/time';
import type { SimContext } from './context';
import type { DbHandle } from './database';
import { logEvent, refuse } from './eventLog';
import { recordHqChange } from './hqChanges';
import type { ChannelConfig, Outcome } from './types';

export interface ChannelSettings {
  readonly asyncCustomerCreation?: boolean;
  readonly filterSharedCustomerDataTables?: boolean;
}

export function addChannel(ctx: SimContext, channel: ChannelConfig): void {
  ctx.state.channels.push(channel);
  ctx.db.run(
    ctx.hq,
    'INSERT INTO RETAILCHANNELTABLE (CHANNELID, KIND, CHANNELDATABASE, ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)',
    [channel.id, channel.kind, channel.channelDatabase, bit(channel.asyncCustomerCreation), bit(channel.filterSharedCustomerDataTables), channel.origin ?? null],
  );
  ctx.db.attachChannelDatabase(channel.channelDatabase);
}

/** Changes a channel's functionality profile setting in HQ; the channel sees it after the metadata jobs. */
export function updateChannel(ctx: SimContext, channelId: string, settings: ChannelSettings, origin: string | undefined): Outcome {
  const index = ctx.state.channels.findIndex((c) => c.id === channelId);
  if (index < 0) {
    return refuse(ctx, 'unknownChannel', { channel: channelId }, origin);
  }
  const channel = ctx.state.channels[index];
  saveChannel(ctx, index, {
    ...channel,
    asyncCustomerCreation: settings.asyncCustomerCreation ?? channel.asyncCustomerCreation,
    filterSharedCustomerDataTables: settings.filterSharedCustomerDataTables ?? channel.filterSharedCustomerDataTables,
  }, origin);
  // Filter shared customer data tables belongs to the channel database: its other channels follow.
  const filter = settings.filterSharedCustomerDataTables;
  if (filter !== undefined) {
    ctx.state.channels.forEach((other, i) => {
      if (i !== index && other.channelDatabase === channel.channelDatabase && other.filterSharedCustomerDataTables !== filter) {
        saveChannel(ctx, i, { ...other, filterSharedCustomerDataTables: filter }, origin);
      }
    });
  }
  logEvent(ctx, 'action', 'channelUpdated', { channel: channelId }, origin);
  return { ok: true, summary: `Channel ${channelId} updated in HQ` };
}

/** HQ's new settings of a channel, as a change its channel database must download. */
function saveChannel(ctx: SimContext, index: number, updated: ChannelConfig, origin: string | undefined): void {
  ctx.state.channels[index] = updated;
  const seq = ctx.nextSeq();
  ctx.db.run(ctx.hq, 'UPDATE RETAILCHANNELTABLE SET ASYNCCUSTOMERCREATION = ?, FILTERSHAREDCUSTOMERDATATABLES = ? WHERE CHANNELID = ?', [
    bit(updated.asyncCustomerCreation),
    bit(updated.filterSharedCustomerDataTables),
    updated.id,
  ]);
  const newValue = JSON.stringify({ asyncCustomerCreation: updated.asyncCustomerCreation, filterSharedCustomerDataTables: updated.filterSharedCustomerDataTables });
  recordHqChange(ctx, seq, { kind: 'channel', subject: updated.id, channelDatabase: updated.channelDatabase, newValue }, origin);
}

/** What the channel's CSU currently serves for a feature: the downloaded value once the cache expired. */
export function channelSeesFeature(ctx: SimContext, channelDatabase: string, id: FeatureId): boolean {
  const row = ctx.db.one(ctx.db.channelDb(channelDatabase), 'SELECT ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE FEATUREID = ?', [id]);
  if (!row) {
    return false;
  }
  return (cacheExpired(ctx, String(row.DOWNLOADEDAT)) ? row.ENABLED : row.PREVENABLED) === 1;
}

/** Whether the channel's CSU serves "Create customer in async mode" = Yes. */
export function channelSeesAsyncCreation(ctx: SimContext, channel: ChannelConfig): boolean {
  const row = ctx.db.one(
    ctx.db.channelDb(channel.channelDatabase),
    'SELECT ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, DOWNLOADEDAT FROM CHANNELPROFILE WHERE CHANNELID = ?',
    [channel.id],
  );
  if (!row) {
    return false;
  }
  return (cacheExpired(ctx, String(row.DOWNLOADEDAT)) ? row.ASYNCCUSTOMERCREATION : row.PREVASYNCCUSTOMERCREATION) === 1;
}

export function channelFiltersSharedTables(ctx: SimContext, channel: ChannelConfig): boolean {
  const row = ctx.db.one(ctx.db.channelDb(channel.channelDatabase), 'SELECT FILTERSHAREDCUSTOMERDATATABLES FROM CHANNELPROFILE WHERE CHANNELID = ?', [channel.id]);
  return row?.FILTERSHAREDCUSTOMERDATATABLES === 1;
}

export function cacheExpiresAt(ctx: SimContext, downloadedAt: string): number {
  return Date.parse(downloadedAt) + ctx.config.csuCacheMs;
}

function cacheExpired(ctx: SimContext, downloadedAt: string): boolean {
  return ctx.now >= cacheExpiresAt(ctx, downloadedAt);
}

/** HQ's feature states into the channel database; the CSU goes on serving the old value until its cache expires. */
export function downloadFeatures(ctx: SimContext, db: DbHandle): number {
  const now = formatInstant(ctx.now);
  let moved = 0;
  for (const row of ctx.db.all(ctx.hq, 'SELECT FEATUREID, ENABLED FROM FEATUREMANAGEMENTSTATE', [])) {
    const current = ctx.db.one(db, 'SELECT ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE FEATUREID = ?', [row.FEATUREID]);
    if (!current) {
      ctx.db.run(db, 'INSERT INTO CHANNELFEATURE (FEATUREID, ENABLED, PREVENABLED, DOWNLOADEDAT) VALUES (?, ?, ?, ?)', [row.FEATUREID, row.ENABLED, row.ENABLED, now]);
      moved++;
    } else if (current.ENABLED !== row.ENABLED) {
      const served = cacheExpired(ctx, String(current.DOWNLOADEDAT)) ? current.ENABLED : current.PREVENABLED;
      ctx.db.run(db, 'UPDATE CHANNELFEATURE SET ENABLED = ?, PREVENABLED = ?, DOWNLOADEDAT = ? WHERE FEATUREID = ?', [row.ENABLED, served, now, row.FEATUREID]);
      moved++;
    }
  }
  return moved;
}

/** The functionality profile settings of the database's channels, cached like the features. */
export function downloadChannelSettings(ctx: SimContext, db: DbHandle): number {
  const now = formatInstant(ctx.now);
  let moved = 0;
  const rows = ctx.db.all(ctx.hq, 'SELECT CHANNELID, ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM RETAILCHANNELTABLE WHERE CHANNELDATABASE = ?', [db.name]);
  for (const row of rows) {
    const current = ctx.db.one(db, 'SELECT ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, DOWNLOADEDAT FROM CHANNELPROFILE WHERE CHANNELID = ?', [row.CHANNELID]);
    if (!current) {
      ctx.db.run(
        db,
        'INSERT INTO CHANNELPROFILE (CHANNELID, ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, DOWNLOADEDAT) VALUES (?, ?, ?, ?, ?)',
        [row.CHANNELID, row.ASYNCCUSTOMERCREATION, row.ASYNCCUSTOMERCREATION, row.FILTERSHAREDCUSTOMERDATATABLES, now],
      );
      moved++;
    } else if (current.ASYNCCUSTOMERCREATION !== row.ASYNCCUSTOMERCREATION || current.FILTERSHAREDCUSTOMERDATATABLES !== row.FILTERSHAREDCUSTOMERDATATABLES) {
      const served = cacheExpired(ctx, String(current.DOWNLOADEDAT)) ? current.ASYNCCUSTOMERCREATION : current.PREVASYNCCUSTOMERCREATION;
      const downloadedAt = current.ASYNCCUSTOMERCREATION !== row.ASYNCCUSTOMERCREATION ? now : current.DOWNLOADEDAT;
      ctx.db.run(
        db,
        'UPDATE CHANNELPROFILE SET ASYNCCUSTOMERCREATION = ?, PREVASYNCCUSTOMERCREATION = ?, FILTERSHAREDCUSTOMERDATATABLES = ?, DOWNLOADEDAT = ? WHERE CHANNELID = ?',
        [row.ASYNCCUSTOMERCREATION, served, row.FILTERSHAREDCUSTOMERDATATABLES, downloadedAt, row.CHANNELID],
      );
      moved++;
    }
  }
  return moved;
}

function bit(value: boolean): number {
  return value ? 1 : 0;
}
