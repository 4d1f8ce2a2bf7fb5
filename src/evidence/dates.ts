// Dates as HQ exports and Excel write them. ISO 8601 and yyyy-MM-dd HH:mm[:ss] are never
// ambiguous; a/b/yyyy is settled by the date order: given, or decided from the file's own
// values (a first component above 12 can only be a day), else month first as HQ writes in
// en-US. Dates without an offset are wall-clock times in the import's time zone.
import { EvidenceOptionError } from './errors';
import { type Cell, isWallClock } from './table';

export type DateOrder = 'mdy' | 'dmy' | 'ymd';

const DATE_ORDERS: readonly DateOrder[] = ['mdy', 'dmy', 'ymd'];

export function parseDateOrder(text: string): DateOrder {
  const order = text.trim().toLowerCase();
  if (!(DATE_ORDERS as readonly string[]).includes(order)) {
    throw new EvidenceOptionError('--date-order', `"${text}" is not a date order; expected mdy, dmy or ymd`);
  }
  return order as DateOrder;
}

/** Parses "+01:00", "-05:30", "Z" or "UTC" into minutes east of UTC. */
export function parseTimeZone(text: string): number {
  const t = text.trim();
  if (/^(z|utc)$/i.test(t)) {
    return 0;
  }
  const m = /^(?:utc)?([+-])(\d{2}):?(\d{2})$/i.exec(t);
  if (!m || Number(m[2]) > 14 || Number(m[3]) > 59) {
    throw new EvidenceOptionError('--time-zone', `"${text}" is not a UTC offset; expected a form like +01:00, -05:00 or +00:00`);
  }
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const NUMERIC = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$/;

/** The date order a file's own values imply for day/month dates: any first component above 12 means dmy, else mdy. */
function inferDateOrder(values: Iterable<string>): 'mdy' | 'dmy' {
  for (const value of values) {
    const m = NUMERIC.exec(value.trim());
    if (m && m[1].length <= 2 && m[3].length === 4 && Number(m[1]) > 12) {
      return 'dmy';
    }
  }
  return 'mdy';
}

interface DateContext {
  /** The order for day/month/4-digit-year dates (ymd applies to two-digit years only, so it never lands here). */
  readonly dayMonthOrder: 'mdy' | 'dmy';
  /** The order the user gave, for two-digit-year dates. */
  readonly order: DateOrder;
  readonly offsetMinutes: number;
}

export function dateContext(order: DateOrder | undefined, offsetMinutes: number, fileValues: Iterable<string>): DateContext {
  const dayMonthOrder = order === 'mdy' || order === 'dmy' ? order : inferDateOrder(fileValues);
  return { dayMonthOrder, order: order ?? dayMonthOrder, offsetMinutes };
}

const EARLIEST = Date.UTC(1900, 0, 1);
const LATEST = Date.UTC(10000, 0, 1);

/** A UTC instant in milliseconds, or the reason the value is not a date. */
type DateResult = { readonly ms: number } | { readonly error: string };

export function parseDateCell(cell: Cell, ctx: DateContext): DateResult {
  if (isWallClock(cell)) {
    if (!(cell.wallClockMs >= EARLIEST && cell.wallClockMs < LATEST)) {
      return { error: 'the date cell is outside the years 1900 to 9999' };
    }
    return { ms: cell.wallClockMs - ctx.offsetMinutes * 60_000 };
  }
  if (typeof cell === 'number') {
    return { error: `${cell} is a number, not a date; format the column as a date or export it as text` };
  }
  const text = cell.trim();
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = iso;
    const ms = Number(`0.${frac}`) * 1000;
    return instant(text, +y, +mo, +d, +h, +mi, +s, Math.round(ms), zone === undefined ? ctx.offsetMinutes : zoneMinutes(zone));
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const [, a, b, c, h = '0', mi = '0', s = '0', ampm] = num;
    let y: number;
    let mo: number;
    let d: number;
    if (a.length === 4) {
      [y, mo, d] = [+a, +b, +c];
    } else if (c.length === 4) {
      [y, mo, d] = ctx.dayMonthOrder === 'dmy' ? [+c, +b, +a] : [+c, +a, +b];
    } else if (a.length <= 2 && c.length <= 2) {
      const [p, q, r] = [+a, +b, +c];
      [y, mo, d] = ctx.order === 'ymd' ? [2000 + p, q, r] : ctx.order === 'dmy' ? [2000 + r, q, p] : [2000 + r, p, q];
    } else {
      return { error: `"${text}" is not a date in a form this tool reads` };
    }
    let hour = +h;
    if (ampm !== undefined) {
      if (hour < 1 || hour > 12) {
        return { error: `"${text}" has hour ${hour} with AM/PM` };
      }
      hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
    }
    return instant(text, y, mo, d, hour, +mi, +s, 0, ctx.offsetMinutes);
  }
  return {
    error: `"${text}" is not a date; expected ISO 8601, M/d/yyyy h:mm AM|PM, d/M/yyyy HH:mm or yyyy-MM-dd HH:mm`,
  };
}

function zoneMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') {
    return 0;
  }
  const digits = zone.slice(1).replace(':', '');
  return (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function instant(text: string, y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number): DateResult {
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const back = new Date(wall);
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59 || back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1 || y < 1900) {
    return { error: `"${text}" is not a real date and time` };
  }
  return { ms: wall - offset * 60_000 };
}
