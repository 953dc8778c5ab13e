/** Statutory holidays and compensatory days (Labour Code 2019 Art. 111(3), 112(1)), through the calendar. */
import { describe, expect, it } from 'vitest';
import { createCalendar, type HolidayEntry } from '../../../src/gate/calendar.js';
import { vietnameseLunarDates } from '../../../src/gate/holidays/lunar.js';

const cal = createCalendar();
const dates = (list: HolidayEntry[]): string[] => list.map((h) => h.date);

describe('full holiday set per year (named non-working days, incl. statutory days on weekends)', () => {
  const years: Record<number, string[]> = {
    // Decided (Công văn 8726/VPCP-KGVX): Tết 27–31/1, 2/5 swapped with Sat 26/4, Quốc khánh 1–2/9.
    2025: [
      '2025-01-01',
      '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
      '2025-04-07',
      '2025-04-30', '2025-05-01', '2025-05-02',
      '2025-09-01', '2025-09-02',
    ],
    // Decided (9441/TB-BNV, 12729/VPCP-KGVX); Giỗ Tổ on Sunday → nghỉ bù Monday 27/4.
    2026: [
      '2026-01-01', '2026-01-02',
      '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-27',
      '2026-04-30', '2026-05-01',
      '2026-08-31', '2026-09-01', '2026-09-02',
    ],
    // Statutory only from here. Tết 6/2 is a Saturday: 5/2–9/2 + nghỉ bù 10/2, 11/2; 1/5 Sat → 3/5.
    2027: [
      '2027-01-01',
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16',
      '2027-04-30', '2027-05-01', '2027-05-03',
      '2027-09-02', '2027-09-03',
    ],
    // 1/1 Sat → 3/1; Tết 29/1 Sat → 31/1; 30/4 Sun → 2/5 (1/5 is itself a holiday); 2/9 Sat → 1/9 + 4/9.
    2028: [
      '2028-01-01', '2028-01-03',
      '2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28', '2028-01-29', '2028-01-31',
      '2028-04-04',
      '2028-04-30', '2028-05-01', '2028-05-02',
      '2028-09-01', '2028-09-02', '2028-09-04',
    ],
    // 2/9 Sunday → 3/9 adjacent + nghỉ bù 4/9.
    2029: [
      '2029-01-01',
      '2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15', '2029-02-16',
      '2029-04-23',
      '2029-04-30', '2029-05-01',
      '2029-09-02', '2029-09-03', '2029-09-04',
    ],
    // Tết Sat 2/2: 1/2–5/2 + nghỉ bù 6/2, 7/2; 2/9 Monday → 3/9.
    2030: [
      '2030-01-01',
      '2030-02-01', '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05', '2030-02-06', '2030-02-07',
      '2030-04-12',
      '2030-04-30', '2030-05-01',
      '2030-09-02', '2030-09-03',
    ],
  };

  it.each(Object.entries(years))('%s', (year, expected) => {
    expect(dates(cal.holidaysInYear(Number(year)))).toEqual(expected);
  });

  it.each([2025, 2026, 2027, 2028, 2029, 2030])('%s: exactly 11 statutory weekdays lost, net of make-up days', (year) => {
    let lostWeekdays = 0;
    let madeUp = 0;
    for (let t = Date.UTC(year, 0, 1); t <= Date.UTC(year, 11, 31); t += 86_400_000) {
      const info = cal.describe(new Date(t));
      const weekend = info.weekday === 0 || info.weekday === 6;
      if (!weekend && !info.working) lostWeekdays++;
      if (weekend && info.working) madeUp++;
    }
    expect(lostWeekdays - madeUp).toBe(11);
  });

  it('every Tết year has 5 days named Tết Nguyên đán around 1/1 âm lịch', () => {
    for (let y = 2025; y <= 2030; y++) {
      const tet = cal.holidaysInYear(y).filter((h) => h.holiday === 'tet-nguyen-dan' && h.reason === 'holiday');
      expect(tet, String(y)).toHaveLength(5);
      expect(dates(tet)).toContain(vietnameseLunarDates(y).tet);
      expect(tet.every((h) => h.name === 'Tết Nguyên đán')).toBe(true);
    }
  });

  it('names are Vietnamese', () => {
    expect(cal.holidayName('2026-01-01')).toBe('Tết Dương lịch');
    expect(cal.holidayName('2026-02-17')).toBe('Tết Nguyên đán');
    expect(cal.holidayName('2026-04-26')).toBe('Giỗ Tổ Hùng Vương');
    expect(cal.holidayName('2026-04-30')).toBe('Ngày Chiến thắng');
    expect(cal.holidayName('2026-05-01')).toBe('Ngày Quốc tế Lao động');
    expect(cal.holidayName('2026-09-02')).toBe('Quốc khánh');
    expect(cal.holidayName('2027-09-03')).toBe('Quốc khánh (ngày liền kề)');
    expect(cal.holidayName('2026-03-10')).toBeUndefined(); // ordinary Tuesday
    expect(cal.holidayName('2026-03-14')).toBeUndefined(); // ordinary Saturday
  });
});

describe('compensatory days (nghỉ bù, Art. 111(3))', () => {
  it('Giỗ Tổ on Sunday 2026-04-26 → Monday 2026-04-27 off', () => {
    expect(cal.isWorkingDay('2026-04-26')).toBe(false);
    expect(cal.isWorkingDay('2026-04-27')).toBe(false);
    expect(cal.holidayName('2026-04-27')).toBe('Nghỉ bù Giỗ Tổ Hùng Vương');
    expect(cal.describe('2026-04-27').reason).toBe('compensatory');
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('chained: 30/4 Sun and 1/5 Mon 2028 → nghỉ bù on Tuesday 2/5', () => {
    expect(cal.holidayName('2028-05-02')).toBe('Nghỉ bù Ngày Chiến thắng');
    expect(cal.isWorkingDay('2028-05-03')).toBe(true);
  });

  it('1/1 on Saturday 2028 → Monday 2028-01-03', () => {
    expect(cal.holidayName('2028-01-03')).toBe('Nghỉ bù Tết Dương lịch');
  });
});
