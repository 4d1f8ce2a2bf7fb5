// The simulation of Commerce headquarters and the channel side, on sql.js: one HQ database
// and one database per channel database group. Every scenario action is one method here.
import type { SqlJsStatic } from 'sql.js';
import { FEATURES, type FeatureId, featureById } from '../domain/features';
import { type CdxJobId, type DownloadJobId, METADATA_JOBS } from '../domain/jobs';
import { ASYNC_TABLES, KNOWN_COUNTRY_REGIONS, KNOWN_CUSTOMER_GROUPS, DEFAULT_CUSTOMER_GROUP } from '../domain/tables';
import { formatInstant } from '../domain/time';
import { type Row, type SqlConnection, type SqlStatement, type SqlValue, sqlJsConnection } from './connection';
import { ASYNC_COLUMNS, CHANNEL_TABLES, channelSchema, hqSchema } from './schema';

export type { Row } from './connection';

/** A database of the simulation: HQ or a channel database, each an attached in-memory schema. */
export class DbHandle {
  constructor(
    /** 'HQ' or the channel database name, as in evidence. */
    readonly name: string,
    /** The schema alias in the connection: 'hq' or 'c1', 'c2', ... (never text from the scenario). */
    readonly schema: string,
  ) {}
}

const CHANNEL_TABLE_PATTERN = new RegExp(`(?<![.\\w'"])(${CHANNEL_TABLES.join('|')})\\b`, 'g');

/**
 * Channel-side SQL is written with plain table names; they are qualified with the schema here.
 * HQ's SQL stays plain: SQLite resolves an unqualified name to the least recently attached
 * schema that has the table, and HQ is attached before every channel database.
 */
function qualify(sql: string, handle: DbHandle): string {
  return handle.schema === HQ_SCHEMA ? sql : sql.replace(CHANNEL_TABLE_PATTERN, `${handle.schema}.$1`);
}

/**
 * HQ lives in an attached in-memory database, not in the connection's main one: sql.js keeps
 * main in its emulated file system, which costs a second copy of every page and a JS call per
 * page written.
 */
const HQ_SCHEMA = 'hq';

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

export { DEFAULT_CSU_CACHE_MS } from '../domain/time';

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

export { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES, type EditableField } from '../domain/fields';
import { EDITABLE_FIELDS, type EditableField } from '../domain/fields';

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
  | 'offlineOnlineStore'
  | 'realtimeCallRejected'
  | 'unknownOperation'
  | 'operationNotFailed'
  | 'fieldNotInOperation';

export type Outcome =
  | { readonly ok: true; readonly summary: string; readonly key?: string }
  | { readonly ok: false; readonly code: RefusalCode; readonly params: Readonly<Record<string, string>> };

const CUSTOMER_SEQUENCE = 'CustTable_AccountNum';
/** Year 9999: the last instant ISO-8601 dates in the tables can hold with four digits. */
const MAX_CLOCK_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
/** Generated customers are inserted this many per statement (per channel), with a cancellation check between. */
const GENERATE_CHUNK = 50_000;

/** Thrown out of a long action when the replay it belongs to was cancelled; the action is rolled back. */
export class SimulationCancelled extends Error {
  constructor() {
    super('The replay was cancelled.');
  }
}

/** An email HQ accepts (model): one '@', something before it, a dot inside the domain, no white space. */
const VALID_EMAIL = `(LENGTH(s.EMAIL) - LENGTH(REPLACE(s.EMAIL, '@', '')) = 1 AND INSTR(s.EMAIL, '@') > 1
  AND s.EMAIL NOT GLOB ('*[' || CHAR(32, 9, 10, 13) || ']*') AND SUBSTR(s.EMAIL, INSTR(s.EMAIL, '@') + 1) GLOB '?*.?*')`;

/**
 * HQ's validations (model) as one SELECT of (OPERATIONID, ORD, FIELD, REASON), one row per problem,
 * over customer rows aliased `s` and address rows aliased `a`: the batch job (staged rows) and a
 * real-time call (the call's values) are judged by the same rules.
 */
function validationProblems(customers: string, addresses: string): string {
  return `
SELECT s.OPERATIONID AS OPERATIONID, 1 AS ORD, 'lastName' AS FIELD, 'A name is required: first name and last name are both empty.' AS REASON
  FROM ${customers}
  WHERE s.OPERATIONTYPE = 'CustomerCreate' AND TRIM(COALESCE(s.FIRSTNAME, '')) = '' AND TRIM(COALESCE(s.LASTNAME, '')) = ''
UNION ALL
SELECT s.OPERATIONID, 2, 'email', 'The email address ''' || s.EMAIL || ''' is not valid.'
  FROM ${customers}
  WHERE TRIM(COALESCE(s.EMAIL, '')) <> '' AND NOT ${VALID_EMAIL}
UNION ALL
SELECT s.OPERATIONID, 3, 'customerGroup', 'The customer group ''' || s.CUSTGROUP || ''' does not exist.'
  FROM ${customers}
  WHERE TRIM(COALESCE(s.CUSTGROUP, '')) <> '' AND s.CUSTGROUP NOT IN (SELECT CUSTGROUP FROM CUSTGROUP)
UNION ALL
SELECT a.OPERATIONID, 4, 'countryRegion', 'The country/region ''' || COALESCE(a.COUNTRYREGIONID, '') || ''' does not exist.'
  FROM ${addresses}
  WHERE a.COUNTRYREGIONID IS NULL OR a.COUNTRYREGIONID NOT IN (SELECT COUNTRYREGIONID FROM LOGISTICSADDRESSCOUNTRYREGION)`;
}

