// Checkpoints of a simulation, for incremental replay: an SQLite savepoint kept open (HQ and
// every channel database are schemas of one connection, so one savepoint covers them all) and a
// copy of the JavaScript state next to it. Restoring one rolls SQLite back to the savepoint
// and puts the copy back.
//
// Why savepoints: measured on sql.js with a 200k-row table (2,947 pages), rolling back to a
// savepoint took 4-10 ms against 97 ms to copy the table into a checkpoint schema, and a
// savepoint costs memory only for pages that existed when it was opened and changed after it
// (pages appended later are never journaled). sql.js cannot export attached schemas, and
// VACUUM INTO or a backup would copy every page, as the table copy does.
import type { SimulationState } from './context';
import { contextOf } from './internal';
import type { Simulation } from './simulation';

export interface SimCheckpoint {
  /** The savepoint's name: made by the replay ('checkpoint_12'), never text from a scenario. */
  readonly name: string;
  /** The JavaScript state when the checkpoint was opened. */
  readonly state: SimulationState;
  /** SQLite's total_changes() when it was opened. */
  readonly changes: number;
  /** Pages in use when it was opened: at most these can be journaled for it. */
  readonly pages: number;
}

export function openCheckpoint(sim: Simulation, name: string): SimCheckpoint {
  const ctx = contextOf(sim);
  ctx.db.openSavepoint(name);
  return { name, state: structuredClone(ctx.state), changes: ctx.db.totalChanges(), pages: ctx.db.pages().count };
}

/** The simulation as it was when `checkpoint` was opened; later checkpoints are gone. */
export function restoreCheckpoint(sim: Simulation, checkpoint: SimCheckpoint): void {
  const ctx = contextOf(sim);
  ctx.db.rollbackToSavepoint(checkpoint.name);
  ctx.restoreState(checkpoint.state);
}

/** Drops `checkpoint` and every later one, keeping the simulation as it is. */
export function releaseCheckpoint(sim: Simulation, checkpoint: SimCheckpoint): void {
  contextOf(sim).db.releaseSavepoint(checkpoint.name);
}

/** What the cost of checkpoints is estimated from: rows changed so far, and the page size. */
export function changeCounters(sim: Simulation): { changes: number; pageSize: number } {
  const db = contextOf(sim).db;
  return { changes: db.totalChanges(), pageSize: db.pages().size };
}
