/**
 * The 34 provincial-level units since 1 July 2025 (Nghị quyết 202/2025/QH15): 28
 * provinces (*tỉnh*) and 6 centrally-run cities (*thành phố*: Hà Nội, Huế, Hải Phòng,
 * Đà Nẵng, Hồ Chí Minh, Cần Thơ), from `provinces/vn-provincial-units.json` (no npm
 * package keeps this list; the data file cites the resolution and is the one place to
 * update).
 *
 * `resolveProvince` reads what a person writes in a declaration — with or without the
 * type (`Hà Nội`, `thành phố Hà Nội`, `TP. Hồ Chí Minh`, `tỉnh Hưng Yên`), without
 * diacritics (`Ha Noi`), or a pre-2025 province that was merged (`Bà Rịa - Vũng Tàu`,
 * `Thái Bình`) or renamed (`Thừa Thiên Huế`) — and returns the current unit. Exact
 * matches only (after normalisation): `Hà Nam` is never taken for `Hà Nội`.
 */
import data from './provinces/vn-provincial-units.json' with { type: 'json' };

export type UnitType = 'tỉnh' | 'thành phố';

export interface ProvincialUnit {
  /** "Hà Nội", "Hưng Yên" (without the type). */
  name: string;
  type: UnitType;
  /** Pre-2025 provinces merged into this unit. */
  merged: readonly string[];
  /** Former names of this very unit ("Thừa Thiên Huế"). */
  renamed?: readonly string[];
  aliases?: readonly string[];
  /** The place name on a letter's date line, when it is not `name`. */
  place?: string;
}

export interface ResolvedProvince {
  unit: ProvincialUnit;
  /** What was written. */
  input: string;
  /** `merged`: `input` names a province merged into `unit` on 1 July 2025; `renamed`: a former name. */
  via: 'current' | 'merged' | 'renamed';
  /** The former province or name, for `merged` / `renamed`. */
  former?: string;
}

export const PROVINCES_BASIS: string = data.basis;
export const PROVINCES_EFFECTIVE: string = data.effective;
export const PROVINCIAL_UNITS: readonly ProvincialUnit[] = data.units as ProvincialUnit[];

/** Lower case, no diacritics (đ → d), no type prefix or suffix, letters and digits only. */
export function normalizeProvinceName(input: string): string {
  let s = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[‐-―–—_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(?:(?:tinh|thanh pho|thu do|city of|province of)\s+|(?:tp|t\.p)\.?\s*(?=\S))/, '');
  s = s.replace(/\s+(?:city|province|municipality)$/, '');
  return s.replace(/[^a-z0-9]/g, '');
}

interface Entry {
  unit: ProvincialUnit;
  via: ResolvedProvince['via'];
  former?: string;
}

const INDEX: ReadonlyMap<string, Entry> = (() => {
  const index = new Map<string, Entry>();
  const add = (name: string, entry: Entry) => {
    const key = normalizeProvinceName(name);
    const existing = index.get(key);
    if (existing && existing.unit !== entry.unit) {
      throw new Error(`provincial units: "${name}" is ambiguous (${existing.unit.name} / ${entry.unit.name})`);
    }
    if (!existing) index.set(key, entry);
  };
  for (const unit of PROVINCIAL_UNITS) {
    add(unit.name, { unit, via: 'current' });
    for (const a of unit.aliases ?? []) add(a, { unit, via: 'current' });
    if (unit.place) add(unit.place, { unit, via: 'current' });
  }
  for (const unit of PROVINCIAL_UNITS) {
    for (const m of unit.merged) add(m, { unit, via: 'merged', former: m });
    for (const r of unit.renamed ?? []) add(r, { unit, via: 'renamed', former: r });
  }
  return index;
})();

/** The current unit `input` names, or undefined when it names none. */
export function resolveProvince(input: string): ResolvedProvince | undefined {
  const hit = INDEX.get(normalizeProvinceName(input));
  if (!hit) return undefined;
  return { unit: hit.unit, input, via: hit.via, ...(hit.former !== undefined ? { former: hit.former } : {}) };
}

/** "thành phố Hà Nội", "tỉnh Hưng Yên": the unit as written after a body's name. */
export function unitName(unit: ProvincialUnit): string {
  return `${unit.type} ${unit.name}`;
}

/** "THÀNH PHỐ HÀ NỘI", for letterheads. */
export function unitNameUpper(unit: ProvincialUnit): string {
  return unitName(unit).toLocaleUpperCase('vi');
}

/** The place on a letter's date line: "Hà Nội", "Hưng Yên", "Thành phố Hồ Chí Minh". */
export function placeName(unit: ProvincialUnit): string {
  return unit.place ?? unit.name;
}

/** A sentence for the drafter when the declaration names a merged or renamed province. */
export function provinceChangeNote(p: ResolvedProvince): string | undefined {
  if (p.via === 'merged') {
    return `"${p.input}": tỉnh ${p.former} đã được sắp xếp vào ${unitName(p.unit)} từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15); văn bản gửi ${unitName(p.unit)}. Sửa "province" trong tệp khai báo thành "${p.unit.name}".`;
  }
  if (p.via === 'renamed') {
    return `"${p.input}": nay là ${unitName(p.unit)}; sửa "province" trong tệp khai báo thành "${p.unit.name}".`;
  }
  return undefined;
}