/** The validations of the staged operations in temp.BATCHOPS, into temp.BATCHPROBLEMS. */
const VALIDATE_OPERATIONS = `INSERT INTO temp.BATCHPROBLEMS (OPERATIONID, ORD, FIELD, REASON) ${validationProblems(
  'temp.BATCHOPS b JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = b.OPERATIONID',
  'temp.BATCHOPS b JOIN RETAILASYNCADDRESSV2 a ON a.OPERATIONID = b.OPERATIONID',
)}`;

/**
 * The same validations of one real-time call. Parameters: operation type, first name, last name,
 * email, customer group, the address's country/region, and 1 when the call carries an address.
 */
const VALIDATE_REALTIME_CALL = `WITH s AS (SELECT 'RealtimeService' AS OPERATIONID, ? AS OPERATIONTYPE, ? AS FIRSTNAME, ? AS LASTNAME, ? AS EMAIL, ? AS CUSTGROUP),
  a AS (SELECT OPERATIONID, ? AS COUNTRYREGIONID FROM s WHERE ?)
SELECT * FROM (${validationProblems('s', 'a')}) ORDER BY ORD`;
const FIRST_ACCOUNT_NUMBER = 100001;

export class Simulation {
  readonly hq = new DbHandle('HQ', HQ_SCHEMA);
  readonly channelDatabases = new Map<string, DbHandle>();
  readonly channels = new Map<string, ChannelConfig>();
  private readonly conn: SqlConnection;
  private clock: number;
  private seq = 0;
  private operationCounter = 0;
  private customerCounter = 0;
  private generatedCounter = 0;
  private readonly statements = new Map<string, SqlStatement>();
  /** Customer references as a scenario writes them (email, "First Last") → the channel's customer key. */
  private readonly customerRefs = new Map<string, string>();
  /** References that more than one customer of the scenario answers to ("Ana Berg" twice). */
  private readonly ambiguousRefs = new Set<string>();
  private inTransaction = false;
  private isCancelled?: () => boolean;

  /** On sql.js (the extension, the command line), or on any connection (the benchmark's native SQLite). */
  constructor(
    engine: SqlJsStatic | SqlConnection,
    readonly config: SimulationConfig,
  ) {
    this.conn = 'prepare' in engine ? engine : sqlJsConnection(engine);
    this.clock = config.start;
    this.conn.exec(`ATTACH DATABASE ':memory:' AS ${HQ_SCHEMA}`);
    this.conn.exec(hqSchema(HQ_SCHEMA));
    this.conn.exec(`CREATE TEMP TABLE BATCHOPS (OPERATIONID TEXT PRIMARY KEY, OPERATIONTYPE TEXT NOT NULL, ASYNCCUSTOMERID TEXT NOT NULL);
      CREATE TEMP TABLE BATCHPROBLEMS (OPERATIONID TEXT NOT NULL, ORD INTEGER NOT NULL, FIELD TEXT NOT NULL, REASON TEXT NOT NULL);
      CREATE INDEX temp.BATCHPROBLEMS_BY_OPERATION ON BATCHPROBLEMS (OPERATIONID);
      CREATE TEMP TABLE BATCHSUCCEEDED (OPERATIONID TEXT PRIMARY KEY, ACCOUNTNUM TEXT NOT NULL);`);
    for (const code of KNOWN_COUNTRY_REGIONS) {
      this.run(this.hq, 'INSERT INTO LOGISTICSADDRESSCOUNTRYREGION (COUNTRYREGIONID) VALUES (?)', [code]);
    }
    for (const group of KNOWN_CUSTOMER_GROUPS) {
      this.run(this.hq, 'INSERT INTO CUSTGROUP (CUSTGROUP) VALUES (?)', [group]);
    }
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
    this.freeStatements();
    this.conn.close();
  }

  // ---- the clock ---------------------------------------------------------------------

  /** Moves the clock forward to `at`; earlier times are ignored (the scenario layer reports them). */
  setClock(at: number): void {
    if (at > this.clock) {
      this.clock = at;
    }
  }

  advance(ms: number, origin?: string): Outcome {
    // The clock stays inside the calendar JavaScript dates can show, whatever the durations add up to.
    this.clock = Math.min(this.clock + Math.max(0, ms), MAX_CLOCK_MS);
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
      const handle = new DbHandle(channel.channelDatabase, `c${this.channelDatabases.size + 1}`);
      this.conn.exec(`ATTACH DATABASE ':memory:' AS ${handle.schema}`);
      this.conn.exec(channelSchema(handle.schema));
      this.channelDatabases.set(channel.channelDatabase, handle);
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

  /**
   * A download job. Job 1010 brings customers; the channel's metadata (feature states from 1110,
   * channel settings from 1070) takes effect only once 1110, 1010 and 1070 have all run since
   * HQ's last change, as the FAQ says: until then the channel keeps its old metadata.
   */
  private runDownloadJob(jobId: DownloadJobId, channelDatabase: string, origin: string | undefined, options: { initial?: boolean } = {}): number {
    const db = this.channelDb(channelDatabase);
    const now = formatInstant(this.clock);
    let moved = jobId === '1010' ? this.downloadCustomers(db, channelDatabase) : 0;
    const seq = this.nextSeq();
    this.run(this.hq, 'INSERT INTO RETAILCDXJOBRUN (SEQ, JOBID, CHANNELDATABASE, RUNAT, ROWSMOVED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
      seq,
      jobId,
      channelDatabase,
      now,
      0,
      options.initial ? 'start' : (origin ?? null),
    ]);
    if (this.metadataJobsBehind(channelDatabase).length === 0) {
      moved += this.applyFeatures(db, now) + this.applyChannelSettings(db, channelDatabase, now);
    }
    this.run(this.hq, 'UPDATE RETAILCDXJOBRUN SET ROWSMOVED = ? WHERE SEQ = ?', [moved, seq]);
    if (!options.initial) {
      this.log('action', 'jobRan', { job: jobId, channelDatabase, rows: String(moved) }, origin);
    }
    return moved;
  }

