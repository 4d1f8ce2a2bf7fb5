// The editor's side of the engine: requests go to a worker thread that owns the simulation, so
// replaying and diagnosing a large scenario never blocks the extension host. A newer analysis of
// a document cancels the older one. Without a worker path it runs in-process (tests, fallbacks).
//
// The worker is replaceable: when it crashes, exits, runs out of memory (it runs with
// resourceLimits) or runs a SQL statement past its time budget, pending requests are rejected
// with a clear error, the next request starts a new worker, and onDidRestart tells the editor
// that every document's simulation is gone and must be analysed again.
import { type ResourceLimits, Worker } from 'node:worker_threads';
import type { ScenarioLimits } from '../diagnose/engine';
import { localize, msg, type Locale } from '../domain/l10n';
import type { EngineHost } from './host';
import {
  type AnalysisSnapshot,
  CANCEL_SLOTS,
  EngineError,
  type EngineRequest,
  type EngineResults,
  fromWireError,
  toWireError,
  type WireRequest,
  type WireResponse,
  type WireStarted,
} from './protocol';

export interface EngineClientOptions {
  /** The sql.js wasm file. */
  readonly wasmPath: string;
  /** The bundled worker (dist/engineWorker.js). */
  readonly workerPath?: string;
  /** Without a worker: the host to run requests in-process (tests, tools). Kept out of the
   * extension's bundle, which only ever uses the worker. */
  readonly inProcessHost?: () => EngineHost;
  /** Called with the engine's own log lines (worker start, exit, errors). */
  readonly log?: (line: string) => void;
  /** The memory budget (setting asyncCustomerDoctor.limits.memoryBudgetMB): the worker's heap is capped a little above it. */
  readonly memoryBudgetMB?: number;
  /** Overrides the worker's limits computed from memoryBudgetMB. */
  readonly workerResourceLimits?: ResourceLimits;
}

/** Why the engine's worker was replaced: every document's simulation is gone. */
export interface EngineRestart {
  /** timeout: a SQL statement ran past its budget; crashed: the worker died; requested: restart() was called. */
  readonly reason: 'timeout' | 'crashed' | 'requested';
  /** What happened, for the status bar and the log. */
  readonly message: string;
}

/** Room above the budget for the worker's own JavaScript (parsed scenario, snapshots in flight). */
const HEAP_HEADROOM_MB = 512;

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly slot: number;
  /** A SQL statement's time budget, counted from when the worker starts it. */
  budgetMs?: number;
  /** The language the statement's answer is asked in. */
  locale?: Locale;
  timer?: NodeJS.Timeout;
}

export class EngineClient {
  private worker?: Worker;
  private inProcess?: EngineHost;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly flags = new Int32Array(new SharedArrayBuffer(4 * CANCEL_SLOTS));
  private readonly freeSlots = Array.from({ length: CANCEL_SLOTS }, (_, i) => i);
  /** The request id of the latest analysis of each document. */
  private readonly latestAnalysis = new Map<string, number>();
  private disposed = false;
  private readonly restartListeners = new Set<(event: EngineRestart) => void>();
  private memoryBudgetMB: number | undefined;
  /** The current worker was warmed up (or asked to be). */
  private warmed = false;

  constructor(private readonly options: EngineClientOptions) {
    this.memoryBudgetMB = options.memoryBudgetMB;
  }

  /**
   * Fired when the worker was replaced (a statement past its time budget) or died (crash, out of
   * memory, killed). The editor analyses its open scenarios again and says so in the status bar.
   */
  onDidRestart(listener: (event: EngineRestart) => void): { dispose(): void } {
    this.restartListeners.add(listener);
    return { dispose: () => this.restartListeners.delete(listener) };
  }

  /** A new budget applies to the next worker; call restart() to apply it now. */
  setMemoryBudgetMB(megabytes: number): void {
    this.memoryBudgetMB = megabytes;
  }

  /** Replaces the worker now (a new memory budget, or the user asked); fires onDidRestart. */
  restart(message: string): void {
    this.replaceWorker({ reason: 'requested', message }, new EngineError('cancelled', message));
  }

