// Recognising an export from its header row: which kind it is and which column holds each field.
import { EvidenceFileError } from './errors';
import { describeField, type EvidenceKind, type FieldSpec, KIND_SPECS, type KindSpec, normalizeHeader } from './kinds';
import type { HeaderMapping } from './mapping';
import { cellText, isEmptyRow, type Table } from './table';

export interface RecognisedTable {
  readonly kind: EvidenceKind;
  /** Index into table.rows of the header row. */
  readonly headerIndex: number;
  /** Column index per field; fields the file does not have are absent. */
  readonly columns: ReadonlyMap<string, number>;
}

/** Exports sometimes carry a title line or two above the header row. */
const HEADER_SEARCH_ROWS = 10;

interface Match {
  readonly spec: KindSpec;
  readonly columns: Map<string, number>;
  readonly missing: FieldSpec[][];
}

function matchKind(spec: KindSpec, headerCells: readonly string[], mapping: HeaderMapping): Match {
  const index = new Map<string, number>();
  headerCells.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key !== '' && !index.has(key)) {
      index.set(key, i);
    }
  });
  const columns = new Map<string, number>();
  for (const field of spec.fields) {
    const names = [...(mapping[spec.kind]?.[field.field] ?? []), ...field.headers];
    const col = names.map((n) => index.get(normalizeHeader(n))).find((c) => c !== undefined);
    if (col !== undefined) {
      columns.set(field.field, col);
    }
  }
  const missing: FieldSpec[][] = [];
  const groups = new Map<string, FieldSpec[]>();
  for (const field of spec.fields.filter((f) => f.required)) {
    if (field.group === undefined) {
      if (!columns.has(field.field)) {
        missing.push([field]);
      }
    } else {
      groups.set(field.group, [...(groups.get(field.group) ?? []), field]);
    }
  }
  for (const alternatives of groups.values()) {
    if (!alternatives.some((f) => columns.has(f.field))) {
      missing.push(alternatives);
    }
  }
  return { spec, columns, missing };
}

export function recogniseTable(table: Table, mapping: HeaderMapping): RecognisedTable {
  const candidates = table.rows
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => !isEmptyRow(r.cells))
    .slice(0, HEADER_SEARCH_ROWS);
  const where = table.sheet === undefined ? table.file : `${table.file} [${table.sheet}]`;
  if (candidates.length === 0) {
    throw new EvidenceFileError(where, 'empty', `the file has no rows; expected a header row of one of: ${KIND_SPECS.map((k) => k.title).join('; ')}`);
  }
  for (const { r, i } of candidates) {
    const headers = r.cells.map(cellText);
    const matches = KIND_SPECS.map((spec) => matchKind(spec, headers, mapping)).filter((m) => m.missing.length === 0);
    if (matches.length > 0) {
      const best = matches.reduce((a, b) => (b.columns.size > a.columns.size ? b : a));
      return { kind: best.spec.kind, headerIndex: i, columns: best.columns };
    }
  }
  const first = candidates[0].r.cells.map(cellText);
  throw new EvidenceFileError(where, 'unrecognised', unrecognisedMessage(first, mapping));
}

function unrecognisedMessage(headers: readonly string[], mapping: HeaderMapping): string {
  const lines = [`the header row (${headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ')}) is not one of the exports this tool reads.`];
  for (const spec of KIND_SPECS) {
    const { missing } = matchKind(spec, headers, mapping);
    const expected = spec.fields.filter((f) => f.required && f.group === undefined).map(describeField);
    const groups = [...new Set(spec.fields.filter((f) => f.group !== undefined).map((f) => f.group))].map((g) =>
      spec.fields.filter((f) => f.group === g).map(describeField).join(' or '),
    );
    lines.push(
      `  ${spec.title}: expected ${[...expected, ...groups.map((g) => `one of ${g}`)].join(', ')}; missing ${missing
        .map((alts) => alts.map(describeField).join(' or '))
        .join(', ')}`,
    );
  }
  lines.push('Headers match without regard to case or spaces; use a mapping file (--mapping) for other names.');
  return lines.join('\n');
}
