// The engine's side of the protocol: one analysis (and its simulation) per document. Runs in the
// worker thread; also usable in-process (tests, and a fallback when workers are unavailable).
import type { SqlJsStatic } from 'sql.js';
import { analyze, type Analysis, type ScenarioLimits } from '../diagnose/engine';
import { IncrementalReplay } from '../scenario/incremental';
import {
  cdxJobStates,
  channelCustomers,
  channelDatabaseNames,
  featureStates,
  operationCounts,
  operationFields,
  operations,
  pipelineSnapshot,
  stagingRows,
  stagingTables,
} from '../sim/queries';
import { localize } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { ConsoleRefusal, ConsoleSqlError, runConsoleQuery } from '../sim/sqlConsole';
import { loadSqlJs } from '../sim/sqljs';
import type { Simulation } from '../sim/simulation';
import { type AnalysisSnapshot, EngineError, type EngineRequest, type EngineResults, type TravelState } from './protocol';
import { TimeTravel } from './timeTravel';

/** Not JSON(C) that reads as a scenario: the views go on showing the last good replay. */
function isBroken(analysis: Pick<Analysis, 'sim' | 'findings'>): boolean {
  return !analysis.sim || analysis.findings.some((f) => f.ruleId === RULE.syntax);
}

/** An in-process host on sql.js from `wasmPath` (tests and tools; the editor uses the worker). */
export function inProcessHost(wasmPath: string): () => EngineHost {
  return () => new EngineHost(() => loadSqlJs(wasmPath));
}

/** Parses, replays and diagnoses the common path once (a customer through the P-job and the batch job). */
const WARM_UP_SCENARIO = JSON.stringify({
  start: '2026-01-01T08:00:00Z',
  features: { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true },
  channels: [{ id: 'Store', channelDatabase: 'Default', asyncCustomerCreation: true }],
  timeline: [
    { createCustomer: { channel: 'Store', firstName: 'Ana', lastName: 'Berg' } },
    { runJob: 'P-0001' },
    { runBatch: 'SynchronizeCustomersAndChannelRequests' },
    { advance: 'PT1H' },
  ],
});

export class EngineHost {
  private readonly analyses = new Map<string, Analysis>();
  /** Each document's simulation with its checkpoints, kept between analyses. */
  private readonly replays = new Map<string, IncrementalReplay>();
  private readonly timeTravel = new TimeTravel();

  constructor(private readonly loadSql: () => Promise<SqlJsStatic>) {}

  async handle<K extends EngineRequest['kind']>(request: Extract<EngineRequest, { kind: K }>, isCancelled: () => boolean): Promise<EngineResults[K]> {
    return (await this.dispatch(request, isCancelled)) as EngineResults[K];
  }

  private async dispatch(request: EngineRequest, isCancelled: () => boolean): Promise<unknown> {
    switch (request.kind) {
      case 'analyze':
        return this.analyze(request.doc, request.text, request.version, request.locale, isCancelled, request.limits);
      case 'dispose':
        this.dispose(request.doc);
        return undefined;
      case 'warmUp':
        analyze(await this.loadSql(), WARM_UP_SCENARIO);
        return undefined;
      case 'featureStates':
        return featureStates(await this.simAt(request.doc, request.afterEntry, isCancelled));
      case 'cdxJobStates':
        return cdxJobStates(await this.simAt(request.doc, request.afterEntry, isCancelled));
      case 'stagingTables':
        return stagingTables(await this.simAt(request.doc, request.afterEntry, isCancelled));
      case 'stagingRows':
        return stagingRows(await this.simAt(request.doc, request.afterEntry, isCancelled), request.database, request.table, request.offset, request.limit);
      case 'operationCounts':
        return operationCounts(await this.simAt(request.doc, request.afterEntry, isCancelled));
      case 'operations':
        return operations(await this.simAt(request.doc, request.afterEntry, isCancelled), request.status, request.offset, request.limit);
      case 'operationFields':
        return operationFields(this.sim(request.doc), request.operation);
      case 'pipeline':
        return { ...pipelineSnapshot(await this.simAt(request.doc, request.afterEntry, isCancelled)), afterEntry: this.travelEntry(request.doc, request.afterEntry) };
      case 'travel':
        return this.travel(request.doc, request.afterEntry, isCancelled);
      case 'channelCustomers':
        return channelCustomers(this.sim(request.doc), request.database, request.offset, request.limit);
      case 'query':
        // The time budget (request.timeoutMs) is kept by the client: sql.js cannot be interrupted.
        try {
          return runConsoleQuery(this.sim(request.doc), request.database, request.sql, request.maxRows);
        } catch (error) {
          if (error instanceof ConsoleRefusal) {
            throw new EngineError('readOnly', localize(error.ref, request.locale));
          }
          if (error instanceof ConsoleSqlError) {
            throw new EngineError('sqlError', localize(error.ref, request.locale));
          }
          throw error;
        }
    }
  }

