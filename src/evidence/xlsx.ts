// XLSX workbooks: fflate unzips, fast-xml-parser reads the XML parts; this file only knows
// where an Office Open XML workbook keeps its sheets, strings, styles and cells. A zip can
// declare any size: the central directory is checked against the limits before anything is
// inflated, and each entry is unpacked in slices and stopped as soon as it outgrows the size
// it declared, so neither memory nor time runs away.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { EvidenceFileError } from './errors';
import type { Cell, Table, TableRow } from './table';

export interface XlsxLimits {
  /** Refuse archives whose entries together declare more uncompressed bytes than this. */
  readonly maxUncompressedBytes: number;
  /** Refuse archives with more entries than this. */
  readonly maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = { maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 2000 };

export type SheetSelection = 'first' | 'all';

const EXPECTED = 'expected an XLSX workbook as Excel saves it';

/** True when the bytes start like a zip archive (every XLSX does). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

export function readXlsx(file: string, bytes: Uint8Array, sheets: SheetSelection, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): Table[] {
  const parts = unzipParts(file, bytes, limits);
  const xml = (name: string): unknown => parseXml(file, name, parts[name]);
  const workbook = record(record(xml('xl/workbook.xml')).workbook);
  const date1904 = truthy(attr(record(workbook.workbookPr), 'date1904'));
  const targets = relationshipTargets(xml('xl/_rels/workbook.xml.rels'));
  const strings = 'xl/sharedStrings.xml' in parts ? sharedStrings(xml('xl/sharedStrings.xml')) : [];
  const dateStyles = 'xl/styles.xml' in parts ? dateStyleIndexes(xml('xl/styles.xml')) : new Set<number>();
  const declared = list(record(workbook.sheets).sheet).map(record);
  if (declared.length === 0) {
    throw new EvidenceFileError(file, 'unreadable', `the workbook has no worksheets; ${EXPECTED}`);
  }
  const chosen = sheets === 'first' ? declared.slice(0, 1) : declared;
  return chosen.map((sheet) => {
    const name = attr(sheet, 'name') ?? '';
    const path = targets.get(attr(sheet, 'id') ?? '');
    if (path === undefined || !(path in parts)) {
      throw new EvidenceFileError(file, 'truncated', `the worksheet "${name}" is missing from the archive; ${EXPECTED}`);
    }
    const rows = worksheetRows(xml(path), strings, dateStyles, date1904);
    return { file, sheet: name, rows };
  });
}

function unzipParts(file: string, bytes: Uint8Array, limits: XlsxLimits): Record<string, Uint8Array> {
  let entries = 0;
  let declaredTotal = 0;
  const wanted = new Map<string, number>();
  try {
    // The first pass reads only the central directory: the filter sees each entry's declared size and inflates nothing.
    unzipSync(bytes, {
      filter: (entry) => {
        entries += 1;
        declaredTotal += entry.originalSize;
        if (isWorkbookPart(entry.name)) {
          wanted.set(entry.name, entry.originalSize);
        }
        return false;
      },
    });
  } catch (e) {
    throw new EvidenceFileError(file, 'truncated', `the zip archive is damaged or cut off (${describe(e)}); ${EXPECTED}`);
  }
  if (entries > limits.maxEntries) {
    throw new EvidenceFileError(file, 'zipBomb', `the archive has ${entries} entries, more than the limit of ${limits.maxEntries}; refused without unpacking`);
  }
  if (declaredTotal > limits.maxUncompressedBytes) {
    throw new EvidenceFileError(
      file,
      'zipBomb',
      `the archive would unpack to ${declaredTotal} bytes, more than the limit of ${limits.maxUncompressedBytes}; refused without unpacking`,
    );
  }
  return inflateParts(file, bytes, wanted);
}

function isWorkbookPart(name: string): boolean {
  return name.startsWith('xl/') && (name.endsWith('.xml') || name.endsWith('.rels'));
}

/** Streams the archive through fflate in small slices, so an entry that unpacks beyond its declared size is stopped early. */
function inflateParts(file: string, bytes: Uint8Array, wanted: ReadonlyMap<string, number>): Record<string, Uint8Array> {
  const parts: Record<string, Uint8Array> = {};
  let failure: EvidenceFileError | undefined;
  const unzip = new Unzip((entry) => {
    const declared = wanted.get(entry.name);
    if (declared === undefined) {
      return;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    entry.ondata = (error, data, final) => {
      if (failure) {
        return;
      }
      if (error) {
        failure = new EvidenceFileError(file, 'truncated', `${entry.name} cannot be unpacked (${error.message}); ${EXPECTED}`);
        return;
      }
      total += data.length;
      if (total > declared) {
        failure = new EvidenceFileError(file, 'zipBomb', `${entry.name} unpacks to more than the ${declared} bytes the archive declares; refused`);
        entry.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        parts[entry.name] = concat(chunks, total);
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const slice = 64 * 1024;
  try {
    for (let at = 0; at < bytes.length && failure === undefined; at += slice) {
      unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
    }
  } catch (e) {
    throw new EvidenceFileError(file, 'truncated', `the zip archive is damaged or cut off (${describe(e)}); ${EXPECTED}`);
  }
  if (failure) {
    throw failure;
  }
  return parts;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) {
    return chunks[0];
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

function parseXml(file: string, part: string, bytes: Uint8Array | undefined): unknown {
  if (bytes === undefined) {
    throw new EvidenceFileError(file, 'unreadable', `the archive has no ${part}; ${EXPECTED}`);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return parser.parse(text, true);
  } catch (e) {
    throw new EvidenceFileError(file, 'unreadable', `${part} is not well-formed XML (${describe(e)}); ${EXPECTED}`);
  }
}

type XmlNode = Record<string, unknown>;

function record(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : {};
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function truthy(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

/** The text of an element that may be a plain string or an object with `#text` (when it has attributes). */
function text(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.map(text).join('');
  }
  const node = record(value);
  return node['#text'] === undefined ? '' : text(node['#text']);
}

/** Rich text runs (`r`) or a plain `t`. */
function richText(node: XmlNode): string {
  if (node.t !== undefined) {
    return text(node.t);
  }
  return list(node.r)
    .map((run) => text(record(run).t))
    .join('');
}

function relationshipTargets(rels: unknown): Map<string, string> {
  const targets = new Map<string, string>();
  for (const rel of list(record(record(rels).Relationships).Relationship).map(record)) {
    const id = attr(rel, 'Id');
    const target = attr(rel, 'Target');
    if (id !== undefined && target !== undefined) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    }
  }
  return targets;
}

function sharedStrings(sst: unknown): string[] {
  return list(record(record(sst).sst).si).map((si) => richText(record(si)));
}

// Built-in number formats that show a date or a time (ECMA-376 part 1, 18.8.30, and the locale ones Excel uses).
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom number format code shows a date: d, m, y, h or s outside quoted text and [colour] sections. */
function isDateFormatCode(code: string): boolean {
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(stripped) && !/^general$/i.test(stripped.trim());
}

function dateStyleIndexes(styles: unknown): Set<number> {
  const sheet = record(record(styles).styleSheet);
  const customDate = new Set<number>();
  for (const fmt of list(record(sheet.numFmts).numFmt).map(record)) {
    if (isDateFormatCode(attr(fmt, 'formatCode') ?? '')) {
      customDate.add(Number(attr(fmt, 'numFmtId')));
    }
  }
  const indexes = new Set<number>();
  list(record(sheet.cellXfs).xf).forEach((xf, i) => {
    const id = Number(attr(record(xf), 'numFmtId') ?? '0');
    if (BUILT_IN_DATE_FORMATS.has(id) || customDate.has(id)) {
      indexes.add(i);
    }
  });
  return indexes;
}

/** An Excel serial date (days since 1899-12-30, or 1904-01-01) as wall-clock milliseconds, to the second. */
function serialToWallClockMs(serial: number, date1904: boolean): number {
  // The 1900 system counts a 29 February 1900 that never was; serials before it are one day off.
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return Math.round((days - 25569) * 86_400) * 1000;
}

// Excel's calendar ends on 9999-12-31 (serial 2958465); anything outside is a number, not a date.
const MAX_SERIAL = 2_958_465;

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = /^([A-Z]{1,3})\d*$/i.exec(ref ?? '')?.[1];
  if (letters === undefined) {
    return fallback;
  }
  let index = 0;
  for (const ch of letters.toUpperCase()) {
    index = index * 26 + (ch.charCodeAt(0) - 64);
  }
  return index - 1;
}

const MAX_COLUMNS = 16_384;

function worksheetRows(sheetXml: unknown, strings: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): TableRow[] {
  const data = record(record(record(sheetXml).worksheet).sheetData);
  const rows: TableRow[] = [];
  let previous = 0;
  for (const rowNode of list(data.row).map(record)) {
    const declaredRow = Number(attr(rowNode, 'r'));
    const row = Number.isInteger(declaredRow) && declaredRow > previous ? declaredRow : previous + 1;
    previous = row;
    const cells: Cell[] = [];
    let next = 0;
    for (const c of list(rowNode.c).map(record)) {
      const col = Math.min(columnIndex(attr(c, 'r'), next), MAX_COLUMNS - 1);
      next = col + 1;
      while (cells.length < col) {
        cells.push('');
      }
      cells[col] = cellValue(c, strings, dateStyles, date1904);
    }
    rows.push({ row, cells });
  }
  return rows;
}

function cellValue(c: XmlNode, strings: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean): Cell {
  const type = attr(c, 't') ?? 'n';
  const raw = text(c.v);
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? '';
    case 'inlineStr':
      return richText(record(c.is));
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'd': {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
      return Number.isNaN(ms) ? raw : { wallClockMs: ms };
    }
    case 'n': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) {
        return raw;
      }
      const isDate = dateStyles.has(Number(attr(c, 's') ?? '0')) && value >= 0 && value <= MAX_SERIAL;
      return isDate ? { wallClockMs: serialToWallClockMs(value, date1904) } : value;
    }
    default:
      return raw;
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
