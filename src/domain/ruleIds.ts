// The ids of the findings: stable, shown to the user (Problems panel, CLI, report), documented
// in the README. A rule id is one of these constants, never a string typed at the use.

export const RULE = {
  /** The editing feature enabled, or an enable attempted, while a prerequisite feature is off. */
  prerequisiteFeatureOff: 'ACD001',
  /** A feature or channel setting changed in HQ after the last run of 1110, 1010 or 1070. */
  channelMetadataStale: 'ACD002',
  /** The jobs ran, but the CSU cache has not expired yet. */
  csuCacheNotExpired: 'ACD003',
  /** Async records still in the channel database: no P-job since they were written. */
  recordsAwaitingUpload: 'ACD004',
  /** Records in HQ's staging tables the batch job has not processed. */
  recordsAwaitingBatchJob: 'ACD005',
  /** An asynchronous operation failed in HQ. */
  operationFailed: 'ACD006',
  /** Account numbers in HQ not yet back on the channel: job 1010 has not run. */
  accountNumbersNotDownloaded: 'ACD007',
  /** Real-time calls go on because the functionality profile keeps a channel out of async mode. */
  channelNotInAsyncMode: 'ACD008',
  /** A feature needs a newer Commerce version than the scenario's commerceVersion. */
  featureNeedsNewerVersion: 'ACD009',
  /** schedules is declared but a pipeline job (P-0001, the batch job, 1010) has no recurrence. */
  pipelineJobNotScheduled: 'ACD010',
  /** The last run of a job failed and no later run succeeded. */
  lastRunFailed: 'ACD011',
  /** A synchronous customer order for an asynchronous customer that is not synchronized yet. */
  orderForUnsynchronizedCustomer: 'ACD012',
  /** A loyalty card for an asynchronous customer whose account number has not reached the channel. */
  loyaltyCardForUnsynchronizedCustomer: 'ACD013',
  /** The file is not valid JSON(C), or not a scenario. */
  syntax: 'ACD100',
  /** An unknown or duplicate key. */
  unknownKey: 'ACD101',
  /** An unknown id (feature, job, channel, ...), or a reference replay cannot resolve. */
  unknownId: 'ACD102',
  /** A value of the wrong type. */
  wrongType: 'ACD103',
  /** A timeline entry earlier than the clock. */
  timeBackwards: 'ACD104',
  /** A required key is missing. */
  missingKey: 'ACD105',
  /** An action HQ or POS would refuse. */
  refusedAction: 'ACD106',
  /** A bad date, duration or count. */
  badValue: 'ACD107',
  /** The scenario is over the size, entry, generated-customer or channel database limits. */
  overLimits: 'ACD108',
  /** A customer reference several customers of the scenario answer to. */
  ambiguousReference: 'ACD109',
} as const;

export type RuleId = (typeof RULE)[keyof typeof RULE];
