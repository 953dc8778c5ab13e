/**
 * Vietnamese working-day calendar for requirement R5: a change to a system connected to
 * the population DB must be notified in writing at least 10 working days before use.
 *
 * Working day = Mon–Fri, minus the public holidays of Labour Code 2019 (Bộ luật Lao động
 * 45/2019/QH14) and their compensatory days, adjusted by the government's yearly decisions
 * for civil servants (`holidays/vn-overrides.json`) and by user config.
 *
 * Statutory rules (in force since 1/1/2021):
 *  - Art. 112(1): Tết Dương lịch 1/1 (1 day); Tết Âm lịch 5 days; Ngày Chiến thắng 30/4;
 *    Quốc tế Lao động 1/5; Quốc khánh 2/9 plus one adjacent day (1/9 or 3/9); Giỗ Tổ Hùng
 *    Vương 10/3 âm lịch. (Quốc khánh has had 2 days since the 2019 Code took effect in
 *    2021, not only since 2025; for years before 2021 we model the old single day.)
 *  - Art. 112(3): the Prime Minister fixes which 5 days are Tết and which adjacent day goes
 *    with 2/9. Without a decision we use a default placement (see `defaultTetDays`,
 *    `defaultNationalDayAdjacent`); the weekdays lost are the same, only their placement
 *    can differ by a day or two.
 *  - Art. 111(3): a holiday falling on the weekly rest day gives a compensatory day off
 *    (nghỉ bù) on the next working day. (The brief cited Art. 112(3) for this; it is 111(3).)
 *    Civil servants rest on Saturday and Sunday, so both count as the weekly rest.
 *
 * Where `date-holidays` 3.37 (`new Holidays('VN')`) falls short — checked against its data
 * file and output, see test/calendar.test.ts:
 *  - No compensatory days at all (`dayoff: ""`): e.g. Giỗ Tổ on Sun 2026-04-26 gives no
 *    Mon 2026-04-27; 1/1/2028 (Sat) gives no Mon 2028-01-03.
 *  - Quốc khánh is one day (2/9) only: 2026-09-01, 2027-09-03 … are missing.
 *  - Tết: `h.date` is a single day; the 5 days are one "Giao thừa Tết Nguyên Đán" entry
 *    whose `start`/`end` span 30 Tết … mùng 4 (so code reading only `date` sees 1–2 days),
 *    and weekend Tết days are not compensated (Tết 2027 starts on Saturday).
 *  - It knows no government decision: 2025-01-27 (Mon, Tết off) is a working day for it,
 *    while Sat 2025-02-01 and the would-be compensation Mon 2025-02-03 are not; swaps such as
 *    2026-01-02 off / 2026-01-10 worked are unknown.
 *  - `start`/`end` are instants in Asia/Ho_Chi_Minh (17:00Z the day before): taking the
 *    UTC date of `start` gives the previous day. Only the `date` string is safe.
 *  - `isHoliday()` also returns observances (e.g. Ngày thành lập Đảng 3/2), which are
 *    working days; the type must be filtered.
 *  - Its source comment cites Art. 115 of the old 2012 Code.
 *  What it gets right: the lunar dates (its "vietnamese" calendar uses UTC+7). They agree
 *  with our table and with an independent astronomical computation for 2000–2049. Note the
 *  Vietnamese and Chinese new year differ in 2030 (VN Sat 2030-02-02, CN 2030-02-03) as in
 *  2007 — a Chinese-calendar source would be wrong there.
 *
 * All dates are `YYYY-MM-DD` strings (or Dates at exactly UTC midnight, years 1900–2199) and
 * all arithmetic is on UTC day numbers: no local time is ever consulted. The rules are those
 * of the 2019 Code; older history (e.g. 4-day Tết before 2013) is not modelled.
 */
import Holidays from 'date-holidays';
import overridesFile from './holidays/vn-overrides.json' with { type: 'json' };

// ---------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------

/** A date: `YYYY-MM-DD`, or a `Date` at exactly 00:00:00.000 UTC. */
export type DateInput = string | Date;

