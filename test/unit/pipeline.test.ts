import { strict as assert } from 'node:assert';
import { channelDatabaseNames } from '../../src/sim/queries';
import { rawAll } from './rawTables';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/diagnose/engine';
import { PIPELINE_STAGES, STAGE_RULES, stageOf, type PipelineSnapshot, type PipelineStageId } from '../../src/domain/pipeline';
import { pipelineSnapshot } from '../../src/sim/queries/pipeline';
import type { Simulation } from '../../src/sim/simulation';
import { loadSql, repoRoot, sample, scenario } from './helpers';

async function replay(text: string): Promise<{ sim: Simulation; rules: Set<string> }> {
  const analysis = analyze(await loadSql(), text, { keepSimulation: true });
  assert.ok(analysis.sim, 'the scenario replays');
  return { sim: analysis.sim, rules: new Set(analysis.findings.map((f) => f.ruleId)) };
}

async function snapshotOf(text: string, limit?: number): Promise<{ snapshot: PipelineSnapshot; rules: Set<string>; sim: Simulation }> {
  const { sim, rules } = await replay(text);
  return { snapshot: pipelineSnapshot(sim, limit), rules, sim };
}

function counts(snapshot: PipelineSnapshot): Record<PipelineStageId, number> {
  return Object.fromEntries(snapshot.stages.map((s) => [s.id, s.count])) as Record<PipelineStageId, number>;
}

function names(snapshot: PipelineSnapshot, stage: PipelineStageId): string[] {
  return stageOf(snapshot, stage).customers.map((c) => c.name);
}

/** Every customer a channel database knows by a temporary id, converted or not: the async ones. */
function asyncCustomersKnownToChannels(sim: Simulation): number {
  const ids = new Set<string>();
  for (const database of channelDatabaseNames(sim)) {
    for (const row of rawAll(sim, database, 'SELECT CUSTACCOUNTASYNC FROM CUSTOMER WHERE CUSTACCOUNTASYNC IS NOT NULL')) {
      ids.add(String(row.CUSTACCOUNTASYNC));
    }
  }
  return ids.size;
}

