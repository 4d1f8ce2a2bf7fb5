// The evidence, grouped the way the scenario generator asks for it: features with their
// enable dates, sessions per channel database and job, batch runs, status rows per channel.
import type { FeatureId } from '../domain/features';
import type { DownloadJobId } from '../domain/jobs';
import type { EvidenceWarning } from './errors';
import type { BatchRunRecord, DownloadSessionRecord, EvidenceRecord, EvidenceSource, StagedCustomerRecord, SyncStatusRecord, UploadSessionRecord } from './records';

export interface FeatureEvidence {
  readonly feature: FeatureId;
  readonly enabled: boolean;
  readonly enabledAt?: string;
  readonly source: EvidenceSource;
}

export interface ChannelDatabaseEvidence {
  readonly name: string;
  /** Download sessions per job, oldest first. */
  readonly download: Readonly<Partial<Record<DownloadJobId, readonly DownloadSessionRecord[]>>>;
  /** P-job upload sessions, oldest first. */
  readonly upload: readonly UploadSessionRecord[];
}

export interface ChannelEvidence {
  readonly name: string;
  readonly channelDatabase: string;
  /** Customer synchronization status rows, oldest first. */
  readonly statusRows: readonly SyncStatusRecord[];
  /** Rows of HQ's staging table (SQL pack), in file order: they carry no date. */
  readonly stagedRows: readonly StagedCustomerRecord[];
}

export interface Evidence {
  readonly features: readonly FeatureEvidence[];
  readonly channelDatabases: readonly ChannelDatabaseEvidence[];
  readonly channels: readonly ChannelEvidence[];
  /** Finished runs of the batch jobs, oldest first. */
  readonly batchRuns: readonly BatchRunRecord[];
  /** The earliest and latest instant in the evidence, for the scenario's start and end. */
  readonly span?: { readonly from: string; readonly to: string };
  /** Conflicts found while grouping (a feature listed twice with different states). */
  readonly warnings: readonly EvidenceWarning[];
}

const byTime = <T>(at: (r: T) => string) => (a: T, b: T): number => at(a).localeCompare(at(b));

/** Groups records; `channelDatabases` comes from resolveChannelDatabases and must cover every channel. */
export function groupEvidence(records: readonly EvidenceRecord[], channelDatabases: Readonly<Record<string, string>>): Evidence {
  const warnings: EvidenceWarning[] = [];
  const features = new Map<FeatureId, FeatureEvidence>();
  const databases = new Map<string, { download: Partial<Record<DownloadJobId, DownloadSessionRecord[]>>; upload: UploadSessionRecord[] }>();
  const channels = new Map<string, SyncStatusRecord[]>();
  const staged = new Map<string, StagedCustomerRecord[]>();
  const batchRuns: BatchRunRecord[] = [];
  const database = (name: string) => {
    let entry = databases.get(name);
    if (!entry) {
      entry = { download: {}, upload: [] };
      databases.set(name, entry);
    }
    return entry;
  };
  for (const r of records) {
    switch (r.kind) {
      case 'featureManagement': {
        const first = features.get(r.feature);
        if (first === undefined) {
          features.set(r.feature, { feature: r.feature, enabled: r.enabled, enabledAt: r.enabledAt, source: r.source });
        } else if (first.enabled !== r.enabled || first.enabledAt !== r.enabledAt) {
          warnings.push({ ...r.source, message: `"${r.featureName}" is listed again with another state; the row ${first.source.file}:${first.source.row} is used` });
        }
        break;
      }
      case 'downloadSessions':
        (database(r.channelDatabase).download[r.job] ??= []).push(r);
        break;
      case 'uploadSessions':
        database(r.channelDatabase).upload.push(r);
        break;
      case 'batchJobHistory':
        batchRuns.push(r);
        break;
      case 'customerSyncStatus':
        channels.set(r.channel, [...(channels.get(r.channel) ?? []), r]);
        break;
      case 'hqStagedCustomers':
        staged.set(r.channel, [...(staged.get(r.channel) ?? []), r]);
        if (!channels.has(r.channel)) {
          channels.set(r.channel, []);
        }
        break;
    }
  }
  const missing = [...channels.keys()].filter((c) => channelDatabases[c] === undefined);
  if (missing.length > 0) {
    throw new Error(`groupEvidence: no channel database for ${missing.join(', ')}; resolve them with resolveChannelDatabases first`);
  }
  for (const db of new Set(Object.values(channelDatabases))) {
    database(db);
  }
  const instants = records.flatMap(instantsOf).sort();
  return {
    features: [...features.values()],
    channelDatabases: [...databases].map(([name, d]) => ({
      name,
      download: Object.fromEntries(Object.entries(d.download).map(([job, list]) => [job, [...list].sort(byTime((s: DownloadSessionRecord) => s.at))])),
      upload: [...d.upload].sort(byTime((s) => s.at)),
    })),
    channels: [...channels].map(([name, rows]) => ({
      name,
      channelDatabase: channelDatabases[name],
      statusRows: [...rows].sort(byTime((s) => s.at)),
      stagedRows: staged.get(name) ?? [],
    })),
    batchRuns: batchRuns.sort(byTime((b) => b.start)),
    span: instants.length === 0 ? undefined : { from: instants[0], to: instants[instants.length - 1] },
    warnings,
  };
}

function instantsOf(r: EvidenceRecord): string[] {
  switch (r.kind) {
    case 'featureManagement':
      return r.enabledAt === undefined ? [] : [r.enabledAt];
    case 'batchJobHistory':
      return r.end === undefined ? [r.start] : [r.start, r.end];
    case 'hqStagedCustomers':
      return [];
    default:
      return [r.at];
  }
}
