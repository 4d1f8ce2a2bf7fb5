// Whatever bytes arrive, the readers answer with records, warnings or a typed error, never a
// crash. FUZZ_RUNS sets the number of cases (npm run fuzz: thousands; the unit run: a few hundred).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { EvidenceFileError, readEvidenceFile, type EvidenceFileReading } from '../../../src/evidence';
import { fixtureBytes } from './fixtures';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

function readsOrRefuses(name: string, bytes: Uint8Array): EvidenceFileReading | undefined {
  try {
    const reading = readEvidenceFile(name, bytes, { maxFileBytes: 1_000_000, xlsxLimits: { maxEntries: 100, maxUncompressedBytes: 5_000_000 } });
    for (const w of reading.warnings) {
      assert.ok(Number.isInteger(w.row) && w.row >= 1, 'warnings point at a real row');
      assert.equal(w.file, name);
    }
    for (const r of reading.records) {
      assert.ok(r.source.row >= 2, 'a record never comes from the first row, which is the header');
    }
    return reading;
  } catch (e) {
    if (e instanceof EvidenceFileError) {
      assert.ok(e.message.startsWith(name), 'the error names the file');
      return undefined;
    }
    throw e;
  }
}

const HEADERS = [
  'Feature name', 'Status', 'Enabled', 'Enable date', 'Module', 'Channel name', 'Customer account', 'Async customer account',
  'Operations timestamp', 'Customer sync status', 'Last known error', 'Job ID', 'Data store', 'Date applied', 'Date requested',
  'Upload session ID', 'Date uploaded', 'Job description', 'Start', 'End date/time', 'Try count', 'Rows affected', 'Other',
];
const VALUES = [
  '', 'Enabled', 'No', 'Failed', 'Pending', 'Succeeded', 'Applied', 'Download failed', 'Ended', 'Error', '1010', 'P-0001', 'Default',
  'Store42', '2026-11-13 09:00', '13/11/2026 09:00', '11/13/2026 9:00 PM', '2026-11-13T09:00:00+01:00', '2/30/2026', '99/99/9999 99:99',
  'Enable editing customers in asynchronous mode', 'Synchronize customers and channel requests', 'a "quoted" value', 'line\nbreak', ';', '\t', ',',
];

const cell = fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 }));
const quote = (v: string, delimiter: string) => (/["\n\r]/.test(v) || v.includes(delimiter) ? `"${v.replace(/"/g, '""')}"` : v);

const csvShape = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    header: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
    rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.constantFrom('none', 'utf8', 'utf16'),
    cut: fc.option(fc.nat(), { nil: undefined }),
  })
  .map(({ delimiter, header, rows, newline, bom, cut }) => {
    const text = [header, ...rows].map((r) => r.map((v) => quote(v, delimiter)).join(delimiter)).join(newline);
    let bytes: Uint8Array =
      bom === 'utf16' ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : Buffer.concat([Buffer.from(bom === 'utf8' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text)]);
    if (cut !== undefined && bytes.length > 0) {
      bytes = bytes.subarray(0, cut % bytes.length);
    }
    return bytes;
  });

describe('evidence import: fuzzing the readers', () => {
  it('random bytes give records or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('export.csv', 'export.xlsx', 'export.txt'), (bytes, name) => {
        readsOrRefuses(name, bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random CSV shapes give records, warnings or a typed error', () => {
    fc.assert(
      fc.property(csvShape, (bytes) => {
        readsOrRefuses('shape.csv', bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('damaged workbooks (bytes flipped or cut) give records or a typed error', () => {
    const original = fixtureBytes('formats/evidence.xlsx');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(original.length), (flips, length) => {
        const bytes = Uint8Array.from(original.subarray(0, Math.max(length, 4)));
        for (const [at, value] of flips) {
          if (at < bytes.length) {
            bytes[at] = value;
          }
        }
        readsOrRefuses('damaged.xlsx', bytes);
      }),
      { numRuns: RUNS },
    );
  });

  it('random worksheet XML inside a valid archive gives records or a typed error', () => {
    const fragment = fc.array(
      fc.constantFrom('<row>', '</row>', '<row r="2">', '<c r="A1" t="s"><v>0</v></c>', '<c t="inlineStr"><is><t>Job ID</t></is></c>', '<c s="1"><v>45000.5</v></c>',
        '<c r="ZZZZ9"><v>1</v></c>', '<c t="d"><v>2026-11-13T09:00:00</v></c>', '<c t="b"><v>1</v></c>', '&amp;', '<', '<!DOCTYPE x [<!ENTITY a "b">]>'),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(fragment, (parts) => {
        const bytes = zipSync({
          'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'),
          'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
          'xl/styles.xml': strToU8('<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="22"/></cellXfs></styleSheet>'),
          'xl/sharedStrings.xml': strToU8('<sst><si><t>Status</t></si></sst>'),
          'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${parts.join('')}</sheetData></worksheet>`),
        });
        readsOrRefuses('random.xlsx', bytes);
      }),
      { numRuns: RUNS },
    );
  });
});
