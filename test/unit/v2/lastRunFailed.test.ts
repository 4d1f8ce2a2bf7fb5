import { strict as assert } from 'node:assert';
import { cdxJobStates, stagingTables } from '../../../src/sim/queries';
import { coveredText, diagnose, fixRemovesFinding, only, scenario } from '../helpers';

const ANA = { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' };

describe('failed runs (ACD011)', () => {
  it('reports a failed P-job with its channel database, time and message, and keeps the records in the channel', async () => {
    const text = scenario({
      timeline: [{ createCustomer: ANA }, { at: '2026-11-01T09:00:00Z', runJob: 'P-0001', channelDatabase: 'Default', fails: 'Timeout expired' }],
    });
    const analysis = await diagnose(text, { keepSimulation: true });
    try {
      const [finding] = only(analysis.findings, 'ACD011');
      assert.equal(finding.severity, 'error');
      assert.match(finding.message, /P-job for channel database Default failed at 2026-11-01 09:00: 'Timeout expired'/);
      assert.equal(coveredText(text, finding), '"P-0001"');
      assert.deepEqual(
        finding.evidence.map((e) => [e.table, e.columns.STATUS, e.columns.MESSAGE, e.columns.DATASTORE]),
        [['RETAILCDXUPLOADSESSION', 'Upload failed', 'Timeout expired', 'Default']],
      );
      // Nothing moved: the record still waits in the channel database.
      assert.equal(only(analysis.findings, 'ACD004').length, 1);
      const channelTable = stagingTables(analysis.sim!).find((t) => t.database === 'Default' && t.table === 'RETAILASYNCCUSTOMERV2')!;
      assert.equal(channelTable.pendingCount, 1);
      const pJob = cdxJobStates(analysis.sim!)[0].jobs.find((j) => j.jobId === 'P-0001')!;
      assert.equal(pJob.failure, 'Timeout expired');
    } finally {
      analysis.sim?.close();
    }
  });

  it('reports a failed batch job and processes nothing', async () => {
    const text = scenario({
      timeline: [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default' }, { runBatch: 'SynchronizeCustomersAndChannelRequests', fails: 'Deadlock' }],
    });
    const { findings } = await diagnose(text);
    const [finding] = only(findings, 'ACD011');
    assert.match(finding.message, /Synchronize customers and channel requests failed at .*'Deadlock'/);
    assert.equal(finding.evidence[0].table, 'BATCHJOBHISTORY');
    assert.equal(finding.evidence[0].columns.STATUS, 'Error');
    assert.equal(only(findings, 'ACD005').length, 1, 'the staged operation still waits');
  });

  it('reports a failed download job for every channel database when none is named', async () => {
    const text = scenario({
      channels: [
        { id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: true },
        { id: 'Web', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
      ],
      timeline: [{ runJob: '1010', fails: 'Tried too many times' }],
    });
    const findings = only((await diagnose(text)).findings, 'ACD011');
    assert.deepEqual(
      findings.map((f) => f.evidence[0].columns.DATASTORE),
      ['Default', 'Online'],
    );
    assert.equal(findings[0].evidence[0].columns.STATUS, 'Apply failed');
  });

  it('says nothing once a later run of the same job for the same channel database succeeded', async () => {
    const text = scenario({
      timeline: [{ runJob: 'P-0001', channelDatabase: 'Default', fails: 'Timeout expired' }, { runJob: 'P-0001', channelDatabase: 'Default' }],
    });
    assert.deepEqual(only((await diagnose(text)).findings, 'ACD011'), []);
  });

  it('fixes by appending a successful run, which moves what the failed one did not', async () => {
    const text = scenario({
      timeline: [{ createCustomer: ANA }, { runJob: 'P-0001', channelDatabase: 'Default', fails: 'Timeout expired' }],
    });
    const [finding] = only((await diagnose(text)).findings, 'ACD011');
    assert.equal(finding.fixes[0].title, 'Run the P-job again for Default');
    const fixed = await fixRemovesFinding(text, finding);
    const after = (await diagnose(fixed)).findings;
    assert.deepEqual(only(after, 'ACD004'), [], 'the successful run uploaded the record');
    assert.equal(only(after, 'ACD005').length, 1, 'it now waits for the batch job');
  });

  it('rejects a fails that is not text, an empty one, and one on an action that has no run', async () => {
    const text = scenario({
      timeline: [
        { runJob: 'P-0001', fails: 42 },
        { runBatch: 'SynchronizeCustomersAndChannelRequests', fails: '  ' },
        { advance: 'PT1M', fails: 'x' },
      ],
    });
    const { findings } = await diagnose(text);
    const wrongType = only(findings, 'ACD103');
    assert.equal(wrongType.length, 1);
    assert.equal(coveredText(text, wrongType[0]), '42');
    const empty = only(findings, 'ACD107');
    assert.equal(coveredText(text, empty[0]), '"  "');
    const notFor = only(findings, 'ACD101');
    assert.equal(coveredText(text, notFor[0]), 'fails');
    assert.deepEqual(only(findings, 'ACD011'), [], 'entries with a bad fails do not run');
  });
});
