// The five HQ exports evidence import reads (PRODUCT.md, "Evidence import"), each with the
// headers HQ documents for it, and the CSV results of the SQL pack's queries (queries/). A field lists its documented names; a group of date fields
// means "one of these", and per row the first non-empty one in this order is used.

export type EvidenceKind = 'featureManagement' | 'customerSyncStatus' | 'downloadSessions' | 'uploadSessions' | 'batchJobHistory' | 'hqStagedCustomers';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['featureManagement', 'customerSyncStatus', 'downloadSessions', 'uploadSessions', 'batchJobHistory', 'hqStagedCustomers'];

export interface FieldSpec {
  /** Our name for the column; the key of a mapping file. */
  readonly field: string;
  /** Documented header names, in order of preference. */
  readonly headers: readonly string[];
  readonly required: boolean;
  /** Fields of the same group are alternatives; the kind needs at least one of a required group. */
  readonly group?: string;
}

export interface KindSpec {
  readonly kind: EvidenceKind;
  /** Where the export comes from in HQ, for messages. */
  readonly title: string;
  readonly fields: readonly FieldSpec[];
}

const req = (field: string, ...headers: string[]): FieldSpec => ({ field, headers, required: true });
const opt = (field: string, ...headers: string[]): FieldSpec => ({ field, headers, required: false });
const oneOf = (group: string, field: string, ...headers: string[]): FieldSpec => ({ field, headers, required: true, group });

export const KIND_SPECS: readonly KindSpec[] = [
  {
    kind: 'featureManagement',
    title: 'Feature management',
    fields: [req('featureName', 'Feature name'), req('status', 'Status', 'Enabled'), opt('enableDate', 'Enable date', 'EnableDate'), opt('module', 'Module')],
  },
  {
    kind: 'customerSyncStatus',
    title: 'Customer synchronization status',
    fields: [
      req('channelName', 'Channel name'),
      req('customerAccount', 'Customer account'),
      req('asyncCustomerAccount', 'Async customer account'),
      req('operationsTimestamp', 'Operations timestamp'),
      req('syncStatus', 'Customer sync status'),
      opt('retailAsyncOperation', 'Retail async operation'),
      opt('lastKnownError', 'Last known error'),
    ],
  },
  {
    kind: 'downloadSessions',
    title: 'Commerce Data Exchange > Download sessions',
    fields: [
      req('job', 'Job ID', 'Job'),
      req('dataStore', 'Data store', 'Channel database'),
      req('status', 'Status'),
      oneOf('date', 'dateApplied', 'Date applied'),
      oneOf('date', 'dateDownloaded', 'Date downloaded'),
      oneOf('date', 'dateRequested', 'Date requested'),
      opt('sessionId', 'Session ID', 'Download session ID', 'Session'),
      opt('message', 'Message'),
      opt('rowsAffected', 'Rows affected'),
      opt('tryCount', 'Try count'),
    ],
  },
  {
    kind: 'uploadSessions',
    title: 'Commerce Data Exchange > Upload sessions',
    fields: [
      req('uploadSessionId', 'Upload session ID'),
      req('job', 'Job ID'),
      req('dataStore', 'Data store', 'Channel database'),
      req('status', 'Status'),
      oneOf('date', 'dateUploaded', 'Date uploaded'),
      oneOf('date', 'dateCreated', 'Date created'),
      opt('message', 'Message'),
      opt('rowsAffected', 'Rows affected'),
    ],
  },
  {
    kind: 'batchJobHistory',
    title: 'Batch job history',
    fields: [req('jobDescription', 'Job description', 'Description'), req('status', 'Status'), req('start', 'Start date/time', 'Start'), opt('end', 'End date/time', 'End')],
  },
  {
    // The result of queries/hq/staged-customers-not-completed.sql: the table's column names.
    kind: 'hqStagedCustomers',
    title: 'HQ staging table RETAILASYNCCUSTOMERV2 (SQL pack: hq/staged-customers-not-completed.sql)',
    fields: [
      req('asyncCustomerAccount', 'CUSTACCOUNTASYNC'),
      req('originatingChannel', 'ORIGINATINGCHANNEL'),
      req('operation', 'OPERATION'),
      req('onlineOperationCompleted', 'ONLINEOPERATIONCOMPLETED'),
      opt('customerAccount', 'CUSTACCOUNT'),
      opt('replicationCounter', 'REPLICATIONCOUNTERFROMORIGIN'),
    ],
  },
];

export function kindSpec(kind: EvidenceKind): KindSpec {
  return KIND_SPECS.find((k) => k.kind === kind)!;
}

/** Headers compare without case and without any white space: "Job ID" = "jobid" = "JOB  ID". */
export function normalizeHeader(header: string): string {
  return header.replace(/[\s\u00a0\u200b\ufeff]+/g, '').toLowerCase();
}

/** The fields a file's header row must provide, as the user reads them: "Job ID or Job". */
export function describeField(spec: FieldSpec): string {
  return spec.headers.map((h) => `"${h}"`).join(' or ');
}
