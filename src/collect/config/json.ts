/**
 * JSON config: .NET `appsettings*.json` (source `appsettings`, keys flattened with `:`
 * like .NET configuration, e.g. `C06:SecretKey`, `ConnectionStrings:Default`) and other
 * JSON (source `config`, keys flattened with `.`).
 *
 * A small position-aware JSON parser keeps the line and column of every value. It
 * accepts what .NET's configuration reader accepts beyond strict JSON: `//` and `/* *\/`
 * comments and trailing commas. Bad JSON → a `parse-error` diagnostic with its line.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { CredentialSource } from '../../facts/types.js';
import { isLockFile } from '../credentials/values.js';
import { lineIndex } from '../lines.js';
import { factsFromEntries, type ConfigEntry } from './entries.js';
import { parseError, perFile } from './per-file.js';
import type { Collector } from '../types.js';
import { walkLeaves, type PMap, type PNode, type PPair, type PScalar, type PSeq } from './yaml/tree.js';

export class JsonParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 1000;

/** Parse JSON (with comments and trailing commas) into a positional tree. Throws `JsonParseError`. */
export function parseJson(text: string): PNode | undefined {
  const pos = lineIndex(text);
  let i = 0;
  const fail = (msg: string, at = i): never => {
    const p = pos(Math.min(at, text.length));
    throw new JsonParseError(`JSON: ${msg}`, p.line, p.column);
  };
  const ws = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 47 && text[i + 1] === '/') {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length : nl + 1;
      } else if (c === 47 && text[i + 1] === '*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) fail('unterminated comment');
        i = end + 2;
      } else return;
    }
  };
  const str = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text[i] ?? '';
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n') fail('unterminated string', start);
      if (c === '\\') {
        const n = text[i + 1];
        if (n === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else {
          const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };
          const v = n === undefined ? undefined : map[n];
          if (v === undefined) fail('bad escape');
          out += v;
          i += 2;
        }
        continue;
      }
      out += c;
      i++;
    }
  };
  const NUM = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (depth: number): PNode => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    const at = pos(i);
    const c = text[i];
    if (c === '{') {
      i++;
      const pairs: PPair[] = [];
      for (;;) {
        ws();
        if (text[i] === '}') {
          i++;
          break;
        }
        if (text[i] !== '"') fail('expected a property name in double quotes');
        const kp = pos(i);
        const key = str();
        ws();
        if (text[i] !== ':') fail("expected ':' after property name");
        i++;
        const v = value(depth + 1);
        pairs.push({ key, keyPos: { line: kp.line, column: kp.column }, value: v });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          break;
        }
        fail("expected ',' or '}'");
      }
      return { type: 'map', pairs, line: at.line, column: at.column } satisfies PMap;
    }
    if (c === '[') {
      i++;
      const items: PNode[] = [];
      for (;;) {
        ws();
        if (text[i] === ']') {
          i++;
          break;
        }
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          break;
        }
        fail("expected ',' or ']'");
      }
      return { type: 'seq', items, line: at.line, column: at.column } satisfies PSeq;
    }
    if (c === '"') return { type: 'scalar', value: str(), quoted: true, line: at.line, column: at.column } satisfies PScalar;
    for (const lit of ['true', 'false', 'null'] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return { type: 'scalar', value: lit === 'null' ? null : lit, line: at.line, column: at.column };
      }
    }
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (m) {
      i += m[0].length;
      return { type: 'scalar', value: m[0], line: at.line, column: at.column };
    }
    return fail(i >= text.length ? 'unexpected end of input' : 'unexpected character');
  };
  ws();
  if (i >= text.length) return undefined; // empty file
  const root = value(0);
  ws();
  if (i < text.length) fail('unexpected content after the JSON value');
  return root;
}

/** Config entries of a parsed JSON tree. */
export function jsonEntries(root: PNode, source: CredentialSource, sep: '.' | ':'): ConfigEntry[] {
  return walkLeaves(root, { sep }).flatMap((leaf) => {
    if (leaf.node.value === null) return [];
    const e: ConfigEntry = {
      key: leaf.key,
      value: leaf.node.value,
      line: leaf.node.line,
      column: leaf.node.column,
      source,
      group: leaf.group,
    };
    return [e];
  });
}

export const appsettingsCollector: Collector = {
  name: 'appsettings',
  appliesTo: (f: DiscoveredFile) =>
    f.kind !== 'doc' && (f.format === 'appsettings' || f.format === 'json') && !isLockFile(f.path),
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      const dotnet = file.format === 'appsettings';
      let root: PNode | undefined;
      try {
        root = parseJson(text);
      } catch (err) {
        if (err instanceof JsonParseError) {
          out.diagnostics.push(parseError(file.path, err.line, err.message, err.column));
          return;
        }
        throw err;
      }
      if (!root) return;
      const entries = jsonEntries(root, dotnet ? 'appsettings' : 'config', dotnet ? ':' : '.');
      factsFromEntries(file.path, entries, ctx.settings, file.format, 'colon', out);
    });
  },
};
