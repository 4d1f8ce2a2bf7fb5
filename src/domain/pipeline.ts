// The asynchronous customer journey as one picture: where every asynchronously created customer
// is now, and the job that moves it on. Plain data, cheap to post between threads and to a webview.
import type { Finding } from './finding';
import type { BatchJobId, CdxJobId } from './jobs';

/**
 * The stages a customer created asynchronously passes, in order. `failed` is the branch beside
 * `customerMaster`: the batch job either creates the customer or fails its operation.
 */
export type PipelineStageId = 'channelDatabase' | 'hqStaging' | 'failed' | 'customerMaster' | 'backOnChannel';

export const PIPELINE_STAGES: readonly PipelineStageId[] = ['channelDatabase', 'hqStaging', 'customerMaster', 'failed', 'backOnChannel'];

/** The finding that explains why customers wait in a stage (none for the end of the journey). */
export const STAGE_RULES: Readonly<Record<PipelineStageId, string | undefined>> = {
  channelDatabase: 'ACD004',
  hqStaging: 'ACD005',
  failed: 'ACD006',
  customerMaster: 'ACD007',
  backOnChannel: undefined,
};

export type PipelineJobId = Extract<CdxJobId, 'P-0001' | '1010'> | Extract<BatchJobId, 'SynchronizeCustomersAndChannelRequests'>;

/** A customer as people know it: "First Last" (or the email, or the temporary id when nameless). */
export interface PipelineCustomer {
  readonly name: string;
  readonly channel: string;
  readonly channelDatabase: string;
}

export interface PipelineStage {
  readonly id: PipelineStageId;
  /** Customers whose furthest point is this stage. */
  readonly count: number;
  /** Every channel database of the scenario (where the customers were created), zeros included. */
  readonly byDatabase: readonly { readonly database: string; readonly count: number }[];
  /** The first customers of the stage, in creation order, at most `customerLimit` of them. */
  readonly customers: readonly PipelineCustomer[];
}

export interface PipelineJobRun {
  /** The channel database the run is for; null for an HQ batch job, which serves them all. */
  readonly database: string | null;
  /** ISO time of the last run; undefined if it never ran. */
  readonly lastRunAt?: string;
  /** The last run was the scenario's starting point, not a timeline entry. */
  readonly lastRunAtStart: boolean;
  /** Customers waiting in the stage before the job (for this channel database). */
  readonly waiting: number;
  /** Records wait behind the job: running it would move them on. */
  readonly stale: boolean;
  /** The last run itself failed (set once job runs can fail). */
  readonly failed?: { readonly at: string; readonly reason: string };
  /** ISO time of the next scheduled run (set once schedules exist). */
  readonly nextRunAt?: string;
}

export interface PipelineJob {
  readonly id: PipelineJobId;
  readonly name: string;
  readonly from: PipelineStageId;
  readonly to: readonly PipelineStageId[];
  readonly runs: readonly PipelineJobRun[];
}

/** The POS or online store where customers start. */
export interface PipelineChannel {
  readonly id: string;
  readonly kind: string;
  readonly channelDatabase: string;
  /** Customers created asynchronously here. */
  readonly created: number;
}

export interface PipelineSnapshot {
  /** The simulated clock, ISO. */
  readonly clock: string;
  /** The state after this timeline entry (0-based); undefined for the end of the timeline. */
  readonly afterEntry?: number;
  readonly channelDatabases: readonly string[];
  readonly channels: readonly PipelineChannel[];
  /** In PIPELINE_STAGES order; each customer created asynchronously is in exactly one. */
  readonly stages: readonly PipelineStage[];
  /** P-job, batch job, job 1010: the job between each pair of stages. */
  readonly jobs: readonly PipelineJob[];
  /** Customers created asynchronously: the sum of the stage counts. */
  readonly created: number;
  /** Customers created by a real-time call: in HQ at once, outside the journey. */
  readonly createdRealtime: number;
  /** The most names listed per stage. */
  readonly customerLimit: number;
}

export function stageOf(snapshot: PipelineSnapshot, id: PipelineStageId): PipelineStage {
  const stage = snapshot.stages.find((s) => s.id === id);
  if (!stage) {
    throw new Error(`The pipeline has no stage ${id}.`);
  }
  return stage;
}

/**
 * The finding that explains why customers wait in a stage: the stage's rule, preferring one whose
 * evidence is in the chosen channel database. -1 when none does.
 */
export function findingForStage(findings: readonly Finding[], stage: PipelineStageId, database?: string): number {
  const rule = STAGE_RULES[stage];
  if (!rule) return -1;
  const inDatabase = findings.findIndex((f) => f.ruleId === rule && database !== undefined && f.evidence.some((e) => e.database === database));
  return inDatabase >= 0 ? inDatabase : findings.findIndex((f) => f.ruleId === rule);
}
