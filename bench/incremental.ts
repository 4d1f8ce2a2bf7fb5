// Re-diagnosis after an edit in the last timeline entry, in a fresh process:
//   node out/bench/incremental.js COUNT
// The scenario of bench/scale.ts with COUNT customers is analysed once as the editor does
// (incrementally, keeping its checkpoints); then its last entry is edited and it is analysed
// again: incrementalMs. fullMs is the same edit analysed with a replay from the start;
// replayOnlyMs the incremental replay of a further edit without running the rules.
import { join } from 'node:path';
import { analyze } from '../src/diagnose/engine';
import { DEFAULT_MEMORY_BUDGET_MB, estimateMemory } from '../src/diagnose/memoryBudget';
import { IncrementalReplay } from '../src/scenario/incremental';
import { parseScenario } from '../src/scenario/parse';
import { loadSqlJs } from '../src/sim/sqljs';
import { scaleScenario } from './scale';

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  const sql = await loadSqlJs(join(__dirname, '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'));
  const text = scaleScenario(count);
  const last = text.lastIndexOf('"PT1H"');
  const edited = `${text.slice(0, last)}"PT2H"${text.slice(last + '"PT1H"'.length)}`;
  // The memory budget of a user who raised the setting until the scenario fits, with 256 MB of
  // headroom for the checkpoints (the default, 1.5 GB, at 100k). Unbounded checkpoints would
  // journal every large entry and run sql.js out of memory at a million customers.
  const memoryBudgetMB = Math.max(DEFAULT_MEMORY_BUDGET_MB, estimateMemory(parseScenario(text)).megabytes + 256);
  const limits = { maxGeneratedCustomers: count, memoryBudgetMB };

  const incremental = new IncrementalReplay(sql);
  const first = analyze(sql, text, { incremental, limits });
  let started = performance.now();
  const again = analyze(sql, edited, { incremental, limits });
  const incrementalMs = performance.now() - started;
  const findings = again.findings.length;
  // The replay alone (from the checkpoint before the last entry), without the rules.
  const other = `${text.slice(0, last)}"PT3H"${text.slice(last + '"PT1H"'.length)}`;
  const parsed = parseScenario(other);
  started = performance.now();
  incremental.replay(parsed);
  const replayOnlyMs = performance.now() - started;
  incremental.close();

  started = performance.now();
  const full = analyze(sql, edited, { limits });
  const fullMs = performance.now() - started;
  if (full.findings.length !== findings || again.resumedAt === 0) {
    throw new Error(`The incremental re-diagnosis differs from the full one (${findings} findings against ${full.findings.length}, resumed at ${again.resumedAt})`);
  }
  process.stdout.write(`${JSON.stringify({ count, memoryBudgetMB, incrementalMs, fullMs, replayOnlyMs, resumedAt: again.resumedAt, firstFindings: first.findings.length, findings })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
