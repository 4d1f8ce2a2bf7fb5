// A runaway SQL statement against the engine's worker, in a fresh process:
//   node out/bench/runaway.js BUDGET_MS
// Analyses a sample, runs a recursive CTE that never ends with BUDGET_MS as its time budget,
// then analyses again; prints when the statement was answered and whether the next analysis ran.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EngineClient } from '../src/engine/client';
import { isEngineError } from '../src/engine/protocol';

const RUNAWAY = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';

async function main(): Promise<void> {
  const budgetMs = Number(process.argv[2]);
  const root = join(__dirname, '..', '..');
  const client = new EngineClient({
    wasmPath: join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'),
    workerPath: join(root, 'out', 'src', 'engine', 'worker.js'),
  });
  const text = readFileSync(join(root, 'samples', 'customers-stuck-in-channel.asyncscenario.json'), 'utf8');
  try {
    await client.analyze('doc', text, 1, 'en');
    const started = performance.now();
    let code = 'answered';
    try {
      await client.request({ kind: 'query', doc: 'doc', database: 'HQ', sql: RUNAWAY, maxRows: 10, timeoutMs: budgetMs });
    } catch (error) {
      code = isEngineError(error) ? error.code : String(error);
    }
    const answeredMs = performance.now() - started;
    const nextStarted = performance.now();
    const next = await client.analyze('doc', text, 2, 'en');
    const nextMs = performance.now() - nextStarted;
    const nextOk = next.findings.map((f) => f.ruleId).join() === 'ACD004';
    process.stdout.write(`${JSON.stringify({ budgetMs, code, answeredMs, nextMs, nextOk })}\n`);
  } finally {
    client.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
