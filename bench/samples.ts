// First and repeated diagnosis of one sample, in a fresh process:
//   node out/bench/samples.js sqljs|native FILE
// first: load the engine (sql.js wasm, or the native module) and diagnose once.
// again: the median of 20 re-diagnoses, each after a one-character edit, as the editor makes
// them: incrementally, on the simulation the first diagnosis left (IncrementalReplay).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const [engine, file] = process.argv.slice(2);
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  // Loading the engine is part of the first diagnosis, as it is for a user.
  const { analyze } = await import('../src/diagnose/engine');
  const { IncrementalReplay } = await import('../src/scenario/incremental');
  let run: (t: string) => void;
  if (engine === 'native') {
    const { nativeConnection } = await import('./nativeConnection');
    const incremental = new IncrementalReplay(nativeConnection());
    run = (t) => analyze(nativeConnection, t, { incremental });
  } else {
    const { loadSqlJs } = await import('../src/sim/sqljs');
    const sql = await loadSqlJs(join(__dirname, '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'));
    const incremental = new IncrementalReplay(sql);
    run = (t) => analyze(sql, t, { incremental });
  }
  run(text);
  const firstMs = performance.now() - started;
  const times: number[] = [];
  const at = text.indexOf('"name"');
  for (let i = 0; i < 20; i++) {
    // A one-character edit inside the name, as a user typing would make.
    const edited = at >= 0 ? `${text.slice(0, at + 9)}${String.fromCharCode(97 + (i % 26))}${text.slice(at + 9)}` : `${text} `;
    const t = performance.now();
    run(edited);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({ engine, file, firstMs, againMs: times[10] })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
