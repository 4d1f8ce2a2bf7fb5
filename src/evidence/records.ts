// One typed record per readable row of a recognised export; a row that cannot be read is a
// warning with its file and row, and rows the import does not need are counted, not lost.
import type { FeatureId } from '../domain/features';
import type { DownloadJobId } from '../domain/jobs';
import { formatInstant } from '../domain/time';
import { dateContext, type DateOrder, parseDateCell } from './dates';
import type { EvidenceWarning } from './errors';
import type { RecognisedTable } from './headers';
import { type EvidenceKind, kindSpec } from './kinds';
import { type Cell, cellText, isEmptyRow, type Table } from './table';
import {
  classifyBatchStatus,
  classifyDownloadStatus,
  classifyUploadStatus,
  type DownloadOutcome,
  type EvidenceBatchJob,
  isDownloadJob,
  parseCount,
  parseEnabled,
  parseSyncStatus,
  resolveBatchDescription,
  resolveFeatureName,
  resolveSessionJob,
  type SyncStatus,
  type UploadOutcome,
} from './values';

export interface EvidenceSource {
  readonly file: string;
  readonly sheet?: string;
  /** 1-based, as the file shows it (the header row of a typical export is row 1). */
  readonly row: number;
}

export interface FeatureRecord {
  readonly kind: 'featureManagement';
  readonly source: EvidenceSource;
  readonly feature: FeatureId;
  readonly featureName: string;
  readonly enabled: boolean;
  /** ISO instant, UTC; absent when the export leaves the enable date empty. */
  readonly enabledAt?: string;
  readonly module?: string;
}

export interface SyncStatusRecord {
  readonly kind: 'customerSyncStatus';
  readonly source: EvidenceSource;
  readonly channel: string;
  /** The real account; absent while HQ has not created the customer. */
  readonly customerAccount?: string;
  readonly asyncCustomerAccount: string;
  readonly at: string;
  readonly status: SyncStatus;
  readonly statusText: string;
  readonly operation?: string;
  readonly lastKnownError?: string;
}

export interface DownloadSessionRecord {
  readonly kind: 'downloadSessions';
  readonly source: EvidenceSource;
  readonly job: DownloadJobId;
  readonly channelDatabase: string;
  readonly status: DownloadOutcome;
  readonly statusText: string;
  readonly at: string;
  /** Which date column gave `at`: the first non-empty of applied, downloaded, requested. */
  readonly dateField: string;
  readonly sessionId?: string;
  readonly message?: string;
  readonly rowsAffected?: number;
  readonly tryCount?: number;
}

export interface UploadSessionRecord {
  readonly kind: 'uploadSessions';
  readonly source: EvidenceSource;
  readonly uploadSessionId: string;
  readonly job: 'P-0001';
  readonly channelDatabase: string;
  readonly status: UploadOutcome;
  readonly statusText: string;
  readonly at: string;
  readonly dateField: string;
  readonly message?: string;
  readonly rowsAffected?: number;
}

export interface BatchRunRecord {
  readonly kind: 'batchJobHistory';
  readonly source: EvidenceSource;
  readonly job: EvidenceBatchJob;
  readonly description: string;
  readonly status: 'succeeded' | 'failed';
  readonly statusText: string;
  readonly start: string;
  readonly end?: string;
}

/** A row of HQ's RETAILASYNCCUSTOMERV2 (SQL pack): an operation staged in HQ, with no date. */
export interface StagedCustomerRecord {
  readonly kind: 'hqStagedCustomers';
  readonly source: EvidenceSource;
  readonly channel: string;
  readonly asyncCustomerAccount: string;
  readonly customerAccount?: string;
  /** OPERATION: 1 create, 2 update, 3 deactivate. */
  readonly operation: 'create' | 'update' | 'deactivate';
  /** ONLINEOPERATIONCOMPLETED = 1: the batch job processed it. */
  readonly completed: boolean;
}

export type EvidenceRecord = FeatureRecord | SyncStatusRecord | DownloadSessionRecord | UploadSessionRecord | BatchRunRecord | StagedCustomerRecord;

/** Rows read on purpose but not needed, by reason, with their row numbers. */
export interface IgnoredRows {
  readonly reason: string;
  readonly rows: readonly number[];
}

interface ReadOptions {
  readonly dateOrder?: DateOrder;
  /** Minutes east of UTC for dates without an offset. */
  readonly offsetMinutes: number;
}

interface TableReading {
  readonly records: EvidenceRecord[];
  readonly warnings: EvidenceWarning[];
  readonly ignored: IgnoredRows[];
  readonly kind: EvidenceKind;
}

class RowError extends Error {}

