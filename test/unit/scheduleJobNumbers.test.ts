import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyFix, diagnose, only, repoRoot, scenario } from './helpers';

const ANA = { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } };

describe('job ids written as numbers in "schedules"', () => {
  it('reads "runJob": 1010 in a schedule as job 1010: no ACD103, and 1010 is not reported unscheduled', async () => {
    const text = scenario({
      extra: {
        schedules: [
          { runJob: 'P-0001', every: 'PT15M' },
          { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M' },
          { runJob: 1010, every: 'PT15M' },
        ],
      },
      timeline: [ANA],
    });
    const { findings } = await diagnose(text);
    assert.deepEqual(only(findings, 'ACD103'), []);
    assert.deepEqual(
      only(findings, 'ACD010').map((f) => f.message),
      [],
    );
  });

  it('lets the schema complete the numbers in a schedule as in the timeline', () => {
    interface ScheduleSchema {
      properties: { schedules: { items: { properties: { runJob: { type: string[]; enum: (string | number)[] } } } } };
    }
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'asyncscenario.schema.json'), 'utf8')) as ScheduleSchema;
    const runJob = schema.properties.schedules.items.properties.runJob;
    assert.deepEqual(runJob.type, ['string', 'number']);
    assert.deepEqual(runJob.enum.filter((v) => typeof v === 'number').sort(), [1010, 1070, 1110]);
  });

  it('writes the ACD010 fix with job numbers when the file writes them so', async () => {
    const text = scenario({
      extra: { schedules: [{ runJob: 'P-0001', every: 'PT15M' }, { runBatch: 'SynchronizeCustomersAndChannelRequests', every: 'PT15M' }] },
      timeline: [{ runJob: 1110 }, { runJob: 1070 }, ANA],
    });
    const [missing] = only((await diagnose(text)).findings, 'ACD010');
    assert.match(missing.message, /1010/);
    const fixed = applyFix(text, missing.fixes.find((f) => f.isPreferred) ?? missing.fixes[0]);
    const schedules = (parseJsonc(fixed) as { schedules: { runJob?: unknown }[] }).schedules;
    assert.equal(schedules[2].runJob, 1010);
    assert.deepEqual(only((await diagnose(fixed)).findings, 'ACD010'), []);
  });
});
