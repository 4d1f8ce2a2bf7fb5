// Each conclusion set under test/fixtures/evidence holds the evidence for exactly one of the
// five conclusions PRODUCT.md asks the import to reach, and for none of the others. The
// checks below restate those five sentences over the grouped evidence.
import { strict as assert } from 'node:assert';
import {
  channelDatabasesIn,
  channelsIn,
  groupEvidence,
  resolveChannelDatabases,
  type Evidence,
} from '../../../src/evidence';
import { readFixtureSet } from './fixtures';

type Conclusion = 'ACD002' | 'ACD005' | 'ACD006' | 'ACD007' | 'ACD011';

const lastSuccess = (sessions: readonly { status: string; at: string }[] | undefined): string | undefined =>
  sessions?.filter((s) => s.status === 'succeeded').at(-1)?.at;

const customerBatchRuns = (e: Evidence) => e.batchRuns.filter((b) => b.job === 'SynchronizeCustomersAndChannelRequests');

const CONCLUSIONS: Record<Conclusion, (e: Evidence) => boolean> = {
  // A feature enabled at T, and a channel database whose last successful 1110, 1010 or 1070 session is before T.
  ACD002: (e) =>
    e.features.some(
      (f) =>
        f.enabled &&
        f.enabledAt !== undefined &&
        e.channelDatabases.some((db) => (['1110', '1010', '1070'] as const).some((job) => (lastSuccess(db.download[job]) ?? '') < f.enabledAt!)),
    ),
  // A status row Failed with a Last known error.
  ACD006: (e) => e.channels.some((c) => c.statusRows.some((r) => r.status === 'failed' && r.lastKnownError !== undefined)),
  // Status rows Pending written after the last successful batch run (or with none).
  ACD005: (e) => {
    const last = lastSuccess(customerBatchRuns(e).map((b) => ({ status: b.status, at: b.start }))) ?? '';
    return e.channels.some((c) => c.statusRows.some((r) => r.status === 'pending' && r.at > last));
  },
  // The last upload session or batch run failed, none succeeded after.
  ACD011: (e) => e.channelDatabases.some((db) => db.upload.at(-1)?.status === 'failed') || customerBatchRuns(e).at(-1)?.status === 'failed',
  // Status rows Succeeded with a customer account, and the channel database's last successful 1010 session before the operation.
  ACD007: (e) =>
    e.channels.some((c) => {
      const last1010 = lastSuccess(e.channelDatabases.find((db) => db.name === c.channelDatabase)?.download['1010']) ?? '';
      return c.statusRows.some((r) => r.status === 'succeeded' && r.customerAccount !== undefined && last1010 < r.at);
    }),
};

const SETS: [string, Conclusion][] = [
  ['acd002-feature-enabled-jobs-not-run', 'ACD002'],
  ['acd006-failed-operation', 'ACD006'],
  ['acd005-batch-not-run', 'ACD005'],
  ['acd011-pjob-upload-failed', 'ACD011'],
  ['acd007-account-not-back', 'ACD007'],
];

describe('evidence import: the conclusion fixture sets', () => {
  for (const [folder, expected] of SETS) {
    it(`${folder} reads cleanly and its evidence leads to ${expected} only`, () => {
      const reading = readFixtureSet(folder);
      assert.deepEqual(reading.warnings, [], 'every row of a conclusion set is readable');
      const kinds = new Set(reading.files.flatMap((f) => f.tables.map((t) => t.kind)));
      assert.ok(kinds.has('featureManagement') && kinds.has('downloadSessions') && kinds.has('customerSyncStatus'));
      const resolution = resolveChannelDatabases(channelsIn(reading.records), channelDatabasesIn(reading.records), {});
      assert.equal(resolution.kind, 'resolved', 'one channel database: no --channel needed');
      assert.ok(resolution.kind === 'resolved');
      const evidence = groupEvidence(reading.records, resolution.channelDatabases);
      const reached = (Object.keys(CONCLUSIONS) as Conclusion[]).filter((c) => CONCLUSIONS[c](evidence));
      assert.deepEqual(reached, [expected]);
    });
  }

  it('the ACD006 set names the failed async customer and its error', () => {
    const evidence = groupEvidence(readFixtureSet('acd006-failed-operation').records, { Store42: 'Default' });
    const failed = evidence.channels[0].statusRows.find((r) => r.status === 'failed');
    assert.equal(failed?.asyncCustomerAccount, 'SE42-000202');
    assert.match(failed?.lastKnownError ?? '', /ZIP\/postal code "9O326"/);
    assert.deepEqual(failed?.source, { file: 'customer-sync-status.csv', row: 3 });
  });

  it('the ACD011 set carries the failing upload message and its sheet and row', () => {
    const evidence = groupEvidence(readFixtureSet('acd011-pjob-upload-failed').records, { Store42: 'Default' });
    const last = evidence.channelDatabases[0].upload.at(-1);
    assert.equal(last?.message, 'Tried too many times. The upload to Commerce headquarters timed out.');
    assert.deepEqual(last?.source, { file: 'upload-sessions-and-batch-history.xlsx', sheet: 'Upload sessions', row: 6 });
    assert.equal(last?.at, '2026-11-15T10:00:00Z');
  });
});