  /**
   * Starts the worker and loads sql.js now, with one small analysis to warm the code, so the
   * first diagnosis a user waits for does not pay for it. Idempotent per worker.
   */
  warmUp(): void {
    if (this.warmed || this.disposed) {
      return;
    }
    this.warmed = true;
    this.request({ kind: 'warmUp' }).catch((error: unknown) => {
      this.options.log?.(`engine warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Ends the worker as a crash would (tests of recovery): pending requests fail with 'crashed'. */
  crashForTest(): void {
    void this.worker?.terminate();
  }

  /** Analyzes a document version; an analysis still running for the same document is cancelled. */
  analyze(doc: string, text: string, version: number, locale: Locale, limits?: Partial<ScenarioLimits>): Promise<AnalysisSnapshot> {
    const previous = this.latestAnalysis.get(doc);
    if (previous !== undefined) {
      this.cancel(previous);
    }
    const { id, promise } = this.send({ kind: 'analyze', doc, text, version, locale, limits });
    this.latestAnalysis.set(doc, id);
    return (promise as Promise<AnalysisSnapshot>).finally(() => {
      if (this.latestAnalysis.get(doc) === id) {
        this.latestAnalysis.delete(doc);
      }
    });
  }

  request<K extends Exclude<EngineRequest['kind'], 'analyze'>>(request: Extract<EngineRequest, { kind: K }>): Promise<EngineResults[K]> {
    const sent: EngineRequest = request;
    const { id, promise } = this.send(sent);
    const pending = this.pending.get(id);
    if (pending && sent.kind === 'query' && this.options.workerPath) {
      pending.budgetMs = sent.timeoutMs;
      pending.locale = sent.locale;
    }
    return promise as Promise<EngineResults[K]>;
  }

  /**
   * sql.js cannot interrupt a statement, so a statement past its budget costs the worker: it is
   * terminated (every document's simulation with it), the query is rejected with 'timeout', and
   * the next request starts a new worker. The budget counts from when the worker starts the
   * statement, not while it waits behind an analysis. In-process there is nothing to terminate;
   * the budget applies only with a worker.
   */
  private startBudget(id: number): void {
    const pending = this.pending.get(id);
    const timeoutMs = pending?.budgetMs;
    if (!pending || timeoutMs === undefined || pending.timer) {
      return;
    }
    pending.timer = setTimeout(() => {
      if (!this.pending.has(id)) {
        return;
      }
      this.release(id);
      const seconds = (locale: Locale) => (timeoutMs / 1000).toLocaleString(locale, { maximumFractionDigits: 3 });
      pending.reject(new EngineError('timeout', localize(msg('console.timeout', { seconds: seconds(pending.locale ?? 'en') }), pending.locale)));
      this.replaceWorker(
        { reason: 'timeout', message: `A SQL statement ran past its time budget (${seconds('en')} s); the engine was restarted.` },
        new EngineError('cancelled', 'The engine was restarted after a SQL statement ran past its time budget.'),
      );
    }, timeoutMs);
    pending.timer.unref();
  }

  /** Forgets a document's simulation (closed or deleted file). */
  async disposeDocument(doc: string): Promise<void> {
    const latest = this.latestAnalysis.get(doc);
    if (latest !== undefined) {
      this.cancel(latest);
    }
    await this.request({ kind: 'dispose', doc });
  }

  cancel(id: number): void {
    const pending = this.pending.get(id);
    if (pending) {
      Atomics.store(this.flags, pending.slot, 1);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.failAll(new EngineError('cancelled', 'The engine was shut down.'));
    void this.worker?.terminate();
    this.worker = undefined;
    this.inProcess?.disposeAll();
    this.restartListeners.clear();
  }

  private send(request: EngineRequest): { id: number; promise: Promise<unknown> } {
    const id = this.nextId++;
    if (this.disposed) {
      return { id, promise: Promise.reject(new EngineError('cancelled', 'The engine was shut down.')) };
    }
    const slot = this.freeSlots.pop();
    if (slot === undefined) {
      return { id, promise: Promise.reject(new EngineError('internal', 'Too many requests in flight.')) };
    }
    Atomics.store(this.flags, slot, 0);
    const promise = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
    });
    const wire: WireRequest = { id, cancelSlot: slot, request };
    if (this.options.workerPath) {
      this.ensureWorker().postMessage(wire);
      this.keepAlive();
    } else {
      this.runInProcess(wire);
    }
    return { id, promise };
  }

  private runInProcess(wire: WireRequest): void {
    if (!this.options.inProcessHost) {
      this.settle({ id: wire.id, ok: false, code: 'internal', message: 'No worker path and no in-process host given.' });
      return;
    }
    this.inProcess ??= this.options.inProcessHost();
    const isCancelled = () => Atomics.load(this.flags, wire.cancelSlot) === 1;
    // Deferred so a caller can cancel before it starts, as with the worker.
    setImmediate(() => {
      this.inProcess!.handle(wire.request as never, isCancelled).then(
        (result) => this.settle({ id: wire.id, ok: true, result }),
        (error: unknown) => this.settle(toWireError(wire.id, error)),
      );
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) {
      return this.worker;
    }
    // The heap limit covers the worker's JavaScript; SQLite's pages live in sql.js's wasm memory,
    // which sql.js itself caps at 2 GB per worker (SQLite then fails with "out of memory", which
    // the host reports as 'tooLarge'). Past either limit only the worker dies, never the editor.
    const resourceLimits =
      this.options.workerResourceLimits ?? (this.memoryBudgetMB ? { maxOldGenerationSizeMb: this.memoryBudgetMB + HEAP_HEADROOM_MB } : undefined);
    const worker = new Worker(this.options.workerPath!, {
      workerData: { wasmPath: this.options.wasmPath, cancelFlags: this.flags.buffer },
      resourceLimits,
    });
    let failure: NodeJS.ErrnoException | undefined;
    worker.on('message', (message: WireResponse | WireStarted) => {
      if (this.worker !== worker) {
        return;
      }
      if ('started' in message) {
        this.startBudget(message.id);
      } else {
        this.settle(message);
      }
    });
    worker.on('error', (error) => {
      failure = error;
      this.options.log?.(`engine worker failed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker || this.disposed) {
        return;
      }
      const what =
        failure?.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'it ran out of memory'
          : failure
            ? `it failed: ${failure.message}`
            : `it exited with code ${code}`;
      this.options.log?.(`engine worker stopped (${what}); it restarts on the next request`);
      this.replaceWorker(
        { reason: 'crashed', message: `The engine stopped (${what}) and was restarted.` },
        new EngineError('crashed', `The engine stopped (${what}); it restarts on the next request.`),
      );
    });
    // The worker keeps the process alive only while it has work (see keepAlive).
    worker.unref();
    this.worker = worker;
    this.options.log?.('engine worker started');
    return worker;
  }