/** Statutory holiday groups of Labour Code 2019 Art. 112(1). */
export type HolidayKey =
  | 'tet-duong-lich'
  | 'tet-nguyen-dan'
  | 'hung-vuong'
  | 'chien-thang'
  | 'quoc-te-lao-dong'
  | 'quoc-khanh';

/** Why a day is (not) a working day. */
export type DayReason =
  /** an ordinary Mon–Fri */
  | 'working'
  /** a weekend day worked in exchange for a day off (ngày làm bù, override file) */
  | 'make-up-working-day'
  /** declared a working day by user config */
  | 'config-working-day'
  /** an ordinary Saturday or Sunday */
  | 'weekend'
  /** a statutory public holiday (may fall on a weekend) */
  | 'holiday'
  /** nghỉ bù for a statutory holiday that fell on a weekend (Art. 111(3)) */
  | 'compensatory'
  /** a weekday off by government decision (swap / hoán đổi), override file */
  | 'government-day-off'
  /** declared a day off by user config */
  | 'config-day-off';

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  working: boolean;
  reason: DayReason;
  /** Vietnamese name for holidays, compensatory, swapped and configured days off. */
  name?: string;
  /** Statutory group, for `holiday` and `compensatory` days. */
  holiday?: HolidayKey;
  /** Legal source (override file note) for days set by a government decision. */
  source?: string;
}

export interface HolidayEntry {
  date: string;
  name: string;
  reason: 'holiday' | 'compensatory' | 'government-day-off' | 'config-day-off';
  holiday?: HolidayKey;
  source?: string;
}

export interface NoticeExplanation {
  submitted: string;
  goLive: string;
  required: number;
  /** Working days strictly after `submitted` and strictly before `goLive`, in order. */
  counted: string[];
  /** `counted.length` */
  workingDays: number;
  /** Mon–Fri in the same window, ignoring holidays (what a naive count would say). */
  weekdaysOnly: number;
  /** Every non-working day in the window (weekends included), in order. */
  skipped: DayInfo[];
  /** The skipped days that have a name: holidays, nghỉ bù, swapped and configured days off. */
  holidaysSkipped: DayInfo[];
  /** Weekend days in the window that count because they are make-up / configured working days. */
  extraWorkingDays: string[];
  sufficient: boolean;
  earliestGoLive: string;
}

export interface WorkingCalendar {
  isWorkingDay(date: DateInput): boolean;
  /** Vietnamese name of the holiday / day off on `date`, or undefined (working day or plain weekend). */
  holidayName(date: DateInput): string | undefined;
  /** Full classification of one day. */
  describe(date: DateInput): DayInfo;
  /** Every named non-working day of `year` (statutory holidays even on weekends), sorted. */
  holidaysInYear(year: number): HolidayEntry[];
  /**
   * The date of the n-th working day, counting from the day AFTER `start` (`n` ≥ 0 integer;
   * n = 0 returns `start`).
   */
  addWorkingDays(start: DateInput, n: number): string;
  /**
   * Working days in (from, to]: strictly after `from`, up to and including `to`.
   * Negative (−count of (to, from]) when `to` is before `from`.
   */
  workingDaysBetween(from: DateInput, to: DateInput): number;
  /**
   * First date on which use is allowed after a notice received on `submitted`:
   * "at least `required` working days before use" ⇒ at least `required` full working days
   * strictly between submission and go-live (both exclusive). So: the day after the
   * `required`-th working day counted from the day after submission. The result may itself be
   * a weekend or holiday (go-live on such a day is allowed; nothing more needs to elapse).
   */
  earliestGoLive(submitted: DateInput, required?: number): string;
  /** The count behind `earliestGoLive`, for a proposed go-live date. Same window rule. */
  explain(submitted: DateInput, goLive: DateInput, required?: number): NoticeExplanation;
}

export interface CalendarExtras {
  /** Extra days off (local decisions); `YYYY-MM-DD`. Override the file. */
  off?: string[];
  /** Extra working days; `YYYY-MM-DD`. Override the file and statutory holidays. */
  work?: string[];
}

export interface CalendarOptions {
  /** Use this override document instead of `holidays/vn-overrides.json` (tests). */
  overrides?: unknown;
  /** false: statutory computation only, ignoring the override file. Default true. */
  useOverrides?: boolean;
}

