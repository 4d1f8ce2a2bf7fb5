// Simulation invariants after random sequences of actions, through the scenario path: a
// customer is in exactly one place, OnlineOperationCompleted = 1 only for customers in the
// master, account numbers unique, replay deterministic, refused actions change nothing.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { SqlJsStatic } from 'sql.js';
import { parseScenario } from '../../src/scenario/parse';
import { applyEntry, replay } from '../../src/scenario/replay';
import { Simulation } from '../../src/sim/simulation';
import { featureOrigin, timelineOrigin } from '../../src/scenario/model';
import { CustomerReferences } from '../../src/scenario/references';
import { channelDatabaseNames } from '../../src/sim/queries';
import { loadSql } from './helpers';
import { rawAll, rawOne } from './rawTables';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const CHANNELS = [
  { id: 'S1', channelDatabase: 'Default', asyncCustomerCreation: true },
  { id: 'S2', channelDatabase: 'Default', asyncCustomerCreation: false },
  { id: 'W1', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true, filterSharedCustomerDataTables: true },
];
const FEATURES = ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation', 'AsyncCustomerEditing'];
const EMAILS = ['a@example.com', 'b@example.com', 'c@example.com', 'bad-email'];

const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'S2', 'W1'), email: fc.constantFrom(...EMAILS), country: fc.constantFrom('SWE', 'USA', 'XX'), offline: fc.boolean(), fails: fc.boolean() }).map((c) => ({
    createCustomer: { channel: c.channel, firstName: 'F', lastName: c.email.split('@')[0], email: c.email, offline: c.offline, realtimeCallFails: c.fails, address: { countryRegion: c.country } },
  })) },
  { weight: 2, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'S2', 'W1'), email: fc.constantFrom(...EMAILS) }).map((e) => ({ editCustomer: { channel: e.channel, customer: e.email, phone: '1' } })) },
  { weight: 1, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'W1'), email: fc.constantFrom(...EMAILS), country: fc.constantFrom('SWE', 'XX') }).map((a) => ({ createAddress: { channel: a.channel, customer: a.email, countryRegion: a.country } })) },
  { weight: 3, arbitrary: fc.record({ job: fc.constantFrom('1010', '1070', '1110', 'P-0001'), db: fc.constantFrom('Default', 'Online', undefined) }).map((j) => (j.db ? { runJob: j.job, channelDatabase: j.db } : { runJob: j.job })) },
  { weight: 2, arbitrary: fc.constant({ runBatch: 'SynchronizeCustomersAndChannelRequests' }) },
  { weight: 1, arbitrary: fc.constantFrom(...FEATURES).map((f) => ({ enableFeature: f })) },
  { weight: 1, arbitrary: fc.constantFrom(...FEATURES).map((f) => ({ disableFeature: f })) },
  { weight: 2, arbitrary: fc.record({ op: fc.integer({ min: 1, max: 8 }), country: fc.constantFrom('SWE', 'YY') }).map((e) => ({ editFailedOperation: { operation: `ASYNC-${String(e.op).padStart(6, '0')}`, set: { countryRegion: e.country, email: null } } })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 8 }).map((op) => ({ resync: `ASYNC-${String(op).padStart(6, '0')}` })) },
  { weight: 1, arbitrary: fc.constantFrom('PT1M', 'PT20M', 'P1D').map((d) => ({ advance: d })) },
  { weight: 1, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'S2'), on: fc.boolean() }).map((u) => ({ updateChannel: { channel: u.channel, asyncCustomerCreation: u.on } })) },
  // Version 2: failed runs, orders, sales, Synchronize orders, loyalty cards.
  { weight: 1, arbitrary: fc.record({ job: fc.constantFrom('1010', 'P-0001'), db: fc.constantFrom('Default', 'Online') }).map((j) => ({ runJob: j.job, channelDatabase: j.db, fails: 'Timeout expired' })) },
  { weight: 1, arbitrary: fc.constantFrom('SynchronizeCustomersAndChannelRequests', 'SynchronizeOrders').map((b) => ({ runBatch: b, fails: 'Deadlock' })) },
  { weight: 1, arbitrary: fc.constant({ runBatch: 'SynchronizeOrders' }) },
  { weight: 1, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'W1'), email: fc.constantFrom(...EMAILS), mode: fc.constantFrom('sync', 'async', undefined) }).map((o) => ({ createCustomerOrder: { channel: o.channel, customer: o.email, mode: o.mode } })) },
  { weight: 1, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'S2'), email: fc.constantFrom(...EMAILS) }).map((o) => ({ createSale: { channel: o.channel, customer: o.email } })) },
  { weight: 1, arbitrary: fc.record({ channel: fc.constantFrom('S1', 'W1'), email: fc.constantFrom(...EMAILS) }).map((o) => ({ issueLoyaltyCard: { channel: o.channel, customer: o.email } })) },
  // Operations as an imported status page shows them, with no history behind them.
  {
    weight: 1,
    arbitrary: fc
      .record({ channel: fc.constantFrom('S1', 'W1'), id: fc.constantFrom('SE-1', 'SE-2'), status: fc.constantFrom('pending', 'failed', 'succeeded'), operation: fc.constantFrom('create', 'update'), account: fc.constantFrom('100001', '100002', 'C-1') })
      .map((o) => ({ observedOperation: { channel: o.channel, asyncCustomerAccount: o.id, status: o.status, operation: o.operation, ...(o.status === 'succeeded' ? { customerAccount: o.account } : { lastKnownError: 'x' }) } })),
  },
);

