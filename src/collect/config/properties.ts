/**
 * Java `.properties` files, read with `java.util.Properties` rules: `key=value`,
 * `key: value`, `key value`, `\` line continuations, `#`/`!` comments, `\uXXXX` and
 * other escapes. Spring `application*.properties` / `bootstrap*.properties` (format
 * `spring`) get source `spring`; the rest `properties`.
 */
import { lineFormatCollector, type ParseProblem, type ParsedKV } from './entries.js';
import type { Collector } from '../types.js';

const WS = new Set([' ', '\t', '\f', '\uFEFF']);

function endsWithContinuation(line: string): boolean {
  let n = 0;
  for (let i = line.length - 1; i >= 0 && line[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

function unescape(s: string, onBad: () => void): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) break;
    i++;
    if (n === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        onBad();
        out += 'u';
      }
    } else out += n === 't' ? '\t' : n === 'n' ? '\n' : n === 'r' ? '\r' : n === 'f' ? '\f' : n;
  }
  return out;
}

/** Parse `.properties` text into key/value pairs with the line (and, on the first physical line, column) of each value. */
export function parseProperties(text: string): { entries: ParsedKV[]; problems: ParseProblem[] } {
  const lines = text.split(/\r?\n|\r/);
  const entries: ParsedKV[] = [];
  const problems: ParseProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] ?? '';
    let lead = 0;
    while (lead < first.length && WS.has(first[lead] ?? '')) lead++;
    const head = first[lead];
    if (head === undefined || head === '#' || head === '!') continue;
    const startLine = i + 1;
    // Join continuation lines (leading whitespace of each continuation line dropped).
    let logical = first.slice(lead);
    const firstLen = logical.length;
    while (endsWithContinuation(logical) && i + 1 < lines.length) {
      logical = logical.slice(0, -1);
      i++;
      logical += (lines[i] ?? '').replace(/^[ \t\f]+/, '');
    }
    if (endsWithContinuation(logical)) logical = logical.slice(0, -1);
    // Key: up to the first unescaped `=`, `:` or whitespace.
    let k = 0;
    while (k < logical.length) {
      const c = logical[k] ?? '';
      if (c === '\\') {
        k += 2;
        continue;
      }
      if (c === '=' || c === ':' || WS.has(c)) break;
      k++;
    }
    let v = k;
    while (v < logical.length && WS.has(logical[v] ?? '')) v++;
    if (logical[v] === '=' || logical[v] === ':') {
      v++;
      while (v < logical.length && WS.has(logical[v] ?? '')) v++;
    }
    let bad = false;
    const key = unescape(logical.slice(0, k), () => (bad = true));
    const value = unescape(logical.slice(v), () => (bad = true));
    if (bad) problems.push({ line: startLine, message: 'properties: malformed \\uXXXX escape' });
    const entry: ParsedKV = { key, value, line: startLine };
    if (v < firstLen) entry.column = lead + v + 1;
    entries.push(entry);
  }
  return { entries, problems };
}

function isPropertiesPath(path: string): boolean {
  return /\.properties$/i.test(path);
}

export const propertiesCollector: Collector = lineFormatCollector(
  'properties',
  parseProperties,
  (file) => ({ source: file.format === 'spring' ? 'spring' : 'properties' }),
  (f) => f.kind !== 'doc' && (f.format === 'properties' || (f.format === 'spring' && isPropertiesPath(f.path))),
);