// ---------------------------------------------------------------------------------------
// Day arithmetic (UTC day numbers: 0 = 1970-01-01, a Thursday)
// ---------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function describeValue(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function invalid(value: unknown, why: string): Error {
  return new Error(`Invalid date ${describeValue(value)}: ${why} (expected YYYY-MM-DD or a UTC-midnight Date)`);
}

/** Parse and validate a date into a UTC day number. Throws an Error naming the value. */
function toDay(value: DateInput): number {
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

function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday (4)
}

function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function ymd(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

// ---------------------------------------------------------------------------------------
// Lunar dates
// ---------------------------------------------------------------------------------------

/**
 * Tết (1/1 âm lịch) and Giỗ Tổ (10/3 âm lịch) in the Vietnamese calendar (UTC+7).
 * Verified against date-holidays' "vietnamese 1-0-1" / "vietnamese 3-0-10" events and an
 * independent new-moon computation (test/calendar.test.ts). 2030: Vietnamese Tết is
 * 2030-02-02; 2030-02-03 is the Chinese new year (UTC+8) and wrong for Vietnam.
 */
const LUNAR_TABLE: Readonly<Record<number, readonly [tet: string, hungVuong: string]>> = {
  2024: ['2024-02-10', '2024-04-18'],
  2025: ['2025-01-29', '2025-04-07'],
  2026: ['2026-02-17', '2026-04-26'],
  2027: ['2027-02-06', '2027-04-16'],
  2028: ['2028-01-26', '2028-04-04'],
  2029: ['2029-02-13', '2029-04-23'],
  2030: ['2030-02-02', '2030-04-12'],
  2031: ['2031-01-23', '2031-04-01'],
  2032: ['2032-02-11', '2032-04-19'],
  2033: ['2033-01-31', '2033-04-09'],
  2034: ['2034-02-19', '2034-04-28'],
  2035: ['2035-02-08', '2035-04-17'],
};

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
  const row = LUNAR_TABLE[year];
  if (row) return { tet: row[0], hungVuong: row[1], source: 'table' };
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

// ---------------------------------------------------------------------------------------
// Statutory computation
// ---------------------------------------------------------------------------------------

const NAMES: Record<HolidayKey, string> = {
  'tet-duong-lich': 'Tết Dương lịch',
  'tet-nguyen-dan': 'Tết Nguyên đán',
  'hung-vuong': 'Giỗ Tổ Hùng Vương',
  'chien-thang': 'Ngày Chiến thắng',
  'quoc-te-lao-dong': 'Ngày Quốc tế Lao động',
  'quoc-khanh': 'Quốc khánh',
};
const HOLIDAY_KEYS = Object.keys(NAMES) as HolidayKey[];
const NAME_ADJACENT_NATIONAL_DAY = 'Quốc khánh (ngày liền kề)';
const NAME_GOVERNMENT_OFF = 'Ngày nghỉ hoán đổi theo quyết định của Chính phủ';
const NAME_CONFIG_OFF = 'Ngày nghỉ bổ sung (cấu hình)';

/**
 * Default 5 Tết days when no decision is on file: the last day of the lunar year and mùng
 * 1–4 (what date-holidays also assumes). Decisions vary (2025: 28 Tết – mùng 3; 2026: 29 Tết –
 * mùng 4); with nghỉ bù for weekend days exactly 5 weekdays are lost either way.
 */
function defaultTetDays(tet: number): number[] {
  return [tet - 1, tet, tet + 1, tet + 2, tet + 3];
}

/**
 * Default adjacent day for Quốc khánh, following the government's recent pattern of making
 * a long weekend: 2/9 on Tue, Wed, Fri or Sat → 1/9; on Mon, Thu or Sun → 3/9
 * (2021 Thu→3/9, 2022 Fri→1/9, 2023 Sat→1/9, 2024 Mon→3/9, 2025 Tue→1/9, 2026 Wed→1/9).
 */
function defaultNationalDayAdjacent(year: number): number {
  const sep2 = ymd(year, 9, 2);
  const w = weekdayOf(sep2);
  return w === 1 || w === 4 || w === 0 ? sep2 + 1 : sep2 - 1;
}

interface StatutoryDay {
  day: number;
  name: string;
  key: HolidayKey;
  reason: 'holiday' | 'compensatory';
}

/** Statutory holidays + nghỉ bù of one year; `decided` groups replace the default placement. */
function statutoryYear(year: number, decided: Partial<Record<HolidayKey, number[]>>): Map<number, StatutoryDay> {
  const out = new Map<number, StatutoryDay>();
  const compensable: StatutoryDay[] = [];
  const add = (day: number, key: HolidayKey, name: string, fromDecision: boolean): void => {
    if (out.has(day)) return;
    const entry: StatutoryDay = { day, name, key, reason: 'holiday' };
    out.set(day, entry);
    // A decision already spells out the whole period (its `off` list): no automatic nghỉ bù.
    if (!fromDecision && isWeekend(day)) compensable.push(entry);
  };
  const group = (key: HolidayKey, defaults: Array<[number, string]>): void => {
    const fixed = decided[key];
    if (fixed) for (const d of fixed) add(d, key, NAMES[key], true);
    else for (const [d, name] of defaults) add(d, key, name, false);
  };

  const lunar = vietnameseLunarDates(year);
  const tet = toDay(lunar.tet);
  group('tet-duong-lich', [[ymd(year, 1, 1), NAMES['tet-duong-lich']]]);
  group('tet-nguyen-dan', defaultTetDays(tet).map((d) => [d, NAMES['tet-nguyen-dan']]));
  group('hung-vuong', [[toDay(lunar.hungVuong), NAMES['hung-vuong']]]);
  group('chien-thang', [[ymd(year, 4, 30), NAMES['chien-thang']]]);
  group('quoc-te-lao-dong', [[ymd(year, 5, 1), NAMES['quoc-te-lao-dong']]]);
  const nationalDay: Array<[number, string]> = [[ymd(year, 9, 2), NAMES['quoc-khanh']]];
  if (year >= 2021) nationalDay.push([defaultNationalDayAdjacent(year), NAME_ADJACENT_NATIONAL_DAY]);
  group('quoc-khanh', nationalDay);

  // Art. 111(3): each weekend holiday → the next weekday that is neither a holiday nor
  // already a compensatory day.
  compensable.sort((a, b) => a.day - b.day);
  for (const h of compensable) {
    let d = h.day + 1;
    while (isWeekend(d) || out.has(d)) d++;
    out.set(d, { day: d, name: `Nghỉ bù ${NAMES[h.key]}`, key: h.key, reason: 'compensatory' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Override file
// ---------------------------------------------------------------------------------------

interface ParsedOverrides {
  /** day → source note */
  off: Map<number, string>;
  /** day → source note */
  work: Map<number, string>;
  /** year → decided groups */
  decided: Map<number, Partial<Record<HolidayKey, number[]>>>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dateList(v: unknown, where: string): number[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`vn-overrides: ${where} must be an array of YYYY-MM-DD strings`);
  return v.map((item) => {
    if (typeof item !== 'string') throw new Error(`vn-overrides: ${where}: ${describeValue(item)} is not a string`);
    try {
      return toDay(item);
    } catch (e) {
      throw new Error(`vn-overrides: ${where}: ${(e as Error).message}`);
    }
  });
}

/** Validate an override document. Keys starting with "_" are comments. */
export function parseOverrides(doc: unknown): ParsedOverrides {
  if (!isObject(doc)) throw new Error('vn-overrides: the document must be an object keyed by year');
  const parsed: ParsedOverrides = { off: new Map(), work: new Map(), decided: new Map() };
  for (const [key, entry] of Object.entries(doc)) {
    if (key.startsWith('_')) continue;
    if (!/^\d{4}$/.test(key)) throw new Error(`vn-overrides: unexpected key ${JSON.stringify(key)} (expected a year)`);
    const year = Number(key);
    if (!isObject(entry)) throw new Error(`vn-overrides: ${key} must be an object`);
    for (const field of Object.keys(entry)) {
      if (!['note', 'off', 'work', 'decided'].includes(field) && !field.startsWith('_')) {
        throw new Error(`vn-overrides: ${key}: unknown field ${JSON.stringify(field)}`);
      }
    }
    if (typeof entry.note !== 'string' || entry.note.trim() === '') {
      throw new Error(`vn-overrides: ${key}.note must name the decision (Công văn / Thông báo / Quyết định)`);
    }
    const note = entry.note;
    const off = dateList(entry.off, `${key}.off`);
    const work = dateList(entry.work, `${key}.work`);
    for (const d of off) {
      if (parsed.off.has(d)) throw new Error(`vn-overrides: ${fromDay(d)} is listed twice in "off"`);
      parsed.off.set(d, note);
    }
    for (const d of work) {
      if (!isWeekend(d)) throw new Error(`vn-overrides: ${key}.work: ${fromDay(d)} is not a Saturday or Sunday`);
      if (parsed.off.has(d)) throw new Error(`vn-overrides: ${fromDay(d)} is both "off" and "work"`);
      if (parsed.work.has(d)) throw new Error(`vn-overrides: ${fromDay(d)} is listed twice in "work"`);
      parsed.work.set(d, note);
    }
    if (entry.decided !== undefined) {
      if (!isObject(entry.decided)) throw new Error(`vn-overrides: ${key}.decided must be an object`);
      const groups: Partial<Record<HolidayKey, number[]>> = {};
      for (const [g, days] of Object.entries(entry.decided)) {
        if (!(HOLIDAY_KEYS as string[]).includes(g)) {
          throw new Error(`vn-overrides: ${key}.decided: unknown holiday ${JSON.stringify(g)} (one of ${HOLIDAY_KEYS.join(', ')})`);
        }
        const list = dateList(days, `${key}.decided.${g}`);
        if (list.length === 0) throw new Error(`vn-overrides: ${key}.decided.${g} is empty`);
        for (const d of list) {
          if (yearOf(d) !== year) throw new Error(`vn-overrides: ${key}.decided.${g}: ${fromDay(d)} is not in ${key}`);
          if (!off.includes(d)) throw new Error(`vn-overrides: ${key}.decided.${g}: ${fromDay(d)} is missing from ${key}.off`);
        }
        groups[g as HolidayKey] = list;
      }
      parsed.decided.set(year, groups);
    }
  }
  return parsed;
}

let bundledOverrides: ParsedOverrides | undefined;

// ---------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------

function checkCount(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
    throw new Error(`Invalid ${what} ${describeValue(n)}: expected a non-negative integer`);
  }
  return n;
}

export function createCalendar(extra?: CalendarExtras, options: CalendarOptions = {}): WorkingCalendar {
  const useOverrides = options.useOverrides ?? true;
  let file: ParsedOverrides;
  if (!useOverrides) file = { off: new Map(), work: new Map(), decided: new Map() };
  else if (options.overrides !== undefined) file = parseOverrides(options.overrides);
  else file = bundledOverrides ??= parseOverrides(overridesFile);

  const extraOff = new Set<number>();
  const extraWork = new Set<number>();
  const extraDays = (list: unknown, field: 'off' | 'work', into: Set<number>): void => {
    if (list === undefined) return;
    if (!Array.isArray(list)) throw new Error(`calendar config: "${field}" must be an array of YYYY-MM-DD strings`);
    for (const v of list) {
      try {
        into.add(toDay(v as DateInput));
      } catch (e) {
        throw new Error(`calendar config "${field}": ${(e as Error).message}`);
      }
    }
  };
  extraDays(extra?.off, 'off', extraOff);
  extraDays(extra?.work, 'work', extraWork);
  for (const d of extraOff) {
    if (extraWork.has(d)) throw new Error(`calendar config: ${fromDay(d)} is both "off" and "work"`);
  }

  const years = new Map<number, Map<number, StatutoryDay>>();
  const statutory = (day: number): StatutoryDay | undefined => {
    const y = yearOf(day);
    let map = years.get(y);
    if (!map) {
      map = statutoryYear(y, file.decided.get(y) ?? {});
      years.set(y, map);
    }
    return map.get(day);
  };

  const classify = (day: number): DayInfo => {
    const weekday = weekdayOf(day);
    const date = fromDay(day);
    const stat = statutory(day);
    const named = (info: DayInfo): DayInfo => {
      if (stat) {
        info.name = stat.name;
        info.holiday = stat.key;
      }
      return info;
    };
    if (extraWork.has(day)) return { date, weekday, working: true, reason: 'config-working-day' };
    if (extraOff.has(day)) {
      if (stat) return named({ date, weekday, working: false, reason: stat.reason });
      return { date, weekday, working: false, reason: 'config-day-off', name: NAME_CONFIG_OFF };
    }
    const workNote = file.work.get(day);
    if (workNote !== undefined) return { date, weekday, working: true, reason: 'make-up-working-day', source: workNote };
    if (stat) {
      const info = named({ date, weekday, working: false, reason: stat.reason });
      const note = file.off.get(day);
      if (note !== undefined) info.source = note;
      return info;
    }
    if (isWeekend(day)) {
      const info: DayInfo = { date, weekday, working: false, reason: 'weekend' };
      const note = file.off.get(day);
      if (note !== undefined) info.source = note;
      return info;
    }
    const offNote = file.off.get(day);
    if (offNote !== undefined) {
      return { date, weekday, working: false, reason: 'government-day-off', name: NAME_GOVERNMENT_OFF, source: offNote };
    }
    return { date, weekday, working: true, reason: 'working' };
  };

  const isWorking = (day: number): boolean => classify(day).working;

  const nthWorkingDay = (start: number, n: number): number => {
    let d = start;
    for (let found = 0; found < n; ) {
      d++;
      if (isWorking(d)) found++;
    }
    return d;
  };

  const countBetween = (from: number, to: number): number => {
    if (to < from) return -countBetween(to, from);
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (isWorking(d)) count++;
    return count;
  };

  const earliest = (submitted: number, required: number): number => nthWorkingDay(submitted, required) + 1;

  return {
    isWorkingDay: (date) => isWorking(toDay(date)),
    holidayName: (date) => {
      const info = classify(toDay(date));
      return info.working ? undefined : info.name;
    },
    describe: (date) => classify(toDay(date)),
    holidaysInYear(year) {
      if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
        throw new Error(`Invalid year ${String(year)}: expected an integer ${MIN_YEAR}–${MAX_YEAR}`);
      }
      const out: HolidayEntry[] = [];
      for (let d = ymd(year, 1, 1), end = ymd(year, 12, 31); d <= end; d++) {
        const info = classify(d);
        if (info.working || info.name === undefined) continue;
        const entry: HolidayEntry = { date: info.date, name: info.name, reason: info.reason as HolidayEntry['reason'] };
        if (info.holiday) entry.holiday = info.holiday;
        if (info.source) entry.source = info.source;
        out.push(entry);
      }
      return out;
    },
    addWorkingDays(start, n) {
      const s = toDay(start);
      return fromDay(nthWorkingDay(s, checkCount(n, 'number of working days')));
    },
    workingDaysBetween: (from, to) => countBetween(toDay(from), toDay(to)),
    earliestGoLive(submitted, required = 10) {
      const s = toDay(submitted);
      return fromDay(earliest(s, checkCount(required, 'required working days')));
    },
    explain(submitted, goLive, required = 10) {
      const s = toDay(submitted);
      const g = toDay(goLive);
      checkCount(required, 'required working days');
      const counted: string[] = [];
      const skipped: DayInfo[] = [];
      const extraWorkingDays: string[] = [];
      let weekdaysOnly = 0;
      for (let d = s + 1; d < g; d++) {
        const info = classify(d);
        if (!isWeekend(d)) weekdaysOnly++;
        if (info.working) {
          counted.push(info.date);
          if (isWeekend(d)) extraWorkingDays.push(info.date);
        } else {
          skipped.push(info);
        }
      }
      return {
        submitted: fromDay(s),
        goLive: fromDay(g),
        required,
        counted,
        workingDays: counted.length,
        weekdaysOnly,
        skipped,
        holidaysSkipped: skipped.filter((i) => i.name !== undefined),
        extraWorkingDays,
        sufficient: counted.length >= required,
        earliestGoLive: fromDay(earliest(s, required)),
      };
    },
  };
}
