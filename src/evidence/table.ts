// What every reader produces: rows of cells with the row number the user sees in the file.

/** A date-time cell of a spreadsheet: the wall-clock time it shows, as if it were UTC (the time zone comes later). */
interface WallClock {
  readonly wallClockMs: number;
}

export type Cell = string | number | WallClock;

export interface TableRow {
  /** 1-based, as the file shows it: the header row of a typical export is row 1. */
  readonly row: number;
  readonly cells: readonly Cell[];
}

export interface Table {
  readonly file: string;
  /** The worksheet name, for XLSX. */
  readonly sheet?: string;
  readonly rows: readonly TableRow[];
}

export function isWallClock(cell: Cell | undefined): cell is WallClock {
  return typeof cell === 'object' && cell !== null;
}

/** A cell as text, for headers and values that are not dates. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) {
    return '';
  }
  if (typeof cell === 'string') {
    return cell.trim();
  }
  if (typeof cell === 'number') {
    return String(cell);
  }
  return new Date(cell.wallClockMs).toISOString().replace(/\.000Z$/, '').replace('T', ' ');
}

export function isEmptyRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}
