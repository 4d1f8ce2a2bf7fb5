// Time travel: the state after an earlier timeline entry, replayed into a simulation of its own so
// the document's simulation (now) stays as it is. At most one per document: moving to another
// entry replaces it, going back to now disposes it.
import type { SqlJsStatic } from 'sql.js';
import type { Scenario } from '../scenario/model';
import { replay } from '../scenario/replay';
import type { Simulation } from '../sim/simulation';
import { EngineError } from './protocol';

interface Travel {
  readonly afterEntry: number;
  readonly scenario: Scenario;
  readonly sim: Simulation;
}

export class TimeTravel {
  private readonly travels = new Map<string, Travel>();

  /**
   * The simulation after timeline entry `afterEntry` (0-based) of `scenario`, or undefined when
   * that is now (no entry given, or the last one or beyond): the caller uses its own simulation.
   */
  simAt(doc: string, scenario: Scenario, afterEntry: number | undefined, sql: SqlJsStatic, isCancelled?: () => boolean): Simulation | undefined {
    if (afterEntry === undefined || afterEntry >= scenario.timeline.length - 1) {
      return undefined;
    }
    const index = Math.max(-1, Math.floor(afterEntry));
    const current = this.travels.get(doc);
    if (current && current.scenario === scenario && current.afterEntry === index) {
      return current.sim;
    }
    this.dispose(doc);
    const replayed = replay({ ...scenario, timeline: scenario.timeline.slice(0, index + 1) }, sql, { isCancelled });
    if (replayed.cancelled) {
      replayed.sim.close();
      throw new EngineError('cancelled', 'Time travel was superseded.');
    }
    this.travels.set(doc, { afterEntry: index, scenario, sim: replayed.sim });
    return replayed.sim;
  }

  /** Whether a document has a time-travel simulation (tests: one at most, none after "now"). */
  has(doc: string): boolean {
    return this.travels.has(doc);
  }

  dispose(doc: string): void {
    this.travels.get(doc)?.sim.close();
    this.travels.delete(doc);
  }

  disposeAll(): void {
    for (const doc of [...this.travels.keys()]) this.dispose(doc);
  }
}
