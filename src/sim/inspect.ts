// What the views and the report may read from a simulation: plain data, paged, never a whole table.
import type { SqlValue } from 'sql.js';
import { FEATURES, type FeatureId } from '../domain/features';
import { CDX_JOBS, type CdxJobId } from '../domain/jobs';
import { ASYNC_TABLES } from '../domain/tables';
import type { Row, Simulation } from './simulation';

export interface FeatureState {
  readonly id: FeatureId;
  readonly name: string;
  readonly enabled: boolean;
  readonly changedAt: string;
  readonly prerequisites: readonly { id: FeatureId; name: string; enabled: boolean }[];
  /** Prerequisites that are off: enabling this feature now would be refused. */
  readonly missingPrerequisites: readonly FeatureId[];
  /** Where the state was last set in the scenario, if it was. */
  readonly origin: string | null;
}

export function featureStates(sim: Simulation): FeatureState[] {
  return FEATURES.map((feature) => {
    const row = sim.one(sim.hq, 'SELECT ENABLED, CHANGEDAT, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [feature.id])!;
    const prerequisites = feature.prerequisites.map((id) => ({ id, name: FEATURES.find((f) => f.id === id)!.name, enabled: sim.featureEnabled(id) }));
    return {
      id: feature.id,
      name: feature.name,
      enabled: row.ENABLED === 1,
      changedAt: String(row.CHANGEDAT),
      prerequisites,
      missingPrerequisites: prerequisites.filter((p) => !p.enabled).map((p) => p.id),
      origin: row.ORIGIN === null ? null : String(row.ORIGIN),
    };
  });
}

export interface CdxJobState {
  readonly jobId: CdxJobId;
  readonly name: string;
  readonly channelDatabase: string;
  /** ISO time of the last run, or undefined if it never ran. */
  readonly lastRunAt?: string;
  /** True when the last run was the starting point of the scenario, not a timeline entry. */
  readonly lastRunAtStart: boolean;
  /** Download jobs: HQ changed after the last run. P-job: records wait in the channel database. */
  readonly stale: boolean;
  readonly origin: string | null;
}

export interface ChannelDatabaseState {
  readonly name: string;
  readonly channels: readonly { id: string; kind: string; asyncCustomerCreation: boolean }[];
  readonly jobs: readonly CdxJobState[];
}

export function cdxJobStates(sim: Simulation): ChannelDatabaseState[] {
  return [...sim.channelDatabases.keys()].sort().map((db) => {
    const behind = new Map(sim.metadataJobsBehind(db).map((run) => [run.job as string, run.seq]));
    const pendingUpload = Number(sim.one(sim.channelDb(db), 'SELECT COUNT(*) AS N FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0', [])?.N ?? 0);
    const jobs = CDX_JOBS.map((job): CdxJobState => {
      const run = sim.one(sim.hq, 'SELECT SEQ, RUNAT, ORIGIN FROM RETAILCDXJOBRUN WHERE CHANNELDATABASE = ? AND JOBID = ? ORDER BY SEQ DESC LIMIT 1', [db, job.id]);
      const stale =
        job.id === 'P-0001'
          ? pendingUpload > 0
          : behind.has(job.id) && sim.changesNotTaken(db, behind.get(job.id)!).length > 0;
      return {
        jobId: job.id,
        name: job.name,
        channelDatabase: db,
        lastRunAt: run ? String(run.RUNAT) : undefined,
        lastRunAtStart: run?.ORIGIN === 'start',
        stale,
        origin: run?.ORIGIN === null || run?.ORIGIN === undefined ? null : String(run.ORIGIN),
      };
    });
    const channels = [...sim.channels.values()]
      .filter((c) => c.channelDatabase === db)
      .map((c) => ({ id: c.id, kind: c.kind, asyncCustomerCreation: c.asyncCustomerCreation }));
    return { name: db, channels, jobs };
  });
}

export interface StagingTable {
  /** 'HQ' or the channel database name. */
  readonly database: string;
  readonly table: string;
  readonly rowCount: number;
  /** HQ: rows with OnlineOperationCompleted = 0. Channel: rows not yet uploaded. */
  readonly pendingCount: number;
}

export function stagingTables(sim: Simulation): StagingTable[] {
  const out: StagingTable[] = [];
  for (const table of ASYNC_TABLES) {
    const row = sim.one(sim.hq, `SELECT COUNT(*) AS N, SUM(ONLINEOPERATIONCOMPLETED = 0) AS P FROM ${table}`, []);
    out.push({ database: 'HQ', table, rowCount: Number(row?.N ?? 0), pendingCount: Number(row?.P ?? 0) });
  }
  for (const db of [...sim.channelDatabases.keys()].sort()) {
    for (const table of ASYNC_TABLES) {
      const row = sim.one(sim.channelDb(db), `SELECT COUNT(*) AS N, SUM(UPLOADED = 0) AS P FROM ${table}`, []);
      out.push({ database: db, table, rowCount: Number(row?.N ?? 0), pendingCount: Number(row?.P ?? 0) });
    }
  }
  return out;
}

/** One page of a staging table, in RECID order. `table` must be one of the async tables. */
export function stagingRows(sim: Simulation, database: string, table: string, offset: number, limit: number): Row[] {
  if (!(ASYNC_TABLES as readonly string[]).includes(table)) {
    throw new Error(`Not a staging table: ${table}`);
  }
  return sim.all(sim.database(database), `SELECT * FROM ${table} ORDER BY RECID LIMIT ? OFFSET ?`, [Math.max(0, limit), Math.max(0, offset)]);
}

export type OperationStatus = 'PendingUpload' | 'Pending' | 'Failed' | 'Succeeded';

export interface OperationSummary {
  readonly operationId: string;
  readonly operationType: string;
  readonly asyncCustomerId: string;
  readonly accountNum: string | null;
  readonly channel: string;
  readonly channelDatabase: string;
  readonly status: OperationStatus;
  readonly failureReason: string | null;
  readonly failedFields: readonly string[];
  readonly origin: string | null;
}

export function operationCounts(sim: Simulation): Record<OperationStatus, number> {
  const counts: Record<OperationStatus, number> = { PendingUpload: 0, Pending: 0, Failed: 0, Succeeded: 0 };
  for (const row of sim.all(sim.hq, 'SELECT STATUS, COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS GROUP BY STATUS', [])) {
    counts[String(row.STATUS) as OperationStatus] = Number(row.N);
  }
  for (const db of sim.channelDatabases.values()) {
    counts.PendingUpload += Number(
      sim.one(
        db,
        "SELECT (SELECT COUNT(DISTINCT OPERATIONID) FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0) + (SELECT COUNT(DISTINCT OPERATIONID) FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate') AS N",
        [],
      )?.N ?? 0,
    );
  }
  return counts;
}

/** One page of operations with a status, in operation order. */
export function operations(sim: Simulation, status: OperationStatus, offset: number, limit: number): OperationSummary[] {
  if (status === 'PendingUpload') {
    const out: OperationSummary[] = [];
    for (const [dbName, db] of [...sim.channelDatabases].sort(([a], [b]) => a.localeCompare(b))) {
      const rows = sim.all(
        db,
        `SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0
         UNION ALL SELECT OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, ACCOUNTNUM, CHANNEL, ORIGIN FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate'
         ORDER BY OPERATIONID LIMIT ? OFFSET ?`,
        [offset + limit, 0],
      );
      out.push(
        ...rows.map((r) => ({
          operationId: String(r.OPERATIONID),
          operationType: String(r.OPERATIONTYPE),
          asyncCustomerId: String(r.ASYNCCUSTOMERID),
          accountNum: r.ACCOUNTNUM === null ? null : String(r.ACCOUNTNUM),
          channel: String(r.CHANNEL),
          channelDatabase: dbName,
          status: 'PendingUpload' as const,
          failureReason: null,
          failedFields: [],
          origin: r.ORIGIN === null ? null : String(r.ORIGIN),
        })),
      );
    }
    return out.sort((a, b) => a.operationId.localeCompare(b.operationId)).slice(offset, offset + limit);
  }
  return sim
    .all(sim.hq, 'SELECT * FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = ? ORDER BY OPERATIONID LIMIT ? OFFSET ?', [status, Math.max(0, limit), Math.max(0, offset)])
    .map((r) => ({
      operationId: String(r.OPERATIONID),
      operationType: String(r.OPERATIONTYPE),
      asyncCustomerId: String(r.ASYNCCUSTOMERID),
      accountNum: r.ACCOUNTNUM === null ? null : String(r.ACCOUNTNUM),
      channel: String(r.CHANNEL),
      channelDatabase: String(r.CHANNELDATABASE),
      status,
      failureReason: r.FAILUREREASON === null ? null : String(r.FAILUREREASON),
      failedFields: String(r.FAILEDFIELDS ?? '').split(',').filter(Boolean),
      origin: r.ORIGIN === null ? null : String(r.ORIGIN),
    }));
}

/** The staged values of an operation's editable fields, for an edit form. */
export function operationFields(sim: Simulation, operationId: string): Record<string, SqlValue> {
  const customer = sim.one(sim.hq, 'SELECT FIRSTNAME, LASTNAME, EMAIL, PHONE, TITLE, CUSTGROUP FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [operationId]);
  const address = sim.one(sim.hq, 'SELECT STREET, CITY, ZIPCODE, COUNTRYREGIONID FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ? ORDER BY RECID LIMIT 1', [operationId]);
  const fields: Record<string, SqlValue> = {};
  if (customer) {
    Object.assign(fields, {
      firstName: customer.FIRSTNAME,
      lastName: customer.LASTNAME,
      email: customer.EMAIL,
      phone: customer.PHONE,
      title: customer.TITLE,
      customerGroup: customer.CUSTGROUP,
    });
  }
  if (address) {
    Object.assign(fields, { street: address.STREET, city: address.CITY, zip: address.ZIPCODE, countryRegion: address.COUNTRYREGIONID });
  }
  return fields;
}

/** Customers a POS could pick from in a channel database: email, name and id, paged. */
export function channelCustomers(sim: Simulation, channelDatabase: string, offset: number, limit: number): Row[] {
  return sim.all(
    sim.channelDb(channelDatabase),
    'SELECT ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, EMAIL, PENDINGSYNC, CHANNEL FROM CUSTOMER ORDER BY ROWID LIMIT ? OFFSET ?',
    [limit, offset],
  );
}

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly SqlValue[][];
  readonly truncated: boolean;
}

const READ_ONLY = /^\s*(select|with|explain|values|pragma\s+table_info)\b/i;
const WRITES = /\b(insert|update|delete|replace|create|drop|alter|attach|detach|vacuum|reindex|analyze|begin|commit|rollback|savepoint|release)\b/i;

/**
 * Runs one read-only statement the user typed against 'HQ' or a channel database. Writes are
 * rejected before they reach SQLite, and the statement runs in a transaction that is rolled back.
 */
export function readOnlyQuery(sim: Simulation, database: string, sql: string, maxRows = 1000): QueryResult {
  const text = sql.trim().replace(/;\s*$/, '');
  if (!READ_ONLY.test(text) || WRITES.test(stripStrings(text)) || text.includes(';')) {
    throw new ReadOnlyViolation('Only one read-only statement (SELECT, WITH, EXPLAIN, VALUES) can be run against the simulation.');
  }
  return sim.query(sim.database(database), text, maxRows);
}

export class ReadOnlyViolation extends Error {}

function stripStrings(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''").replace(/"(?:[^"]|"")*"/g, '""');
}
