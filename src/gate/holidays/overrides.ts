/**
 * The override file (`vn-overrides.json`): the government's yearly decisions for civil
 * servants — swapped days off and make-up working days, and the exact placement of Tết
 * and the Quốc khánh adjacent day — validated into day numbers.
 */
import { describeValue, fromDay, isWeekend, toDay, yearOf } from './days.js';
import { HOLIDAY_KEYS, type HolidayKey } from './statutory.js';

export interface ParsedOverrides {
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
