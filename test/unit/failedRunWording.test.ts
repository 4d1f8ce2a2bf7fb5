import { strict as assert } from 'node:assert';
import { diagnose, only, scenario } from './helpers';

const ANA = { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } };

describe('a pipeline job that ran and failed is not a job that "has never run"', () => {
  it('ACD005 says the batch job\'s last run failed, with its message, and points to ACD011', async () => {
    const text = scenario({ timeline: [ANA, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests', fails: 'Deadlock' }] });
    const { findings } = await diagnose(text);
    const [waiting] = only(findings, 'ACD005');
    assert.doesNotMatch(waiting.message, /never run/);
    assert.match(waiting.message, /the last run of the batch job Synchronize customers and channel requests, at .+, failed: 'Deadlock' \(see ACD011\)/);
    assert.equal(only(findings, 'ACD011').length, 1);
    const [sv] = only((await diagnose(text, { locale: 'sv' })).findings, 'ACD005');
    assert.match(sv.message, /den senaste körningen av batchjobbet Synkronisera kunder och kanalbegäranden, .+, misslyckades: 'Deadlock' \(se ACD011\)/);
    assert.doesNotMatch(sv.message, /aldrig/);
  });

  it('ACD004 says the P-job\'s last run failed when it did', async () => {
    const text = scenario({ timeline: [ANA, { runJob: 'P-0001', fails: 'Timeout expired' }] });
    const [waiting] = only((await diagnose(text)).findings, 'ACD004');
    assert.doesNotMatch(waiting.message, /never run/);
    assert.match(waiting.message, /the last run of the P-job for channel database Default, at .+, failed: 'Timeout expired' \(see ACD011\)/);
    const [sv] = only((await diagnose(text, { locale: 'sv' })).findings, 'ACD004');
    assert.match(sv.message, /den senaste körningen av CDX P-jobbet för kanaldatabasen Default, .+, misslyckades: 'Timeout expired' \(se ACD011\)/);
  });

  it('ACD007 says job 1010\'s last run failed when it did', async () => {
    const text = scenario({
      timeline: [ANA, { runJob: 'P-0001' }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }, { runJob: '1010', fails: 'Tried too many times' }],
    });
    const [behind] = only((await diagnose(text)).findings, 'ACD007');
    assert.match(behind.message, /the last run of job 1010 \(Customers\) for Default, at .+, failed: 'Tried too many times' \(see ACD011\)/);
    assert.doesNotMatch(behind.message, /has not run/);
    const [sv] = only((await diagnose(text, { locale: 'sv' })).findings, 'ACD007');
    assert.match(sv.message, /den senaste körningen av jobbet 1010 \(Kunder\) för Default, .+, misslyckades/);
  });
});
