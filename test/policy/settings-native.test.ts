/**
 * The bundled settings patterns run in JavaScript's own engine (settings.ts
 * `compilePattern`), patterns from a configuration in RE2. That is only sound if both
 * engines read every bundled pattern alike: checked here on the names and values the
 * patterns are written for, on mixtures of their own words, and on arbitrary text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linearRegExp, LinearRegExp } from '../../src/policy/linear.js';
import { compilePattern, defaultSettings, nativePattern } from '../../src/policy/settings.js';

function builtinPatterns(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(defaultSettings());
  // Only what can be a regex (every settings string is compiled by some collector or policy).
  return [...new Set(out)].filter((p) => {
    try {
      linearRegExp(p);
      return true;
    } catch {
      return false;
    }
  });
}

const SAMPLES = [
  'password', 'PASSWORD', 'db_password', 'DbPassword', 'MatKhau', 'mat_khau', 'matkhau', 'api_key', 'apiKey', 'API-KEY', 'x-api-key',
  'secret', 'client_secret', 'ClientSecret', 'token', 'access_token', 'AccessToken', 'bearer', 'username', 'user', 'url', 'endpoint',
  'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan', 'http://10.0.0.5:8080/dancu/tracuu', 'TraCuuCongDan', 'soDinhDanh',
  'so_cccd', 'cccd', 'CMND', 'hoTen', 'log.info', 'logger.Information', 'console.log', '_logger.LogInformation', 'RateLimiter',
  'Bottleneck', 'p-limit', 'AuditLog', 'NhatKy', 'ghi_nhat_ky', 'canBo', 'can_bo_tra_cuu', 'nguoiTraCuu', 'lyDo', 'mucDich',
  'dichvucong.gov.vn', 'vneid.gov.vn', 'gateway', 'lgsp', 'ngsp', 'Ğ', 'İ', 'ſ', 'K', 'ß', '', ' ', 'a.b.c', 'PASSWORD_FILE',
  // Letters that fold to ASCII only under Unicode folding (RE2's): `ſ` is an `s`, the Kelvin sign a `k`.
  'paſſword', 'api_\u212Aey', 'ſecret', 'toKen', '\u{1F600}password',
];

describe('bundled settings patterns, native against RE2', () => {
  const patterns = builtinPatterns();

  it('there are bundled patterns, and every one of them takes the native engine', () => {
    expect(patterns.length).toBeGreaterThan(40);
    for (const p of patterns) expect(compilePattern(p), p).not.toBeInstanceOf(LinearRegExp);
  });

  it('a pattern from a configuration stays in RE2', () => {
    expect(compilePattern('(?i)ma[-_.]?truy[-_.]?cap')).toBeInstanceOf(LinearRegExp);
    expect(nativePattern('a\\z')).toBeUndefined();
    expect(nativePattern('(?P<x>a)')).toBeUndefined();
  });

  it('both engines agree on the sample names and values, and on their mixtures', () => {
    for (const p of patterns) {
      const native = compilePattern(p);
      const re2 = linearRegExp(p);
      for (const s of [...SAMPLES, ...patterns]) expect(native.test(s), `${p} on ${JSON.stringify(s)}`).toBe(re2.test(s));
    }
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAMPLES, '_', '.', '-', '/', ' ', ':'), { maxLength: 6 }), fc.integer({ min: 0, max: patterns.length - 1 }), (parts, i) => {
        const s = parts.join('');
        return compilePattern(patterns[i]!).test(s) === linearRegExp(patterns[i]!).test(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('both engines agree on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: patterns.length - 1 }), (s, i) => {
        return compilePattern(patterns[i]!).test(s) === linearRegExp(patterns[i]!).test(s);
      }),
      { numRuns: 2000 },
    );
  });
});