export function readRecords(table: Table, recognised: RecognisedTable, options: ReadOptions): TableReading {
  const spec = kindSpec(recognised.kind);
  const dateFields = spec.fields.filter((f) => f.group === 'date' || /date|timestamp|start|end/i.test(f.field)).map((f) => f.field);
  const dataRows = table.rows.slice(recognised.headerIndex + 1);
  const column = (cells: readonly Cell[], field: string): Cell | undefined => {
    const col = recognised.columns.get(field);
    return col === undefined ? undefined : cells[col];
  };
  const dateTexts = dataRows.flatMap((r) => dateFields.map((f) => column(r.cells, f))).filter((c): c is string => typeof c === 'string');
  const ctx = dateContext(options.dateOrder, options.offsetMinutes, dateTexts);

  const records: EvidenceRecord[] = [];
  const warnings: EvidenceWarning[] = [];
  const ignored = new Map<string, number[]>();
  for (const { row, cells } of dataRows) {
    if (isEmptyRow(cells)) {
      continue;
    }
    // sqlcmd writes a line of dashes under the headers and "(N rows affected)" after the rows.
    if (isSqlcmdDecoration(cells)) {
      ignored.set('sqlcmd separator and row count lines', [...(ignored.get('sqlcmd separator and row count lines') ?? []), row]);
      continue;
    }
    const source: EvidenceSource = table.sheet === undefined ? { file: table.file, row } : { file: table.file, sheet: table.sheet, row };
    const header = (field: string): string => {
      const col = recognised.columns.get(field);
      const headerCells = table.rows[recognised.headerIndex].cells;
      return col === undefined ? field : cellText(headerCells[col]);
    };
    const text = (field: string): string => cellText(column(cells, field));
    const optional = (field: string): string | undefined => text(field) || undefined;
    const required = (field: string): string => {
      const value = text(field);
      if (value === '') {
        throw new RowError(`"${header(field)}" is empty`);
      }
      return value;
    };
    const date = (field: string): string | undefined => {
      const cell = column(cells, field);
      if (cell === undefined || cellText(cell) === '') {
        return undefined;
      }
      const result = parseDateCell(cell, ctx);
      if ('error' in result) {
        throw new RowError(`"${header(field)}": ${result.error}`);
      }
      return formatInstant(result.ms);
    };
    const firstDate = (fields: readonly string[]): { at: string; field: string } => {
      for (const field of fields) {
        const at = date(field);
        if (at !== undefined) {
          return { at, field };
        }
      }
      throw new RowError(`no date in ${fields.filter((f) => recognised.columns.has(f)).map((f) => `"${header(f)}"`).join(' or ')}`);
    };
    const ignore = (reason: string): void => {
      ignored.set(reason, [...(ignored.get(reason) ?? []), row]);
    };
    try {
      const record = readRow(recognised.kind, { source, header, optional, required, date, firstDate, ignore });
      if (record) {
        records.push(record);
      }
    } catch (e) {
      if (!(e instanceof RowError)) {
        throw e;
      }
      warnings.push({ ...source, message: `${e.message}; row skipped` });
    }
  }
  return { records, warnings, ignored: [...ignored].map(([reason, rows]) => ({ reason, rows })), kind: recognised.kind };
}

interface RowReader {
  readonly source: EvidenceSource;
  /** The header of a field as the file writes it, for messages. */
  header(field: string): string;
  optional(field: string): string | undefined;
  required(field: string): string;
  date(field: string): string | undefined;
  firstDate(fields: readonly string[]): { at: string; field: string };
  ignore(reason: string): void;
}

function readRow(kind: EvidenceKind, r: RowReader): EvidenceRecord | undefined {
  switch (kind) {
    case 'featureManagement':
      return readFeature(r);
    case 'customerSyncStatus':
      return readSyncStatus(r);
    case 'downloadSessions':
      return readDownloadSession(r);
    case 'uploadSessions':
      return readUploadSession(r);
    case 'batchJobHistory':
      return readBatchRun(r);
    case 'hqStagedCustomers':
      return readStagedCustomer(r);
  }
}

function isSqlcmdDecoration(cells: readonly Cell[]): boolean {
  const texts = cells.map((c) => cellText(c).trim()).filter((t) => t !== '');
  return texts.length > 0 && (texts.every((t) => /^-+$/.test(t)) || (texts.length === 1 && /^\(\d+ rows? affected\)$/i.test(texts[0])));
}

const STAGED_OPERATIONS = { '1': 'create', '2': 'update', '3': 'deactivate' } as const;

