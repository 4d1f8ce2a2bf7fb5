// Where the bytes per customer go: replays bench/scale.ts's scenario on native SQLite (which
// has the dbstat table; sql.js is built without it) and prints the pages of every table and
// index of HQ and each channel database, largest first:
//   node out/bench/storage.js COUNT
// The schema and the SQL are the simulation's own, so the figures are sql.js's too.
import Database from 'better-sqlite3';
import type { SqlConnection } from '../src/sim/connection';
import { parseScenario } from '../src/scenario/parse';
import { replay } from '../src/scenario/replay';
import { nativeConnection } from './nativeConnection';
import { scaleScenario } from './scale';

function main(): void {
  const count = Number(process.argv[2] ?? 10000);
  let raw: Database.Database | undefined;
  const connection: SqlConnection = nativeConnection((db) => {
    raw = db;
  });
  const { sim } = replay(parseScenario(scaleScenario(count)), connection);
  const schemas = raw!.prepare('PRAGMA database_list').all() as { name: string }[];
  const rows: { schema: string; name: string; bytes: number }[] = [];
  for (const { name: schema } of schemas.filter((s) => s.name !== 'main')) {
    for (const row of raw!.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat(?) GROUP BY name`).all(schema) as { name: string; bytes: number }[]) {
      rows.push({ schema, ...row });
    }
  }
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  for (const row of rows.filter((r) => r.bytes >= total / 1000)) {
    process.stdout.write(`${`${row.schema}.${row.name}`.padEnd(60)} ${(row.bytes / count).toFixed(1).padStart(8)} B/customer ${((100 * row.bytes) / total).toFixed(1).padStart(5)} %\n`);
  }
  process.stdout.write(`${'total'.padEnd(60)} ${(total / count).toFixed(1).padStart(8)} B/customer\n`);
  sim.close();
}

main();
