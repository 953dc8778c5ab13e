/**
 * The statutory holidays of Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) for one
 * year, with their compensatory days: Art. 112(1) holidays in their default placement
 * (or the placement a government decision fixed), and Art. 111(3) nghỉ bù for each one
 * that falls on a weekend. See `../calendar.ts` for the rules and their sources.
 */
import { isWeekend, toDay, weekdayOf, ymd } from './days.js';
import { vietnameseLunarDates } from './lunar.js';

/** Statutory holiday groups of Labour Code 2019 Art. 112(1). */
export type HolidayKey =
  | 'tet-duong-lich'
  | 'tet-nguyen-dan'
  | 'hung-vuong'
  | 'chien-thang'
  | 'quoc-te-lao-dong'
  | 'quoc-khanh';

export const NAMES: Record<HolidayKey, string> = {
  'tet-duong-lich': 'Tết Dương lịch',
  'tet-nguyen-dan': 'Tết Nguyên đán',
  'hung-vuong': 'Giỗ Tổ Hùng Vương',
  'chien-thang': 'Ngày Chiến thắng',
  'quoc-te-lao-dong': 'Ngày Quốc tế Lao động',
  'quoc-khanh': 'Quốc khánh',
};
export const HOLIDAY_KEYS = Object.keys(NAMES) as HolidayKey[];
const NAME_ADJACENT_NATIONAL_DAY = 'Quốc khánh (ngày liền kề)';
export const NAME_GOVERNMENT_OFF = 'Ngày nghỉ hoán đổi theo quyết định của Chính phủ';
export const NAME_CONFIG_OFF = 'Ngày nghỉ bổ sung (cấu hình)';

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

export interface StatutoryDay {
  day: number;
  name: string;
  key: HolidayKey;
  reason: 'holiday' | 'compensatory';
}

/** Statutory holidays + nghỉ bù of one year; `decided` groups replace the default placement. */
export function statutoryYear(year: number, decided: Partial<Record<HolidayKey, number[]>>): Map<number, StatutoryDay> {
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
