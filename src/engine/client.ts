// The editor's side of the engine: requests go to a worker thread that owns the simulation, so
// replaying and diagnosing a large scenario never blocks the extension host. A newer analysis of
// a document cancels the older one. Without a worker path it runs in-process (tests, fallbacks).
import { Worker } from 'node:worker_threads';
import type { ScenarioLimits } from '../diagnose/engine';
import type { Locale } from '../domain/l10n';
import type { EngineHost } from './host';
import {
  type AnalysisSnapshot,
  CANCEL_SLOTS,
  EngineError,
  type EngineRequest,
  type EngineResults,
  type WireRequest,
  type WireResponse,
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
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly slot: number;
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

  constructor(private readonly options: EngineClientOptions) {}

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
    return this.send(request).promise as Promise<EngineResults[K]>;
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
    for (const [id, pending] of this.pending) {
      pending.reject(new EngineError('cancelled', 'The engine was shut down.'));
      this.release(id);
    }
    void this.worker?.terminate();
    this.worker = undefined;
    this.inProcess?.disposeAll();
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
        (error: unknown) =>
          this.settle(
            error instanceof EngineError
              ? { id: wire.id, ok: false, code: error.code, message: error.message }
              : { id: wire.id, ok: false, code: 'internal', message: error instanceof Error ? error.message : String(error) },
          ),
      );
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const worker = new Worker(this.options.workerPath!, {
      workerData: { wasmPath: this.options.wasmPath, cancelFlags: this.flags.buffer },
    });
    worker.on('message', (response: WireResponse) => this.settle(response));
    worker.on('error', (error) => {
      this.options.log?.(`engine worker failed: ${error.stack ?? error.message}`);
      this.failAll(`The engine failed: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) {
        this.worker = undefined;
        if (!this.disposed) {
          this.options.log?.(`engine worker exited with code ${code}; it restarts on the next request`);
          this.failAll(`The engine stopped (exit code ${code}).`);
        }
      }
    });
    // The worker keeps the process alive only while it has work (see keepAlive).
    worker.unref();
    this.worker = worker;
    this.options.log?.('engine worker started');
    return worker;
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
      pending.reject(new EngineError(response.code, response.message));
    }
  }

  private release(id: number): void {
    const pending = this.pending.get(id);
    if (pending) {
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

  private failAll(message: string): void {
    for (const [id, pending] of [...this.pending]) {
      this.release(id);
      pending.reject(new EngineError('internal', message));
    }
  }
}