  /**
   * The metadata jobs (1110, 1010, 1070) whose last run for the channel database came before
   * HQ's last change that concerns it, with that run's seq (0 when it never ran).
   */
  metadataJobsBehind(channelDatabase: string): { job: DownloadJobId; seq: number }[] {
    const lastChange = Number(
      this.one(this.hq, 'SELECT COALESCE(MAX(SEQ), 0) AS SEQ FROM RETAILCHANGELOG WHERE CHANNELDATABASE IS NULL OR CHANNELDATABASE = ?', [channelDatabase])?.SEQ ?? 0,
    );
    return METADATA_JOBS.map((job) => ({
      job,
      seq: Number(this.one(this.hq, 'SELECT COALESCE(MAX(SEQ), 0) AS SEQ FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ?', [channelDatabase, job])?.SEQ ?? 0),
    })).filter((run) => run.seq < lastChange);
  }

  /**
   * HQ's changes after `sinceSeq` that concern the channel database and that it has not taken
   * yet, oldest first: a change undone before the jobs ran (enabled, then disabled) is not one.
   */
  changesNotTaken(channelDatabase: string, sinceSeq: number): Row[] {
    return this.all(
      this.hq,
      'SELECT SEQ, CHANGEDAT, KIND, SUBJECT, CHANNELDATABASE, NEWVALUE, ORIGIN FROM RETAILCHANGELOG WHERE (CHANNELDATABASE IS NULL OR CHANNELDATABASE = ?) AND SEQ > ? ORDER BY SEQ',
      [channelDatabase, sinceSeq],
    ).filter((change) => this.channelDiffersFromHq(channelDatabase, change));
  }