  /** Drops the worker (terminating it if it still runs), rejects what was pending, tells listeners. */
  private replaceWorker(event: EngineRestart, pendingError: EngineError): void {
    const worker = this.worker;
    this.worker = undefined;
    this.warmed = false;
    if (worker) {
      worker.removeAllListeners('message');
      void worker.terminate();
    }
    for (const doc of this.latestAnalysis.keys()) {
      this.latestAnalysis.delete(doc);
    }
    this.failAll(pendingError);
    if (this.disposed) {
      return;
    }
    this.options.log?.(event.message);
    for (const listener of [...this.restartListeners]) {
      try {
        listener(event);
      } catch (error) {
        this.options.log?.(`a restart listener failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }

  private settle(response: WireResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) {
      return;
    }
    this.release(response.id);
    if (response.ok) {
      pending.resolve(response.result);
    } else {
      const error = fromWireError(response);
      if (error.code === 'internal' && error.detail) {
        this.options.log?.(`engine error: ${error.detail}`);
      }
      pending.reject(error);
    }
  }

  private release(id: number): void {
    const pending = this.pending.get(id);
    if (pending) {
      clearTimeout(pending.timer);
      this.pending.delete(id);
      this.freeSlots.push(pending.slot);
    }
    this.keepAlive();
  }

  /** A command-line or test process waits for answers; an idle worker never holds it open. */
  private keepAlive(): void {
    if (this.pending.size > 0) {
      this.worker?.ref();
    } else {
      this.worker?.unref();
    }
  }

  private failAll(error: EngineError): void {
    for (const [id, pending] of [...this.pending]) {
      this.release(id);
      pending.reject(error);
    }
  }
}
