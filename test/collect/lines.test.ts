import { describe, expect, it } from 'vitest';
import { lineIndex, unifyLineEndings } from '../../src/collect/lines.js';

describe('lineIndex', () => {
  it('maps offsets to 1-based line/column', () => {
    const pos = lineIndex('ab\ncd\n\nef');
    expect(pos(0)).toEqual({ line: 1, column: 1 });
    expect(pos(4)).toEqual({ line: 2, column: 2 });
    expect(pos(7)).toEqual({ line: 4, column: 1 });
  });

  it('counts lines at LF only: a CR before it is the last character of its line', () => {
    const pos = lineIndex('ab\r\ncd');
    expect(pos(2)).toEqual({ line: 1, column: 3 });
    expect(pos(4)).toEqual({ line: 2, column: 1 });
  });
});

describe('unifyLineEndings', () => {
  it('drops a BOM and turns CRLF and CR into LF', () => {
    expect(unifyLineEndings('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
