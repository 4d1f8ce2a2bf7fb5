// Test-only: raw SQL against a simulation's tables, for tests that check what an action wrote
// row by row. Rules and views never do this; they ask the read model (src/sim/queries/).
import type { Row, SqlValue } from '../../src/sim/connection';
import { contextOf } from '../../src/sim/internal';
import type { Simulation } from '../../src/sim/simulation';

/** Rows of a query against 'HQ' or a channel database (channel tables named without a schema). */
export function rawAll(sim: Simulation, database: string, sql: string, params: SqlValue[] = []): Row[] {
  const { db } = contextOf(sim);
  return db.all(db.database(database), sql, params);
}

export function rawOne(sim: Simulation, database: string, sql: string, params: SqlValue[] = []): Row | undefined {
  const { db } = contextOf(sim);
  return db.one(db.database(database), sql, params);
}

/** The N column of a COUNT query's row. */
export function rawCount(sim: Simulation, database: string, sql: string, params: SqlValue[] = []): number {
  return Number(rawOne(sim, database, sql, params)?.N ?? 0);
}
