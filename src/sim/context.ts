// What every stage of the simulation shares: the database, the configuration, and the one
// plain state object that holds all of the simulation's JavaScript state (so a replay can
// checkpoint it next to the SQLite data and restore both).
import type { ChannelConfig, SimulationConfig } from './types';
import { SimulationCancelled } from './types';
import type { DbHandle, SimDatabase } from './database';

/** Everything the simulation keeps outside SQLite. Plain data: JSON round-trips it. */
export interface SimulationState {
  /** The clock (ms since the epoch) and the counter every change, job run and log line takes its SEQ from. */
  readonly clock: { now: number; seq: number };
  /** The channels as HQ has them now (updateChannel changes them), in the scenario's order. */
  readonly channels: ChannelConfig[];
  /** How many temporary customer ids, operation ids and generated customers were handed out. */
  readonly ids: { customers: number; operations: number; generated: number; transactions: number; salesOrders: number; loyaltyCards: number };
  /** When each of the configuration's schedules runs next (ms), in its order. */
  readonly nextScheduledRuns: number[];
}

export function initialState(config: SimulationConfig): SimulationState {
  return {
    clock: { now: config.start, seq: 0 },
    channels: [],
    ids: { customers: 0, operations: 0, generated: 0, transactions: 0, salesOrders: 0, loyaltyCards: 0 },
    nextScheduledRuns: (config.schedules ?? []).map((s) => s.from + s.every),
  };
}

export class SimContext {
  /** Set by replay for the length of one replay: long actions check it between chunks of work. */
  isCancelled?: () => boolean;

  constructor(
    readonly db: SimDatabase,
    readonly config: SimulationConfig,
    private current: SimulationState,
  ) {}

  /** Read afresh on every use: restoring a checkpoint replaces the whole object. */
  get state(): SimulationState {
    return this.current;
  }

  /** Back to a copy of `snapshot` (a checkpoint's state, taken with structuredClone). */
  restoreState(snapshot: SimulationState): void {
    this.current = structuredClone(snapshot);
  }

  get hq(): DbHandle {
    return this.db.hq;
  }

  get now(): number {
    return this.state.clock.now;
  }

  nextSeq(): number {
    return ++this.state.clock.seq;
  }

  channel(id: string): ChannelConfig | undefined {
    return this.state.channels.find((c) => c.id === id);
  }

  throwIfCancelled(): void {
    if (this.isCancelled?.()) {
      throw new SimulationCancelled();
    }
  }
}
