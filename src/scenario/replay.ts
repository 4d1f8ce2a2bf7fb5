// Replays a parsed scenario into a fresh simulation: the state is what the event log gives.
import type { SqlJsStatic } from 'sql.js';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { KNOWN_COUNTRY_REGIONS } from '../domain/tables';
import { formatShort } from '../domain/time';
import type { SqlConnection } from '../sim/connection';
import { Simulation, SimulationCancelled, type Outcome } from '../sim/simulation';
import { featureOrigin, type Scenario, scheduleOrigin, type ScenarioProblem, type TimelineEntry, timelineOrigin } from './model';
import { CustomerReferences } from './references';

export interface ReplayOptions {
  /** Called between entries; return true to stop early (the result is then partial). */
  readonly isCancelled?: () => boolean;
}

export interface ReplayResult {
  readonly sim: Simulation;
  /** The customers the scenario created, by the references it may use for them. */
  readonly references: CustomerReferences;
  /** Problems only replay can see: times going backwards. */
  readonly problems: readonly ScenarioProblem[];
  /** What each entry did, by timeline index, for hovers and the event log. */
  readonly outcomes: ReadonlyMap<number, Outcome>;
  readonly cancelled: boolean;
}

/** Replays on sql.js, or on any SQL connection (the benchmark's native baseline). */
export function replay(scenario: Scenario, engine: SqlJsStatic | SqlConnection, options: ReplayOptions = {}): ReplayResult {
  const sim = newSimulation(scenario, engine);
  sim.setCancellation(options.isCancelled);
  const references = new CustomerReferences();
  const problems: ScenarioProblem[] = [];
  const outcomes = new Map<number, Outcome>();
  let cancelled = false;
  for (const entry of scenario.timeline) {
    if (options.isCancelled?.()) {
      cancelled = true;
      break;
    }
    try {
      const replayed = replayEntry(sim, references, entry);
      if (replayed.clockWhenBackwards !== undefined) {
        problems.push(timeBackwards(scenario, entry, replayed.clockWhenBackwards));
      }
      outcomes.set(entry.index, replayed.outcome);
    } catch (error) {
      if (error instanceof SimulationCancelled) {
        cancelled = true;
        break;
      }
      throw error;
    }
  }
  sim.setCancellation(undefined);
  return { sim, references, problems, outcomes, cancelled };
}

/** A fresh simulation with the scenario's start, channels, features and settings. */
export function newSimulation(scenario: Scenario, engine: SqlJsStatic | SqlConnection): Simulation {
  return new Simulation(engine, {
    start: scenario.start,
    channels: scenario.channels,
    features: scenario.features.map((f) => ({ id: f.id, enabled: f.enabled, origin: featureOrigin(f.id) })),
    csuCacheMs: scenario.csuCacheMs,
    commerceVersion: scenario.commerceVersion,
    schedules: scenario.schedules?.map((s) => ({ job: s.job, every: s.every, from: s.from, origin: scheduleOrigin(s.index) })),
  });
}

/**
 * Moves the clock to the entry's time and applies the entry. `clockWhenBackwards` is the clock
 * the entry found when its "at" lies before it (the clock then stays where it was).
 */
export function replayEntry(sim: Simulation, references: CustomerReferences, entry: TimelineEntry): { outcome: Outcome; clockWhenBackwards?: number } {
  let clockWhenBackwards: number | undefined;
  if (entry.at !== undefined && entry.atSpan) {
    if (entry.at < sim.now) {
      clockWhenBackwards = sim.now;
    } else {
      sim.setClock(entry.at);
    }
  }
  return { outcome: applyEntry(sim, references, entry), clockWhenBackwards };
}

/** An entry's "at" before the clock, with the fix that removes it. */
export function timeBackwards(scenario: Scenario, entry: TimelineEntry, clock: number): ScenarioProblem {
  return {
    ruleId: RULE.timeBackwards,
    severity: 'error',
    message: msg('timeBackwards', { at: formatShort(entry.at!), clock: formatShort(clock) }),
    span: entry.atSpan!,
    fixes: [{ title: msg('fixRemoveAt', {}), edits: [removeAtEdit(scenario.text, entry)], isPreferred: true }],
  };
}

/** Applies one timeline entry to the simulation, references resolved (exported for the invariant tests). */
export function applyEntry(sim: Simulation, references: CustomerReferences, entry: TimelineEntry): Outcome {
  const origin = timelineOrigin(entry.index);
  const action = entry.action;
  switch (action.kind) {
    case 'enableFeature':
      return sim.enableFeature(action.feature, origin);
    case 'disableFeature':
      return sim.disableFeature(action.feature, origin);
    case 'runJob':
      return sim.runJob(action.job, action.channelDatabase, origin, { fails: action.fails });
    case 'runBatch':
      return action.batch === 'SynchronizeOrders'
        ? sim.runSynchronizeOrders(origin, { fails: action.fails })
        : sim.runSynchronizeBatch(origin, { fails: action.fails });
    case 'createCustomerOrder':
      return sim.createCustomerOrder({ channel: action.channel, customer: references.resolve(action.customer), mode: action.mode }, origin);
    case 'createSale':
      return sim.createSale({ channel: action.channel, customer: references.resolve(action.customer) }, origin);
    case 'issueLoyaltyCard':
      return sim.issueLoyaltyCard({ channel: action.channel, customer: references.resolve(action.customer) }, origin);
    case 'createCustomer': {
      const outcome = sim.createCustomer(action.customer, origin);
      references.remember(action.customer, outcome);
      return outcome;
    }
    case 'generateCustomers':
      return sim.generateCustomers(
        { count: action.count, channels: action.channels, countryRegion: action.countryRegion ?? KNOWN_COUNTRY_REGIONS[0], offline: action.offline ?? false },
        origin,
      );
    case 'editCustomer':
      return sim.editCustomer(
        { channel: action.channel, customer: references.resolve(action.customer), changes: action.changes, offline: action.offline },
        origin,
      );
    case 'createAddress':
      return sim.createAddress(
        { channel: action.channel, customer: references.resolve(action.customer), address: action.address, offline: action.offline },
        origin,
      );
    case 'editFailedOperation':
      return sim.editFailedOperation(references.resolveOperation(sim, action.operation), action.changes, origin);
    case 'observedOperation': {
      const { kind: _kind, ...input } = action;
      return sim.observeOperation(input, origin);
    }
    case 'resync':
      return sim.resync(references.resolveOperation(sim, action.operation), origin);
    case 'advance':
      return sim.advance(action.ms, origin);
    case 'updateChannel':
      return sim.updateChannel(
        action.channel,
        { asyncCustomerCreation: action.asyncCustomerCreation, filterSharedCustomerDataTables: action.filterSharedCustomerDataTables },
        origin,
      );
  }
}

/** Removes the entry's "at" property and the comma that goes with it. */
function removeAtEdit(text: string, entry: TimelineEntry): { offset: number; length: number; newText: string } {
  const atSpan = entry.atSpan!;
  // Walk back from the value to the start of the "at" key.
  const keyStart = text.lastIndexOf('"at"', atSpan.offset);
  let start = keyStart >= entry.span.offset ? keyStart : atSpan.offset;
  let end = atSpan.offset + atSpan.length;
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) {
    end += after[0].length;
  } else {
    const before = /,\s*$/.exec(text.slice(entry.span.offset, start));
    if (before) {
      start -= before[0].length;
    }
  }
  return { offset: start, length: end - start, newText: '' };
}
