// Incremental replay for the editor: one simulation per document, kept between analyses with
// checkpoints along the timeline. An edit that leaves the first k entries unchanged rolls back to
// the last checkpoint at or before entry k and replays from there; an edit of the start,
// features, channels or settings replays from the beginning. The result is the same as a full
// replay's (test/unit/incremental.test.ts compares them on random edits of random scenarios).
import type { SqlJsStatic } from 'sql.js';
import type { SqlConnection } from '../sim/connection';
import { changeCounters, openCheckpoint, releaseCheckpoint, restoreCheckpoint, type SimCheckpoint } from '../sim/checkpoints';
import { type Outcome, type Simulation, SimulationCancelled } from '../sim/simulation';
import { customersCreated, type Scenario, type ScenarioProblem } from './model';
import { CustomerReferences, type ReferencesState } from './references';
import { newSimulation, type ReplayOptions, type ReplayResult, replayEntry, timeBackwards } from './replay';

export interface IncrementalOptions extends ReplayOptions {
  /**
   * Bytes the checkpoints may hold (the pages SQLite journals for them, estimated). Beyond it
   * the checkpoints are dropped and a new one is laid where the replay is.
   */
  readonly checkpointBudgetBytes?: number;
}

export interface IncrementalResult extends ReplayResult {
  /** The position in the timeline the replay started from: 0 for a full replay. */
  readonly resumedAt: number;
}

/** At most this many checkpoints are open at once. */
const MAX_CHECKPOINTS = 8;
const DEFAULT_CHECKPOINT_BUDGET = 256 * 1024 * 1024;

interface Checkpoint {
  /** Before the timeline entry at this position (an index into Scenario.timeline). */
  readonly position: number;
  readonly sim: SimCheckpoint;
  readonly references: ReferencesState;
}

/** What an applied entry left for the result: its outcome and, if its "at" went backwards, the clock it found. */
interface Applied {
  readonly key: string;
  readonly outcome: Outcome;
  readonly clockWhenBackwards?: number;
}

export class IncrementalReplay {
  private sim?: Simulation;
  private configKey = '';
  private references = new CustomerReferences();
  private checkpoints: Checkpoint[] = [];
  /** The entries applied to the simulation as it is now, by position. */
  private applied: Applied[] = [];
  /** False while the last entry may be half applied (a cancelled replay): roll back before going on. */
  private clean = false;
  /**
   * Set when SQLite ran out of memory with checkpoints open (their journal is what did not fit):
   * scenarios of at least this many customers replay without checkpoints, as a replay from the
   * start does, which needs no journal at all.
   */
  private noCheckpointsFrom?: number;
  private checkpointsEnabled = true;

  constructor(private readonly engine: SqlJsStatic | SqlConnection) {}

  replay(scenario: Scenario, options: IncrementalOptions = {}): IncrementalResult {
    const keys = scenario.timeline.map(entryKey);
    const allowed = this.checkpointsAllowed(scenario);
    if (allowed !== this.checkpointsEnabled) {
      // Checkpoints switch on or off: the simulation starts over in the other mode.
      this.close();
      this.checkpointsEnabled = allowed;
    }
    const resumedAt = this.resume(scenario, keys);
    const sim = this.sim!;
    sim.setCancellation(options.isCancelled);
    let cancelled = false;
    try {
      const plan = checkpointPlan(keys.length);
      for (let position = resumedAt; position < keys.length; position++) {
        if (options.isCancelled?.()) {
          cancelled = true;
          break;
        }
        if (plan.has(position) && (this.checkpoints.at(-1)?.position ?? -1) < position) {
          this.open(position);
        }
        this.clean = false;
        const { outcome, clockWhenBackwards } = replayEntry(sim, this.references, scenario.timeline[position]);
        this.applied.push({ key: keys[position], outcome, clockWhenBackwards });
        this.clean = true;
        this.keepWithinBudget(options.checkpointBudgetBytes ?? DEFAULT_CHECKPOINT_BUDGET, position + 1);
      }
    } catch (error) {
      if (!(error instanceof SimulationCancelled)) {
        // A bug or SQLite out of memory: nothing here can be trusted any more.
        const retry = isOutOfMemory(error) && this.checkpointsAllowed(scenario);
        this.close();
        if (retry) {
          this.noCheckpointsFrom = customersCreated(scenario);
          return this.replay(scenario, options);
        }
        throw error;
      }
      cancelled = true;
    } finally {
      sim.setCancellation(undefined);
    }
    return { ...this.result(scenario, sim, cancelled), resumedAt };
  }

  /** Whether `sim` is this replay's simulation (closed by close(), not by whoever was handed it). */
  owns(sim: Simulation): boolean {
    return sim === this.sim;
  }

  close(): void {
    this.sim?.close();
    this.sim = undefined;
    this.checkpoints = [];
    this.applied = [];
  }

