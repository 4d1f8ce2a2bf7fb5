// How much memory replaying a scenario will take, estimated from the parsed scenario before any
// of it is simulated, so a scenario beyond the budget gets ACD108 instead of taking the engine's
// worker (or a laptop) down.
import { msg, type MessageRef } from '../domain/l10n';
import { customersCreated, type Scenario } from '../scenario/model';

/**
 * Calibrated on real sql.js replays of bench/scale.ts's scenario (four channels, two channel
 * databases; peak resident memory of the whole process, sql.js and its wasm included), after
 * the storage became compact (instants, ids, origins and codes stored as numbers and read
 * through generated columns; see src/sim/schema.ts):
 *
 *   customers   peak RSS   measured with
 *   10 000      106 MB     node out/bench/scale.js sqljs 10000   (2-core machine, Node 20)
 *   100 000     189 MB     node out/bench/scale.js sqljs 100000
 *   1 000 000   1216 MB    node out/bench/scale.js sqljs 1000000
 *
 * The 100k and 1M points give 1,197 bytes per customer on a base of 75 MB; the base is raised
 * to 92 MB and the slope set to 1,181 bytes so that neither end is underestimated by more than
 * a few MB (10k: 105 against 106 measured; 100k: 206 against 189; 1M: 1220 against 1216).
 * Of the 1,181 bytes about 1,040 are SQLite pages (bench/storage.ts lists them by table and
 * index). When the storage per customer changes, measure again and update these.
 */
const BASE_MB = 92;
const BYTES_PER_CUSTOMER = 1181;
/** A timeline entry: its parsed form with spans, its event log row, its outcome. */
const BYTES_PER_ENTRY = 4096;
/** An attached channel database: its schema, indexes and initial download of HQ's data. */
const BYTES_PER_CHANNEL_DATABASE = 1024 * 1024;

export const DEFAULT_MEMORY_BUDGET_MB = 1536;

export interface MemoryEstimate {
  readonly megabytes: number;
  readonly customers: number;
  readonly entries: number;
  readonly channelDatabases: number;
}

export function estimateMemory(scenario: Scenario): MemoryEstimate {
  const customers = customersCreated(scenario);
  const entries = scenario.timeline.length;
  const channelDatabases = new Set(scenario.channels.map((c) => c.channelDatabase)).size;
  const bytes = customers * BYTES_PER_CUSTOMER + entries * BYTES_PER_ENTRY + channelDatabases * BYTES_PER_CHANNEL_DATABASE;
  return { megabytes: Math.ceil(BASE_MB + bytes / 1048576), customers, entries, channelDatabases };
}

/** The ACD108 message when the scenario would need more than `budgetMB`; undefined when it fits. */
export function beyondMemoryBudget(scenario: Scenario, budgetMB: number): MessageRef | undefined {
  const estimate = estimateMemory(scenario);
  if (estimate.megabytes <= budgetMB) {
    return undefined;
  }
  return msg('beyondMemoryBudget', { estimate: estimate.megabytes, budget: budgetMB, customers: estimate.customers });
}
