// The worker thread that owns the sql.js databases. Started by EngineClient; see protocol.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSqlJs } from '../sim/sqljs';
import { EngineHost } from './host';
import { toWireError, type WireRequest, type WireResponse, type WireStarted } from './protocol';

interface WorkerOptions {
  readonly wasmPath: string;
  readonly cancelFlags: SharedArrayBuffer;
}

if (parentPort) {
  const port = parentPort;
  const options = workerData as WorkerOptions;
  const flags = new Int32Array(options.cancelFlags);
  const host = new EngineHost(() => loadSqlJs(options.wasmPath));
  port.on('message', (wire: WireRequest) => {
    const isCancelled = () => Atomics.load(flags, wire.cancelSlot) === 1;
    if (wire.request.kind === 'query') {
      // The statement runs synchronously from here; the client starts its time budget.
      port.postMessage({ id: wire.id, started: true } satisfies WireStarted);
    }
    host.handle(wire.request as never, isCancelled).then(
      (result) => port.postMessage({ id: wire.id, ok: true, result } satisfies WireResponse),
      (error: unknown) => port.postMessage(toWireError(wire.id, error)),
    );
  });
}
