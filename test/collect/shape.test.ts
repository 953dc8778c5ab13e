/**
 * Minified or bundled JavaScript takes the text path, unless it names the population DB
 * (src/collect/shape.ts). Synthetic text.
 */
import { describe, expect, it } from 'vitest';
import { isMinified, mentionsDb, takesTextPath } from '../../src/collect/shape.js';
import { defaultSettings } from '../../src/policy/settings.js';

const settings = defaultSettings();
const minified = `!function(e,t){${'var a=1,b=2;function c(d){return d*a+b}'.repeat(300)}}(this);`;
const handWritten = Array.from({ length: 400 }, (_, i) => `export function f${i}(x: number): number {\n  return x * ${i};\n}\n`).join('\n');

describe('isMinified', () => {
  it('by name', () => {
    expect(isMinified('public/libs/tinymce.min.js', 'x')).toBe(true);
    expect(isMinified('dist/app.bundle.mjs', 'x')).toBe(true);
    expect(isMinified('src/admin.js', 'x')).toBe(false);
  });
  it('by shape: long lines on average, or a bundler runtime', () => {
    expect(isMinified('vendor/lib.js', minified)).toBe(true);
    expect(isMinified('src/lib.ts', handWritten)).toBe(false);
    expect(isMinified('dist/main.js', `${handWritten}\n/******/ var __webpack_modules__ = {};\n`)).toBe(false); // the marker is far from the top
    expect(isMinified('dist/main.js', `/******/ var __webpack_modules__ = {};\n${handWritten}`)).toBe(true);
    expect(isMinified('src/tiny.js', 'a'.repeat(3000))).toBe(false); // small files are cheap anyway
  });
});

describe('the text path', () => {
  it('unless the text names the DB', () => {
    expect(takesTextPath('vendor/lib.min.js', minified, settings)).toBe(true);
    const withDb = minified + 'fetch("https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu/TraCuuThongTinCongDan")';
    expect(mentionsDb(withDb, settings)).toBe(true);
    expect(takesTextPath('vendor/lib.min.js', withDb, settings)).toBe(false);
    expect(takesTextPath('vendor/lib.min.js', minified + '"http://dancuquocgia.bca"', settings)).toBe(false);
    expect(takesTextPath('src/lib.ts', handWritten, settings)).toBe(false);
  });
});
