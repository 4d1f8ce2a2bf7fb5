// Recognising each export from its header row, and the user's header mapping.
import { strict as assert } from 'node:assert';
import {
  EvidenceFileError,
  EvidenceOptionError,
  parseHeaderMapping,
  parseHeaderMappingText,
  readEvidenceFile,
  type DownloadSessionRecord,
} from '../../../src/evidence';
import { fixtureBytes, readFixture, readText } from './fixtures';

describe('evidence import: export kinds and headers', () => {
  const cases: [string, string][] = [
    ['formats/feature-management.csv', 'featureManagement'],
    ['formats/feature-management-entity.csv', 'featureManagement'],
    ['formats/customer-sync-status.csv', 'customerSyncStatus'],
    ['formats/download-sessions.txt', 'downloadSessions'],
    ['formats/upload-sessions.csv', 'uploadSessions'],
    ['formats/batch-job-history.csv', 'batchJobHistory'],
  ];
  for (const [file, kind] of cases) {
    it(`recognises ${file} as ${kind}`, () => {
      assert.equal(readFixture(file).tables[0].kind, kind);
    });
  }

  it('matches headers without regard to case or spaces', () => {
    const reading = readText('JOBID;  data STORE ;STATUS;Date  Applied\n1010;Default;applied;2026-11-13 06:00\n');
    const session = reading.records[0] as DownloadSessionRecord;
    assert.equal(reading.tables[0].kind, 'downloadSessions');
    assert.equal(session.channelDatabase, 'Default');
    assert.equal(session.status, 'succeeded');
  });

  it('tells upload sessions from download sessions though both have Job ID, Data store and Status', () => {
    const reading = readText('Job ID,Upload session ID,Channel database,Status,Date created\nP-0001,17,Default,Uploaded,2026-11-13 06:00\n');
    assert.equal(reading.tables[0].kind, 'uploadSessions');
  });

  it('finds the header row below a title line', () => {
    const reading = readText('Download sessions exported 2026-11-13\n\nJob ID,Data store,Status,Date applied\n1010,Default,Applied,2026-11-13 06:00\n');
    assert.equal(reading.records[0].source.row, 4);
  });

  it('lists, per kind, the expected and the missing headers when a file is not an export', () => {
    assert.throws(
      () => readFixture('formats/unrecognised.csv'),
      (e: unknown) => {
        assert.ok(e instanceof EvidenceFileError);
        assert.equal(e.problem, 'unrecognised');
        assert.match(e.message, /^unrecognised\.csv: the header row \("Customer", "Name", "Phone", "City"\)/);
        assert.match(e.message, /Feature management: expected "Feature name", "Status" or "Enabled"; missing "Feature name", "Status" or "Enabled"/);
        assert.match(e.message, /Download sessions: expected .*one of "Date applied" or "Date downloaded" or "Date requested"/);
        assert.match(e.message, /Batch job history: expected "Job description" or "Description", "Status", "Start date\/time" or "Start"/);
        assert.match(e.message, /--mapping/);
        return true;
      },
    );
  });

  it('names only what is missing when a file is nearly an export', () => {
    assert.throws(
      () => readText('Job ID,Data store,Status\n1010,Default,Applied\n', {}, 'sessions.csv'),
      (e: unknown) =>
        e instanceof EvidenceFileError &&
        /Download sessions: expected [^\n]*; missing "Date applied" or "Date downloaded" or "Date requested"\n/.test(e.message),
    );
  });

  it('recognises other headers through a mapping file', () => {
    const mapping = parseHeaderMappingText('mapping.json', new TextDecoder().decode(fixtureBytes('formats/mapping.json')));
    assert.throws(() => readFixture('formats/custom-headers.csv'), EvidenceFileError);
    const reading = readFixture('formats/custom-headers.csv', { mapping });
    assert.equal(reading.tables[0].kind, 'downloadSessions');
    assert.deepEqual(
      reading.records.map((r) => (r as DownloadSessionRecord).job),
      ['1010', '1110'],
    );
  });

  it('tries the mapping before the documented header names', () => {
    const mapping = parseHeaderMapping('m.json', { headers: { downloadSessions: { dateApplied: 'Applied (local)' } } });
    const reading = readText('Job ID,Data store,Status,Date applied,Applied (local)\n1010,Default,Applied,2026-11-13 06:00,2026-11-13 07:00\n', { mapping });
    assert.equal((reading.records[0] as DownloadSessionRecord).at, '2026-11-13T07:00:00Z');
  });

  describe('mapping file validation', () => {
    const refuses = (json: unknown, message: RegExp) =>
      assert.throws(
        () => parseHeaderMapping('mapping.json', json),
        (e: unknown) => e instanceof EvidenceOptionError && e.message.startsWith('mapping.json: ') && message.test(e.message),
      );
    it('refuses a file that is not a JSON object', () => refuses([1], /expected a JSON object/));
    it('refuses an unknown top-level key', () => refuses({ header: {} }, /unknown key "header"/));
    it('refuses an unknown kind and lists the kinds', () => refuses({ headers: { sessions: {} } }, /headers\.sessions: unknown export kind; expected one of featureManagement, customerSyncStatus/));
    it('refuses an unknown field and lists the fields', () =>
      refuses({ headers: { batchJobHistory: { started: 'Began' } } }, /headers\.batchJobHistory\.started: unknown field; expected one of jobDescription, status, start, end/));
    it('refuses an empty list or a non-string header', () => {
      refuses({ headers: { batchJobHistory: { start: [] } } }, /expected a header name or a non-empty list/);
      refuses({ headers: { batchJobHistory: { start: [3] } } }, /expected a header name or a non-empty list/);
    });
    it('reports JSON syntax errors with the file name', () =>
      assert.throws(() => parseHeaderMappingText('mapping.json', '{ "headers": '), (e: unknown) => e instanceof EvidenceOptionError && /^mapping\.json: not valid JSON/.test(e.message)));
  });

  it('reads a file whose header row is the whole file as an export with no rows', () => {
    const reading = readEvidenceFile('only-header.csv', new TextEncoder().encode('Job description,Status,Start\n'));
    assert.equal(reading.tables[0].kind, 'batchJobHistory');
    assert.deepEqual(reading.records, []);
  });
});
