// The simulation of Commerce headquarters and the channel side, on sql.js: one HQ database
// and one database per channel database group. Every scenario action is one method here.
import type { Database, SqlJsStatic, SqlValue, Statement } from 'sql.js';
import { FEATURES, type FeatureId, featureById } from '../domain/features';
import { type CdxJobId, type DownloadJobId } from '../domain/jobs';
import { ASYNC_TABLES, KNOWN_COUNTRY_REGIONS, KNOWN_CUSTOMER_GROUPS, DEFAULT_CUSTOMER_GROUP } from '../domain/tables';
import { formatInstant } from '../domain/time';
import { CHANNEL_SCHEMA, HQ_SCHEMA } from './schema';

export type ChannelKind = 'store' | 'online' | 'callCenter';

export interface ChannelConfig {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly channelDatabase: string;
  readonly asyncCustomerCreation: boolean;
  readonly filterSharedCustomerDataTables: boolean;
  readonly origin?: string;
}

export interface InitialFeature {
  readonly id: FeatureId;
  readonly enabled: boolean;
  readonly origin?: string;
}

export interface SimulationConfig {
  readonly start: number;
  readonly channels: readonly ChannelConfig[];
  readonly features: readonly InitialFeature[];
  /** How long the Commerce Scale Unit keeps serving old channel data after a download (model). */
  readonly csuCacheMs: number;
}

export const DEFAULT_CSU_CACHE_MS = 15 * 60_000;

export interface AddressInput {
  readonly street?: string;
  readonly city?: string;
  readonly zip?: string;
  readonly countryRegion?: string;
}

export interface CustomerInput {
  readonly channel: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly title?: string;
  readonly customerGroup?: string;
  readonly address?: AddressInput;
  readonly secondaryEmail?: string;
  readonly secondaryPhone?: string;
  readonly affiliations?: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
  /** The POS is offline: the customer can only be created asynchronously. */
  readonly offline?: boolean;
  /** The real-time call fails with a communication error: the customer is created asynchronously. */
  readonly realtimeCallFails?: boolean;
}

export interface CustomerEditInput {
  readonly channel: string;
  /** Email, "First Last", temporary id or account number. */
  readonly customer: string;
  readonly changes: Readonly<Partial<Record<EditableField, string>>>;
  readonly offline?: boolean;
}

export interface AddressCreateInput {
  readonly channel: string;
  readonly customer: string;
  readonly address: AddressInput;
  readonly offline?: boolean;
}

/** Fields of an operation that the Customer synchronization status page lets the user edit. */
export const EDITABLE_FIELDS = {
  firstName: { table: 'RETAILASYNCCUSTOMERV2', column: 'FIRSTNAME' },
  lastName: { table: 'RETAILASYNCCUSTOMERV2', column: 'LASTNAME' },
  email: { table: 'RETAILASYNCCUSTOMERV2', column: 'EMAIL' },
  phone: { table: 'RETAILASYNCCUSTOMERV2', column: 'PHONE' },
  title: { table: 'RETAILASYNCCUSTOMERV2', column: 'TITLE' },
  customerGroup: { table: 'RETAILASYNCCUSTOMERV2', column: 'CUSTGROUP' },
  street: { table: 'RETAILASYNCADDRESSV2', column: 'STREET' },
  city: { table: 'RETAILASYNCADDRESSV2', column: 'CITY' },
  zip: { table: 'RETAILASYNCADDRESSV2', column: 'ZIPCODE' },
  countryRegion: { table: 'RETAILASYNCADDRESSV2', column: 'COUNTRYREGIONID' },
} as const;

export type EditableField = keyof typeof EDITABLE_FIELDS;
export const EDITABLE_FIELD_NAMES = Object.keys(EDITABLE_FIELDS) as EditableField[];

export type OperationType = 'CustomerCreate' | 'CustomerUpdate' | 'AddressCreate';

/** Why the simulation, like HQ or POS, refused an action. Codes are stable; params fill messages. */
export type RefusalCode =
  | 'prerequisitesOff'
  | 'requiredByEnabledFeature'
  | 'unknownChannel'
  | 'unknownChannelDatabase'
  | 'offlineCreationFiltered'
  | 'unknownCustomer'
  | 'pendingCustomerNeedsAsyncEditing'
  | 'pendingCustomerNeedsAsyncAddress'
  | 'offlineNeedsAsync'
  | 'unknownOperation'
  | 'operationNotFailed'
  | 'fieldNotInOperation';

export type Outcome =
  | { readonly ok: true; readonly summary: string; readonly key?: string }
  | { readonly ok: false; readonly code: RefusalCode; readonly params: Readonly<Record<string, string>> };

export type Row = Record<string, SqlValue>;

