// The read model's answers where they carry logic: which enables HQ refused and what was
// missing, which references were ambiguous, how far behind a channel database is, which
// account numbers have not reached the channel, what the CSU cache still serves.
import { strict as assert } from 'node:assert';
import { parseScenario } from '../../src/scenario/parse';
import { replay, type ReplayResult } from '../../src/scenario/replay';
import {
  accountNumbersNotDownloaded,
  ambiguousReferences,
  cachedDownloads,
  channelSeesAsyncCreation,
  failedOperations,
  lastJobRun,
  latestOperationOf,
  pendingUploads,
  realtimeCallsSince,
  refusedEnables,
  stagedAwaitingBatch,
  stalenessOf,
} from '../../src/sim/queries';
import { loadSql, scenario } from './helpers';

const BASE = { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true };

describe('the read model', () => {
  const open: ReplayResult[] = [];

  async function run(parts: Parameters<typeof scenario>[0]): Promise<ReplayResult> {
    const parsed = parseScenario(scenario(parts));
    assert.deepEqual(parsed.problems, []);
    const result = replay(parsed, await loadSql());
    open.push(result);
    return result;
  }

  afterEach(() => {
    while (open.length) {
      open.pop()!.sim.close();
    }
  });

  it('lists an enable HQ refused with the prerequisites that were off, as they are now', async () => {
    const { sim } = await run({
      features: { CustomerOrderPerformance: true },
      timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { enableFeature: 'EnhancedAsyncCustomerCreation' }],
    });
    const [refusal, ...more] = refusedEnables(sim);
    assert.equal(more.length, 0);
    assert.equal(refusal.feature, 'AsyncCustomerEditing');
    assert.equal(refusal.origin, 'timeline/0');
    assert.deepEqual(
      refusal.missing.map((m) => [m.id, m.state.columns.ENABLED]),
      [
        ['EnhancedAsyncCustomerCreation', 1],
        ['AsyncCustomerAddressCreation', 0],
      ],
    );
  });

  it('says which reference several customers answer to, and resolves it to the latest', async () => {
    const { sim, references } = await run({
      features: { ...BASE, AsyncCustomerEditing: true },
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } },
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana.b@example.com' } },
        { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '1' } },
        { editCustomer: { channel: 'Store42', customer: 'ana@example.com', phone: '2' } },
      ],
    });
    const second = references.resolve('ana.b@example.com').key;
    assert.deepEqual(
      ambiguousReferences(sim).map((a) => [a.reference, a.used, a.origin]),
      [['Ana Berg', second, 'timeline/2']],
    );
    assert.deepEqual(references.resolve(' ANA BERG '), { reference: ' ANA BERG ', key: second, ambiguous: true });
    assert.equal(references.resolve('ana@example.com').ambiguous, false);
    assert.deepEqual(references.resolve('ASYNC-000009'), { reference: 'ASYNC-000009', key: 'ASYNC-000009', ambiguous: false });
  });

  it("resolves an operation by its customer to the customer's failed operation first", async () => {
    const { sim, references } = await run({
      features: { ...BASE, AsyncCustomerEditing: true },
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { countryRegion: 'SVE' } } },
        { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '1' } },
        { createCustomer: { channel: 'Store42', firstName: 'Bo', lastName: 'Ek' } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      ],
    });
    const ana = references.resolve('Ana Berg').key;
    assert.equal(latestOperationOf(sim, ana), 'ASYNC-000002', 'both failed: the latest');
    assert.equal(references.resolveOperation(sim, 'ana berg'), 'ASYNC-000002');
    assert.equal(references.resolveOperation(sim, 'async-000001'), 'ASYNC-000001');
    assert.equal(references.resolveOperation(sim, 'Bo Ek'), 'ASYNC-000003', 'a customer without a failure: its latest operation');
    const [failed] = failedOperations(sim, 1);
    assert.deepEqual(failed.failedFields, ['countryRegion']);
    assert.deepEqual(
      failed.addresses.map((a) => a.countryRegion),
      ['SVE'],
    );
    assert.equal(failed.customers[0].firstName, 'Ana');
  });

  it('counts a change undone before the jobs ran as nothing to download', async () => {
    const undone = await run({
      features: BASE,
      timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { disableFeature: 'AsyncCustomerEditing' }],
    });
    assert.deepEqual(stalenessOf(undone.sim, 'Default').jobs, []);
    const pending = await run({ features: BASE, timeline: [{ enableFeature: 'AsyncCustomerEditing' }, { runJob: '1110' }] });
    const staleness = stalenessOf(pending.sim, 'Default');
    assert.deepEqual(staleness.jobs, ['1010', '1070']);
    assert.deepEqual(
      staleness.changes.map((c) => [c.kind, c.subject, c.newValue, c.origin]),
      [['feature', 'AsyncCustomerEditing', 'Enabled', 'timeline/0']],
    );
  });

  it('names the customers whose account numbers have not reached the channel, and only those the batch job created', async () => {
    const { sim } = await run({
      channels: [
        { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
        { id: 'Store7', channelDatabase: 'Default', asyncCustomerCreation: false },
      ],
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg' } },
        { createCustomer: { channel: 'Store7', firstName: 'Real', lastName: 'Time' } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      ],
    });
    const since = lastJobRun(sim, 'Default', '1010')!.seq;
    const { count, customers } = accountNumbersNotDownloaded(sim, 'Default', since);
    assert.equal(count, 1);
    assert.deepEqual([customers[0].firstName, customers[0].accountNum], ['Ana', '100002']);
    assert.equal(realtimeCallsSince(sim, { channel: 'Store7' }, 0).count, 1);
    assert.equal(realtimeCallsSince(sim, { channelDatabase: 'Default' }, 0).calls[0].columns.ACCOUNTNUM, '100001');
  });

  it('groups what waits for the P-job and for the batch job by channel', async () => {
    const { sim } = await run({
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { countryRegion: 'SWE' } } },
        { createAddress: { channel: 'Store42', customer: 'Ana Berg', countryRegion: 'SWE' } },
      ],
    });
    const [waiting] = pendingUploads(sim, 'Default');
    assert.deepEqual([waiting.channel, waiting.creates, waiting.updates, waiting.addresses], ['Store42', 1, 0, 1]);
    assert.deepEqual(
      waiting.records.map((r) => r.evidence.table),
      ['RETAILASYNCCUSTOMERV2', 'RETAILASYNCADDRESSV2'],
    );
    assert.deepEqual(stagedAwaitingBatch(sim), []);
    const uploaded = await run({
      timeline: [{ createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { countryRegion: 'SWE' } } }, { runJob: 'P-0001' }],
    });
    const [staged] = stagedAwaitingBatch(uploaded.sim);
    assert.deepEqual(staged.rowsByTable, [
      { table: 'RETAILASYNCCUSTOMERV2', rows: 1 },
      { table: 'RETAILASYNCADDRESSV2', rows: 1 },
    ]);
  });

  it('tells when the CSU cache expires and whether it still serves the old value', async () => {
    const ran = {
      features: BASE,
      channels: [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: false }],
      timeline: [
        { at: '2026-11-01T09:00:00Z', updateChannel: { channel: 'Store42', asyncCustomerCreation: true } },
        { runJob: '1110' },
        { runJob: '1010' },
        { runJob: '1070' },
      ],
    };
    const { sim } = await run(ran);
    const [profile] = cachedDownloads(sim, 'Default').profiles;
    assert.deepEqual([profile.subject, profile.open, profile.expiresAt], ['Store42', true, Date.UTC(2026, 10, 1, 9, 15)]);
    assert.equal(channelSeesAsyncCreation(sim, 'Store42'), false);
    const later = await run({ ...ran, timeline: [...ran.timeline, { advance: 'PT15M' }] });
    assert.equal(cachedDownloads(later.sim, 'Default').profiles[0].open, false);
    assert.equal(channelSeesAsyncCreation(later.sim, 'Store42'), true);
  });

  it("keeps the simulation's JavaScript state as plain data", async () => {
    const { sim } = await run({ timeline: [{ generateCustomers: { count: 3 } }, { advance: 'PT1M' }] });
    const state = sim.exportState();
    assert.deepEqual(JSON.parse(JSON.stringify(state)), state);
    assert.deepEqual(state.ids, { customers: 3, operations: 3, generated: 3, transactions: 0, salesOrders: 0, loyaltyCards: 0 });
    assert.equal(state.clock.now, Date.UTC(2026, 10, 1, 8, 1));
    assert.deepEqual(
      state.channels.map((c) => c.id),
      ['Store42'],
    );
  });
});
