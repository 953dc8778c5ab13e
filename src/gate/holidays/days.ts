/**
 * Day arithmetic for the working-day calendar: dates as UTC day numbers (0 = 1970-01-01,
 * a Thursday), `YYYY-MM-DD` strings or Dates at exactly UTC midnight, years 1900–2199.
 * No local time is ever consulted.
 */

/** A date: `YYYY-MM-DD`, or a `Date` at exactly 00:00:00.000 UTC. */
export type DateInput = string | Date;

export const DAY_MS = 86_400_000;
export const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function invalid(value: unknown, why: string): Error {
  return new Error(`Invalid date ${describeValue(value)}: ${why} (expected YYYY-MM-DD or a UTC-midnight Date)`);
}

/** Parse and validate a date into a UTC day number. Throws an Error naming the value. */
export function toDay(value: DateInput): number {
  if (value instanceof Date) {
    const t = value.getTime();
    if (Number.isNaN(t)) throw invalid(value, 'not a valid Date');
    if (t % DAY_MS !== 0) throw invalid(value, 'a Date must be exactly at 00:00:00.000 UTC');
    const year = value.getUTCFullYear();
    if (year < MIN_YEAR || year > MAX_YEAR) throw invalid(value, `year outside ${MIN_YEAR}–${MAX_YEAR}`);
    return t / DAY_MS;
  }
  if (typeof value !== 'string') throw invalid(value, 'not a string or Date');
  const m = ISO_RE.exec(value);
  if (!m) throw invalid(value, 'not in YYYY-MM-DD form');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) throw invalid(value, `year outside ${MIN_YEAR}–${MAX_YEAR}`);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw invalid(value, 'not a real calendar date');
  }
  return t / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function ymd(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}
