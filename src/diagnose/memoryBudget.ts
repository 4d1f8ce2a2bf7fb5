// How much memory replaying a scenario will take, estimated from the parsed scenario before any
// of it is simulated, so a scenario beyond the budget gets ACD108 instead of taking the engine's
// worker (or a laptop) down.
import { msg, type MessageRef } from '../domain/l10n';
import type { Scenario } from '../scenario/model';

/**
 * Calibrated on real sql.js replays of bench/scale.ts's scenario (four channels, two channel
 * databases; peak resident memory of the whole process, sql.js and its wasm included):
 *
 *   customers   peak RSS   measured with
 *   10 000      99 MB      node out/bench/scale.js sqljs 10000   (2-core machine, Node 20)
 *   100 000     353 MB     node out/bench/scale.js sqljs 100000
 *   1 000 000   2108 MB    npm run bench, the 1M row
 *
 * A line through the 100k and 1M points: about 2 KB per customer on a base of ~160 MB. It
 * overestimates small scenarios (177 MB for 10k against 99 measured), which is the safe side.
 * When the storage per customer changes, measure again and update these figures.
 */
const BASE_MB = 160;
const BYTES_PER_CUSTOMER = 2044;
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
