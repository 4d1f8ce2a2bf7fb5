// The value sets of the exports (PRODUCT.md, "Evidence import"), matched without regard to case.
import { type FeatureId, resolveFeatureKey } from '../domain/features';
import { resolveBatchJobId, resolveCdxJobId, type DownloadJobId } from '../domain/jobs';

function key(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

const ON = new Set(['enabled', 'yes', 'on', 'true', '1']);
const OFF = new Set(['disabled', 'no', 'off', 'false', '0']);

export function parseEnabled(text: string): boolean | undefined {
  const k = key(text);
  return ON.has(k) ? true : OFF.has(k) ? false : undefined;
}

// The names Feature management shows in a Swedish HQ (DOMAIN.md, "Swedish product terms").
const SWEDISH_FEATURE_NAMES: Readonly<Record<string, FeatureId>> = {
  'aktivera redigering av kunder i asynkront läge': 'AsyncCustomerEditing',
  'prestandaförbättringar för kundorder och kundtransaktioner': 'CustomerOrderPerformance',
  'aktivera utökat skapa asynkron kund': 'EnhancedAsyncCustomerCreation',
  'aktivera att skapa kundadresser asynkront': 'AsyncCustomerAddressCreation',
};

export function resolveFeatureName(text: string): FeatureId | undefined {
  const name = text.trim().replace(/\s+/g, ' ');
  return resolveFeatureKey(name) ?? SWEDISH_FEATURE_NAMES[key(name)];
}

export type SyncStatus = 'succeeded' | 'failed' | 'pending';

const SYNC_STATUS: Readonly<Record<string, SyncStatus>> = {
  succeeded: 'succeeded',
  completed: 'succeeded',
  synchronized: 'succeeded',
  failed: 'failed',
  error: 'failed',
  pending: 'pending',
  'not started': 'pending',
  'in progress': 'pending',
};

export function parseSyncStatus(text: string): SyncStatus | undefined {
  return SYNC_STATUS[key(text)];
}

/** Download sessions: Applied and No data succeed, anything "failed" failed, the rest did not reach the channel (yet). */
export type DownloadOutcome = 'succeeded' | 'failed' | 'notApplied';

export function classifyDownloadStatus(text: string): DownloadOutcome {
  const k = key(text);
  return k === 'applied' || k === 'no data' ? 'succeeded' : k.includes('failed') ? 'failed' : 'notApplied';
}

/** Upload sessions: Uploaded, Applied and Processed succeed, anything "failed" failed, the rest is still under way. */
export type UploadOutcome = 'succeeded' | 'failed' | 'inProgress';

export function classifyUploadStatus(text: string): UploadOutcome {
  const k = key(text);
  return k === 'uploaded' || k === 'applied' || k === 'processed' ? 'succeeded' : k.includes('failed') ? 'failed' : 'inProgress';
}

/** Batch job history: Ended succeeded, Error failed; other states (Waiting, Executing, Canceled, ...) say nothing of a finished run. */
export function classifyBatchStatus(text: string): 'succeeded' | 'failed' | undefined {
  const k = key(text);
  return k === 'ended' ? 'succeeded' : k === 'error' ? 'failed' : undefined;
}

export type EvidenceBatchJob = 'SynchronizeCustomersAndChannelRequests' | 'SynchronizeOrders';

export function resolveBatchDescription(text: string): EvidenceBatchJob | undefined {
  const k = key(text);
  if (k === 'synchronize orders' || k === 'synkronisera order') {
    return 'SynchronizeOrders';
  }
  if (k === 'synkronisera kunder och kanalbegäranden') {
    return 'SynchronizeCustomersAndChannelRequests';
  }
  return resolveBatchJobId(k);
}

/** "1010", "1010 - Customers", "P-0001": the CDX job a session row is about. */
export function resolveSessionJob(text: string): ReturnType<typeof resolveCdxJobId> {
  const t = text.trim();
  return resolveCdxJobId(t) ?? resolveCdxJobId(t.split(/\s+|\s*[-–:]\s+/)[0] ?? '');
}

export function isDownloadJob(job: string | undefined): job is DownloadJobId {
  return job === '1010' || job === '1070' || job === '1110';
}

/** A count column ("3", "1,204", "1 204"); undefined when empty or not a whole number. */
export function parseCount(text: string): number | undefined {
  const digits = text.trim().replace(/[\s,\u00a0]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}
