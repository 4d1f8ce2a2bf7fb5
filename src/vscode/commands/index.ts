// The command table: every command of the extension, one small factory each, sharing the
// CommandContext. workbench.ts binds the ids (commandIds.ts) to activation's placeholders and
// loads this module, a bundle of its own, on the first command.
import type { CommandId } from '../commandIds';
import { CommandContext, type CommandDependencies } from './context';
import * as customers from './customers';
import * as evidence from './evidence';
import * as files from './files';
import * as inspect from './inspect';
import * as simulation from './simulation';
import type { CommandFactory } from './types';

export type { CommandDependencies } from './context';

const COMMANDS: Record<CommandId, CommandFactory> = {
  newScenario: files.newScenario,
  openSample: files.openSample,
  runDiagnosis: inspect.runDiagnosis,
  enableFeature: simulation.enableFeature,
  runCdxJob: simulation.runCdxJob,
  runPJob: simulation.runPJob,
  runBatch: simulation.runBatch,
  createCustomer: customers.createCustomer,
  editCustomer: customers.editCustomer,
  advanceClock: simulation.advanceClock,
  reset: simulation.reset,
  exportReport: files.exportReport,
  querySql: inspect.querySql,
  editFailedOperation: customers.editFailedOperation,
  resync: customers.resync,
  refresh: inspect.refresh,
  revealFinding: inspect.revealFinding,
  loadMore: inspect.loadMore,
  showStagingRow: inspect.showStagingRow,
  importEvidence: evidence.importEvidence,
  openSqlPack: evidence.openSqlPack,
  exportSupportBundle: evidence.exportSupportBundle,
};

/** A registered command's handler: VS Code passes whatever arguments the caller gave. */
export type CommandHandler = (...args: unknown[]) => unknown;

/** The handler of every command, by id without the 'asyncCustomers.' prefix. */
export function commandHandlers(deps: CommandDependencies): Map<CommandId, CommandHandler> {
  const ctx = new CommandContext(deps);
  return new Map(Object.entries(COMMANDS).map(([id, create]) => [id as CommandId, create(ctx) as CommandHandler]));
}
