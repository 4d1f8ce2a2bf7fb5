// CSV and text exports: encodings, delimiters, quoting, and files that are not text at all.
import { strict as assert } from 'node:assert';
import { EvidenceFileError, readEvidenceFile, type SyncStatusRecord, type UploadSessionRecord } from '../../../src/evidence';
import { readFixture, readText, utf8 } from './fixtures';

const STATUS_HEADER = 'Channel name,Customer account,Async customer account,Operations timestamp,Customer sync status';

function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

describe('evidence import: CSV and text files', () => {
  it('reads a UTF-8 file with a byte-order mark without keeping the mark in the first header', () => {
    const reading = readFixture('formats/feature-management.csv');
    assert.equal(reading.tables[0].kind, 'featureManagement');
    assert.equal(reading.records.length, 4);
  });

  it('reads UTF-16 LE with a BOM, tab-separated, as Excel saves "Unicode text"', () => {
    const reading = readFixture('formats/download-sessions.txt');
    assert.equal(reading.tables[0].kind, 'downloadSessions');
    assert.deepEqual(
      reading.records.map((r) => r.source.row),
      [2, 3, 4, 5, 7],
    );
    assert.deepEqual(reading.warnings, []);
  });

  it('reads a UTF-16 LE file built inline, with non-ASCII text intact', () => {
    const text = `Channel name\tCustomer account\tAsync customer account\tOperations timestamp\tCustomer sync status\tLast known error\r\nButik Umeå\t\tSE-1\t2026-11-13 09:00\tFailed\tGatan är okänd\r\n`;
    const reading = readEvidenceFile('unicode.txt', utf16le(text));
    const row = reading.records[0] as SyncStatusRecord;
    assert.equal(row.channel, 'Butik Umeå');
    assert.equal(row.lastKnownError, 'Gatan är okänd');
  });

  it('detects the semicolon delimiter', () => {
    const reading = readFixture('formats/customer-sync-status.csv');
    assert.equal(reading.tables[0].kind, 'customerSyncStatus');
    assert.equal(reading.records.length, 5);
  });

  it('keeps quotes and embedded newlines inside one value, and counts rows as records', () => {
    const reading = readFixture('formats/upload-sessions.csv');
    const failed = reading.records.find((r) => r.kind === 'uploadSessions' && r.status === 'failed') as UploadSessionRecord;
    assert.equal(failed.message, 'Tried too many times.\nTimeout expired.');
    // The next record is row 4 as a spreadsheet shows it, though it starts on line 5 of the text.
    assert.equal(reading.records[2].source.row, 4);
  });

  it('reads a quoted value with doubled quotes', () => {
    const reading = readFixture('formats/customer-sync-status.csv');
    const failed = reading.records.find((r) => r.kind === 'customerSyncStatus' && r.status === 'failed') as SyncStatusRecord;
    assert.equal(failed.lastKnownError, 'The address could not be validated: ZIP/postal code "9O326" does not exist for country/region SWE.');
  });

  it('reads Windows-1252 text (Excel "CSV" on Windows) rather than refusing it', () => {
    const bytes = Buffer.concat([Buffer.from(`${STATUS_HEADER}\nButik Ume`), Buffer.from([0xe5]), Buffer.from(',,SE-1,2026-11-13 09:00,Pending\n')]);
    const reading = readEvidenceFile('ansi.csv', bytes);
    assert.equal((reading.records[0] as SyncStatusRecord).channel, 'Butik Umeå');
  });

  it('refuses an empty file, naming it', () => {
    assert.throws(
      () => readEvidenceFile('empty.csv', new Uint8Array()),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'empty' && e.message.startsWith('empty.csv: '),
    );
  });

  it('refuses a file with only blank lines as empty', () => {
    assert.throws(() => readText('\n\n  \n', {}, 'blank.csv'), (e: unknown) => e instanceof EvidenceFileError && e.problem === 'empty');
  });

  it('refuses a file cut off inside a quoted value as truncated', () => {
    assert.throws(
      () => readText(`${STATUS_HEADER},Last known error\nStore42,,SE-1,2026-11-13 09:00,Failed,"The address could`, {}, 'cut.csv'),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'truncated' && /cut\.csv: .*row 2/.test(e.message),
    );
  });

  it('refuses UTF-16 text with an odd number of bytes as truncated', () => {
    const bytes = utf16le(`${STATUS_HEADER}\n`);
    assert.throws(
      () => readEvidenceFile('odd.txt', bytes.subarray(0, bytes.length - 1)),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'truncated',
    );
  });

  it('refuses binary data and an old .xls workbook with what was expected', () => {
    assert.throws(
      () => readEvidenceFile('photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d])),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'unreadable' && /expected a CSV/.test(e.message),
    );
    assert.throws(
      () => readEvidenceFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      (e: unknown) => e instanceof EvidenceFileError && /save it as XLSX or CSV/.test(e.message),
    );
  });

  it('refuses a file over the size limit without reading it', () => {
    assert.throws(
      () => readEvidenceFile('big.csv', utf8(`${STATUS_HEADER}\n`), { maxFileBytes: 10 }),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'tooLarge' && /big\.csv: .*limit of 10/.test(e.message),
    );
  });
});

describe('evidence import: UTF-16 big-endian', () => {
  it('reads UTF-16 BE with a BOM', () => {
    const text = 'Job description,Status,Start\nSynchronize orders,Ended,2026-11-13 08:00\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), le.map((_, i) => le[i ^ 1])]);
    const reading = readEvidenceFile('be.txt', be);
    assert.equal(reading.tables[0].kind, 'batchJobHistory');
    assert.equal(reading.records.length, 1);
  });
});
