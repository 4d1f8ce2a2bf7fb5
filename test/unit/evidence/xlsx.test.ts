// XLSX workbooks: sheets, date cells, and archives that must be refused before they are unpacked.
import { strict as assert } from 'node:assert';
import { strToU8, zipSync } from 'fflate';
import { EvidenceFileError, readEvidenceFile, type BatchRunRecord, type DownloadSessionRecord } from '../../../src/evidence';
import { fixtureBytes, readFixture } from './fixtures';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A one-sheet workbook with inline strings and, optionally, the 1904 date system and a date style. */
function workbook(rows: string, options: { date1904?: boolean; extra?: Record<string, Uint8Array> } = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${options.date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/styles.xml': strToU8(`<styleSheet xmlns="${MAIN}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`),
    ...options.extra,
  });
}

const str = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const HISTORY_HEADER = `<row r="1">${str('A1', 'Job description')}${str('B1', 'Status')}${str('C1', 'Start')}</row>`;

describe('evidence import: XLSX', () => {
  it('reads every export sheet, skips the notes sheet and says so, with the sheet on each record', () => {
    const reading = readFixture('formats/evidence.xlsx');
    assert.deepEqual(
      reading.tables.map((t) => [t.sheet, t.kind, t.records]),
      [
        ['Download sessions', 'downloadSessions', 3],
        ['Batch job history', 'batchJobHistory', 2],
      ],
    );
    assert.deepEqual(reading.skippedSheets, [{ sheet: 'Notes', reason: 'not an export this tool reads' }]);
    assert.deepEqual(reading.records[0].source, { file: 'evidence.xlsx', sheet: 'Download sessions', row: 2 });
  });

  it('reads date cells with a built-in and a custom date format, to the second', () => {
    const reading = readFixture('formats/evidence.xlsx');
    const applied = reading.records[0] as DownloadSessionRecord;
    assert.equal(applied.at, '2026-11-13T06:01:30Z');
    assert.equal(applied.dateField, 'dateApplied');
    const batch = reading.records.find((r) => r.kind === 'batchJobHistory') as BatchRunRecord;
    assert.equal(batch.end, '2026-11-13T08:01:12Z');
  });

  it('applies the time zone to date cells (Excel stores no offset)', () => {
    const reading = readFixture('formats/evidence.xlsx', { timeZone: '+01:00' });
    assert.equal((reading.records[0] as DownloadSessionRecord).at, '2026-11-13T05:01:30Z');
  });

  it('reports a row whose date cell is text that is not a date with its sheet and row', () => {
    const reading = readFixture('formats/evidence.xlsx');
    assert.equal(reading.warnings.length, 1);
    assert.deepEqual({ ...reading.warnings[0], message: undefined }, { file: 'evidence.xlsx', sheet: 'Batch job history', row: 4, message: undefined });
  });

  it('reads only the first sheet when asked', () => {
    const reading = readFixture('formats/evidence.xlsx', { sheets: 'first' });
    assert.deepEqual(reading.tables.map((t) => t.sheet), ['Download sessions']);
  });

  it('reads serial dates in the 1904 date system', () => {
    // 44878.5 in the 1900 system is 2022-11-13 12:00; in the 1904 system the same instant is 1462 days less.
    const row = `<row r="2">${str('A2', 'Synchronize orders')}${str('B2', 'Ended')}<c r="C2" s="1"><v>${44878.5 - 1462}</v></c></row>`;
    const reading = readEvidenceFile('mac.xlsx', workbook(HISTORY_HEADER + row, { date1904: true }));
    assert.equal((reading.records[0] as BatchRunRecord).start, '2022-11-13T12:00:00Z');
  });

  it('warns for a plain number in a date column instead of guessing it is a serial date', () => {
    const row = `<row r="2">${str('A2', 'Synchronize orders')}${str('B2', 'Ended')}<c r="C2"><v>44878.5</v></c></row>`;
    const reading = readEvidenceFile('plain.xlsx', workbook(HISTORY_HEADER + row));
    assert.equal(reading.records.length, 0);
    assert.match(reading.warnings[0].message, /44878\.5 is a number, not a date/);
  });

  it('refuses an archive whose entries declare more than the limit, before unpacking it', () => {
    const bytes = fixtureBytes('formats/zip-bomb.xlsx');
    assert.ok(bytes.length < 10_000);
    assert.throws(
      () => readEvidenceFile('zip-bomb.xlsx', bytes),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'zipBomb' && /^zip-bomb\.xlsx: the archive would unpack to \d+ bytes, more than the limit/.test(e.message),
    );
  });

  it('stops an entry that unpacks beyond the size it declares', () => {
    const bytes = zipSync({ 'xl/workbook.xml': new Uint8Array(5_000_000), 'xl/_rels/workbook.xml.rels': strToU8('<Relationships/>') }, { level: 9 });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x02014b50 && view.getUint32(i + 24, true) === 5_000_000) {
        view.setUint32(i + 24, 100, true);
      } else if (signature === 0x04034b50 && view.getUint32(i + 22, true) === 5_000_000) {
        view.setUint32(i + 22, 100, true);
      }
    }
    assert.throws(
      () => readEvidenceFile('liar.xlsx', bytes),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'zipBomb' && /xl\/workbook\.xml unpacks to more than the 100 bytes the archive declares/.test(e.message),
    );
  });

  it('refuses an archive with too many entries', () => {
    const extra = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`xl/media/image${i}.png`, new Uint8Array(1)]));
    assert.throws(
      () => readEvidenceFile('many.xlsx', workbook(HISTORY_HEADER, { extra }), { xlsxLimits: { maxEntries: 20, maxUncompressedBytes: 1e8 } }),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'zipBomb' && /5\d entries, more than the limit of 20/.test(e.message),
    );
  });

  it('refuses a truncated workbook', () => {
    const bytes = fixtureBytes('formats/evidence.xlsx');
    assert.throws(
      () => readEvidenceFile('cut.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))),
      (e: unknown) => e instanceof EvidenceFileError && e.problem === 'truncated' && /^cut\.xlsx: .*expected an XLSX workbook/.test(e.message),
    );
  });

  it('refuses a zip that is not a workbook, and a .xlsx that is not a zip', () => {
    const notWorkbook = zipSync({ 'readme.txt': strToU8('hello') });
    assert.throws(() => readEvidenceFile('other.xlsx', notWorkbook), (e: unknown) => e instanceof EvidenceFileError && /no xl\/workbook\.xml/.test(e.message));
    assert.throws(
      () => readEvidenceFile('renamed.xlsx', new TextEncoder().encode('Job description,Status,Start\n')),
      (e: unknown) => e instanceof EvidenceFileError && /is not a zip archive/.test(e.message),
    );
  });

  it('refuses malformed XML inside the workbook', () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="x" r:id="rId1"></sheets>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships/>'),
    });
    assert.throws(() => readEvidenceFile('broken.xlsx', bytes), (e: unknown) => e instanceof EvidenceFileError && /xl\/workbook\.xml is not well-formed XML/.test(e.message));
  });

  it('refuses a workbook with no recognisable export sheet, with the expected headers', () => {
    const bytes = workbook(`<row r="1">${str('A1', 'Customer')}${str('B1', 'Name')}</row>`);
    assert.throws(() => readEvidenceFile('people.xlsx', bytes), (e: unknown) => e instanceof EvidenceFileError && e.problem === 'unrecognised' && /^people\.xlsx \[Export\]: /.test(e.message));
  });
});

describe('evidence import: XLSX date cells of type d', () => {
  it('reads an ISO date cell and warns for one outside the calendar', () => {
    const rows =
      HISTORY_HEADER +
      `<row r="2">${str('A2', 'Synchronize orders')}${str('B2', 'Ended')}<c r="C2" t="d"><v>2026-11-13T09:00:00</v></c></row>` +
      `<row r="3">${str('A3', 'Synchronize orders')}${str('B3', 'Ended')}<c r="C3" t="d"><v>+275760-09-13T00:00:00Z</v></c></row>`;
    const reading = readEvidenceFile('typed.xlsx', workbook(rows), { timeZone: '-14:00' });
    assert.equal((reading.records[0] as BatchRunRecord).start, '2026-11-13T23:00:00Z');
    assert.deepEqual(
      reading.warnings.map((w) => [w.row, /outside the years 1900 to 9999/.test(w.message)]),
      [[3, true]],
    );
  });
});
