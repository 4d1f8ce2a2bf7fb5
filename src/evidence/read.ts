// Reading one export file, whatever its form: CSV/tab text in any of the encodings Excel
// writes, or an XLSX workbook. Every failure is an EvidenceFileError naming the file.
import { decodeText, parseCsv } from './csv';
import { type DateOrder, parseTimeZone } from './dates';
import { EvidenceFileError, type EvidenceWarning } from './errors';
import { recogniseTable } from './headers';
import type { EvidenceKind } from './kinds';
import { EMPTY_MAPPING, type HeaderMapping } from './mapping';
import { type EvidenceRecord, type IgnoredRows, readRecords } from './records';
import type { Table } from './table';
import { DEFAULT_XLSX_LIMITS, looksLikeZip, readXlsx, type SheetSelection, type XlsxLimits } from './xlsx';

export interface EvidenceReadOptions {
  /** Settles a/b/yyyy dates; default: decided from each file's values, else mdy. */
  readonly dateOrder?: DateOrder;
  /** UTC offset of dates written without one, like "+01:00"; default "+00:00". */
  readonly timeZone?: string;
  readonly mapping?: HeaderMapping;
  /** XLSX: read the first worksheet or every one (default). */
  readonly sheets?: SheetSelection;
  /** Files larger than this are refused unread; default 50 MB. */
  readonly maxFileBytes?: number;
  readonly xlsxLimits?: XlsxLimits;
}

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface TableSummary {
  readonly sheet?: string;
  readonly kind: EvidenceKind;
  /** Rows turned into records. */
  readonly records: number;
  readonly ignored: readonly IgnoredRows[];
}

export interface EvidenceFileReading {
  readonly file: string;
  readonly tables: readonly TableSummary[];
  /** Worksheets left out because they are empty or not an export, with the reason. */
  readonly skippedSheets: readonly { readonly sheet: string; readonly reason: string }[];
  readonly records: readonly EvidenceRecord[];
  readonly warnings: readonly EvidenceWarning[];
}

export function readEvidenceFile(file: string, bytes: Uint8Array, options: EvidenceReadOptions = {}): EvidenceFileReading {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    throw new EvidenceFileError(file, 'tooLarge', `the file has ${bytes.length} bytes, more than the limit of ${maxBytes}; export fewer rows or raise the limit`);
  }
  if (bytes.length === 0) {
    throw new EvidenceFileError(file, 'empty', 'the file is empty; expected a CSV, tab-separated or XLSX export with a header row');
  }
  const offsetMinutes = parseTimeZone(options.timeZone ?? '+00:00');
  const mapping = options.mapping ?? EMPTY_MAPPING;
  const tables = sourceTables(file, bytes, options);
  const summaries: TableSummary[] = [];
  const skippedSheets: { sheet: string; reason: string }[] = [];
  const records: EvidenceRecord[] = [];
  const warnings: EvidenceWarning[] = [];
  let firstRefusal: EvidenceFileError | undefined;
  for (const table of tables) {
    let recognised;
    try {
      recognised = recogniseTable(table, mapping);
    } catch (e) {
      // In a workbook read sheet by sheet, a notes sheet beside the export is no reason to refuse the file.
      if (e instanceof EvidenceFileError && table.sheet !== undefined && tables.length > 1) {
        firstRefusal ??= e;
        skippedSheets.push({ sheet: table.sheet, reason: e.problem === 'empty' ? 'empty' : 'not an export this tool reads' });
        continue;
      }
      throw e;
    }
    const reading = readRecords(table, recognised, { dateOrder: options.dateOrder, offsetMinutes });
    summaries.push({ sheet: table.sheet, kind: reading.kind, records: reading.records.length, ignored: reading.ignored });
    records.push(...reading.records);
    warnings.push(...reading.warnings);
  }
  if (summaries.length === 0 && firstRefusal) {
    throw firstRefusal;
  }
  return { file, tables: summaries, skippedSheets, records, warnings };
}

function sourceTables(file: string, bytes: Uint8Array, options: EvidenceReadOptions): Table[] {
  if (looksLikeZip(bytes)) {
    return readXlsx(file, bytes, options.sheets ?? 'all', options.xlsxLimits ?? DEFAULT_XLSX_LIMITS);
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new EvidenceFileError(file, 'unreadable', 'the file is an old binary Excel workbook (.xls); save it as XLSX or CSV');
  }
  if (/\.xlsx$/i.test(file)) {
    throw new EvidenceFileError(file, 'unreadable', 'the file is named .xlsx but is not a zip archive; expected an XLSX workbook as Excel saves it');
  }
  return [parseCsv(file, decodeText(file, bytes))];
}

export interface EvidenceReading {
  readonly files: readonly EvidenceFileReading[];
  readonly records: readonly EvidenceRecord[];
  readonly warnings: readonly EvidenceWarning[];
}

/** Reads several files; the first file that cannot be read at all stops the import with its error. */
export function readEvidenceFiles(files: readonly { readonly name: string; readonly bytes: Uint8Array }[], options: EvidenceReadOptions = {}): EvidenceReading {
  const readings = files.map((f) => readEvidenceFile(f.name, f.bytes, options));
  return {
    files: readings,
    records: readings.flatMap((r) => r.records),
    warnings: readings.flatMap((r) => r.warnings),
  };
}
