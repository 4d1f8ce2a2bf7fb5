import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import { cdxJobStates, lastBatchRun, stagingTables } from '../../../src/sim/queries';
import { rawAll } from '../rawTables';
import { coveredText, diagnose, fixRemovesFinding, only, scenario } from '../helpers';

const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };
const PIPELINE = [
  { runJob: 'P-0001', every: 'PT15M' },
  { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M', from: '2026-11-01T08:05:00Z' },
  { runJob: '1010', channelDatabase: 'Default', every: 'PT30M' },
];

describe('schedules', () => {
  it('fires every due run at its due time, in time order, before the next entry', async () => {
    const text = scenario({ extra: { schedules: PIPELINE }, timeline: [{ createCustomer: ANA }, { advance: 'PT31M' }, { createCustomer: { ...ANA, email: 'b@example.com', firstName: 'Bo' } }] });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      const sim = analysis.sim!;
      const uploads = rawAll(sim, 'HQ', 'SELECT DATECREATED, ROWSAFFECTED, SCHEDULED, ORIGIN FROM RETAILCDXUPLOADSESSION ORDER BY SEQ', []);
      assert.deepEqual(
        uploads.map((u) => [u.DATECREATED, u.SCHEDULED, u.ORIGIN]),
        [
          ['2026-11-01T08:15:00Z', 1, 'schedules/0'],
          ['2026-11-01T08:30:00Z', 1, 'schedules/0'],
        ],
      );
      assert.ok(Number(uploads[0].ROWSAFFECTED) > 0);
      // The batch job ran at 08:20 (after the P-job of 08:15), then 1010 at 08:30: Ana is back on the channel.
      const batches = rawAll(sim, 'HQ', 'SELECT STARTDATETIME FROM BATCHJOBHISTORY ORDER BY SEQ', []);
      assert.deepEqual(batches.map((b) => b.STARTDATETIME), ['2026-11-01T08:20:00Z']);
      assert.equal(lastBatchRun(sim)?.runAt, '2026-11-01T08:20:00Z');
      const customers = rawAll(sim, 'Default', "SELECT ACCOUNTNUM, PENDINGSYNC FROM CUSTOMER WHERE EMAIL = 'ana@example.com'", []);
      assert.deepEqual(customers, [{ ACCOUNTNUM: '100001', PENDINGSYNC: 0 }]);
      // Bo was created at 08:31, after every run due by then.
      const channelCustomers = stagingTables(sim).find((t) => t.database === 'Default' && t.table === 'RETAILASYNCCUSTOMERV2')!;
      assert.equal(channelCustomers.pendingCount, 1);
      const pJob = cdxJobStates(sim)[0].jobs.find((j) => j.jobId === 'P-0001')!;
      assert.equal(pJob.lastRunScheduled, true);
    } finally {
      analysis.sim?.close();
    }
  });

  it('treats records a schedule picks up within one interval as waiting normally, not ACD004 or ACD005', async () => {
    const timeline = [{ createCustomer: ANA }, { advance: 'PT5M' }];
    const unscheduled = (await diagnose(scenario({ timeline }))).findings;
    assert.equal(only(unscheduled, 'ACD004').length, 1);
    const scheduled = (await diagnose(scenario({ extra: { schedules: PIPELINE }, timeline }))).findings;
    assert.deepEqual(scheduled.map((f) => f.ruleId), []);
    const staged = [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default' }, { advance: 'PT4M' }];
    assert.equal(only((await diagnose(scenario({ timeline: staged }))).findings, 'ACD005').length, 1);
    const everyQuarter = PIPELINE.map((s) => ({ ...s, from: undefined }));
    assert.deepEqual(only((await diagnose(scenario({ extra: { schedules: everyQuarter }, timeline: staged }))).findings, 'ACD005'), []);
    // A batch schedule whose first run (08:20) is more than one interval after the upload (08:00) does not count.
    assert.equal(only((await diagnose(scenario({ extra: { schedules: PIPELINE }, timeline: staged }))).findings, 'ACD005').length, 1);
  });

  it('still reports records a schedule starting later will not pick up within one interval', async () => {
    const late = [{ runJob: 'P-0001', every: 'PT15M', from: '2026-11-02T08:00:00Z' }, ...PIPELINE.slice(1)];
    const findings = (await diagnose(scenario({ extra: { schedules: late }, timeline: [{ createCustomer: ANA }, { advance: 'PT5M' }] }))).findings;
    assert.equal(only(findings, 'ACD004').length, 1);
  });

  it('reports ACD010 for each pipeline job without a recurrence, and its fix adds one', async () => {
    const text = scenario({ extra: { schedules: [{ runJob: 'P-0001', every: 'PT15M' }] }, timeline: [{ createCustomer: ANA }] });
    const findings = only((await diagnose(text)).findings, 'ACD010');
    assert.deepEqual(
      findings.map((f) => f.message.split(' has no')[0]),
      ['Synchronize customers and channel requests', 'Job 1010 for channel database Default'],
    );
    assert.equal(findings[0].severity, 'warning');
    assert.equal(coveredText(text, findings[0]), '[');
    let fixed = await fixRemovesFinding(text, findings[0]);
    assert.deepEqual((parseJsonc(fixed) as { schedules: unknown[] }).schedules[1], { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M' });
    const [rest] = only((await diagnose(fixed)).findings, 'ACD010');
    fixed = await fixRemovesFinding(fixed, rest);
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD010'), []);
  });

  it('asks for the P-job only where a channel database has async records', async () => {
    const text = scenario({ extra: { schedules: PIPELINE.slice(1) }, timeline: [] });
    assert.deepEqual(only((await diagnose(text)).findings, 'ACD010'), []);
    const withRecords = scenario({ extra: { schedules: PIPELINE.slice(1) }, timeline: [{ createCustomer: ANA }] });
    assert.match(only((await diagnose(withRecords)).findings, 'ACD010')[0].message, /^The P-job for channel database Default/);
  });

  it('says nothing about recurrence without "schedules"', async () => {
    assert.deepEqual(only((await diagnose(scenario({ timeline: [{ createCustomer: ANA }] }))).findings, 'ACD010'), []);
  });

  it('points the evidence of a scheduled run at its schedule', async () => {
    const text = scenario({ extra: { schedules: [{ runJob: 'P-0001', every: 'PT15M' }] }, timeline: [{ advance: 'PT15M' }, { runJob: 'P-0001', channelDatabase: 'Default', fails: 'Timeout expired' }] });
    const analysis = await diagnose(text);
    assert.equal(only(analysis.findings, 'ACD011').length, 1);
    const scheduledOk = scenario({ extra: { schedules: [{ runJob: 'P-0001', every: 'PT15M' }] }, timeline: [{ runJob: 'P-0001', channelDatabase: 'Default', fails: 'x' }, { advance: 'PT15M' }] });
    assert.deepEqual(only((await diagnose(scheduledOk)).findings, 'ACD011'), [], 'the scheduled run after the failure succeeded');
  });

  it('rejects schedules without every, too often, with an unknown job or database, or with two jobs, each at its place', async () => {
    const text = scenario({
      extra: {
        schedules: [
          { runJob: 'P-0001' },
          { runJob: 'P-0001', every: 'PT0M' },
          { runJob: '1011', every: 'PT15M' },
          { runJob: '1010', channelDatabase: 'Nowhere', every: 'PT15M' },
          { runJob: '1010', runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M' },
          { every: 'PT15M' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'soon' },
          { runJob: 'P-0001', every: 'PT15M', from: 'yesterday' },
          { runJob: 'P-0001', every: 15 },
          'P-0001',
        ],
      },
    });
    const { findings } = await diagnose(text);
    const at = (id: string) => only(findings, id).map((f) => coveredText(text, f));
    assert.equal(only(findings, 'ACD105').length, 2, 'every missing; job missing');
    assert.deepEqual(at('ACD107'), ['PT0M', 'soon', 'yesterday']);
    assert.deepEqual(at('ACD102'), ['1011', 'Nowhere']);
    assert.deepEqual(at('ACD101'), ['runBatch']);
    assert.deepEqual(at('ACD103'), ['15', '"P-0001"']);
  });

  it('refuses to replay schedules that would run more often than the limit, in one finding', async () => {
    const text = scenario({ extra: { schedules: [{ runJob: 'P-0001', every: 'PT1M' }] }, timeline: [{ advance: 'P30D' }] });
    const { findings } = await diagnose(text);
    assert.deepEqual(findings.map((f) => f.ruleId), ['ACD108']);
    assert.match(findings[0].message, /43200 times/);
  });
});
