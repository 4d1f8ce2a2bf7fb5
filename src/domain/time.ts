// Scenario clock helpers: ISO-8601 instants and durations, in milliseconds.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO-8601 date-time with an explicit offset; undefined if it is not one or not a real date. */
export function parseInstant(text: string): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) {
    return undefined;
  }
  const [, , mo, d, h, mi, s = '0'] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +s > 59) {
    return undefined;
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    return undefined;
  }
  // Date.parse rolls 2026-02-31 over to March; a real date round-trips its day.
  const offsetMin = m[8] === 'Z' ? 0 : parseOffset(m[8]);
  const local = new Date(ms + offsetMin * 60_000);
  if (local.getUTCDate() !== +d) {
    return undefined;
  }
  return ms;
}

function parseOffset(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

const DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO-8601 duration without years or months (their length is ambiguous): PT10M, P1D, P1DT2H30M. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) {
    return undefined;
  }
  const [, w, d, h, mi, s] = m.map((v) => (v === undefined ? 0 : Number(v)));
  const ms = ((((w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
  // Beyond a century the simulated clock would leave the calendar; no scenario needs that.
  return Number.isFinite(ms) && ms <= MAX_DURATION_MS ? ms : undefined;
}

const MAX_DURATION_MS = 100 * 366 * 24 * 3600 * 1000;

/** Canonical ISO form used in the simulated tables: sortable, second precision, UTC. */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How every message prints a time: 2026-11-01 09:12 (UTC), with seconds only when there are any. */
export function formatShort(ms: number): string {
  return formatInstant(ms).slice(0, ms % 60_000 === 0 ? 16 : 19).replace('T', ' ');
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const d = Math.floor(totalSeconds / 86400);
  const h = Math.floor((totalSeconds % 86400) / 3600);
  const mi = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  let out = 'P';
  if (d) out += `${d}D`;
  if (h || mi || s) {
    out += 'T';
    if (h) out += `${h}H`;
    if (mi) out += `${mi}M`;
    if (s) out += `${s}S`;
  }
  return out === 'P' ? 'PT0S' : out;
}

/** How long the Commerce Scale Unit keeps serving old channel data after a download (model). */
export const DEFAULT_CSU_CACHE_MS = 15 * 60_000;