const CUSTOMER_SEQUENCE = 'CustTable_AccountNum';
const FIRST_ACCOUNT_NUMBER = 100001;
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class Simulation {
  readonly hq: Database;
  readonly channelDatabases = new Map<string, Database>();
  readonly channels = new Map<string, ChannelConfig>();
  private clock: number;
  private seq = 0;
  private operationCounter = 0;
  private customerCounter = 0;
  private generatedCounter = 0;
  private readonly statements = new Map<Database, Map<string, Statement>>();
  /** Customer references as a scenario writes them (email, "First Last") → the channel's customer key. */
  private readonly customerRefs = new Map<string, string>();

  constructor(
    private readonly sql: SqlJsStatic,
    readonly config: SimulationConfig,
  ) {
    this.clock = config.start;
    this.hq = new sql.Database();
    this.hq.exec(HQ_SCHEMA);
    this.run(this.hq, 'INSERT INTO NUMBERSEQUENCE (NAME, NEXTREC) VALUES (?, ?)', [CUSTOMER_SEQUENCE, FIRST_ACCOUNT_NUMBER]);
    this.initialiseFeatures(config.features);
    for (const channel of config.channels) {
      this.addChannel(channel);
    }
    // At start every channel database holds what HQ holds, as if every download job had just run.
    for (const name of this.channelDatabases.keys()) {
      for (const job of ['1110', '1070', '1010'] as const) {
        this.runDownloadJob(job, name, undefined, { initial: true });
      }
    }
  }

  get now(): number {
    return this.clock;
  }

  get csuCacheMs(): number {
    return this.config.csuCacheMs;
  }

  close(): void {
    for (const byDb of this.statements.values()) {
      for (const statement of byDb.values()) {
        statement.free();
      }
    }
    this.statements.clear();
    this.hq.close();
    for (const db of this.channelDatabases.values()) {
      db.close();
    }
  }

  // ---- the clock ---------------------------------------------------------------------

  /** Moves the clock forward to `at`; earlier times are ignored (the scenario layer reports them). */
  setClock(at: number): void {
    if (at > this.clock) {
      this.clock = at;
    }
  }

  advance(ms: number, origin?: string): Outcome {
    this.clock += Math.max(0, ms);
    this.log('action', 'advance', { to: formatInstant(this.clock) }, origin);
    return { ok: true, summary: `Clock advanced to ${formatInstant(this.clock)}` };
  }

  // ---- feature management ------------------------------------------------------------

  featureEnabled(id: FeatureId): boolean {
    const row = this.one(this.hq, 'SELECT ENABLED FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [id]);
    return row?.ENABLED === 1;
  }

  missingPrerequisites(id: FeatureId): FeatureId[] {
    return featureById(id).prerequisites.filter((p) => !this.featureEnabled(p));
  }

  enableFeature(id: FeatureId, origin?: string): Outcome {
    const missing = this.missingPrerequisites(id);
    if (missing.length > 0) {
      return this.refuse('prerequisitesOff', { feature: id, missing: missing.join(',') }, origin);
    }
    return this.setFeature(id, true, origin);
  }

  disableFeature(id: FeatureId, origin?: string): Outcome {
    const dependents = FEATURES.filter((f) => f.prerequisites.includes(id) && this.featureEnabled(f.id)).map((f) => f.id);
    if (dependents.length > 0) {
      return this.refuse('requiredByEnabledFeature', { feature: id, dependents: dependents.join(',') }, origin);
    }
    return this.setFeature(id, false, origin);
  }

  private initialiseFeatures(features: readonly InitialFeature[]): void {
    for (const feature of FEATURES) {
      this.run(this.hq, 'INSERT INTO FEATUREMANAGEMENTSTATE (FEATUREID, ENABLED, CHANGEDAT, CHANGESEQ, ORIGIN) VALUES (?, 0, ?, 0, NULL)', [
        feature.id,
        formatInstant(this.clock),
      ]);
    }
    // Applied as HQ would: prerequisites first, and an enable HQ would refuse is refused.
    const ordered = [...features].sort((a, b) => featureRank(a.id) - featureRank(b.id));
    for (const feature of ordered) {
      if (feature.enabled) {
        this.enableFeature(feature.id, feature.origin);
      }
    }
    // The starting state is not a change the channels must download.
    this.run(this.hq, 'DELETE FROM RETAILCHANGELOG', []);
  }

  private setFeature(id: FeatureId, enabled: boolean, origin?: string): Outcome {
    if (this.featureEnabled(id) === enabled) {
      this.log('action', enabled ? 'featureAlreadyEnabled' : 'featureAlreadyDisabled', { feature: id }, origin);
      return { ok: true, summary: `${id} was already ${enabled ? 'enabled' : 'disabled'}` };
    }
    const seq = this.nextSeq();
    this.run(this.hq, 'UPDATE FEATUREMANAGEMENTSTATE SET ENABLED = ?, CHANGEDAT = ?, CHANGESEQ = ?, ORIGIN = ? WHERE FEATUREID = ?', [
      enabled ? 1 : 0,
      formatInstant(this.clock),
      seq,
      origin ?? null,
      id,
    ]);
    this.run(this.hq, 'INSERT INTO RETAILCHANGELOG (SEQ, CHANGEDAT, KIND, SUBJECT, CHANNELDATABASE, NEWVALUE, ORIGIN) VALUES (?, ?, ?, ?, NULL, ?, ?)', [
      seq,
      formatInstant(this.clock),
      'feature',
      id,
      enabled ? 'Enabled' : 'Disabled',
      origin ?? null,
    ]);
    this.log('action', enabled ? 'featureEnabled' : 'featureDisabled', { feature: id }, origin);
    return { ok: true, summary: `${id} ${enabled ? 'enabled' : 'disabled'}` };
  }

  // ---- channels ----------------------------------------------------------------------

  private addChannel(channel: ChannelConfig): void {
    this.channels.set(channel.id, channel);
    this.run(
      this.hq,
      'INSERT INTO RETAILCHANNELTABLE (CHANNELID, KIND, CHANNELDATABASE, ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)',
      [channel.id, channel.kind, channel.channelDatabase, bit(channel.asyncCustomerCreation), bit(channel.filterSharedCustomerDataTables), channel.origin ?? null],
    );
    if (!this.channelDatabases.has(channel.channelDatabase)) {
      const db = new this.sql.Database();
      db.exec(CHANNEL_SCHEMA);
      this.channelDatabases.set(channel.channelDatabase, db);
    }
  }

  /** Changes a channel's functionality profile setting in HQ; the channel sees it after job 1070. */
  updateChannel(channelId: string, settings: { asyncCustomerCreation?: boolean; filterSharedCustomerDataTables?: boolean }, origin?: string): Outcome {
    const channel = this.channels.get(channelId);
    if (!channel) {
      return this.refuse('unknownChannel', { channel: channelId }, origin);
    }
    const updated: ChannelConfig = {
      ...channel,
      asyncCustomerCreation: settings.asyncCustomerCreation ?? channel.asyncCustomerCreation,
      filterSharedCustomerDataTables: settings.filterSharedCustomerDataTables ?? channel.filterSharedCustomerDataTables,
    };
    this.channels.set(channelId, updated);
    const seq = this.nextSeq();
    this.run(this.hq, 'UPDATE RETAILCHANNELTABLE SET ASYNCCUSTOMERCREATION = ?, FILTERSHAREDCUSTOMERDATATABLES = ? WHERE CHANNELID = ?', [
      bit(updated.asyncCustomerCreation),
      bit(updated.filterSharedCustomerDataTables),
      channelId,
    ]);
    this.run(this.hq, 'INSERT INTO RETAILCHANGELOG (SEQ, CHANGEDAT, KIND, SUBJECT, CHANNELDATABASE, NEWVALUE, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      seq,
      formatInstant(this.clock),
      'channel',
      channelId,
      channel.channelDatabase,
      JSON.stringify({ asyncCustomerCreation: updated.asyncCustomerCreation, filterSharedCustomerDataTables: updated.filterSharedCustomerDataTables }),
      origin ?? null,
    ]);
    this.log('action', 'channelUpdated', { channel: channelId }, origin);
    return { ok: true, summary: `Channel ${channelId} updated in HQ` };
  }

  /** What the channel's CSU currently serves for a feature: the downloaded value once the cache expired. */
  channelSeesFeature(channelDatabase: string, id: FeatureId): boolean {
    const row = this.one(this.channelDb(channelDatabase), 'SELECT ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE FEATUREID = ?', [id]);
    if (!row) {
      return false;
    }
    return (this.cacheExpired(String(row.DOWNLOADEDAT)) ? row.ENABLED : row.PREVENABLED) === 1;
  }

  channelSeesAsyncCreation(channelId: string): boolean {
    const channel = this.channels.get(channelId)!;
    const row = this.one(
      this.channelDb(channel.channelDatabase),
      'SELECT ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, DOWNLOADEDAT FROM CHANNELPROFILE WHERE CHANNELID = ?',
      [channelId],
    );
    if (!row) {
      return false;
    }
    return (this.cacheExpired(String(row.DOWNLOADEDAT)) ? row.ASYNCCUSTOMERCREATION : row.PREVASYNCCUSTOMERCREATION) === 1;
  }

  private channelFiltersSharedTables(channelId: string): boolean {
    const channel = this.channels.get(channelId)!;
    const row = this.one(this.channelDb(channel.channelDatabase), 'SELECT FILTERSHAREDCUSTOMERDATATABLES FROM CHANNELPROFILE WHERE CHANNELID = ?', [channelId]);
    return row?.FILTERSHAREDCUSTOMERDATATABLES === 1;
  }

  cacheExpiresAt(downloadedAt: string): number {
    return Date.parse(downloadedAt) + this.config.csuCacheMs;
  }

  private cacheExpired(downloadedAt: string): boolean {
    return this.clock >= this.cacheExpiresAt(downloadedAt);
  }

  // ---- CDX jobs ----------------------------------------------------------------------

  /** Runs a CDX job for one channel database, or for every channel database when none is named. */
  runJob(jobId: CdxJobId, channelDatabase: string | undefined, origin?: string): Outcome {
    const targets = channelDatabase === undefined ? [...this.channelDatabases.keys()] : [channelDatabase];
    if (channelDatabase !== undefined && !this.channelDatabases.has(channelDatabase)) {
      return this.refuse('unknownChannelDatabase', { channelDatabase, job: jobId }, origin);
    }
    let moved = 0;
    for (const target of targets) {
      moved += jobId === 'P-0001' ? this.runUpload(target, origin) : this.runDownloadJob(jobId, target, origin);
    }
    return { ok: true, summary: `Job ${jobId} ran for ${targets.join(', ') || 'no channel database'} (${moved} rows)` };
  }

  private runDownloadJob(jobId: DownloadJobId, channelDatabase: string, origin: string | undefined, options: { initial?: boolean } = {}): number {
    const db = this.channelDb(channelDatabase);
    const now = formatInstant(this.clock);
    let moved = 0;
    if (jobId === '1110') {
      for (const row of this.all(this.hq, 'SELECT FEATUREID, ENABLED FROM FEATUREMANAGEMENTSTATE', [])) {
        const current = this.one(db, 'SELECT ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE FEATUREID = ?', [row.FEATUREID]);
        if (!current) {
          this.run(db, 'INSERT INTO CHANNELFEATURE (FEATUREID, ENABLED, PREVENABLED, DOWNLOADEDAT) VALUES (?, ?, ?, ?)', [row.FEATUREID, row.ENABLED, row.ENABLED, now]);
          moved++;
        } else if (current.ENABLED !== row.ENABLED) {
          const served = this.cacheExpired(String(current.DOWNLOADEDAT)) ? current.ENABLED : current.PREVENABLED;
          this.run(db, 'UPDATE CHANNELFEATURE SET ENABLED = ?, PREVENABLED = ?, DOWNLOADEDAT = ? WHERE FEATUREID = ?', [row.ENABLED, served, now, row.FEATUREID]);
          moved++;
        }
      }
    } else if (jobId === '1070') {
      for (const row of this.all(this.hq, 'SELECT CHANNELID, ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM RETAILCHANNELTABLE WHERE CHANNELDATABASE = ?', [channelDatabase])) {
        const current = this.one(db, 'SELECT ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, DOWNLOADEDAT FROM CHANNELPROFILE WHERE CHANNELID = ?', [row.CHANNELID]);
        if (!current) {
          this.run(
            db,
            'INSERT INTO CHANNELPROFILE (CHANNELID, ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES, DOWNLOADEDAT) VALUES (?, ?, ?, ?, ?)',
            [row.CHANNELID, row.ASYNCCUSTOMERCREATION, row.ASYNCCUSTOMERCREATION, row.FILTERSHAREDCUSTOMERDATATABLES, now],
          );
          moved++;
        } else if (current.ASYNCCUSTOMERCREATION !== row.ASYNCCUSTOMERCREATION || current.FILTERSHAREDCUSTOMERDATATABLES !== row.FILTERSHAREDCUSTOMERDATATABLES) {
          const served = this.cacheExpired(String(current.DOWNLOADEDAT)) ? current.ASYNCCUSTOMERCREATION : current.PREVASYNCCUSTOMERCREATION;
          const downloadedAt = current.ASYNCCUSTOMERCREATION !== row.ASYNCCUSTOMERCREATION ? now : current.DOWNLOADEDAT;
          this.run(
            db,
            'UPDATE CHANNELPROFILE SET ASYNCCUSTOMERCREATION = ?, PREVASYNCCUSTOMERCREATION = ?, FILTERSHAREDCUSTOMERDATATABLES = ?, DOWNLOADEDAT = ? WHERE CHANNELID = ?',
            [row.ASYNCCUSTOMERCREATION, served, row.FILTERSHAREDCUSTOMERDATATABLES, downloadedAt, row.CHANNELID],
          );
          moved++;
        }
      }
    } else {
      moved = this.downloadCustomers(db, channelDatabase);
    }
    const seq = this.nextSeq();
    this.run(this.hq, 'INSERT INTO RETAILCDXJOBRUN (SEQ, JOBID, CHANNELDATABASE, RUNAT, ROWSMOVED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      seq,
      jobId,
      channelDatabase,
      now,
      moved,
      options.initial ? 'start' : (origin ?? null),
    ]);
    if (!options.initial) {
      this.log('action', 'jobRan', { job: jobId, channelDatabase, rows: String(moved) }, origin);
    }
    return moved;
  }

  /** Job 1010: customers changed in HQ since the last run, with the real account ids of converted async customers. */
  private downloadCustomers(db: Database, channelDatabase: string): number {
    const last = this.one(this.hq, 'SELECT MAX(SEQ) AS SEQ FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ?', [channelDatabase, '1010']);
    const since = Number(last?.SEQ ?? 0);
    const changed = this.all(
      this.hq,
      'SELECT ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, CHANNEL, ORIGIN FROM CUSTTABLE WHERE MODIFIEDSEQ > ? ORDER BY MODIFIEDSEQ',
      [since],
    );
    for (const customer of changed) {
      if (customer.ASYNCCUSTOMERID !== null) {
        // The converted async customer: its temporary id is replaced by the real account number.
        this.run(db, 'DELETE FROM CUSTOMER WHERE ACCOUNTNUM = ?', [customer.ASYNCCUSTOMERID]);
      }
      this.run(
        db,
        `INSERT INTO CUSTOMER (ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)
         ON CONFLICT(ACCOUNTNUM) DO UPDATE SET ASYNCCUSTOMERID = excluded.ASYNCCUSTOMERID, FIRSTNAME = excluded.FIRSTNAME, LASTNAME = excluded.LASTNAME,
           EMAIL = excluded.EMAIL, PHONE = excluded.PHONE, PENDINGSYNC = 0`,
        [customer.ACCOUNTNUM, customer.ASYNCCUSTOMERID, customer.FIRSTNAME, customer.LASTNAME, customer.EMAIL, customer.PHONE, customer.CHANNEL, customer.ORIGIN],
      );
    }
    return changed.length;
  }

  /** The P-job: async records not yet uploaded move to the HQ staging tables. */
  private runUpload(channelDatabase: string, origin: string | undefined): number {
    const db = this.channelDb(channelDatabase);
    const now = formatInstant(this.clock);
    let moved = 0;
    this.hq.exec('BEGIN');
    try {
      for (const table of ASYNC_TABLES) {
        const rows = this.all(db, `SELECT * FROM ${table} WHERE UPLOADED = 0 ORDER BY RECID`, []);
        for (const row of rows) {
          const { UPLOADED: _u, UPLOADEDAT: _a, RECID: _r, ...columns } = row;
          const names = Object.keys(columns);
          this.run(
            this.hq,
            `INSERT INTO ${table} (${names.join(', ')}, ONLINEOPERATIONCOMPLETED, UPLOADEDAT) VALUES (${names.map(() => '?').join(', ')}, 0, ?)`,
            [...names.map((n) => columns[n]), now],
          );
        }
        moved += rows.length;
        this.run(db, `UPDATE ${table} SET UPLOADED = 1, UPLOADEDAT = ? WHERE UPLOADED = 0`, [now]);
      }
      const operations = this.all(
        this.hq,
        `SELECT OPERATIONID, MIN(OPERATIONTYPE) AS OPERATIONTYPE, MIN(ASYNCCUSTOMERID) AS ASYNCCUSTOMERID, MIN(ACCOUNTNUM) AS ACCOUNTNUM, MIN(CHANNEL) AS CHANNEL, MIN(ORIGIN) AS ORIGIN
         FROM (SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADEDAT = ?
               UNION ALL SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM RETAILASYNCADDRESSV2 WHERE UPLOADEDAT = ?)
         WHERE OPERATIONID NOT IN (SELECT OPERATIONID FROM RETAILASYNCOPERATIONSTATUS)
         GROUP BY OPERATIONID ORDER BY OPERATIONID`,
        [now, now],
      );
      for (const op of operations) {
        this.run(
          this.hq,
          `INSERT INTO RETAILASYNCOPERATIONSTATUS (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, CHANNELDATABASE, STATUS, ATTEMPTS, UPLOADEDAT, ORIGIN)
           VALUES (?, ?, ?, ?, ?, ?, 'Pending', 0, ?, ?)`,
          [op.OPERATIONID, op.OPERATIONTYPE, op.ASYNCCUSTOMERID, op.ACCOUNTNUM, op.CHANNEL, channelDatabase, now, op.ORIGIN],
        );
      }
      this.hq.exec('COMMIT');
    } catch (error) {
      this.hq.exec('ROLLBACK');
      throw error;
    }
    const seq = this.nextSeq();
    this.run(this.hq, 'INSERT INTO RETAILCDXJOBRUN (SEQ, JOBID, CHANNELDATABASE, RUNAT, ROWSMOVED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      seq,
      'P-0001',
      channelDatabase,
      now,
      moved,
      origin ?? null,
    ]);
    this.log('action', 'jobRan', { job: 'P-0001', channelDatabase, rows: String(moved) }, origin);
    return moved;
  }

  // ---- the batch job -----------------------------------------------------------------

  /** Synchronize customers and channel requests: processes every pending staged operation in order. */
  runSynchronizeBatch(origin?: string): Outcome {
    const pending = this.all(this.hq, "SELECT OPERATIONID FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending' ORDER BY OPERATIONID", []);
    let failed = 0;
    this.hq.exec('BEGIN');
    try {
      for (const op of pending) {
        if (!this.processOperation(String(op.OPERATIONID))) {
          failed++;
        }
      }
      const seq = this.nextSeq();
      this.run(this.hq, 'INSERT INTO BATCHJOBRUN (SEQ, JOBID, RUNAT, PROCESSED, FAILED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
        seq,
        'SynchronizeCustomersAndChannelRequests',
        formatInstant(this.clock),
        pending.length,
        failed,
        origin ?? null,
      ]);
      this.hq.exec('COMMIT');
    } catch (error) {
      this.hq.exec('ROLLBACK');
      throw error;
    }
    this.log('action', 'batchRan', { processed: String(pending.length), failed: String(failed) }, origin);
    return { ok: true, summary: `Synchronize customers and channel requests processed ${pending.length} operations, ${failed} failed` };
  }

  /** Processes one staged operation as HQ would; true when it succeeded. */
  private processOperation(operationId: string): boolean {
    const status = this.one(this.hq, 'SELECT OPERATIONTYPE, ASYNCCUSTOMERID FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId])!;
    const customerRow = this.one(this.hq, 'SELECT * FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [operationId]);
    const addresses = this.all(this.hq, 'SELECT * FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ? ORDER BY RECID', [operationId]);
    const problems: { field: EditableField; reason: string }[] = [];
    const type = String(status.OPERATIONTYPE) as OperationType;
    const asyncId = String(status.ASYNCCUSTOMERID);
    let accountNum: string | undefined;

    if (type !== 'CustomerCreate') {
      const existing = this.one(this.hq, 'SELECT ACCOUNTNUM FROM CUSTTABLE WHERE ASYNCCUSTOMERID = ? OR ACCOUNTNUM = ?', [asyncId, asyncId]);
      if (!existing) {
        return this.failOperation(operationId, [], `The customer ${asyncId} has not been synchronized to HQ yet; synchronize its creation first.`);
      }
      accountNum = String(existing.ACCOUNTNUM);
    }
    if (customerRow) {
      if (type === 'CustomerCreate' && isBlank(customerRow.FIRSTNAME) && isBlank(customerRow.LASTNAME)) {
        problems.push({ field: 'lastName', reason: 'A name is required: first name and last name are both empty.' });
      }
      if (!isBlank(customerRow.EMAIL) && !EMAIL_PATTERN.test(String(customerRow.EMAIL))) {
        problems.push({ field: 'email', reason: `The email address '${customerRow.EMAIL}' is not valid.` });
      }
      if (!isBlank(customerRow.CUSTGROUP) && !KNOWN_CUSTOMER_GROUPS.includes(String(customerRow.CUSTGROUP))) {
        problems.push({ field: 'customerGroup', reason: `The customer group '${customerRow.CUSTGROUP}' does not exist.` });
      }
    }
    for (const address of addresses) {
      if (!KNOWN_COUNTRY_REGIONS.includes(String(address.COUNTRYREGIONID ?? ''))) {
        problems.push({ field: 'countryRegion', reason: `The country/region '${address.COUNTRYREGIONID ?? ''}' does not exist.` });
      }
    }
    if (problems.length > 0) {
      return this.failOperation(
        operationId,
        problems.map((p) => p.field),
        problems.map((p) => p.reason).join(' '),
      );
    }

    const seq = this.nextSeq();
    if (type === 'CustomerCreate' && customerRow) {
      accountNum = this.nextAccountNumber();
      this.run(
        this.hq,
        `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT, CREATEDBY, CHANNEL, ASYNCCUSTOMERID, CREATEDSEQ, MODIFIEDSEQ, ORIGIN)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'AsyncSynchronization', ?, ?, ?, ?, ?)`,
        [
          accountNum,
          customerRow.FIRSTNAME,
          customerRow.LASTNAME,
          customerRow.EMAIL,
          customerRow.PHONE,
          customerRow.TITLE,
          isBlank(customerRow.CUSTGROUP) ? DEFAULT_CUSTOMER_GROUP : customerRow.CUSTGROUP,
          formatInstant(this.clock),
          customerRow.CHANNEL,
          asyncId,
          seq,
          seq,
          customerRow.ORIGIN,
        ],
      );
    } else if (type === 'CustomerUpdate' && customerRow) {
      this.run(
        this.hq,
        `UPDATE CUSTTABLE SET FIRSTNAME = COALESCE(?, FIRSTNAME), LASTNAME = COALESCE(?, LASTNAME), EMAIL = COALESCE(?, EMAIL), PHONE = COALESCE(?, PHONE),
           TITLE = COALESCE(?, TITLE), CUSTGROUP = COALESCE(?, CUSTGROUP), MODIFIEDSEQ = ? WHERE ACCOUNTNUM = ?`,
        [customerRow.FIRSTNAME, customerRow.LASTNAME, customerRow.EMAIL, customerRow.PHONE, customerRow.TITLE, customerRow.CUSTGROUP, seq, accountNum!],
      );
    }
    for (const address of addresses) {
      this.run(this.hq, 'INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
        accountNum!,
        address.STREET,
        address.CITY,
        address.ZIPCODE,
        address.COUNTRYREGIONID,
        address.ORIGIN,
      ]);
    }
    for (const table of ASYNC_TABLES) {
      const setAccount = table === 'RETAILASYNCCUSTOMERV2' || table === 'RETAILASYNCADDRESSV2' ? ', ACCOUNTNUM = ?' : '';
      this.run(this.hq, `UPDATE ${table} SET ONLINEOPERATIONCOMPLETED = 1${setAccount} WHERE OPERATIONID = ?`, setAccount ? [accountNum!, operationId] : [operationId]);
    }
    this.run(
      this.hq,
      "UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Succeeded', FAILUREREASON = NULL, FAILEDFIELDS = NULL, ACCOUNTNUM = ?, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT = ? WHERE OPERATIONID = ?",
      [accountNum!, formatInstant(this.clock), operationId],
    );
    return true;
  }

  private failOperation(operationId: string, fields: EditableField[], reason: string): false {
    this.run(
      this.hq,
      "UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Failed', FAILUREREASON = ?, FAILEDFIELDS = ?, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT = ? WHERE OPERATIONID = ?",
      [reason, fields.join(','), formatInstant(this.clock), operationId],
    );
    return false;
  }

  private nextAccountNumber(): string {
    const row = this.one(this.hq, 'SELECT NEXTREC FROM NUMBERSEQUENCE WHERE NAME = ?', [CUSTOMER_SEQUENCE])!;
    const next = Number(row.NEXTREC);
    this.run(this.hq, 'UPDATE NUMBERSEQUENCE SET NEXTREC = ? WHERE NAME = ?', [next + 1, CUSTOMER_SEQUENCE]);
    return String(next);
  }

  // ---- the Customer synchronization status page --------------------------------------

  /** Sets fields of a failed operation, as Edit and Save on the Customer synchronization status page. */
  editFailedOperation(operationId: string, changes: Readonly<Partial<Record<EditableField, string | null>>>, origin?: string): Outcome {
    const status = this.one(this.hq, 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId]);
    if (!status) {
      return this.refuse('unknownOperation', { operation: operationId }, origin);
    }
    if (status.STATUS !== 'Failed') {
      return this.refuse('operationNotFailed', { operation: operationId, status: String(status.STATUS) }, origin);
    }
    for (const [field, value] of Object.entries(changes) as [EditableField, string | null][]) {
      const { table, column } = EDITABLE_FIELDS[field];
      const present = this.one(this.hq, `SELECT COUNT(*) AS N FROM ${table} WHERE OPERATIONID = ?`, [operationId]);
      if (Number(present?.N) === 0) {
        return this.refuse('fieldNotInOperation', { operation: operationId, field }, origin);
      }
      this.run(this.hq, `UPDATE ${table} SET ${column} = ? WHERE OPERATIONID = ?`, [value, operationId]);
    }
    this.run(this.hq, 'UPDATE RETAILASYNCOPERATIONSTATUS SET EDITORIGIN = ? WHERE OPERATIONID = ?', [origin ?? null, operationId]);
    this.log('action', 'operationEdited', { operation: operationId, fields: Object.keys(changes).join(',') }, origin);
    return { ok: true, summary: `Operation ${operationId} edited` };
  }

  /** Synchronize on the Customer synchronization status page: processes a failed operation again now. */
  resync(operationId: string, origin?: string): Outcome {
    const status = this.one(this.hq, 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId]);
    if (!status) {
      return this.refuse('unknownOperation', { operation: operationId }, origin);
    }
    if (status.STATUS !== 'Failed') {
      return this.refuse('operationNotFailed', { operation: operationId, status: String(status.STATUS) }, origin);
    }
    const ok = this.processOperation(operationId);
    this.log('action', 'operationResynchronized', { operation: operationId, result: ok ? 'Succeeded' : 'Failed' }, origin);
    return { ok: true, summary: `Operation ${operationId} ${ok ? 'synchronized' : 'failed again'}` };
  }

  // ---- the channel: POS and e-commerce -----------------------------------------------

  createCustomer(input: CustomerInput, origin?: string): Outcome {
    const channel = this.channels.get(input.channel);
    if (!channel) {
      return this.refuse('unknownChannel', { channel: input.channel }, origin);
    }
    if (input.offline && this.channelFiltersSharedTables(channel.id)) {
      return this.refuse('offlineCreationFiltered', { channel: channel.id, channelDatabase: channel.channelDatabase }, origin);
    }
    const realtime = !input.offline && !input.realtimeCallFails && !this.channelSeesAsyncCreation(channel.id);
    if (realtime) {
      const accountNum = this.insertRealtimeCustomer(channel, input, origin);
      this.rememberCustomer(input, accountNum);
      this.log('action', 'customerCreatedRealtime', { channel: channel.id, account: accountNum }, origin);
      return { ok: true, summary: `Customer ${accountNum} created in HQ by a real-time call`, key: accountNum };
    }
    const { asyncId, operationId } = this.insertAsyncCustomer(channel, input, origin);
    this.rememberCustomer(input, asyncId);
    const why = input.offline ? 'offline' : input.realtimeCallFails ? 'realtimeCallFailed' : 'asyncMode';
    this.log('action', 'customerCreatedAsync', { channel: channel.id, customer: asyncId, operation: operationId, why }, origin);
    return { ok: true, summary: `Customer created asynchronously at ${channel.id} with temporary id ${asyncId} (Pending sync)`, key: asyncId };
  }

  /** A real-time service call: HQ creates the customer at once and answers with its account number. */
  private insertRealtimeCustomer(channel: ChannelConfig, input: CustomerInput, origin: string | undefined): string {
    const db = this.channelDb(channel.channelDatabase);
    const now = formatInstant(this.clock);
    const seq = this.nextSeq();
    const accountNum = this.nextAccountNumber();
    this.run(
      this.hq,
      `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT, CREATEDBY, CHANNEL, ASYNCCUSTOMERID, CREATEDSEQ, MODIFIEDSEQ, ORIGIN)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RealtimeService', ?, NULL, ?, ?, ?)`,
      [accountNum, input.firstName ?? null, input.lastName ?? null, input.email ?? null, input.phone ?? null, input.title ?? null, input.customerGroup ?? DEFAULT_CUSTOMER_GROUP, now, channel.id, seq, seq, origin ?? null],
    );
    if (input.address) {
      this.run(this.hq, 'INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
        accountNum,
        input.address.street ?? null,
        input.address.city ?? null,
        input.address.zip ?? null,
        input.address.countryRegion ?? null,
        origin ?? null,
      ]);
    }
    this.run(db, 'INSERT INTO CUSTOMER (ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN) VALUES (?, NULL, ?, ?, ?, ?, 0, ?, ?)', [
      accountNum,
      input.firstName ?? null,
      input.lastName ?? null,
      input.email ?? null,
      input.phone ?? null,
      channel.id,
      origin ?? null,
    ]);
    this.recordRealtimeCall(channel, 'CreateCustomer', accountNum, origin);
    return accountNum;
  }

  /** Asynchronous creation: the customer waits in the channel database with a temporary id ("Pending sync"). */
  private insertAsyncCustomer(channel: ChannelConfig, input: CustomerInput, origin: string | undefined): { asyncId: string; operationId: string } {
    const db = this.channelDb(channel.channelDatabase);
    const now = formatInstant(this.clock);
    const asyncId = this.nextAsyncCustomerId();
    const operationId = this.nextOperationId();
    const enhanced = this.channelSeesFeature(channel.channelDatabase, 'EnhancedAsyncCustomerCreation');
    this.run(
      db,
      `INSERT INTO RETAILASYNCCUSTOMERV2 (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT, ORIGIN)
       VALUES (?, 'CustomerCreate', ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [operationId, asyncId, channel.id, input.firstName ?? null, input.lastName ?? null, input.email ?? null, input.phone ?? null, enhanced ? (input.title ?? null) : null, input.customerGroup ?? null, now, origin ?? null],
    );
    if (input.address) {
      this.insertAsyncAddress(db, operationId, 'CustomerCreate', asyncId, null, channel.id, input.address, origin);
    }
    if (enhanced) {
      for (const [type, locator] of [['Email', input.secondaryEmail], ['Phone', input.secondaryPhone]] as const) {
        if (locator) {
          this.run(db, 'INSERT INTO RETAILASYNCCUSTOMERCONTACT (OPERATIONID, ASYNCCUSTOMERID, CHANNEL, TYPE, LOCATOR, CREATEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
            operationId, asyncId, channel.id, type, locator, now, origin ?? null,
          ]);
        }
      }
      for (const affiliation of input.affiliations ?? []) {
        this.run(db, 'INSERT INTO RETAILASYNCCUSTOMERAFFILIATION (OPERATIONID, ASYNCCUSTOMERID, CHANNEL, AFFILIATION, CREATEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
          operationId, asyncId, channel.id, affiliation, now, origin ?? null,
        ]);
      }
    } else if (input.title || input.secondaryEmail || input.secondaryPhone || (input.affiliations?.length ?? 0) > 0) {
      // Without enhanced creation the channel does not capture these fields (DOMAIN: enhanced creation).
      this.log('note', 'enhancedFieldsDropped', { channel: channel.id, customer: asyncId }, origin);
    }
    for (const [name, value] of Object.entries(input.attributes ?? {})) {
      this.run(db, 'INSERT INTO RETAILASYNCCUSTOMERATTRIBUTEV2 (OPERATIONID, ASYNCCUSTOMERID, CHANNEL, NAME, VALUE, CREATEDAT, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        operationId, asyncId, channel.id, name, value, now, origin ?? null,
      ]);
    }
    this.run(db, 'INSERT INTO CUSTOMER (ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)', [
      asyncId,
      asyncId,
      input.firstName ?? null,
      input.lastName ?? null,
      input.email ?? null,
      input.phone ?? null,
      channel.id,
      origin ?? null,
    ]);
    return { asyncId, operationId };
  }
  editCustomer(input: CustomerEditInput, origin?: string): Outcome {
    const channel = this.channels.get(input.channel);
    if (!channel) {
      return this.refuse('unknownChannel', { channel: input.channel }, origin);
    }
    const db = this.channelDb(channel.channelDatabase);
    const customer = this.findChannelCustomer(db, input.customer);
    if (!customer) {
      return this.refuse('unknownCustomer', { customer: input.customer, channel: channel.id, channelDatabase: channel.channelDatabase }, origin);
    }
    const asyncEdit = this.channelSeesAsyncCreation(channel.id) && this.channelSeesFeature(channel.channelDatabase, 'AsyncCustomerEditing');
    const pending = customer.PENDINGSYNC === 1;
    if (!asyncEdit && (pending || input.offline)) {
      return this.refuse(pending ? 'pendingCustomerNeedsAsyncEditing' : 'offlineNeedsAsync', { customer: input.customer, channel: channel.id }, origin);
    }
    const changes = input.changes;
    const accountKey = String(customer.ACCOUNTNUM);
    // The channel's own copy changes at once in both modes.
    for (const [field, value] of Object.entries(changes) as [EditableField, string][]) {
      const { table, column } = EDITABLE_FIELDS[field];
      if (table === 'RETAILASYNCCUSTOMERV2' && ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'PHONE'].includes(column)) {
        this.run(db, `UPDATE CUSTOMER SET ${column} = ? WHERE ACCOUNTNUM = ?`, [value, accountKey]);
      }
    }
    if (asyncEdit) {
      const operationId = this.nextOperationId();
      const asyncId = customer.ASYNCCUSTOMERID === null ? accountKey : String(customer.ASYNCCUSTOMERID);
      this.run(
        db,
        `INSERT INTO RETAILASYNCCUSTOMERV2 (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT, ORIGIN)
         VALUES (?, 'CustomerUpdate', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          operationId,
          asyncId,
          pending ? null : accountKey,
          channel.id,
          changes.firstName ?? null,
          changes.lastName ?? null,
          changes.email ?? null,
          changes.phone ?? null,
          changes.title ?? null,
          changes.customerGroup ?? null,
          formatInstant(this.clock),
          origin ?? null,
        ],
      );
      this.log('action', 'customerEditedAsync', { channel: channel.id, customer: asyncId, operation: operationId }, origin);
      return { ok: true, summary: `Customer ${asyncId} edited asynchronously at ${channel.id}`, key: asyncId };
    }
    const seq = this.nextSeq();
    this.run(
      this.hq,
      `UPDATE CUSTTABLE SET FIRSTNAME = COALESCE(?, FIRSTNAME), LASTNAME = COALESCE(?, LASTNAME), EMAIL = COALESCE(?, EMAIL), PHONE = COALESCE(?, PHONE),
         TITLE = COALESCE(?, TITLE), CUSTGROUP = COALESCE(?, CUSTGROUP), MODIFIEDSEQ = ? WHERE ACCOUNTNUM = ?`,
      [changes.firstName ?? null, changes.lastName ?? null, changes.email ?? null, changes.phone ?? null, changes.title ?? null, changes.customerGroup ?? null, seq, accountKey],
    );
    this.recordRealtimeCall(channel, 'UpdateCustomer', accountKey, origin);
    this.log('action', 'customerEditedRealtime', { channel: channel.id, account: accountKey }, origin);
    return { ok: true, summary: `Customer ${accountKey} edited in HQ by a real-time call`, key: accountKey };
  }

  createAddress(input: AddressCreateInput, origin?: string): Outcome {
    const channel = this.channels.get(input.channel);
    if (!channel) {
      return this.refuse('unknownChannel', { channel: input.channel }, origin);
    }
    const db = this.channelDb(channel.channelDatabase);
    const customer = this.findChannelCustomer(db, input.customer);
    if (!customer) {
      return this.refuse('unknownCustomer', { customer: input.customer, channel: channel.id, channelDatabase: channel.channelDatabase }, origin);
    }
    const asyncAddress = this.channelSeesAsyncCreation(channel.id) && this.channelSeesFeature(channel.channelDatabase, 'AsyncCustomerAddressCreation');
    const pending = customer.PENDINGSYNC === 1;
    if (!asyncAddress && (pending || input.offline)) {
      return this.refuse(pending ? 'pendingCustomerNeedsAsyncAddress' : 'offlineNeedsAsync', { customer: input.customer, channel: channel.id }, origin);
    }
    const accountKey = String(customer.ACCOUNTNUM);
    if (asyncAddress) {
      const operationId = this.nextOperationId();
      const asyncId = customer.ASYNCCUSTOMERID === null ? accountKey : String(customer.ASYNCCUSTOMERID);
      this.insertAsyncAddress(db, operationId, 'AddressCreate', asyncId, pending ? null : accountKey, channel.id, input.address, origin);
      this.log('action', 'addressCreatedAsync', { channel: channel.id, customer: asyncId, operation: operationId }, origin);
      return { ok: true, summary: `Address created asynchronously for ${asyncId} at ${channel.id}`, key: asyncId };
    }
    this.run(this.hq, 'INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      accountKey,
      input.address.street ?? null,
      input.address.city ?? null,
      input.address.zip ?? null,
      input.address.countryRegion ?? null,
      origin ?? null,
    ]);
    this.recordRealtimeCall(channel, 'CreateAddress', accountKey, origin);
    this.log('action', 'addressCreatedRealtime', { channel: channel.id, account: accountKey }, origin);
    return { ok: true, summary: `Address created in HQ by a real-time call for ${accountKey}`, key: accountKey };
  }

  private insertAsyncAddress(
    db: Database,
    operationId: string,
    operationType: OperationType,
    asyncId: string,
    accountNum: string | null,
    channelId: string,
    address: AddressInput,
    origin: string | undefined,
  ): void {
    this.run(
      db,
      `INSERT INTO RETAILASYNCADDRESSV2 (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, STREET, CITY, ZIPCODE, COUNTRYREGIONID, CREATEDAT, ORIGIN)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [operationId, operationType, asyncId, accountNum, channelId, address.street ?? null, address.city ?? null, address.zip ?? null, address.countryRegion ?? null, formatInstant(this.clock), origin ?? null],
    );
  }

  private recordRealtimeCall(channel: ChannelConfig, operation: string, accountNum: string, origin: string | undefined): void {
    this.run(this.hq, 'INSERT INTO RETAILTRANSACTIONSERVICECALL (SEQ, CALLEDAT, CHANNEL, CHANNELDATABASE, OPERATION, ACCOUNTNUM, ORIGIN) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      this.nextSeq(),
      formatInstant(this.clock),
      channel.id,
      channel.channelDatabase,
      operation,
      accountNum,
      origin ?? null,
    ]);
  }

  /**
   * Creates many generated customers at once, round-robin over the channels: the compact way a
   * scenario describes volume. Each goes the way its channel works now, like createCustomer.
   */
  generateCustomers(input: { count: number; channels: readonly string[]; countryRegion: string; offline: boolean }, origin?: string): Outcome {
    const channels = input.channels.map((id) => this.channels.get(id));
    const unknown = input.channels.find((id) => !this.channels.has(id));
    if (unknown !== undefined) {
      return this.refuse('unknownChannel', { channel: unknown }, origin);
    }
    const touched = new Set<Database>([this.hq]);
    for (const channel of channels) {
      touched.add(this.channelDb(channel!.channelDatabase));
    }
    for (const db of touched) {
      db.exec('BEGIN');
    }
    let asyncCount = 0;
    try {
      const modes = channels.map((channel) => ({
        channel: channel!,
        async: input.offline || this.channelSeesAsyncCreation(channel!.id),
        blocked: input.offline && this.channelFiltersSharedTables(channel!.id),
      }));
      for (let i = 0; i < input.count; i++) {
        const mode = modes[i % modes.length];
        if (mode.blocked) {
          continue;
        }
        this.generatedCounter++;
        const n = String(this.generatedCounter).padStart(7, '0');
        const customer: CustomerInput = {
          channel: mode.channel.id,
          firstName: 'Customer',
          lastName: n,
          email: `customer${n}@example.com`,
          address: { street: `${n} Main Street`, city: 'Springfield', zip: String(10000 + (i % 90000)), countryRegion: input.countryRegion },
          offline: input.offline,
        };
        if (mode.async) {
          this.insertAsyncCustomer(mode.channel, customer, origin);
          asyncCount++;
        } else {
          this.insertRealtimeCustomer(mode.channel, customer, origin);
        }
      }
      for (const db of touched) {
        db.exec('COMMIT');
      }
    } catch (error) {
      for (const db of touched) {
        db.exec('ROLLBACK');
      }
      throw error;
    }
    this.log('action', 'customersGenerated', { count: String(input.count), async: String(asyncCount) }, origin);
    return { ok: true, summary: `${input.count} customers generated, ${asyncCount} asynchronously` };
  }

  /** An operation id as written in a scenario, or the latest failed operation of a customer reference. */
  resolveOperation(reference: string): string {
    const trimmed = reference.trim();
    if (/^ASYNC-\d+$/i.test(trimmed)) {
      return trimmed.toUpperCase();
    }
    const key = this.resolveCustomer(trimmed) ?? trimmed;
    const row = this.one(
      this.hq,
      "SELECT OPERATIONID FROM RETAILASYNCOPERATIONSTATUS WHERE ASYNCCUSTOMERID = ? OR ACCOUNTNUM = ? ORDER BY STATUS = 'Failed' DESC, OPERATIONID DESC LIMIT 1",
      [key, key],
    );
    return row ? String(row.OPERATIONID) : trimmed;
  }

  // ---- customers as a scenario refers to them ----------------------------------------

  private rememberCustomer(input: CustomerInput, key: string): void {
    for (const ref of customerRefsOf(input)) {
      this.customerRefs.set(ref, key);
    }
  }

  /** The channel's customer row for a reference: email, "First Last", temporary id or account number. */
  private findChannelCustomer(db: Database, reference: string): Row | undefined {
    const key = this.customerRefs.get(reference.trim().toLowerCase()) ?? reference;
    // A converted customer keeps its temporary id in ASYNCCUSTOMERID once job 1010 brought its account number.
    return this.one(db, 'SELECT * FROM CUSTOMER WHERE ACCOUNTNUM = ? OR ASYNCCUSTOMERID = ?', [key, key]);
  }

  /** The async customer id or account number a scenario reference resolves to, if any. */
  resolveCustomer(reference: string): string | undefined {
    return this.customerRefs.get(reference.trim().toLowerCase());
  }

  private nextAsyncCustomerId(): string {
    this.customerCounter++;
    return deterministicGuid(this.customerCounter);
  }

  private nextOperationId(): string {
    this.operationCounter++;
    return `ASYNC-${String(this.operationCounter).padStart(6, '0')}`;
  }

  // ---- reading the simulation --------------------------------------------------------

  channelDb(name: string): Database {
    const db = this.channelDatabases.get(name);
    if (!db) {
      throw new Error(`No channel database ${name}`);
    }
    return db;
  }

  /** A database by its name in evidence: 'HQ' or a channel database. */
  database(name: string): Database {
    return name === 'HQ' ? this.hq : this.channelDb(name);
  }

  all(db: Database, sql: string, params: SqlValue[]): Row[] {
    const statement = this.statement(db, sql);
    try {
      statement.bind(params);
      const rows: Row[] = [];
      while (statement.step()) {
        rows.push(statement.getAsObject() as Row);
      }
      return rows;
    } finally {
      statement.reset();
    }
  }

  one(db: Database, sql: string, params: SqlValue[]): Row | undefined {
    const statement = this.statement(db, sql);
    try {
      statement.bind(params);
      return statement.step() ? (statement.getAsObject() as Row) : undefined;
    } finally {
      statement.reset();
    }
  }

  /** Every database's bytes, for determinism checks and saving. */
  exportAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    // Exporting closes prepared statements in sql.js; drop the cache first.
    this.freeStatements();
    out.set('HQ', this.hq.export());
    for (const [name, db] of [...this.channelDatabases].sort(([a], [b]) => a.localeCompare(b))) {
      out.set(name, db.export());
    }
    return out;
  }

  private run(db: Database, sql: string, params: SqlValue[]): void {
    const statement = this.statement(db, sql);
    try {
      statement.run(params);
    } finally {
      statement.reset();
    }
  }

  private statement(db: Database, sql: string): Statement {
    let byDb = this.statements.get(db);
    if (!byDb) {
      byDb = new Map();
      this.statements.set(db, byDb);
    }
    let statement = byDb.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      byDb.set(sql, statement);
    }
    return statement;
  }

  private freeStatements(): void {
    for (const byDb of this.statements.values()) {
      for (const statement of byDb.values()) {
        statement.free();
      }
    }
    this.statements.clear();
  }

  private nextSeq(): number {
    return ++this.seq;
  }

  private refuse(code: RefusalCode, params: Record<string, string>, origin: string | undefined): Outcome {
    this.log('refused', code, params, origin);
    return { ok: false, code, params };
  }

  private log(kind: 'action' | 'refused' | 'note', code: string, detail: Record<string, string>, origin: string | undefined): void {
    this.run(this.hq, 'INSERT INTO EVENTLOG (SEQ, AT, KIND, CODE, DETAIL, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      this.nextSeq(),
      formatInstant(this.clock),
      kind,
      code,
      JSON.stringify(detail),
      origin ?? null,
    ]);
  }
}

export async function createSimulation(sql: SqlJsStatic, config: SimulationConfig): Promise<Simulation> {
  return new Simulation(sql, config);
}

function featureRank(id: FeatureId): number {
  return FEATURES.findIndex((f) => f.id === id);
}

function bit(value: boolean): number {
  return value ? 1 : 0;
}

function isBlank(value: SqlValue | undefined): boolean {
  return value === null || value === undefined || String(value).trim() === '';
}

/** The ways a scenario may refer to a customer it created: its email, "First Last". */
export function customerRefsOf(input: { firstName?: string; lastName?: string; email?: string }): string[] {
  const refs: string[] = [];
  if (input.email) {
    refs.push(input.email.trim().toLowerCase());
  }
  const name = [input.firstName, input.lastName].filter(Boolean).join(' ').trim().toLowerCase();
  if (name) {
    refs.push(name);
  }
  return refs;
}

/** A GUID-shaped temporary id that is the same on every replay (splitmix64 of a counter). */
export function deterministicGuid(counter: number): string {
  let x = BigInt(counter) * 0x9e3779b97f4a7c15n;
  const mask = (1n << 64n) - 1n;
  const mix = (v: bigint): bigint => {
    v = (v + 0x9e3779b97f4a7c15n) & mask;
    v = ((v ^ (v >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    v = ((v ^ (v >> 27n)) * 0x94d049bb133111ebn) & mask;
    return v ^ (v >> 31n);
  };
  x = mix(x & mask);
  const y = mix(x);
  const hex = (x.toString(16).padStart(16, '0') + y.toString(16).padStart(16, '0')).slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`.toUpperCase();
}
