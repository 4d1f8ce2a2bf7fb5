// How much memory replaying a scenario will take, estimated from the parsed scenario before any
// of it is simulated, so a scenario beyond the budget gets ACD108 instead of taking the engine's
// worker (or a laptop) down.
import { msg, type MessageRef } from '../domain/l10n';
import type { Scenario } from '../scenario/model';

/**
 * Calibrated on real sql.js replays of bench/scale.ts's scenario (four channels, two channel
 * databases; peak resident memory of the whole process, sql.js and its wasm included), after
 * temporary tables moved into SQLite's memory and one-shot replays dropped the rollback journal:
 *
 *   customers   peak RSS   measured with
 *   10 000      107 MB     node out/bench/scale.js sqljs 10000   (2-core machine, Node 20)
 *   100 000     251 MB     node out/bench/scale.js sqljs 100000
 *   1 000 000   1834 MB    node out/bench/scale.js sqljs 1000000
 *
 * The 100k and 1M points give 1,844 bytes per customer; the base is raised from the line's
 * 75 MB to 90 MB so that small scenarios are not underestimated (10k: 109 MB against 107
 * measured; 100k: 267 against 251; 1M: 1850 against 1834). Of the 1,844 bytes about 1,570 are SQLite pages (bench/storage.ts lists them by
 * table and index). When the storage per customer changes, measure again and update these.
 */
const BASE_MB = 90;
const BYTES_PER_CUSTOMER = 1844;
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
  let customers = 0;
  for (const entry of scenario.timeline) {
    if (entry.action.kind === 'generateCustomers') {
      customers += entry.action.count;
    } else if (entry.action.kind === 'createCustomer') {
      customers += 1;
    }
  }
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
