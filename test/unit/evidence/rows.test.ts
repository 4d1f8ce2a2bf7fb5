// Values per export, rows that cannot be read, and rows that are read but not needed.
import { strict as assert } from 'node:assert';
import { formatWarning, type BatchRunRecord, type FeatureRecord, type SyncStatusRecord, type UploadSessionRecord } from '../../../src/evidence';
import { readFixture, readText } from './fixtures';

describe('evidence import: values and rows', () => {
  it('skips rows that cannot be read, warns with file:row, and reads the rest', () => {
    const reading = readFixture('formats/bad-rows.csv');
    assert.deepEqual(
      reading.records.map((r) => r.source.row),
      [2, 6],
    );
    assert.deepEqual(reading.warnings.map(formatWarning), [
      'bad-rows.csv:3: "Operations timestamp": "2026-13-45 09:40" is not a real date and time; row skipped',
      'bad-rows.csv:4: "Stuck" is not a customer sync status; expected Succeeded, Completed, Synchronized, Failed, Error, Pending, Not started or In progress; row skipped',
      'bad-rows.csv:5: "Async customer account" is empty; row skipped',
    ]);
  });

  it('reads the feature states of the grid and of the data entity, case-insensitively', () => {
    const grid = readFixture('formats/feature-management.csv').records as FeatureRecord[];
    assert.deepEqual(
      grid.map((f) => [f.feature, f.enabled]),
      [
        ['CustomerOrderPerformance', true],
        ['EnhancedAsyncCustomerCreation', true],
        ['AsyncCustomerAddressCreation', true],
        ['AsyncCustomerEditing', false],
      ],
    );
    const entity = readFixture('formats/feature-management-entity.csv').records as FeatureRecord[];
    assert.deepEqual(
      entity.map((f) => f.enabled),
      [true, true, true, false],
    );
    assert.equal(entity[3].enabledAt, undefined);
  });

  it('maps older and Swedish feature names to our ids', () => {
    const reading = readText(
      'Feature name;Status;Enable date\nEnable enhanced async customer creation;ON;2026-10-01 06:00\nAktivera redigering av kunder i asynkront läge;Aktiverad;2026-10-01 06:00\nAktivera redigering av kunder i asynkront läge;Yes;2026-10-01 06:00\n',
    );
    assert.deepEqual(
      reading.records.map((r) => (r as FeatureRecord).feature),
      ['EnhancedAsyncCustomerCreation', 'AsyncCustomerEditing'],
    );
    assert.match(reading.warnings[0].message, /"Aktiverad" is not a feature state/);
  });

  it('does not check the state or date of features, jobs and batch jobs it does not model', () => {
    const features = readText('Feature name,Status,Enable date\nSome other feature,Scheduled,next week\n');
    const sessions = readText('Job ID,Data store,Status,Date applied\n9999,,,\n');
    const batch = readText('Job description,Status,Start\nPost inventory journals,Whatever,\n');
    for (const reading of [features, sessions, batch]) {
      assert.deepEqual(reading.warnings, []);
      assert.deepEqual(reading.tables[0].ignored[0].rows, [2]);
    }
  });

  it('counts rows for features the tool does not model, with their rows', () => {
    const reading = readFixture('formats/feature-management.csv');
    assert.deepEqual(reading.tables[0].ignored, [{ reason: 'features this tool does not model', rows: [6] }]);
  });

  it('reads each sync status family', () => {
    const reading = readFixture('formats/customer-sync-status.csv');
    assert.deepEqual(
      (reading.records as SyncStatusRecord[]).map((r) => [r.statusText, r.status, r.customerAccount]),
      [
        ['Succeeded', 'succeeded', '004011'],
        ['Failed', 'failed', undefined],
        ['Pending', 'pending', undefined],
        ['completed', 'succeeded', '004015'],
        ['In progress', 'pending', undefined],
      ],
    );
  });

  it('classifies download sessions: Applied and No data succeed, failed fails, the rest did not reach the channel', () => {
    const reading = readFixture('formats/download-sessions.txt');
    assert.deepEqual(
      reading.records.map((r) => r.kind === 'downloadSessions' && [r.job, r.status, r.dateField]),
      [
        ['1010', 'succeeded', 'dateApplied'],
        ['1110', 'succeeded', 'dateApplied'],
        ['1070', 'failed', 'dateRequested'],
        ['1010', 'notApplied', 'dateDownloaded'],
        ['1010', 'succeeded', 'dateRequested'],
      ],
    );
    assert.deepEqual(reading.tables[0].ignored, [{ reason: 'download jobs other than 1010, 1070 and 1110', rows: [6] }]);
    const first = reading.records[0];
    assert.ok(first.kind === 'downloadSessions');
    assert.deepEqual([first.sessionId, first.rowsAffected, first.tryCount], ['88101', 214, 1]);
  });

  it('classifies upload sessions and uses the upload date before the creation date', () => {
    const reading = readFixture('formats/upload-sessions.csv');
    assert.deepEqual(
      (reading.records as UploadSessionRecord[]).map((r) => [r.uploadSessionId, r.status, r.dateField, r.rowsAffected]),
      [
        ['5021', 'succeeded', 'dateUploaded', 12],
        ['5022', 'failed', 'dateCreated', 0],
        ['5023', 'inProgress', 'dateCreated', 3],
      ],
    );
    assert.deepEqual(reading.tables[0].ignored, [{ reason: 'upload jobs other than P-0001', rows: [5] }]);
  });

  it('reads batch runs of the current and the older job name and Synchronize orders; other jobs and unfinished runs are counted', () => {
    const reading = readFixture('formats/batch-job-history.csv');
    assert.deepEqual(
      (reading.records as BatchRunRecord[]).map((r) => [r.job, r.status]),
      [
        ['SynchronizeCustomersAndChannelRequests', 'succeeded'],
        ['SynchronizeCustomersAndChannelRequests', 'failed'],
        ['SynchronizeOrders', 'succeeded'],
      ],
    );
    assert.deepEqual(
      reading.tables[0].ignored.map((i) => i.rows),
      [[5], [6]],
    );
  });

  it('warns when a session has no date in any of its date columns', () => {
    const reading = readText('Job ID,Data store,Status,Date applied,Date requested\n1010,Default,Applied,,\n', {}, 'sessions.csv');
    assert.equal(formatWarning(reading.warnings[0]), 'sessions.csv:2: no date in "Date applied" or "Date requested"; row skipped');
  });

  it('ignores blank lines between rows without a warning and keeps row numbers as the file shows them', () => {
    const reading = readText('Job description,Status,Start\n\nSynchronize orders,Ended,2026-11-13 08:00\n,,\nSynchronize orders,Error,2026-11-13 09:00\n');
    assert.deepEqual(
      reading.records.map((r) => r.source.row),
      [3, 5],
    );
    assert.deepEqual(reading.warnings, []);
  });
});
