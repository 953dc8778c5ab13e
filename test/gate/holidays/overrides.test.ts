/** The override file (government decisions): swaps, make-up days, decided placements, validation. */
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../../src/gate/calendar.js';
import { parseOverrides } from '../../../src/gate/holidays/overrides.js';
import overridesFile from '../../../src/gate/holidays/vn-overrides.json' with { type: 'json' };

const cal = createCalendar();

describe('override file (government decisions)', () => {
  it('Tết 2026: off Sat 14/2 – Sun 22/2, so Mon 16/2 – Fri 20/2 are off', () => {
    for (const d of ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']) {
      expect(cal.isWorkingDay(d), d).toBe(false);
    }
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.describe('2026-02-16').source).toMatch(/9441\/TB-BNV/);
  });

  it('Tết 2025: off Sat 25/1 – Sun 2/2; Mon 3/2 works although the default placement would give a nghỉ bù', () => {
    for (const d of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-01-24')).toBe(true);
    expect(cal.isWorkingDay('2025-02-03')).toBe(true);
    const statutory = createCalendar(undefined, { useOverrides: false });
    expect(statutory.isWorkingDay('2025-01-27')).toBe(true); // default: 28/1 – 1/2 …
    expect(statutory.isWorkingDay('2025-02-03')).toBe(false); // … + nghỉ bù for Sat 1/2
  });

  it('swaps: 2025-05-02 off / Sat 2025-04-26 worked; 2026-01-02 off / Sat 2026-01-10 worked; 2026-08-31 off / Sat 2026-08-22 worked', () => {
    expect(cal.isWorkingDay('2025-05-02')).toBe(false);
    expect(cal.describe('2025-05-02').reason).toBe('government-day-off');
    expect(cal.isWorkingDay('2025-04-26')).toBe(true);
    expect(cal.describe('2025-04-26').reason).toBe('make-up-working-day');
    expect(cal.isWorkingDay('2026-01-02')).toBe(false);
    expect(cal.holidayName('2026-01-02')).toBe('Ngày nghỉ hoán đổi theo quyết định của Chính phủ');
    expect(cal.isWorkingDay('2026-01-10')).toBe(true);
    expect(cal.isWorkingDay('2026-08-31')).toBe(false);
    expect(cal.isWorkingDay('2026-08-22')).toBe(true);
    expect(cal.holidayName('2026-01-10')).toBeUndefined();
  });

  it('Quốc khánh: 2025 off Sat 30/8 – Tue 2/9 (1/9 adjacent); 2026 1/9 adjacent, 3/9 works', () => {
    for (const d of ['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02']) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay('2025-09-03')).toBe(true);
    expect(cal.holidayName('2025-09-01')).toBe('Quốc khánh');
    expect(cal.isWorkingDay('2026-09-03')).toBe(true);
  });

  it('make-up Saturdays count as working days in a notice window', () => {
    // 2026-01-05 (Mon) … 2026-01-16: weekdays 6–9, 12–16 = 9, plus Sat 10/1 worked = 10.
    const e = cal.explain('2026-01-05', '2026-01-17');
    expect(e.extraWorkingDays).toEqual(['2026-01-10']);
    expect(e.workingDays).toBe(10);
    expect(e.weekdaysOnly).toBe(9);
    expect(e.sufficient).toBe(true);
  });

  it('the committed file is well-formed: real dates, make-up days on weekends, decided ⊆ off, named source', () => {
    expect(() => parseOverrides(overridesFile)).not.toThrow();
    const doc = overridesFile as unknown as Record<string, unknown>;
    expect(doc['_comment']).toBeDefined();
    expect(Object.keys(doc).filter((k) => !k.startsWith('_'))).toEqual(['2025', '2026']);
  });

  it('rejects a malformed override document with a precise message', () => {
    const ok = { note: 'Công văn X', off: ['2027-02-08'], work: [] };
    expect(() => createCalendar(undefined, { overrides: { 2027: { ...ok, off: ['2027-02-30'] } } })).toThrow(/2027\.off.*"2027-02-30"/);
    expect(() => createCalendar(undefined, { overrides: { 2027: { ...ok, work: ['2027-02-08'] } } })).toThrow(/not a Saturday or Sunday/);
    expect(() => createCalendar(undefined, { overrides: { 2027: { ...ok, work: ['2027-02-06'], off: ['2027-02-06'] } } })).toThrow(/both "off" and "work"/);
    expect(() => createCalendar(undefined, { overrides: { 2027: { off: [] } } })).toThrow(/note/);
    expect(() => createCalendar(undefined, { overrides: { 2027: { ...ok, decided: { tet: ['2027-02-08'] } } } })).toThrow(/unknown holiday "tet"/);
    expect(() => createCalendar(undefined, { overrides: { 2027: { ...ok, decided: { 'tet-nguyen-dan': ['2027-02-09'] } } } })).toThrow(/missing from 2027\.off/);
    expect(() => createCalendar(undefined, { overrides: { '27': ok } })).toThrow(/expected a year/);
  });

  it('a custom override document replaces the default Tết placement for that year', () => {
    const tet2027 = ['2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'];
    const custom = createCalendar(undefined, {
      overrides: { 2027: { note: 'Giả định (test)', off: ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'], decided: { 'tet-nguyen-dan': tet2027 } } },
    });
    expect(custom.holidaysInYear(2027).filter((h) => h.holiday === 'tet-nguyen-dan').map((h) => h.date)).toEqual(tet2027);
    expect(custom.isWorkingDay('2027-02-04')).toBe(false);
    expect(custom.isWorkingDay('2027-02-11')).toBe(true); // no default nghỉ bù any more
    expect(custom.holidayName('2027-02-06')).toBeUndefined(); // just a weekend now
  });
});
