// Messages between the editor and the engine, which owns the sql.js databases in a worker
// thread so replaying a large scenario never blocks the extension host.
import type { Finding } from '../domain/finding';
import type { PipelineSnapshot } from '../domain/pipeline';
import type { Locale } from '../domain/l10n';
import type { QuestionResult, ScenarioLimits } from '../diagnose/engine';
import type { CdxJobState, ChannelDatabaseState, FeatureState, OperationStatus, OperationSummary, Row, StagingTable } from '../sim/queries';
import type { QueryResult } from '../sim/sqlConsole';

export type { CdxJobState, ChannelDatabaseState, FeatureState, OperationStatus, OperationSummary, QueryResult, StagingTable };

/** What the editor keeps of an analysis: plain data, cheap to post between threads. */
export interface AnalysisSnapshot {
  readonly version: number;
  readonly findings: readonly Finding[];
  readonly walk: readonly QuestionResult[];
  readonly scenario: {
    readonly name?: string;
    readonly usable: boolean;
    readonly start: number;
    readonly timelineLength: number;
    /** Where each valid timeline entry starts in the text, by entry (for "State after this entry"). */
    readonly entryOffsets: readonly number[];
    readonly channels: readonly { id: string; kind: string; channelDatabase: string }[];
    readonly channelDatabases: readonly string[];
  };
  /** The simulated clock after replay (ms since epoch). */
  readonly clock: number;
  /** The text cannot be read (a syntax error): the views and the walk are the last good replay's. */
  readonly lastGoodReplay: boolean;
  readonly cancelled: boolean;
  readonly durationMs: number;
  /** The timeline position the replay started from: 0, or the checkpoint an incremental replay resumed at. */
  readonly replayedFrom: number;
}

/**
 * The state after timeline entry `afterEntry` (0-based, in timeline order) instead of after the
 * whole timeline: time travel. Undefined, or the last entry, is now.
 */
export interface AtEntry {
  readonly afterEntry?: number;
}

/** Where time travel stands: the entry shown, how many there are, and the clock after it. */
export interface TravelState {
  /** Undefined: now (the whole timeline). */
  readonly afterEntry?: number;
  readonly entries: number;
  /** The simulated clock after the entry (ms since epoch). */
  readonly clock: number;
}

export type EngineRequest =
  | {
      readonly kind: 'analyze';
      readonly doc: string;
      readonly text: string;
      readonly version: number;
      readonly locale: Locale;
      readonly limits?: Partial<ScenarioLimits>;
    }
  | ({ readonly kind: 'featureStates'; readonly doc: string } & AtEntry)
  | ({ readonly kind: 'cdxJobStates'; readonly doc: string } & AtEntry)
  | ({ readonly kind: 'stagingTables'; readonly doc: string } & AtEntry)
  | ({ readonly kind: 'stagingRows'; readonly doc: string; readonly database: string; readonly table: string; readonly offset: number; readonly limit: number } & AtEntry)
  | ({ readonly kind: 'operationCounts'; readonly doc: string } & AtEntry)
  | ({ readonly kind: 'operations'; readonly doc: string; readonly status: OperationStatus; readonly offset: number; readonly limit: number } & AtEntry)
  | { readonly kind: 'operationFields'; readonly doc: string; readonly operation: string }
  | { readonly kind: 'channelCustomers'; readonly doc: string; readonly database: string; readonly offset: number; readonly limit: number }
  | ({ readonly kind: 'pipeline'; readonly doc: string } & AtEntry)
  /** Moves the document's time-travel simulation to the state after `afterEntry`; without it, back to now (disposed). */
  | ({ readonly kind: 'travel'; readonly doc: string } & AtEntry)
  | {
      readonly kind: 'query';
      readonly doc: string;
      readonly database: string;
      readonly sql: string;
      readonly maxRows: number;
      /** The time budget: past it the client replaces the worker and rejects with 'timeout'. */
      readonly timeoutMs?: number;
      /** The language of a refusal's message (English by default). */
      readonly locale?: Locale;
    }
  | { readonly kind: 'dispose'; readonly doc: string }
  /** Load sql.js and run a small analysis, so the first real one finds the engine warm. */
  | { readonly kind: 'warmUp' };

/** The result type of each request kind. */
export interface EngineResults {
  analyze: AnalysisSnapshot;
  featureStates: FeatureState[];
  cdxJobStates: ChannelDatabaseState[];
  stagingTables: StagingTable[];
  stagingRows: Row[];
  operationCounts: Record<OperationStatus, number>;
  operations: OperationSummary[];
  operationFields: Row;
  channelCustomers: Row[];
  pipeline: PipelineSnapshot;
  travel: TravelState;
  query: QueryResult;
  dispose: void;
  warmUp: void;
}

/**
 * cancelled: superseded or shut down; readOnly: the SQL console refused the statement (writes,
 * several statements, connection changes); sqlError: SQLite rejected the statement (syntax, no
 * such table); timeout: past the time budget, the worker was replaced; crashed: the worker died
 * (out of memory, killed) and restarts on the next request; tooLarge: beyond a memory or size
 * limit; noAnalysis: the document has no simulation; internal: a bug, its stack is in the log.
 */
export type EngineErrorCode = 'cancelled' | 'readOnly' | 'sqlError' | 'timeout' | 'crashed' | 'tooLarge' | 'noAnalysis' | 'internal';

export interface WireRequest {
  readonly id: number;
  /** Index into the shared cancellation flags. */
  readonly cancelSlot: number;
  readonly request: EngineRequest;
}

export type WireResponse =
  | { readonly id: number; readonly ok: true; readonly result: unknown }
  | { readonly id: number; readonly ok: false; readonly code: EngineErrorCode; readonly message: string; readonly stack?: string };

/** The worker starts a SQL statement now: its time budget counts from here. */
export interface WireStarted {
  readonly id: number;
  readonly started: true;
}

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    /** The stack where it went wrong (in the worker), for the log only. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/**
 * The one place an error becomes a response. An EngineError keeps its code and message; anything
 * else is a bug: 'internal', with its message for the user and its stack for the log.
 */
export function toWireError(id: number, error: unknown): WireResponse {
  if (error instanceof EngineError) {
    return { id, ok: false, code: error.code, message: error.message, stack: error.detail ?? error.stack };
  }
  if (error instanceof Error) {
    return { id, ok: false, code: 'internal', message: error.message, stack: error.stack };
  }
  return { id, ok: false, code: 'internal', message: String(error) };
}

/** The error a rejected request carries on the editor's side. */
export function fromWireError(response: Extract<WireResponse, { ok: false }>): EngineError {
  return new EngineError(response.code, response.message, response.stack);
}

/**
 * By name, not instanceof: the command handlers are a bundle of their own (loaded on first
 * use), with their own copy of this class.
 */
export function isEngineError(error: unknown, code?: EngineErrorCode): error is EngineError {
  return error instanceof Error && error.name === 'EngineError' && (code === undefined || (error as EngineError).code === code);
}

/** How many requests can be in flight with their own cancellation flag. */
export const CANCEL_SLOTS = 256;
