/**
 * The 34 provincial-level units since 1 July 2025 (Nghị quyết 202/2025/QH15), and how
 * a declaration's `province` resolves to one: with or without its type, without
 * diacritics, or under a pre-2025 name (merged or renamed).
 */
import { describe, expect, it } from 'vitest';
import { parseDeclaration } from '../../src/config/declaration.js';
import {
  normalizeProvinceName,
  placeName,
  PROVINCES_BASIS,
  PROVINCIAL_UNITS,
  provinceChangeNote,
  resolveProvince,
  unitName,
  unitNameUpper,
} from '../../src/gate/provinces.js';
import { UsageError } from '../../src/util/errors.js';

describe('the list', () => {
  it('has 34 units: 28 provinces and the 6 centrally-run cities, citing the resolution', () => {
    expect(PROVINCIAL_UNITS).toHaveLength(34);
    expect(PROVINCIAL_UNITS.filter((u) => u.type === 'tỉnh')).toHaveLength(28);
    expect(PROVINCIAL_UNITS.filter((u) => u.type === 'thành phố').map((u) => u.name).sort()).toEqual(
      ['Cần Thơ', 'Hà Nội', 'Hải Phòng', 'Huế', 'Hồ Chí Minh', 'Đà Nẵng'].sort(),
    );
    expect(new Set(PROVINCIAL_UNITS.map((u) => u.name)).size).toBe(34);
    expect(PROVINCES_BASIS).toContain('202/2025/QH15');
  });

  it('accounts for the 63 pre-2025 provinces: 29 merged away, Thừa Thiên Huế renamed, 33 kept their name', () => {
    const merged = PROVINCIAL_UNITS.flatMap((u) => u.merged);
    expect(merged).toHaveLength(29);
    const renamed = PROVINCIAL_UNITS.flatMap((u) => u.renamed ?? []).filter((n) => !n.includes(' - '));
    expect(renamed).toEqual(['Thừa Thiên Huế']);
    const before = new Set([...merged, ...renamed, ...PROVINCIAL_UNITS.filter((u) => u.name !== 'Huế').map((u) => u.name)]);
    expect(before.size).toBe(63);
    // merged provinces named in the domain brief
    expect(resolveProvince('Thái Bình')?.unit.name).toBe('Hưng Yên');
    expect(resolveProvince('Bà Rịa - Vũng Tàu')?.unit.name).toBe('Hồ Chí Minh');
  });
});

describe('resolveProvince', () => {
  it('reads a unit with or without its type, in any case, with or without diacritics', () => {
    for (const input of ['Hà Nội', 'thành phố Hà Nội', 'Thành phố Hà Nội', 'THÀNH PHỐ HÀ NỘI', 'TP. Hà Nội', 'Ha Noi', 'Hanoi', 'ha noi']) {
      expect(resolveProvince(input), input).toMatchObject({ unit: { name: 'Hà Nội', type: 'thành phố' }, via: 'current' });
    }
    for (const input of ['TP. Hồ Chí Minh', 'TP.HCM', 'TPHCM', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'Hồ Chí Minh']) {
      expect(resolveProvince(input)?.unit.name, input).toBe('Hồ Chí Minh');
    }
    for (const input of ['tỉnh Hưng Yên', 'Hưng Yên', 'Hung Yen', 'Tinh Hung Yen']) expect(resolveProvince(input)?.unit.name, input).toBe('Hưng Yên');
    expect(resolveProvince('Đăk Lăk')?.unit.name).toBe('Đắk Lắk');
    expect(resolveProvince('Khánh Hoà')?.unit.name).toBe('Khánh Hòa');
  });

  it('maps a merged or renamed province to its current unit, saying so', () => {
    const brvt = resolveProvince('Bà Rịa - Vũng Tàu');
    expect(brvt).toMatchObject({ unit: { name: 'Hồ Chí Minh' }, via: 'merged', former: 'Bà Rịa - Vũng Tàu' });
    expect(resolveProvince('Ba Ria – Vung Tau')?.via).toBe('merged');
    expect(resolveProvince('tỉnh Thái Bình')).toMatchObject({ unit: { name: 'Hưng Yên' }, via: 'merged' });
    expect(resolveProvince('Hà Nam')).toMatchObject({ unit: { name: 'Ninh Bình' }, via: 'merged' });
    expect(resolveProvince('Thừa Thiên Huế')).toMatchObject({ unit: { name: 'Huế', type: 'thành phố' }, via: 'renamed' });
    expect(provinceChangeNote(brvt!)).toContain('đã được sắp xếp vào thành phố Hồ Chí Minh từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15)');
    expect(provinceChangeNote(resolveProvince('Hà Nội')!)).toBeUndefined();
  });

  it('matches exactly, never approximately', () => {
    for (const input of ['Mẫu', 'tỉnh Mẫu', '', 'tỉnh', 'thành phố', 'Hà', 'Hanoi Province X', 'Sài Gònn']) expect(resolveProvince(input), input).toBeUndefined();
    expect(normalizeProvinceName('Tỉnh Thanh Hóa')).toBe('thanhhoa');
    expect(normalizeProvinceName('Thành phố Hồ Chí Minh')).toBe('hochiminh');
  });

  it('names units the way letters do', () => {
    const hn = resolveProvince('Hà Nội')!.unit;
    const hcm = resolveProvince('TP.HCM')!.unit;
    const hy = resolveProvince('Hưng Yên')!.unit;
    expect(unitName(hn)).toBe('thành phố Hà Nội');
    expect(unitName(hcm)).toBe('thành phố Hồ Chí Minh');
    expect(unitName(hy)).toBe('tỉnh Hưng Yên');
    expect(unitNameUpper(hn)).toBe('THÀNH PHỐ HÀ NỘI');
    expect(placeName(hn)).toBe('Hà Nội');
    expect(placeName(hcm)).toBe('Thành phố Hồ Chí Minh');
    for (const u of PROVINCIAL_UNITS) expect(unitName(u)).not.toMatch(/^tỉnh thành phố|^thành phố tỉnh/);
  });
});

describe('the declaration', () => {
  const decl = (province: string) => `version: 1
system: He thong DVC (gia lap)
owner: Trung tam (gia lap)
securityLevel: 3
securityAssessment: { date: 2026-06-01, reference: "45/BC-ATTT" }
province: ${province}
accounts:
  - name: dvc
    secretRef: "k8s Secret dvc/dancu-account (key secretKey)"
    dailyQuota: 5000
`;

  it('resolves province, keeping what was written', () => {
    const r = parseDeclaration(decl('TP. Hồ Chí Minh'), 'dancu-integration.yml');
    expect(r.declaration.province).toBe('TP. Hồ Chí Minh');
    expect(r.province).toMatchObject({ unit: { name: 'Hồ Chí Minh' }, via: 'current' });
    expect(r.lines.province).toBe(6);
    expect(parseDeclaration(decl('Bà Rịa - Vũng Tàu'), 'd.yml').province?.via).toBe('merged');
  });

  it('rejects an unknown unit, naming the file, the line and the key', () => {
    let err: unknown;
    try {
      parseDeclaration(decl('Mẫu'), 'dancu-integration.yml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('dancu-integration.yml:6: "province" "Mẫu" is not a provincial-level unit');
    expect((err as Error).message).toContain('Nghị quyết 202/2025/QH15');
  });
});
