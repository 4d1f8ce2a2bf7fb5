import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/diagnose/engine';
import { pipelineSnapshot } from '../../../src/sim/queries/pipeline';
import { loadSql, sample } from '../helpers';

describe('the pipeline picture with schedules and failed runs', () => {
  it('shows the failed last run of the P-job with its message', async () => {
    const { sim } = analyze(await loadSql(), sample('failed-upload-session'), { keepSimulation: true });
    try {
      const pJob = pipelineSnapshot(sim!).jobs.find((j) => j.id === 'P-0001')!;
      assert.deepEqual(pJob.runs[0].failed, { at: '2026-11-01T09:15:00Z', reason: 'Timeout expired' });
      assert.equal(pJob.runs[0].nextRunAt, undefined, 'no schedules, no next run');
    } finally {
      sim?.close();
    }
  });

  it('shows when each scheduled job runs next', async () => {
    const { sim } = analyze(await loadSql(), sample('pipeline-job-not-scheduled'), { keepSimulation: true });
    try {
      const jobs = pipelineSnapshot(sim!).jobs;
      // The clock is at 10:02; P-0001 and 1010 run every 15 minutes from 08:00; the batch job has no schedule.
      assert.equal(jobs.find((j) => j.id === 'P-0001')!.runs[0].nextRunAt, '2026-11-01T10:15:00Z');
      assert.equal(jobs.find((j) => j.id === '1010')!.runs[0].nextRunAt, '2026-11-01T10:15:00Z');
      assert.equal(jobs.find((j) => j.id === 'SynchronizeCustomersAndChannelRequests')!.runs[0].nextRunAt, undefined);
    } finally {
      sim?.close();
    }
  });
});