/** No schedules, or the pipeline's jobs on recurrences that fire as the clock moves. */
const schedules = fc.constantFrom(undefined, [
  { runJob: 'P-0001', every: 'PT15M' },
  { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M', from: '2026-11-01T08:05:00Z' },
  { runBatch: 'SynchronizeOrders', every: 'PT1H' },
  { runJob: '1010', channelDatabase: 'Default', every: 'PT30M' },
]);

function scenarioText(features: Record<string, boolean>, timeline: unknown[], recurring?: readonly unknown[]): string {
  return JSON.stringify({ start: '2026-11-01T08:00:00Z', features, channels: CHANNELS, schedules: recurring, timeline }, null, 1);
}

/** Every table's rows except the event log, which records refusals too. */
function stateWithoutLog(sim: Simulation): string {
  return [...sim.exportAll()]
    .map(([db, bytes]) => `${db}\n${Buffer.from(bytes).toString('utf8').split('\n').filter((line) => !line.includes('"action"') && !line.includes('"refused"') && !line.includes('"note"')).join('\n')}`)
    .join('\n');
}

function checkInvariants(sim: Simulation): void {
  // 1. Every customer created asynchronously is in exactly one place.
  for (const db of channelDatabaseNames(sim)) {
    for (const op of rawAll(sim, db, "SELECT OPERATIONID, CUSTACCOUNTASYNC, UPLOADED FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONTYPE = 'CustomerCreate'", [])) {
      const status = rawOne(sim, 'HQ', 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [op.OPERATIONID])?.STATUS;
      const inMaster = rawOne(sim, 'HQ', 'SELECT 1 AS X FROM CUSTTABLE WHERE CUSTACCOUNTASYNC = ?', [op.CUSTACCOUNTASYNC]) !== undefined;
      const places = [op.UPLOADED === 0, status === 'Pending', status === 'Failed', inMaster].filter(Boolean).length;
      assert.equal(places, 1, `${String(op.OPERATIONID)}: uploaded=${String(op.UPLOADED)} status=${String(status)} inMaster=${inMaster}`);
      assert.equal(inMaster, status === 'Succeeded', `${String(op.OPERATIONID)}: in the master exactly when it succeeded`);
    }
  }
  // 2. OnlineOperationCompleted = 1 only for rows whose customer exists in the master.
  for (const table of ['RETAILASYNCCUSTOMERV2', 'RETAILASYNCADDRESSV2']) {
    const orphans = rawOne(
      sim,
      'HQ',
      // Except a succeeded edit an export shows of a customer the scenario does not hold (README, observedOperation).
      `SELECT COUNT(*) AS N FROM ${table} s WHERE ONLINEOPERATIONCOMPLETED = 1 AND NOT EXISTS (SELECT 1 FROM CUSTTABLE c WHERE c.CUSTACCOUNTASYNC = s.CUSTACCOUNTASYNC OR c.ACCOUNTNUM = s.CUSTACCOUNTASYNC)
         AND NOT (s.OPERATIONTYPE = 'CustomerUpdate' AND EXISTS (SELECT 1 FROM EVENTLOG e WHERE e.CODE = 'operationObserved' AND e.ORIGIN = s.ORIGIN))`,
      [],
    )!.N;
    assert.equal(orphans, 0, `${table}: completed rows without a customer`);
  }
  // 3. HQ's staging rows: each has its operation on the status page with the same channel, and is
  // completed exactly when its operation succeeded (what stagedAwaitingBatch counts by).
  for (const table of ['RETAILASYNCCUSTOMERV2', 'RETAILASYNCADDRESSV2', 'RETAILASYNCCUSTOMERCONTACT', 'RETAILASYNCCUSTOMERAFFILIATION', 'RETAILASYNCCUSTOMERATTRIBUTEV2']) {
    const rows = rawAll(sim, 'HQ', `SELECT s.OPERATIONID, s.ORIGINATINGCHANNEL, s.ONLINEOPERATIONCOMPLETED, o.CHANNEL, o.STATUS FROM ${table} s LEFT JOIN RETAILASYNCOPERATIONSTATUS o ON o.OPERATIONID = s.OPERATIONID`, []);
    for (const row of rows) {
      const at = `${table} ${String(row.OPERATIONID)}`;
      assert.equal(row.CHANNEL, row.ORIGINATINGCHANNEL, `${at}: on the status page with its channel`);
      assert.equal(row.ONLINEOPERATIONCOMPLETED === 1, row.STATUS === 'Succeeded', `${at}: completed=${String(row.ONLINEOPERATIONCOMPLETED)} but ${String(row.STATUS)}`);
    }
  }
  // 4. Account numbers unique, and below the number sequence's next value.
  const accounts = rawOne(sim, 'HQ', 'SELECT COUNT(*) AS N, COUNT(DISTINCT ACCOUNTNUM) AS D, MAX(CAST(ACCOUNTNUM AS INTEGER)) AS M FROM CUSTTABLE', [])!;
  assert.equal(accounts.N, accounts.D);
  const next = Number(rawOne(sim, 'HQ', 'SELECT NEXTREC FROM NUMBERSEQUENCE', [])!.NEXTREC);
  assert.ok(accounts.M === null || Number(accounts.M) < next);
}

describe('simulation invariants after random action sequences', () => {
  let sql: SqlJsStatic;

  before(async () => {
    sql = await loadSql();
  });

  it(`keeps every customer in one place, completion honest, account numbers unique, refusals harmless (${RUNS} sequences)`, () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FEATURES), fc.boolean()), fc.array(action, { minLength: 1, maxLength: 25 }), schedules, (features, timeline, recurring) => {
        const scenario = parseScenario(scenarioText(features, timeline, recurring));
        assert.deepEqual(scenario.problems, [], 'generated scenarios are valid');
        const sim = new Simulation(sql, {
          start: scenario.start,
          channels: scenario.channels,
          features: scenario.features.map((f) => ({ id: f.id, enabled: f.enabled, origin: featureOrigin(f.id) })),
          csuCacheMs: scenario.csuCacheMs,
          schedules: scenario.schedules?.map((r) => ({ job: r.job, every: r.every, from: r.from, origin: `schedules/${r.index}` })),
        });
        const references = new CustomerReferences();
        try {
          for (const entry of scenario.timeline) {
            const before = stateWithoutLog(sim);
            const outcome = applyEntry(sim, references, entry);
            if (!outcome.ok) {
              assert.equal(stateWithoutLog(sim), before, `refused ${timelineOrigin(entry.index)} (${outcome.code}) changed the simulation`);
            }
            checkInvariants(sim);
          }
        } finally {
          sim.close();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`replays the same file to byte-identical databases (${Math.ceil(RUNS / 3)} sequences)`, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 20 }), schedules, (timeline, recurring) => {
        const scenario = parseScenario(scenarioText({ CustomerOrderPerformance: true, AsyncCustomerAddressCreation: true }, timeline, recurring));
        const first = replay(scenario, sql).sim;
        const second = replay(scenario, sql).sim;
        try {
          const a = first.exportAll();
          const b = second.exportAll();
          for (const [db, bytes] of a) {
            assert.ok(Buffer.from(bytes).equals(Buffer.from(b.get(db)!)), `${db} differs`);
          }
        } finally {
          first.close();
          second.close();
        }
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