const empty = { channelDatabase: 0, hqStaging: 0, customerMaster: 0, failed: 0, backOnChannel: 0 };
const store = { id: 'Store42', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: true };
const web = { id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true };
const ana = { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com', address: { city: 'Umeå', countryRegion: 'SWE' } } };
const bo = { createCustomer: { channel: 'Store42', firstName: 'Bo', lastName: 'Ek', email: 'bo@example.com', address: { city: 'Umeå', countryRegion: 'SVE' } } };

describe('the customer pipeline', () => {
  it('has customers created at a store whose P-job has not run in "channel database, not uploaded", as ACD004 says', async () => {
    const { snapshot, rules, sim } = await snapshotOf(sample('customers-stuck-in-channel'));
    assert.ok(rules.has('ACD004'));
    assert.deepEqual(counts(snapshot), { ...empty, channelDatabase: 3 });
    assert.deepEqual(names(snapshot, 'channelDatabase'), ['Ana Berg', 'Erik Lund', 'Maja Ek']);
    assert.deepEqual(stageOf(snapshot, 'channelDatabase').byDatabase, [{ database: 'Default', count: 3 }]);
    const pJob = snapshot.jobs.find((j) => j.id === 'P-0001')!.runs[0];
    assert.deepEqual([pJob.database, pJob.lastRunAt, pJob.waiting, pJob.stale], ['Default', undefined, 3, true]);
    assert.equal(snapshot.clock, '2026-11-01T10:17:00Z');
    assert.deepEqual(snapshot.channels, [{ id: 'Store42', kind: 'store', channelDatabase: 'Default', created: 3 }]);
    sim.close();
  });

  it('has uploaded customers the batch job has not processed in the HQ staging tables, as ACD005 says', async () => {
    const { snapshot, rules, sim } = await snapshotOf(sample('customers-stuck-in-staging'));
    assert.ok(rules.has('ACD005'));
    assert.ok(stageOf(snapshot, 'hqStaging').count > 0);
    assert.equal(stageOf(snapshot, 'channelDatabase').count, 0);
    const batch = snapshot.jobs.find((j) => j.id === 'SynchronizeCustomersAndChannelRequests')!;
    assert.deepEqual(batch.to, ['customerMaster', 'failed']);
    assert.equal(batch.runs[0].database, null);
    assert.equal(batch.runs[0].stale, true);
    assert.equal(batch.runs[0].waiting, stageOf(snapshot, 'hqStaging').count);
    sim.close();
  });

  it('has the customer HQ rejected among the failed operations, as ACD006 says', async () => {
    const { snapshot, rules, sim } = await snapshotOf(sample('failed-operation'));
    assert.ok(rules.has('ACD006'));
    assert.equal(stageOf(snapshot, 'failed').count, 1);
    assert.equal(stageOf(snapshot, 'customerMaster').count + stageOf(snapshot, 'backOnChannel').count, snapshot.created - 1);
    sim.close();
  });

  it('brings every customer of the healthy sample back to the channel with its account number', async () => {
    const { snapshot, rules, sim } = await snapshotOf(sample('healthy'));
    assert.equal(rules.size, 0);
    assert.ok(snapshot.created > 0);
    assert.deepEqual(counts(snapshot), { ...empty, backOnChannel: snapshot.created });
    for (const job of snapshot.jobs) {
      assert.ok(job.runs.every((run) => !run.stale && run.lastRunAt !== undefined), `${job.id} ran and nothing waits behind it`);
    }
    sim.close();
  });

  describe('on every sample', () => {
    const samples = readdirSync(join(repoRoot, 'samples'))
      .filter((f) => f.endsWith('.asyncscenario.json'))
      .map((f) => f.replace('.asyncscenario.json', ''));
    for (const name of samples) {
      it(`${name}: puts each customer created asynchronously in exactly one stage, with the finding its stage names`, async () => {
        const { snapshot, rules, sim } = await snapshotOf(sample(name));
        assert.deepEqual(snapshot.stages.map((s) => s.id), [...PIPELINE_STAGES]);
        assert.equal(snapshot.created, asyncCustomersKnownToChannels(sim));
        assert.equal(snapshot.stages.reduce((sum, s) => sum + s.count, 0), snapshot.created);
        assert.equal(snapshot.channels.reduce((sum, c) => sum + c.created, 0), snapshot.created);
        for (const stage of snapshot.stages) {
          assert.equal(stage.byDatabase.reduce((sum, d) => sum + d.count, 0), stage.count, stage.id);
          const rule = STAGE_RULES[stage.id];
          if (stage.count > 0 && rule) {
            assert.ok(rules.has(rule), `${stage.count} customers in ${stage.id}, and ${rule} reports it`);
          }
        }
        sim.close();
      });
    }
  });

  it('moves customers stage by stage as the jobs run: P-job, batch job, then job 1010', async () => {
    const steps: [unknown[], Record<PipelineStageId, number>][] = [
      [[ana, bo], { ...empty, channelDatabase: 2 }],
      [[ana, bo, { runJob: 'P-0001' }], { ...empty, hqStaging: 2 }],
      [[ana, bo, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }], { ...empty, customerMaster: 1, failed: 1 }],
      [[ana, bo, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: '1010' }], { ...empty, backOnChannel: 1, failed: 1 }],
    ];
    for (const [timeline, expected] of steps) {
      const { snapshot, sim } = await snapshotOf(scenario({ timeline }));
      assert.deepEqual(counts(snapshot), expected, JSON.stringify(timeline));
      sim.close();
    }
  });

  it('keeps customers HQ created but the channel still shows as Pending sync in a "waiting for 1010" stage, with job 1010 stale', async () => {
    const { snapshot, rules, sim } = await snapshotOf(
      scenario({ timeline: [ana, { at: '2026-11-01T09:00:00Z', runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }] }),
    );
    assert.ok(rules.has('ACD007'));
    assert.deepEqual(names(snapshot, 'customerMaster'), ['Ana Berg']);
    const job1010 = snapshot.jobs.find((j) => j.id === '1010')!.runs[0];
    assert.deepEqual([job1010.waiting, job1010.stale, job1010.lastRunAtStart], [1, true, true]);
    const pJob = snapshot.jobs.find((j) => j.id === 'P-0001')!.runs[0];
    assert.deepEqual([pJob.lastRunAt, pJob.stale], ['2026-11-01T09:00:00Z', false]);
    sim.close();
  });

  it('breaks each stage down by the channel database where the customers were created', async () => {
    const webCustomer = { createCustomer: { channel: 'WebStore', firstName: 'Cia', lastName: 'Lind', email: 'cia@example.com' } };
    const { snapshot, sim } = await snapshotOf(scenario({ channels: [store, web], timeline: [ana, webCustomer, { runJob: 'P-0001', channelDatabase: 'Online' }] }));
    assert.deepEqual(snapshot.channelDatabases, ['Default', 'Online']);
    assert.deepEqual(stageOf(snapshot, 'channelDatabase').byDatabase, [{ database: 'Default', count: 1 }, { database: 'Online', count: 0 }]);
    assert.deepEqual(stageOf(snapshot, 'hqStaging').byDatabase, [{ database: 'Default', count: 0 }, { database: 'Online', count: 1 }]);
    assert.deepEqual(stageOf(snapshot, 'hqStaging').customers, [{ name: 'Cia Lind', channel: 'WebStore', channelDatabase: 'Online' }]);
    const pJobs = snapshot.jobs.find((j) => j.id === 'P-0001')!.runs;
    assert.deepEqual(pJobs.map((r) => [r.database, r.stale]), [['Default', true], ['Online', false]]);
    sim.close();
  });

  it('counts customers created by a real-time call outside the journey', async () => {
    const realtime = { ...store, asyncCustomerCreation: false };
    const { snapshot, sim } = await snapshotOf(scenario({ channels: [realtime], timeline: [ana, { createCustomer: { channel: 'Store42', firstName: 'Bo', offline: true } }] }));
    assert.equal(snapshot.createdRealtime, 1);
    assert.equal(snapshot.created, 1);
    assert.deepEqual(names(snapshot, 'channelDatabase'), ['Bo']);
    sim.close();
  });

  it('lists at most the first few names of a large stage, with the total', async () => {
    const { snapshot, sim } = await snapshotOf(scenario({ timeline: [{ generateCustomers: { count: 1200, channels: ['Store42'] } }] }), 4);
    const stage = stageOf(snapshot, 'channelDatabase');
    assert.equal(stage.count, 1200);
    assert.deepEqual(stage.customers.map((c) => c.name), ['Customer 0000001', 'Customer 0000002', 'Customer 0000003', 'Customer 0000004']);
    assert.equal(snapshot.customerLimit, 4);
    sim.close();
  });

  it('names a customer without a name by its email', async () => {
    const { snapshot, sim } = await snapshotOf(scenario({ timeline: [{ createCustomer: { channel: 'Store42', email: 'x@example.com', offline: true } }] }));
    assert.deepEqual(names(snapshot, 'channelDatabase'), ['x@example.com']);
    sim.close();
  });
});
