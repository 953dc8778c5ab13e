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
 * file and output, see test/gate/calendar.test.ts:
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
import overridesFile from './holidays/vn-overrides.json' with { type: 'json' };
import { MAX_YEAR, MIN_YEAR, describeValue, fromDay, isWeekend, toDay, weekdayOf, ymd, yearOf, type DateInput } from './holidays/days.js';
import { parseOverrides, type ParsedOverrides } from './holidays/overrides.js';
import { UsageError } from '../util/errors.js';
import { NAME_CONFIG_OFF, NAME_GOVERNMENT_OFF, statutoryYear, type HolidayKey, type StatutoryDay } from './holidays/statutory.js';

export type { DateInput } from './holidays/days.js';
export type { HolidayKey } from './holidays/statutory.js';
export type { LunarDates } from './holidays/lunar.js';
export { vietnameseLunarDates } from './holidays/lunar.js';
export { parseOverrides } from './holidays/overrides.js';


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

let bundledOverrides: ParsedOverrides | undefined;

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
    if (extraWork.has(d)) throw UsageError.of('calendar.both', { date: fromDay(d) });
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
