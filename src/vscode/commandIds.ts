// The commands of the command table, which workbench.ts binds to activation's placeholders; their
// handlers (src/vscode/commands/, with the scenario reader and the report they use) load on the
// first command.
export const COMMAND_IDS = [
  'newScenario',
  'openSample',
  'runDiagnosis',
  'enableFeature',
  'runCdxJob',
  'runPJob',
  'runBatch',
  'createCustomer',
  'editCustomer',
  'advanceClock',
  'reset',
  'exportReport',
  'querySql',
  'editFailedOperation',
  'resync',
  'refresh',
  'revealFinding',
  'loadMore',
  'showStagingRow',
  'importEvidence',
  'openSqlPack',
  'exportSupportBundle',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
