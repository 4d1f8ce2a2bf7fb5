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
import { ConsoleRefusal, ConsoleSqlError, runConsoleQuery } from '../sim/sqlConsole';
import { loadSqlJs } from '../sim/sqljs';
import { type AnalysisSnapshot, EngineError, type EngineRequest, type EngineResults } from './protocol';

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
        return featureStates(this.sim(request.doc));
      case 'cdxJobStates':
        return cdxJobStates(this.sim(request.doc));
      case 'stagingTables':
        return stagingTables(this.sim(request.doc));
      case 'stagingRows':
        return stagingRows(this.sim(request.doc), request.database, request.table, request.offset, request.limit);
      case 'operationCounts':
        return operationCounts(this.sim(request.doc));
      case 'operations':
        return operations(this.sim(request.doc), request.status, request.offset, request.limit);
      case 'operationFields':
        return operationFields(this.sim(request.doc), request.operation);
      case 'pipeline':
        return pipelineSnapshot(this.sim(request.doc));
      case 'channelCustomers':
        return channelCustomers(this.sim(request.doc), request.database, request.offset, request.limit);
      case 'query':
        // The time budget (request.timeoutMs) is kept by the client: sql.js cannot be interrupted.
        try {
          return runConsoleQuery(this.sim(request.doc), request.database, request.sql, request.maxRows);
        } catch (error) {
          if (error instanceof ConsoleRefusal) {
            throw new EngineError('readOnly', error.message);
          }
          if (error instanceof ConsoleSqlError) {
            throw new EngineError('sqlError', error.message);
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
      // The simulation belongs to the document's incremental replay, which rolls back what a
      // cancelled replay left half done when the next version arrives.
      throw new EngineError('cancelled', 'Superseded by a newer version of the document.');
    }
    this.analyses.set(doc, analysis);
    const { scenario, sim } = analysis;
    return {
      version,
      findings: analysis.findings,
      walk: analysis.walk,
      scenario: {
        name: scenario.name,
        usable: scenario.usable,
        start: scenario.start,
        timelineLength: scenario.timelineLength,
        channels: scenario.channels.map((c) => ({ id: c.id, kind: c.kind, channelDatabase: c.channelDatabase })),
        channelDatabases: sim ? channelDatabaseNames(sim) : [],
      },
      clock: sim?.now ?? scenario.start,
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

  dispose(doc: string): void {
    this.replays.get(doc)?.close();
    this.replays.delete(doc);
    this.analyses.delete(doc);
  }

  disposeAll(): void {
    for (const doc of new Set([...this.analyses.keys(), ...this.replays.keys()])) {
      this.dispose(doc);
    }
  }
}
