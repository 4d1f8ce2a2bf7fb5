// How long the editor's thread is blocked while a large scenario is analyzed and the user
// types in it: node out/bench/responsive.js worker|inprocess COUNT
// A 1 ms timer on the main thread records the longest gap between its ticks.
import { join } from 'node:path';
import { EngineClient } from '../src/engine/client';
import { inProcessHost } from '../src/engine/host';
import { scaleScenario } from './scale';

async function main(): Promise<void> {
  const [mode, countText] = process.argv.slice(2);
  const root = join(__dirname, '..', '..');
  const wasmPath = join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
  const client = new EngineClient(
    mode === 'worker' ? { wasmPath, workerPath: join(root, 'out', 'src', 'engine', 'worker.js') } : { wasmPath, inProcessHost: inProcessHost(wasmPath) },
  );
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const text = scaleScenario(Number(countText));
  const started = performance.now();
  // The user types: ten edits 100 ms apart, each a new version; only the last must finish.
  const analyses: Promise<unknown>[] = [];
  for (let version = 1; version <= 10; version++) {
    analyses.push(client.analyze('doc', text.replace('generated customers', `generated customers ${version}`), version, 'en').catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The last version replays on in the worker; the editor thread is watched for a while longer.
  await Promise.race([Promise.all(analyses), new Promise((resolve) => setTimeout(resolve, 5000))]);
  const totalMs = performance.now() - started;
  clearInterval(timer);
  client.dispose();
  process.stdout.write(`${JSON.stringify({ mode, count: Number(countText), longestBlockMs: longest, totalMs })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
