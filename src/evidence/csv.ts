// CSV and tab-separated text as HQ and Excel write them: decoding by byte-order mark, the
// delimiter (`,` `;` or tab) detected by papaparse, quotes and embedded newlines.
import Papa from 'papaparse';
import { EvidenceFileError } from './errors';
import type { Table } from './table';

/** Decodes the bytes of a text export: UTF-16 LE/BE with a BOM (Excel's "Unicode text"), else UTF-8 with or without BOM. */
export function decodeText(file: string, bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined;
  if (utf16 !== undefined) {
    const body = bytes.subarray(2);
    if (body.length % 2 !== 0) {
      throw new EvidenceFileError(file, 'truncated', 'the file is UTF-16 text with an odd number of bytes (cut off?); expected a complete export');
    }
    // Big-endian is swapped to little-endian: every runtime's TextDecoder knows UTF-16 LE.
    const le = utf16 === 'le' ? body : body.map((_, i) => body[i ^ 1]);
    try {
      return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
    } catch {
      throw new EvidenceFileError(file, 'unreadable', 'the file is not valid UTF-16 text; expected a CSV or tab-separated export');
    }
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    // Excel's "CSV" on Windows writes the ANSI code page: read it as Windows-1252 rather than refuse it.
    return windows1252(body);
  }
}

function windows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder('windows-1252').decode(bytes);
  } catch {
    // A runtime without the legacy encodings: Latin-1 differs from Windows-1252 only in 0x80-0x9F.
    return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  }
}

/** Parses CSV text into rows; row numbers are records as a spreadsheet shows them (the first record is row 1). */
export function parseCsv(file: string, text: string): Table {
  if (text.includes('\u0000')) {
    throw new EvidenceFileError(file, 'unreadable', 'the file holds binary data; expected a CSV or tab-separated text export, or an XLSX workbook');
  }
  const result = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: false,
  });
  const unterminated = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    const row = (unterminated.row ?? 0) + 1;
    throw new EvidenceFileError(file, 'truncated', `a quoted value opened in row ${row} never closes (the file may be cut off); expected a complete CSV export`);
  }
  const rows = result.data.map((cells, i) => ({ row: i + 1, cells }));
  // Papaparse reads a final newline as one more, empty, record.
  while (rows.length > 0 && rows[rows.length - 1].cells.every((c) => c.trim() === '')) {
    rows.pop();
  }
  return { file, rows };
}
