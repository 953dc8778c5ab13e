import { describe, expect, it } from 'vitest';
import { keySegments, leafKey, parentKey } from '../../../src/collect/config/keys.js';

describe('flattened config keys', () => {
  it('leafKey splits on . : __ / and [i]', () => {
    expect(leafKey('a.b[0].c')).toBe('c');
    expect(leafKey('A:B:0:C')).toBe('C');
    expect(leafKey('A__B')).toBe('B');
    expect(leafKey('plain')).toBe('plain');
  });

  it('keySegments and parentKey', () => {
    expect(keySegments('spring.datasource.hikari[0].password')).toEqual(['spring', 'datasource', 'hikari', 'password']);
    expect(parentKey('C06:Api:Key')).toBe('C06.Api');
    expect(parentKey('plain')).toBe('');
  });
});