  /** Brings the simulation to the longest unchanged prefix it can reach; returns where replay goes on. */
  private resume(scenario: Scenario, keys: readonly string[]): number {
    const configKey = scenarioConfigKey(scenario);
    if (this.sim && configKey === this.configKey) {
      let same = 0;
      while (same < this.applied.length && same < keys.length && this.applied[same].key === keys[same]) {
        same++;
      }
      if (this.clean && same === this.applied.length) {
        return same;
      }
      let index = this.checkpoints.length - 1;
      while (index >= 0 && this.checkpoints[index].position > same) {
        index--;
      }
      if (index >= 0) {
        const checkpoint = this.checkpoints[index];
        restoreCheckpoint(this.sim, checkpoint.sim);
        this.checkpoints.length = index + 1;
        this.references = new CustomerReferences(structuredClone(checkpoint.references));
        this.applied.length = checkpoint.position;
        this.clean = true;
        return checkpoint.position;
      }
    }
    this.close();
    this.sim = newSimulation(scenario, this.engine);
    this.configKey = configKey;
    this.references = new CustomerReferences();
    this.clean = true;
    this.open(0);
    return 0;
  }

  private checkpointsAllowed(scenario: Scenario): boolean {
    return this.noCheckpointsFrom === undefined || customersCreated(scenario) < this.noCheckpointsFrom;
  }

  private open(position: number): void {
    if (!this.checkpointsEnabled) {
      return;
    }
    if (this.checkpoints.length >= MAX_CHECKPOINTS) {
      // Only the newest can go (a savepoint takes every later one with it); the new one is nearer the end.
      releaseCheckpoint(this.sim!, this.checkpoints.pop()!.sim);
    }
    this.checkpoints.push({ position, sim: openCheckpoint(this.sim!, `checkpoint_${position}`), references: structuredClone(this.references.state) });
  }

  /**
   * SQLite journals a page once per checkpoint interval in which it changes, if it existed when
   * the interval began: at most min(rows changed, pages then) pages per interval. Beyond the
   * budget every checkpoint is released (which frees the journal) and one is laid here.
   */
  private keepWithinBudget(budgetBytes: number, position: number): void {
    const { changes, pageSize } = changeCounters(this.sim!);
    let bytes = 0;
    this.checkpoints.forEach((checkpoint, i) => {
      const until = this.checkpoints[i + 1]?.sim.changes ?? changes;
      bytes += Math.min(until - checkpoint.sim.changes, checkpoint.sim.pages) * pageSize;
    });
    if (bytes > budgetBytes) {
      releaseCheckpoint(this.sim!, this.checkpoints[0].sim);
      this.checkpoints = [];
      this.open(position);
    }
  }

  private result(scenario: Scenario, sim: Simulation, cancelled: boolean): ReplayResult {
    const problems: ScenarioProblem[] = [];
    const outcomes = new Map<number, Outcome>();
    this.applied.forEach((applied, position) => {
      const entry = scenario.timeline[position];
      if (applied.clockWhenBackwards !== undefined) {
        problems.push(timeBackwards(scenario, entry, applied.clockWhenBackwards));
      }
      outcomes.set(entry.index, applied.outcome);
    });
    return { sim, references: this.references, problems, outcomes, cancelled };
  }
}

/** sql.js's heap (2 GB at most) is full: SQLite answers SQLITE_NOMEM, sql.js throws this. */
function isOutOfMemory(error: unknown): boolean {
  return error instanceof Error && /\bout of memory\b/i.test(error.message);
}

/**
 * Where checkpoints go for a timeline of `length` entries: before the first entry, and before
 * the entries 1, 2, 4, 8, ... from the end, where edits (typing in the last entry, appending) are.
 */
function checkpointPlan(length: number): Set<number> {
  const plan = new Set<number>([0]);
  for (let back = 1; back <= length && plan.size < MAX_CHECKPOINTS; back *= 2) {
    plan.add(length - back);
  }
  return plan;
}

const isSpan = (key: string): boolean => key === 'span' || key.endsWith('Span') || key.endsWith('Spans');

/** An entry as the simulation sees it: its array index (origins name it), time and action; no places in the text. */
function entryKey(entry: Scenario['timeline'][number]): string {
  return JSON.stringify(entry, (key, value: unknown) => (isSpan(key) ? undefined : value));
}

/** Everything of the scenario a replay starts from, whatever fields it grows: all but the text, the timeline and places in the text. */
const NOT_CONFIG = new Set(['text', 'name', 'problems', 'timeline', 'timelineLength', 'usable']);

function scenarioConfigKey(scenario: Scenario): string {
  return JSON.stringify(scenario, function (this: unknown, key, value: unknown) {
    return isSpan(key) || (this === scenario && NOT_CONFIG.has(key)) ? undefined : value;
  });
}