  private async analyze(
    doc: string,
    text: string,
    version: number,
    locale: 'en' | 'sv',
    isCancelled: () => boolean,
    limits?: Partial<ScenarioLimits>,
  ): Promise<AnalysisSnapshot> {
    const sql = await this.loadSql();
    const started = performance.now();
    let analysis: Analysis;
    let incremental = this.replays.get(doc);
    if (!incremental) {
      incremental = new IncrementalReplay(sql);
      this.replays.set(doc, incremental);
    }
    try {
      analysis = analyze(sql, text, { locale, incremental, isCancelled, limits });
    } catch (error) {
      this.dispose(doc);
      // SQLite's heap (wasm memory) ran out: the estimate in memoryBudget.ts was too low.
      if (error instanceof Error && /out of memory/i.test(error.message)) {
        throw new EngineError('tooLarge', 'The simulation ran out of memory while replaying this scenario; make it smaller or lower asyncCustomerDoctor.limits.memoryBudgetMB.', error.stack);
      }
      throw error;
    }
    if (analysis.cancelled || isCancelled()) {
      // A simulation of the document's incremental replay stays with it: the replay rolls back
      // what a cancelled one left half done when the next version arrives.
      this.closeUnlessIncremental(doc, analysis.sim);
      throw new EngineError('cancelled', 'Superseded by a newer version of the document.');
    }
    // A file with a syntax error (while typing) keeps the last good replay for the views; it
    // was replayed on its own (diagnose/engine.ts), so the incremental one still holds the last good.
    const lastGood = this.analyses.get(doc)?.sim;
    const keepLastGood = lastGood !== undefined && isBroken(analysis);
    if (keepLastGood) {
      this.closeUnlessIncremental(doc, analysis.sim);
    } else {
      const previous = this.analyses.get(doc)?.sim;
      if (previous !== analysis.sim) {
        this.closeUnlessIncremental(doc, previous);
      }
      this.timeTravel.dispose(doc);
      this.analyses.set(doc, analysis);
    }
    const { scenario } = analysis;
    const sim = this.analyses.get(doc)?.sim;
    return {
      version,
      findings: analysis.findings,
      walk: analysis.walk,
      scenario: {
        name: scenario.name,
        usable: scenario.usable,
        start: scenario.start,
        timelineLength: scenario.timelineLength,
        entryOffsets: scenario.timeline.map((entry) => entry.span.offset),
        channels: scenario.channels.map((c) => ({ id: c.id, kind: c.kind, channelDatabase: c.channelDatabase })),
        channelDatabases: sim ? channelDatabaseNames(sim) : [],
      },
      clock: sim?.now ?? scenario.start,
      lastGoodReplay: keepLastGood,
      cancelled: false,
      durationMs: performance.now() - started,
      replayedFrom: analysis.resumedAt ?? 0,
    };
  }

  private sim(doc: string) {
    const sim = this.analyses.get(doc)?.sim;
    if (!sim) {
      throw new EngineError('noAnalysis', `No simulation for ${doc}: it has not been analyzed, or it is not a usable scenario.`);
    }
    return sim;
  }

  /** The simulation after timeline entry `afterEntry` (time travel), or now's. */
  private async simAt(doc: string, afterEntry: number | undefined, isCancelled: () => boolean): Promise<Simulation> {
    const now = this.sim(doc);
    if (afterEntry === undefined) {
      return now;
    }
    const scenario = this.analyses.get(doc)!.scenario;
    return this.timeTravel.simAt(doc, scenario, afterEntry, await this.loadSql(), isCancelled) ?? now;
  }

  /** The entry a time-travel request shows: undefined when it is now. */
  private travelEntry(doc: string, afterEntry: number | undefined): number | undefined {
    const entries = this.analyses.get(doc)?.scenario.timeline.length ?? 0;
    return afterEntry === undefined || afterEntry >= entries - 1 ? undefined : Math.max(-1, Math.floor(afterEntry));
  }

  private async travel(doc: string, afterEntry: number | undefined, isCancelled: () => boolean): Promise<TravelState> {
    const entries = this.analyses.get(doc)?.scenario.timeline.length ?? 0;
    const shown = this.travelEntry(doc, afterEntry);
    if (shown === undefined) {
      this.timeTravel.dispose(doc);
      return { entries, clock: this.sim(doc).now };
    }
    return { afterEntry: shown, entries, clock: (await this.simAt(doc, shown, isCancelled)).now };
  }

  dispose(doc: string): void {
    this.timeTravel.dispose(doc);
    this.closeUnlessIncremental(doc, this.analyses.get(doc)?.sim);
    this.replays.get(doc)?.close();
    this.replays.delete(doc);
    this.analyses.delete(doc);
  }

  /** Closes a simulation of one replay only; the document's incremental replay closes its own. */
  private closeUnlessIncremental(doc: string, sim: Simulation | undefined): void {
    if (sim && !this.replays.get(doc)?.owns(sim)) {
      sim.close();
    }
  }

  disposeAll(): void {
    for (const doc of new Set([...this.analyses.keys(), ...this.replays.keys()])) {
      this.dispose(doc);
    }
  }
}
