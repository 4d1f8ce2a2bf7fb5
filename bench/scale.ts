// One scale measurement in a fresh process (so peak memory is its own):
//   node out/bench/scale.js sqljs|native COUNT
// Replays a scenario with COUNT generated customers, then runs every rule; prints JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../src/diagnose/engine';
import { parseScenario } from '../src/scenario/parse';
import { replay } from '../src/scenario/replay';
import { sqlJsConnection } from '../src/sim/connection';
import { loadSqlJs } from '../src/sim/sqljs';
import { nativeConnection } from './nativeConnection';

export function scaleScenario(count: number): string {
  return JSON.stringify(
    {
      name: `${count} generated customers`,
      start: '2026-11-01T08:00:00Z',
      features: { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true, AsyncCustomerEditing: true },
      channels: [
        { id: 'Store1', channelDatabase: 'Default', asyncCustomerCreation: true },
        { id: 'Store2', channelDatabase: 'Default', asyncCustomerCreation: true },
        { id: 'Web1', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
        { id: 'Web2', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
      ],
      timeline: [
        { generateCustomers: { count } },
        { advance: 'PT1H' },
        // Default's customers reach the customer master; Online's wait in the staging tables.
        { runJob: 'P-0001', channelDatabase: 'Default' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
        { runJob: 'P-0001', channelDatabase: 'Online' },
        { advance: 'PT1H' },
      ],
    },
    null,
    2,
  );
}

function peakMemoryMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 1048576);
}

async function main(): Promise<void> {
  const [engine, countText] = process.argv.slice(2);
  const count = Number(countText);
  const text = scaleScenario(count);
  const wasm = join(__dirname, '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
  const sql = engine === 'native' ? undefined : await loadSqlJs(wasm);
  const baseline = peakMemoryMb();
  const started = performance.now();
  const scenario = parseScenario(text);
  const { sim } = replay(scenario, sql ? sqlJsConnection(sql) : nativeConnection());
  const replayMs = performance.now() - started;
  const diagnosisStarted = performance.now();
  let findings = 0;
  for (const rule of RULES) {
    findings += rule.check({ scenario, sim }).findings.length;
  }
  const diagnosisMs = performance.now() - diagnosisStarted;
  sim.close();
  process.stdout.write(`${JSON.stringify({ engine, count, replayMs, diagnosisMs, findings, peakMb: peakMemoryMb(), baselineMb: baseline })}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
