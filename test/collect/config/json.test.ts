/** The JSON reader (jsonc-parser): positions of every value, .NET's extensions, errors at their place. */
import { describe, expect, it } from 'vitest';
import { JsonParseError, jsonEntries, parseJson } from '../../../src/collect/config/json.js';

const error = (text: string): { message: string; line: number; column: number } | undefined => {
  try {
    parseJson(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof JsonParseError)) throw e;
    return { message: e.message, line: e.line, column: e.column };
  }
};

describe('parseJson', () => {
  it('keeps the line and column of every key and value; numbers and literals as written', () => {
    const root = parseJson('{\n  "C06": { "Url": "https://lgsp.tinh-mau.gov.vn",\n    "Retries": 1.50, "On": true, "Off": null }\n}\n');
    expect(jsonEntries(root!, 'appsettings', ':')).toEqual([
      { key: 'C06:Url', value: 'https://lgsp.tinh-mau.gov.vn', line: 2, column: 19, source: 'appsettings', group: 'C06' },
      { key: 'C06:Retries', value: '1.50', line: 3, column: 16, source: 'appsettings', group: 'C06' },
      { key: 'C06:On', value: 'true', line: 3, column: 28, source: 'appsettings', group: 'C06' },
    ]);
  });

  it('accepts what .NET accepts: comments, trailing commas, a BOM; empty input is no document', () => {
    const root = parseJson('\uFEFF// c\n{ /* b */ "a": [1, 2,], "b": "x\\u00e9\\n", }\n');
    expect(root).toMatchObject({ type: 'map', line: 2, column: 1 });
    expect(jsonEntries(root!, 'config', '.').map((e) => [e.key, e.value])).toEqual([
      ['a[0]', '1'],
      ['a[1]', '2'],
      ['b', 'xé\n'],
    ]);
    expect(parseJson('')).toBeUndefined();
    expect(parseJson('  // only a comment\n')).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1,\n  "b": 2\n  "c": "x"\n}\n', "expected ',' or '}'", 4, 3],
    ['[1 2]', "expected ',' or ']'", 1, 4],
    ['{"a" 1}', "expected ':' after property name", 1, 6],
    ["{'a': 1}", 'expected a property name in double quotes', 1, 2],
    ['{"a": truex}', "expected ',' or '}'", 1, 11],
    ['{"a": "x\\qy"}', 'bad escape', 1, 9],
    ['{"a": "x\\u12"}', 'bad \\u escape', 1, 9],
    ['{"a": "x\n"}', 'unterminated string', 1, 7],
    ['{"a": 1} /* c', 'unterminated comment', 1, 10],
    ['{"a":1}}', 'unexpected content after the JSON value', 1, 8],
    ['{"a": ', 'unexpected end of input', 1, 7],
    ['{"a": 1', "expected ',' or '}'", 1, 8],
  ] as const)('reports the first error of %j at its place, in the words the diagnostics use', (text, message, line, column) => {
    expect(error(text)).toEqual({ message: `JSON: ${message}`, line, column });
  });

  it('refuses nesting deeper than 1000, without exhausting the stack', () => {
    expect(parseJson('['.repeat(1000) + ']'.repeat(1000))).toMatchObject({ type: 'seq' });
    expect(error('['.repeat(1002) + ']'.repeat(1002))).toEqual({ message: 'JSON: nesting too deep', line: 1, column: 1002 });
    expect(error('{"a":'.repeat(1002) + '1' + '}'.repeat(1002))?.message).toBe('JSON: nesting too deep');
    expect(error('['.repeat(200_000))?.message).toBe('JSON: nesting too deep');
  });
});