function readStagedCustomer(r: RowReader): StagedCustomerRecord {
  const operationText = r.required('operation');
  const operation = STAGED_OPERATIONS[operationText.trim() as keyof typeof STAGED_OPERATIONS];
  if (operation === undefined) {
    throw new RowError(`"${operationText}" is not an OPERATION; expected 1 (create), 2 (update) or 3 (deactivate)`);
  }
  const completedText = r.required('onlineOperationCompleted').trim();
  if (completedText !== '0' && completedText !== '1') {
    throw new RowError(`"${completedText}" is not an ONLINEOPERATIONCOMPLETED value; expected 0 or 1`);
  }
  // sqlcmd writes NULL for an empty column.
  const account = r.optional('customerAccount');
  return {
    kind: 'hqStagedCustomers',
    source: r.source,
    channel: r.required('originatingChannel'),
    asyncCustomerAccount: r.required('asyncCustomerAccount'),
    customerAccount: account === undefined || account.trim().toUpperCase() === 'NULL' ? undefined : account,
    operation,
    completed: completedText === '1',
  };
}

function readFeature(r: RowReader): FeatureRecord | undefined {
  const featureName = r.required('featureName');
  const feature = resolveFeatureName(featureName);
  // Other features are not this tool's business: their states and dates are not checked.
  if (feature === undefined) {
    r.ignore('features this tool does not model');
    return undefined;
  }
  const statusText = r.required('status');
  const enabled = parseEnabled(statusText);
  if (enabled === undefined) {
    throw new RowError(`"${statusText}" is not a feature state; expected Enabled/Disabled, Yes/No, On/Off, True/False or 1/0`);
  }
  return { kind: 'featureManagement', source: r.source, feature, featureName, enabled, enabledAt: r.date('enableDate'), module: r.optional('module') };
}

function readSyncStatus(r: RowReader): SyncStatusRecord {
  const statusText = r.required('syncStatus');
  const status = parseSyncStatus(statusText);
  if (status === undefined) {
    throw new RowError(`"${statusText}" is not a customer sync status; expected Succeeded, Completed, Synchronized, Failed, Error, Pending, Not started or In progress`);
  }
  const at = r.date('operationsTimestamp');
  if (at === undefined) {
    throw new RowError(`"${r.header('operationsTimestamp')}" is empty`);
  }
  return {
    kind: 'customerSyncStatus',
    source: r.source,
    channel: r.required('channelName'),
    customerAccount: r.optional('customerAccount'),
    asyncCustomerAccount: r.required('asyncCustomerAccount'),
    at,
    status,
    statusText,
    operation: r.optional('retailAsyncOperation'),
    lastKnownError: r.optional('lastKnownError'),
  };
}

function readDownloadSession(r: RowReader): DownloadSessionRecord | undefined {
  const job = resolveSessionJob(r.required('job'));
  if (!isDownloadJob(job)) {
    r.ignore('download jobs other than 1010, 1070 and 1110');
    return undefined;
  }
  const channelDatabase = r.required('dataStore');
  const statusText = r.required('status');
  const { at, field } = r.firstDate(['dateApplied', 'dateDownloaded', 'dateRequested']);
  const tryCount = r.optional('tryCount');
  const rowsAffected = r.optional('rowsAffected');
  return {
    kind: 'downloadSessions',
    source: r.source,
    job,
    channelDatabase,
    status: classifyDownloadStatus(statusText),
    statusText,
    at,
    dateField: field,
    sessionId: r.optional('sessionId'),
    message: r.optional('message'),
    rowsAffected: rowsAffected === undefined ? undefined : parseCount(rowsAffected),
    tryCount: tryCount === undefined ? undefined : parseCount(tryCount),
  };
}

function readUploadSession(r: RowReader): UploadSessionRecord | undefined {
  const job = resolveSessionJob(r.required('job'));
  if (job !== 'P-0001') {
    r.ignore('upload jobs other than P-0001');
    return undefined;
  }
  const uploadSessionId = r.required('uploadSessionId');
  const channelDatabase = r.required('dataStore');
  const statusText = r.required('status');
  const { at, field } = r.firstDate(['dateUploaded', 'dateCreated']);
  const rowsAffected = r.optional('rowsAffected');
  return {
    kind: 'uploadSessions',
    source: r.source,
    uploadSessionId,
    job,
    channelDatabase,
    status: classifyUploadStatus(statusText),
    statusText,
    at,
    dateField: field,
    message: r.optional('message'),
    rowsAffected: rowsAffected === undefined ? undefined : parseCount(rowsAffected),
  };
}

function readBatchRun(r: RowReader): BatchRunRecord | undefined {
  const description = r.required('jobDescription');
  const job = resolveBatchDescription(description);
  if (job === undefined) {
    r.ignore('batch jobs other than Synchronize customers and channel requests and Synchronize orders');
    return undefined;
  }
  const statusText = r.required('status');
  const status = classifyBatchStatus(statusText);
  if (status === undefined) {
    r.ignore('batch runs that have not ended (status other than Ended or Error)');
    return undefined;
  }
  const start = r.date('start');
  if (start === undefined) {
    throw new RowError(`"${r.header('start')}" is empty`);
  }
  const end = r.date('end');
  return { kind: 'batchJobHistory', source: r.source, job, description, status, statusText, start, end };
}
