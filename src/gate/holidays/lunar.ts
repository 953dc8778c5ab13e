/**
 * The lunar holidays of the Vietnamese calendar (UTC+7): Tết (1/1 âm lịch) and Giỗ Tổ
 * Hùng Vương (10/3 âm lịch), from a committed table for 2024–2035 and from
 * `date-holidays` outside it (see `../calendar.ts` for what that library gets right).
 */
import Holidays from 'date-holidays';
import { ISO_RE, MAX_YEAR, MIN_YEAR } from './days.js';

/**
 * Tết (1/1 âm lịch) and Giỗ Tổ (10/3 âm lịch) in the Vietnamese calendar (UTC+7).
 * Verified against date-holidays' "vietnamese 1-0-1" / "vietnamese 3-0-10" events and an
 * independent new-moon computation (test/gate/holidays/lunar.test.ts). 2030: Vietnamese Tết is
 * 2030-02-02; 2030-02-03 is the Chinese new year (UTC+8) and wrong for Vietnam.
 */
const TABLE_FROM = 2024;
/** Mùng 1 Tết of 2024, 2025, … 2035. */
const TET = ['2024-02-10', '2025-01-29', '2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-02', '2031-01-23', '2032-02-11', '2033-01-31', '2034-02-19', '2035-02-08'];
/** Giỗ Tổ Hùng Vương of 2024, 2025, … 2035. */
const HUNG_VUONG = ['2024-04-18', '2025-04-07', '2026-04-26', '2027-04-16', '2028-04-04', '2029-04-23', '2030-04-12', '2031-04-01', '2032-04-19', '2033-04-09', '2034-04-28', '2035-04-17'];

export interface LunarDates {
  /** 1/1 âm lịch (mùng 1 Tết) */
  tet: string;
  /** 10/3 âm lịch (Giỗ Tổ Hùng Vương) */
  hungVuong: string;
  source: 'table' | 'date-holidays';
}

let libHolidays: Holidays | undefined;
const libLunarCache = new Map<number, LunarDates>();

/** Lunar holiday dates of a Gregorian year: committed table 2024–2035, date-holidays outside. */
export function vietnameseLunarDates(year: number): LunarDates {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Invalid year ${String(year)}: expected an integer ${MIN_YEAR}–${MAX_YEAR}`);
  }
  const tetInTable = TET[year - TABLE_FROM];
  const hungVuongInTable = HUNG_VUONG[year - TABLE_FROM];
  if (tetInTable && hungVuongInTable) return { tet: tetInTable, hungVuong: hungVuongInTable, source: 'table' };
  const cached = libLunarCache.get(year);
  if (cached) return cached;
  libHolidays ??= new Holidays('VN');
  const list = libHolidays.getHolidays(year);
  // `date` is the local (Asia/Ho_Chi_Minh) date as "YYYY-MM-DD 00:00:00"; never use start/end.
  const tet = list.find((h) => h.rule === 'vietnamese 1-0-1')?.date.slice(0, 10);
  const hungVuong = list.find((h) => h.rule === 'vietnamese 3-0-10')?.date.slice(0, 10);
  if (!tet || !hungVuong || !ISO_RE.test(tet) || !ISO_RE.test(hungVuong)) {
    throw new Error(`Cannot determine the lunar holidays of ${year}: date-holidays returned no Tết / Giỗ Tổ`);
  }
  const result: LunarDates = { tet, hungVuong, source: 'date-holidays' };
  libLunarCache.set(year, result);
  return result;
}
