// The Commerce Data Exchange jobs and the HQ batch job that carry async customers.

export type CdxJobId = '1010' | '1070' | '1110' | 'P-0001';
export type DownloadJobId = Exclude<CdxJobId, 'P-0001'>;

export interface CdxJob {
  readonly id: CdxJobId;
  readonly name: string;
  readonly direction: 'download' | 'upload';
  readonly carries: string;
}

export const CDX_JOBS: readonly CdxJob[] = [
  { id: '1110', name: 'Global configuration', direction: 'download', carries: 'feature states and global settings' },
  { id: '1070', name: 'Channel configuration', direction: 'download', carries: 'channel settings such as the functionality profile' },
  { id: '1010', name: 'Customers', direction: 'download', carries: 'customers and the real account ids of converted async customers' },
  { id: 'P-0001', name: 'Channel transactions', direction: 'upload', carries: 'async customer records to the HQ staging tables' },
];

export const CDX_JOB_IDS: readonly CdxJobId[] = CDX_JOBS.map((j) => j.id);

/** The download jobs a channel database needs after a feature or channel setting changes in HQ, in the FAQ's order. */
export const METADATA_JOBS: readonly DownloadJobId[] = ['1110', '1010', '1070'];

export function resolveCdxJobId(key: string): CdxJobId | undefined {
  const wanted = key.trim().toUpperCase();
  if (wanted === 'P' || wanted === 'P-JOB' || wanted === 'P0001') {
    return 'P-0001';
  }
  return CDX_JOB_IDS.find((id) => id === wanted);
}

export type BatchJobId = 'SynchronizeCustomersAndChannelRequests' | 'SynchronizeOrders';

export interface BatchJob {
  readonly id: BatchJobId;
  readonly name: string;
  readonly aliases: readonly string[];
}

export const BATCH_JOBS: readonly BatchJob[] = [
  {
    id: 'SynchronizeCustomersAndChannelRequests',
    name: 'Synchronize customers and channel requests',
    aliases: ['Synchronize customers and business partners from async mode'],
  },
  { id: 'SynchronizeOrders', name: 'Synchronize orders', aliases: [] },
];

export function resolveBatchJobId(key: string): BatchJobId | undefined {
  const wanted = key.trim().toLowerCase();
  const job = BATCH_JOBS.find(
    (j) => j.id.toLowerCase() === wanted || j.name.toLowerCase() === wanted || j.aliases.some((a) => a.toLowerCase() === wanted),
  );
  return job?.id;
}
