// The cost of schedules: one replay in a fresh process of COUNT generated customers whose jobs
// run by hand (without) or also on three schedules that fire as the clock moves (with):
//   node out/bench/schedules.js with|without COUNT
// Both timelines move every customer through the P-job, the batch job and 1010 once; with the
// schedules those runs happen by schedule and the timeline's own runs find nothing left to do,
// so the difference is what firing the schedules costs. Prints JSON.
import { join } from 'node:path';
import { parseScenario } from '../src/scenario/parse';
import { replay } from '../src/scenario/replay';
import { sqlJsConnection } from '../src/sim/connection';
import { loadSqlJs } from '../src/sim/sqljs';

export function schedulesScenario(count: number, withSchedules: boolean): string {
  return JSON.stringify({
    name: `${count} generated customers${withSchedules ? ' with three schedules' : ''}`,
    start: '2026-11-01T08:00:00Z',
    features: { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true, AsyncCustomerEditing: true },
    channels: [
      { id: 'Store1', channelDatabase: 'Default', asyncCustomerCreation: true },
      { id: 'Web1', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
    ],
    schedules: withSchedules
      ? [
          { runJob: 'P-0001', every: 'PT15M' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M', from: '2026-11-01T08:05:00Z' },
          { runJob: '1010', every: 'PT30M' },
        ]
      : undefined,
    timeline: [
      { generateCustomers: { count } },
      { advance: 'PT1H' },
      { runJob: 'P-0001' },
      { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      { runJob: '1010' },
      { advance: 'PT8H' },
    ],
  });
}

async function main(): Promise<void> {
  const [mode, countText] = process.argv.slice(2);
  const count = Number(countText);
  const sql = await loadSqlJs(join(__dirname, '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'));
  const scenario = parseScenario(schedulesScenario(count, mode === 'with'));
  const started = performance.now();
  const { sim } = replay(scenario, sqlJsConnection(sql));
  const replayMs = performance.now() - started;
  sim.close();
  process.stdout.write(`${JSON.stringify({ mode, count, replayMs })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