  /** Whether what the channel database last took about a change's subject (a feature, or a channel's settings) differs from HQ now. */
  private channelDiffersFromHq(channelDatabase: string, change: Row): boolean {
    const db = this.channelDb(channelDatabase);
    if (change.KIND === 'feature') {
      const hq = this.one(this.hq, 'SELECT ENABLED FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [change.SUBJECT]);
      const taken = this.one(db, 'SELECT ENABLED FROM CHANNELFEATURE WHERE FEATUREID = ?', [change.SUBJECT]);
      return hq?.ENABLED !== taken?.ENABLED;
    }
    const hq = this.one(this.hq, 'SELECT ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM RETAILCHANNELTABLE WHERE CHANNELID = ?', [change.SUBJECT]);
    const taken = this.one(db, 'SELECT ASYNCCUSTOMERCREATION, FILTERSHAREDCUSTOMERDATATABLES FROM CHANNELPROFILE WHERE CHANNELID = ?', [change.SUBJECT]);
    return hq?.ASYNCCUSTOMERCREATION !== taken?.ASYNCCUSTOMERCREATION || hq?.FILTERSHAREDCUSTOMERDATATABLES !== taken?.FILTERSHAREDCUSTOMERDATATABLES;
  }

  /** HQ's feature states into the channel database; the CSU goes on serving the old value until its cache expires. */
  private applyFeatures(db: DbHandle, now: string): number {
    let moved = 0;
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
    return moved;
  }

  /** The functionality profile settings of the database's channels, cached like the features. */
  private applyChannelSettings(db: DbHandle, channelDatabase: string, now: string): number {
    let moved = 0;
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
    return moved;
  }

  /** Job 1010: customers changed in HQ since the last run, with the real account ids of converted async customers. */
  private downloadCustomers(db: DbHandle, channelDatabase: string): number {
    const last = this.one(this.hq, 'SELECT MAX(SEQ) AS SEQ FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ?', [channelDatabase, '1010']);
    const since = Number(last?.SEQ ?? 0);
    const changed = Number(this.one(this.hq, 'SELECT COUNT(*) AS N FROM CUSTTABLE WHERE MODIFIEDSEQ > ?', [since])?.N ?? 0);
    if (changed === 0) {
      return 0;
    }
    const ch = db.schema;
    // The converted async customer: its temporary id is replaced by the real account number.
    this.run(
      this.hq,
      `DELETE FROM ${ch}.CUSTOMER WHERE ACCOUNTNUM IN (SELECT ASYNCCUSTOMERID FROM ${HQ_SCHEMA}.CUSTTABLE WHERE MODIFIEDSEQ > ? AND ASYNCCUSTOMERID IS NOT NULL)`,
      [since],
    );
    this.run(
      this.hq,
      `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, PENDINGSYNC, CHANNEL, ORIGIN)
       SELECT ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PHONE, 0, CHANNEL, ORIGIN FROM ${HQ_SCHEMA}.CUSTTABLE WHERE MODIFIEDSEQ > ? ORDER BY MODIFIEDSEQ
       ON CONFLICT(ACCOUNTNUM) DO UPDATE SET ASYNCCUSTOMERID = excluded.ASYNCCUSTOMERID, FIRSTNAME = excluded.FIRSTNAME, LASTNAME = excluded.LASTNAME,
         EMAIL = excluded.EMAIL, PHONE = excluded.PHONE, PENDINGSYNC = 0`,
      [since],
    );
    return changed;
  }

  /** The P-job: async records not yet uploaded move to the HQ staging tables, in one transaction. */
  private runUpload(channelDatabase: string, origin: string | undefined): number {
    const ch = this.channelDb(channelDatabase).schema;
    const now = formatInstant(this.clock);
    let moved = 0;
    this.transaction(() => {
      // Every operation being uploaded gets its line on the Customer synchronization status page.
      this.run(
        this.hq,
        `INSERT INTO RETAILASYNCOPERATIONSTATUS (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, CHANNELDATABASE, STATUS, ATTEMPTS, UPLOADEDAT, ORIGIN)
         SELECT OPERATIONID, MIN(OPERATIONTYPE), MIN(ASYNCCUSTOMERID), MIN(ACCOUNTNUM), MIN(CHANNEL), ?, 'Pending', 0, ?, MIN(ORIGIN)
         FROM (SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM ${ch}.RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0
               UNION ALL SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM ${ch}.RETAILASYNCADDRESSV2 WHERE UPLOADED = 0)
         GROUP BY OPERATIONID ORDER BY OPERATIONID`,
        [channelDatabase, now],
      );
      for (const table of ASYNC_TABLES) {
        const columns = ASYNC_COLUMNS[table].filter((c) => c !== 'RECID').join(', ');
        moved += Number(this.one(this.hq, `SELECT COUNT(*) AS N FROM ${ch}.${table} WHERE UPLOADED = 0`, [])?.N ?? 0);
        this.run(
          this.hq,
          `INSERT INTO ${HQ_SCHEMA}.${table} (${columns}, ONLINEOPERATIONCOMPLETED, UPLOADEDAT) SELECT ${columns}, 0, ? FROM ${ch}.${table} WHERE UPLOADED = 0 ORDER BY RECID`,
          [now],
        );
        this.run(this.hq, `UPDATE ${ch}.${table} SET UPLOADED = 1, UPLOADEDAT = ? WHERE UPLOADED = 0`, [now]);
      }
    });
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
    let result = { processed: 0, failed: 0 };
    this.transaction(() => {
      result = this.processOperations("SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending'", []);
      const seq = this.nextSeq();
      this.run(this.hq, 'INSERT INTO BATCHJOBRUN (SEQ, JOBID, RUNAT, PROCESSED, FAILED, ORIGIN) VALUES (?, ?, ?, ?, ?, ?)', [
        seq,
        'SynchronizeCustomersAndChannelRequests',
        formatInstant(this.clock),
        result.processed,
        result.failed,
        origin ?? null,
      ]);
    });
    this.log('action', 'batchRan', { processed: String(result.processed), failed: String(result.failed) }, origin);
    return {
      ok: true,
      summary: `Synchronize customers and channel requests processed ${result.processed} operations, ${result.failed} failed`,
    };
  }

  /**
   * Processes staged operations as HQ would, in operation order: creations set-based (the bulk),
   * then edits and addresses one by one, since each needs its customer to exist already.
   */
  private processOperations(selectOperations: string, params: SqlValue[]): { processed: number; failed: number } {
    const now = formatInstant(this.clock);
    this.conn.exec('DELETE FROM temp.BATCHOPS; DELETE FROM temp.BATCHPROBLEMS; DELETE FROM temp.BATCHSUCCEEDED;');
    this.run(this.hq, `INSERT INTO temp.BATCHOPS (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID) ${selectOperations}`, params);
    const processed = Number(this.one(this.hq, 'SELECT COUNT(*) AS N FROM temp.BATCHOPS', [])?.N ?? 0);
    if (processed === 0) {
      return { processed: 0, failed: 0 };
    }
    this.run(this.hq, VALIDATE_OPERATIONS, []);

    // Creations: the valid ones become customers with the next account numbers, in operation order.
    const first = Number(this.one(this.hq, 'SELECT NEXTREC FROM NUMBERSEQUENCE WHERE NAME = ?', [CUSTOMER_SEQUENCE])!.NEXTREC);
    this.run(
      this.hq,
      `INSERT INTO temp.BATCHSUCCEEDED (OPERATIONID, ACCOUNTNUM)
       SELECT OPERATIONID, CAST(? + ROW_NUMBER() OVER (ORDER BY OPERATIONID) - 1 AS TEXT) FROM temp.BATCHOPS
       WHERE OPERATIONTYPE = 'CustomerCreate' AND OPERATIONID NOT IN (SELECT OPERATIONID FROM temp.BATCHPROBLEMS) ORDER BY OPERATIONID`,
      [first],
    );
    const created = Number(this.one(this.hq, 'SELECT COUNT(*) AS N FROM temp.BATCHSUCCEEDED', [])?.N ?? 0);
    if (created > 0) {
      const seq = this.nextSeq();
      this.run(
        this.hq,
        `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, CREATEDAT, CREATEDBY, CHANNEL, ASYNCCUSTOMERID, CREATEDSEQ, MODIFIEDSEQ, ORIGIN)
         SELECT b.ACCOUNTNUM, s.FIRSTNAME, s.LASTNAME, s.EMAIL, s.PHONE, s.TITLE,
                COALESCE(NULLIF(TRIM(s.CUSTGROUP), ''), ?), ?, 'AsyncSynchronization', s.CHANNEL, s.ASYNCCUSTOMERID, ?, ?, s.ORIGIN
         FROM temp.BATCHSUCCEEDED b JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = b.OPERATIONID ORDER BY s.OPERATIONID`,
        [DEFAULT_CUSTOMER_GROUP, now, seq, seq],
      );
      this.run(this.hq, 'UPDATE NUMBERSEQUENCE SET NEXTREC = ? WHERE NAME = ?', [first + created, CUSTOMER_SEQUENCE]);
      this.run(
        this.hq,
        `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
         SELECT b.ACCOUNTNUM, a.STREET, a.CITY, a.ZIPCODE, a.COUNTRYREGIONID, a.ORIGIN
         FROM temp.BATCHSUCCEEDED b JOIN RETAILASYNCADDRESSV2 a ON a.OPERATIONID = b.OPERATIONID
         ORDER BY a.RECID`,
        [],
      );
      this.completeSucceeded(now);
    }
    this.failWithProblems("OPERATIONTYPE = 'CustomerCreate'", now);

    // Edits and addresses, one by one in order: each needs its customer in the master first.
    const dependents = this.all(this.hq, "SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID FROM temp.BATCHOPS WHERE OPERATIONTYPE <> 'CustomerCreate' ORDER BY OPERATIONID", []);
    for (const op of dependents) {
      this.processDependent(String(op.OPERATIONID), String(op.OPERATIONTYPE) as OperationType, String(op.ASYNCCUSTOMERID), now);
    }
    const failed = Number(
      this.one(this.hq, "SELECT COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed' AND OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHOPS)", [])?.N ?? 0,
    );
    return { processed, failed };
  }

  private processDependent(operationId: string, type: OperationType, asyncId: string, now: string): void {
    const existing = this.one(this.hq, 'SELECT ACCOUNTNUM FROM CUSTTABLE WHERE ASYNCCUSTOMERID = ? OR ACCOUNTNUM = ?', [asyncId, asyncId]);
    if (!existing) {
      this.failOperation(operationId, [], `The customer ${asyncId} has not been synchronized to HQ yet; synchronize its creation first.`, now);
      return;
    }
    if (this.one(this.hq, 'SELECT 1 AS X FROM temp.BATCHPROBLEMS WHERE OPERATIONID = ?', [operationId])) {
      this.failWithProblems('OPERATIONID = ?', now, [operationId]);
      return;
    }
    const accountNum = String(existing.ACCOUNTNUM);
    const seq = this.nextSeq();
    if (type === 'CustomerUpdate') {
      this.run(
        this.hq,
        `UPDATE CUSTTABLE SET (FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP, MODIFIEDSEQ) =
           (SELECT COALESCE(s.FIRSTNAME, CUSTTABLE.FIRSTNAME), COALESCE(s.LASTNAME, CUSTTABLE.LASTNAME), COALESCE(s.EMAIL, CUSTTABLE.EMAIL),
                   COALESCE(s.PHONE, CUSTTABLE.PHONE), COALESCE(s.TITLE, CUSTTABLE.TITLE), COALESCE(s.CUSTGROUP, CUSTTABLE.CUSTGROUP), ?
            FROM RETAILASYNCCUSTOMERV2 s WHERE s.OPERATIONID = ?)
         WHERE ACCOUNTNUM = ?`,
        [seq, operationId, accountNum],
      );
    }
    this.run(
      this.hq,
      `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
       SELECT ?, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ? ORDER BY RECID`,
      [accountNum, operationId],
    );
    this.conn.exec('DELETE FROM temp.BATCHSUCCEEDED');
    this.run(this.hq, 'INSERT INTO temp.BATCHSUCCEEDED (OPERATIONID, ACCOUNTNUM) VALUES (?, ?)', [operationId, accountNum]);
    this.completeSucceeded(now);
  }

  /** Marks the operations in temp.BATCHSUCCEEDED done: OnlineOperationCompleted = 1 with the account number. */
  private completeSucceeded(now: string): void {
    for (const table of ASYNC_TABLES) {
      const setAccount = table === 'RETAILASYNCCUSTOMERV2' || table === 'RETAILASYNCADDRESSV2' ? ', ACCOUNTNUM = b.ACCOUNTNUM' : '';
      this.run(this.hq, `UPDATE ${table} SET ONLINEOPERATIONCOMPLETED = 1${setAccount} FROM temp.BATCHSUCCEEDED b WHERE ${table}.OPERATIONID = b.OPERATIONID`, []);
    }
    this.run(
      this.hq,
      `UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Succeeded', FAILUREREASON = NULL, FAILEDFIELDS = NULL, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT = ?,
         ACCOUNTNUM = b.ACCOUNTNUM
       FROM temp.BATCHSUCCEEDED b WHERE RETAILASYNCOPERATIONSTATUS.OPERATIONID = b.OPERATIONID`,
      [now],
    );
  }

  /** Fails the batch's operations that have validation problems (and match `where`), with HQ's reasons. */
  private failWithProblems(where: string, now: string, params: SqlValue[] = []): void {
    this.run(
      this.hq,
      `UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Failed',
         FAILUREREASON = (SELECT GROUP_CONCAT(p.REASON, ' ' ORDER BY p.ORD, p.ROWID) FROM temp.BATCHPROBLEMS p WHERE p.OPERATIONID = RETAILASYNCOPERATIONSTATUS.OPERATIONID),
         FAILEDFIELDS = (SELECT GROUP_CONCAT(DISTINCT p.FIELD ORDER BY p.ORD) FROM temp.BATCHPROBLEMS p WHERE p.OPERATIONID = RETAILASYNCOPERATIONSTATUS.OPERATIONID),
         ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT = ?
       WHERE OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHOPS WHERE ${where}) AND OPERATIONID IN (SELECT OPERATIONID FROM temp.BATCHPROBLEMS)`,
      [now, ...params],
    );
  }

  private failOperation(operationId: string, fields: EditableField[], reason: string, now: string): void {
    this.run(
      this.hq,
      "UPDATE RETAILASYNCOPERATIONSTATUS SET STATUS = 'Failed', FAILUREREASON = ?, FAILEDFIELDS = ?, ATTEMPTS = ATTEMPTS + 1, LASTATTEMPTAT = ? WHERE OPERATIONID = ?",
      [reason, fields.join(','), now, operationId],
    );
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
    this.processOperations('SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId]);
    const ok = this.one(this.hq, 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId])?.STATUS === 'Succeeded';
    this.log('action', 'operationResynchronized', { operation: operationId, result: ok ? 'Succeeded' : 'Failed' }, origin);
    return { ok: true, summary: `Operation ${operationId} ${ok ? 'synchronized' : 'failed again'}` };
  }

  // ---- the channel: POS and e-commerce -----------------------------------------------

  createCustomer(input: CustomerInput, origin?: string): Outcome {
    const channel = this.channels.get(input.channel);
    if (!channel) {
      return this.refuse('unknownChannel', { channel: input.channel }, origin);
    }
    if (input.offline && channel.kind === 'online') {
      return this.refuse('offlineOnlineStore', { channel: channel.id }, origin);
    }
    if (input.offline && this.channelFiltersSharedTables(channel.id)) {
      return this.refuse('offlineCreationFiltered', { channel: channel.id, channelDatabase: channel.channelDatabase }, origin);
    }
    const realtime = !input.offline && !input.realtimeCallFails && !this.channelSeesAsyncCreation(channel.id);
    if (realtime) {
      const rejected = this.rejectRealtimeCall(channel, 'CreateCustomer', input, input.address, customerDisplayName(input), origin);
      if (rejected) {
        return rejected;
      }
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
    if (input.offline && channel.kind === 'online') {
      return this.refuse('offlineOnlineStore', { channel: channel.id }, origin);
    }
    const db = this.channelDb(channel.channelDatabase);
    const customer = this.findChannelCustomer(db, input.customer, origin);
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
    const rejected = this.rejectRealtimeCall(channel, 'UpdateCustomer', changes, undefined, input.customer, origin);
    if (rejected) {
      return rejected;
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
    if (input.offline && channel.kind === 'online') {
      return this.refuse('offlineOnlineStore', { channel: channel.id }, origin);
    }
    const db = this.channelDb(channel.channelDatabase);
    const customer = this.findChannelCustomer(db, input.customer, origin);
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
    const rejected = this.rejectRealtimeCall(channel, 'CreateAddress', {}, input.address, input.customer, origin);
    if (rejected) {
      return rejected;
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
    db: DbHandle,
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

  /**
   * HQ validates a real-time call as it validates a staged operation; when it rejects the call, POS
   * shows the error and nothing is saved. Like every refusal, only the event log records it.
   */
  private rejectRealtimeCall(
    channel: ChannelConfig,
    operation: 'CreateCustomer' | 'UpdateCustomer' | 'CreateAddress',
    values: { firstName?: string | null; lastName?: string | null; email?: string | null; customerGroup?: string | null },
    address: AddressInput | undefined,
    customer: string,
    origin: string | undefined,
  ): Outcome | undefined {
    const type: OperationType = operation === 'CreateCustomer' ? 'CustomerCreate' : operation === 'UpdateCustomer' ? 'CustomerUpdate' : 'AddressCreate';
    const problems = this.all(this.hq, VALIDATE_REALTIME_CALL, [
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
    return this.refuse('realtimeCallRejected', { channel: channel.id, operation, customer, reason }, origin);
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
    const unknown = input.channels.find((id) => !this.channels.has(id));
    if (unknown !== undefined) {
      return this.refuse('unknownChannel', { channel: unknown }, origin);
    }
    const channels = input.channels.map((id) => this.channels.get(id)!);
    const onlineStore = input.offline ? channels.find((c) => c.kind === 'online') : undefined;
    if (onlineStore) {
      return this.refuse('offlineOnlineStore', { channel: onlineStore.id }, origin);
    }
    const now = formatInstant(this.clock);
    const customerBase = this.customerCounter;
    const operationBase = this.operationCounter;
    const generatedBase = this.generatedCounter;
    let asyncCount = 0;
    this.transaction(() => {
      channels.forEach((channel, k) => {
        // Customer i (1-based) goes to channel (i - 1) mod K, as a round-robin loop would send it.
        const count = input.count > k ? Math.floor((input.count - k - 1) / channels.length) + 1 : 0;
        if (count === 0 || (input.offline && this.channelFiltersSharedTables(channel.id))) {
          return;
        }
        const ch = this.channelDb(channel.channelDatabase).schema;
        const number = `printf('%07d', ${generatedBase} + i)`;
        const asynchronous = input.offline || this.channelSeesAsyncCreation(channel.id);
        // In chunks, so a newer version of the document can cancel a large replay between them.
        for (let start = 0; start < count; start += GENERATE_CHUNK) {
          this.throwIfCancelled();
          const end = Math.min(count, start + GENERATE_CHUNK);
          this.generateChunk(channel, ch, k, channels.length, start, end, asynchronous, number, { customerBase, operationBase, now, countryRegion: input.countryRegion, origin });
          if (asynchronous) {
            asyncCount += end - start;
          }
        }
      });
    });
    this.customerCounter += input.count;
    this.operationCounter += input.count;
    this.generatedCounter += input.count;
    this.log('action', 'customersGenerated', { count: String(input.count), async: String(asyncCount) }, origin);
    return { ok: true, summary: `${input.count} customers generated, ${asyncCount} asynchronously` };
  }

  /** Generated customers j in [start, end) of channel k of `channelCount`: customer i = k + 1 + j * channelCount. */
  private generateChunk(
    channel: ChannelConfig,
    ch: string,
    k: number,
    channelCount: number,
    start: number,
    end: number,
    asynchronous: boolean,
    number: string,
    context: { customerBase: number; operationBase: number; now: string; countryRegion: string; origin?: string },
  ): void {
    const { customerBase, operationBase, now, countryRegion, origin } = context;
    const params = [start, end, k + 1, channelCount];
    const sequence = 'WITH RECURSIVE seq(j) AS (SELECT ? UNION ALL SELECT j + 1 FROM seq WHERE j + 1 < ?), gen(i) AS (SELECT ? + j * ? FROM seq)';
    if (asynchronous) {
      const guid = sqlGuid(`(${customerBase} + i)`);
      const operation = `'ASYNC-' || printf('%06d', ${operationBase} + i)`;
      this.run(
        this.hq,
        `INSERT INTO ${ch}.RETAILASYNCCUSTOMERV2 (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, CHANNEL, FIRSTNAME, LASTNAME, EMAIL, CREATEDAT, ORIGIN)
         ${sequence} SELECT ${operation}, 'CustomerCreate', ${guid}, ?, 'Customer', ${number}, 'customer' || ${number} || '@example.com', ?, ? FROM gen`,
        [...params, channel.id, now, origin ?? null],
      );
      this.run(
        this.hq,
        `INSERT INTO ${ch}.RETAILASYNCADDRESSV2 (OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, CHANNEL, STREET, CITY, ZIPCODE, COUNTRYREGIONID, CREATEDAT, ORIGIN)
         ${sequence} SELECT ${operation}, 'CustomerCreate', ${guid}, ?, ${number} || ' Main Street', 'Springfield', CAST(10000 + (i - 1) % 90000 AS TEXT), ?, ?, ? FROM gen`,
        [...params, channel.id, countryRegion, now, origin ?? null],
      );
      this.run(
        this.hq,
        `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL, ORIGIN)
         ${sequence} SELECT ${guid}, ${guid}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', 1, ?, ? FROM gen`,
        [...params, channel.id, origin ?? null],
      );
      return;
    }
    // Real-time calls: HQ answers each with the next account number.
    const first = Number(this.one(this.hq, 'SELECT NEXTREC FROM NUMBERSEQUENCE WHERE NAME = ?', [CUSTOMER_SEQUENCE])!.NEXTREC);
    const seq = this.seq + 1;
    this.seq += end - start;
    // j - start counts from 0 in this chunk.
    const account = `CAST(? + (i - ?) / ? AS TEXT)`;
    const accountParams = [first - start, k + 1, channelCount];
    this.run(
      this.hq,
      `INSERT INTO CUSTTABLE (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, CUSTGROUP, CREATEDAT, CREATEDBY, CHANNEL, CREATEDSEQ, MODIFIEDSEQ, ORIGIN)
       ${sequence} SELECT ${account}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', ?, ?, 'RealtimeService', ?, ?, ?, ? FROM gen`,
      [...params, ...accountParams, DEFAULT_CUSTOMER_GROUP, now, channel.id, seq, seq, origin ?? null],
    );
    this.run(
      this.hq,
      `INSERT INTO LOGISTICSPOSTALADDRESS (ACCOUNTNUM, STREET, CITY, ZIPCODE, COUNTRYREGIONID, ORIGIN)
       ${sequence} SELECT ${account}, ${number} || ' Main Street', 'Springfield', CAST(10000 + (i - 1) % 90000 AS TEXT), ?, ? FROM gen`,
      [...params, ...accountParams, countryRegion, origin ?? null],
    );
    this.run(
      this.hq,
      `INSERT INTO ${ch}.CUSTOMER (ACCOUNTNUM, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL, ORIGIN)
       ${sequence} SELECT ${account}, 'Customer', ${number}, 'customer' || ${number} || '@example.com', 0, ?, ? FROM gen`,
      [...params, ...accountParams, channel.id, origin ?? null],
    );
    this.run(
      this.hq,
      `INSERT INTO RETAILTRANSACTIONSERVICECALL (SEQ, CALLEDAT, CHANNEL, CHANNELDATABASE, OPERATION, ACCOUNTNUM, ORIGIN)
       ${sequence} SELECT ? + (i - ?) / ?, ?, ?, ?, 'CreateCustomer', ${account}, ? FROM gen`,
      [...params, seq - start, k + 1, channelCount, now, channel.id, channel.channelDatabase, ...accountParams, origin ?? null],
    );
    this.run(this.hq, 'UPDATE NUMBERSEQUENCE SET NEXTREC = ? WHERE NAME = ?', [first + end - start, CUSTOMER_SEQUENCE]);
  }

  /** Set by replay: long actions check it between chunks of work. */
  setCancellation(isCancelled: (() => boolean) | undefined): void {
    this.isCancelled = isCancelled;
  }

  private throwIfCancelled(): void {
    if (this.isCancelled?.()) {
      throw new SimulationCancelled();
    }
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
      const earlier = this.customerRefs.get(ref);
      if (earlier !== undefined && earlier !== key) {
        this.ambiguousRefs.add(ref);
      }
      this.customerRefs.set(ref, key);
    }
  }

  /**
   * The channel's customer row for a reference: email, "First Last", temporary id or account number.
   * A reference several customers share resolves to the latest, and the log says so.
   */
  private findChannelCustomer(db: DbHandle, reference: string, origin?: string): Row | undefined {
    const normalized = reference.trim().toLowerCase();
    const key = this.customerRefs.get(normalized) ?? reference;
    if (this.ambiguousRefs.has(normalized)) {
      this.log('note', 'ambiguousCustomer', { customer: reference, used: key }, origin);
    }
    // A converted customer keeps its temporary id in ASYNCCUSTOMERID once job 1010 brought its account number.
    return (
      this.one(db, 'SELECT * FROM CUSTOMER WHERE ACCOUNTNUM = ? OR ASYNCCUSTOMERID = ?', [key, key]) ??
      // Generated customers are not remembered one by one; they are found by their email.
      this.one(db, 'SELECT * FROM CUSTOMER WHERE EMAIL = ? LIMIT 1', [reference.trim().toLowerCase()])
    );
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

  channelDb(name: string): DbHandle {
    const db = this.channelDatabases.get(name);
    if (!db) {
      throw new Error(`No channel database ${name}`);
    }
    return db;
  }

  /** A database by its name in evidence: 'HQ' or a channel database. */
  database(name: string): DbHandle {
    return name === 'HQ' ? this.hq : this.channelDb(name);
  }

  /** Runs a query against one database; channel-side SQL names its tables without a schema. */
  all(db: DbHandle, sql: string, params: SqlValue[]): Row[] {
    return this.statement(db, sql).all(params);
  }

  one(db: DbHandle, sql: string, params: SqlValue[]): Row | undefined {
    return this.statement(db, sql).one(params);
  }

  /** A statement the user typed (already checked to be read-only): prepared afresh, never cached. */
  query(db: DbHandle, sql: string, maxRows: number): { columns: string[]; rows: SqlValue[][]; truncated: boolean } {
    const statement = this.conn.prepare(qualify(sql, db));
    try {
      return statement.raw([], maxRows);
    } finally {
      statement.free();
    }
  }

  /**
   * Every database's content as bytes (a logical dump: each table's rows in order), for
   * determinism checks: the same scenario gives byte-identical dumps.
   */
  exportAll(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    const encoder = new TextEncoder();
    const handles = [this.hq, ...[...this.channelDatabases.values()].sort((a, b) => a.name.localeCompare(b.name))];
    for (const handle of handles) {
      const lines: string[] = [];
      const tables = this.all(this.hq, `SELECT name, sql FROM ${handle.schema}.sqlite_master WHERE type = 'table' ORDER BY name`, []);
      for (const table of tables) {
        lines.push(String(table.sql));
        for (const row of this.all(this.hq, `SELECT * FROM ${handle.schema}.${String(table.name)} ORDER BY ROWID`, [])) {
          lines.push(JSON.stringify(Object.values(row)));
        }
      }
      out.set(handle.name, encoder.encode(lines.join('\n')));
    }
    return out;
  }

  private run(db: DbHandle, sql: string, params: SqlValue[]): void {
    this.statement(db, sql).run(params);
  }

  private statement(db: DbHandle, sql: string): SqlStatement {
    const text = qualify(sql, db);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.conn.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private freeStatements(): void {
    for (const statement of this.statements.values()) {
      statement.free();
    }
    this.statements.clear();
  }

  /** Runs `body` in one transaction, or inside the one already open. */
  private transaction(body: () => void): void {
    if (this.inTransaction) {
      body();
      return;
    }
    this.conn.exec('BEGIN');
    this.inTransaction = true;
    try {
      body();
      this.conn.exec('COMMIT');
    } catch (error) {
      this.conn.exec('ROLLBACK');
      throw error;
    } finally {
      this.inTransaction = false;
    }
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

/** How a message names a customer the call is about: "First Last", else the email. */
function customerDisplayName(input: { firstName?: string; lastName?: string; email?: string }): string {
  return [input.firstName, input.lastName].filter(Boolean).join(' ').trim() || input.email || '';
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

// The temporary id of customer n: GUID-shaped and the same on every replay, computed the same
// way in TypeScript (one customer) and in SQL (many generated at once). Sequential, like SQL
// Server's NEWSEQUENTIALID(), so indexes on it grow at the end instead of splitting pages.
const GUID_PREFIX = '6E789E6A-A1B9-45F4-86B7-';

export function deterministicGuid(n: number): string {
  return `${GUID_PREFIX}${n.toString(16).toUpperCase().padStart(12, '0')}`;
}

/** deterministicGuid as a SQL expression over the integer expression `n`. */
function sqlGuid(n: string): string {
  return `('${GUID_PREFIX}' || printf('%012X', ${n}))`;
}
