/**
 * `.env` files (format `dotenv`): `KEY=value`, `export KEY=value`, `KEY: value`,
 * single/double/backtick quotes, `#` comments, multi-line quoted values.
 * Source `dotenv`. Templates such as `.env.example` are classified `doc` and skipped.
 */
import { lineFormatCollector, type ParseProblem, type ParsedKV } from './entries.js';
import type { Collector } from '../types.js';

const ASSIGN = /^[\s\uFEFF]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*(?:=|:(?=[ \t]))[ \t]*/;

function unescapeDouble(s: string): string {
  return s.replace(/\\([nrt"\\$`])/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

/** Index of the closing quote `q` in `s` from `from`, honouring backslash escapes for `"` and `` ` ``. */
function closingQuote(s: string, q: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && q !== "'") {
      i++;
      continue;
    }
    if (c === q) return i;
  }
  return -1;
}

/** Parse dotenv text into key/value pairs with the line and column of each value. */
export function parseDotenv(text: string): { entries: ParsedKV[]; problems: ParseProblem[] } {
  const lines = text.split(/\r?\n/);
  const entries: ParsedKV[] = [];
  const problems: ParseProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const m = ASSIGN.exec(raw);
    if (!m) continue; // blank, comment, or not an assignment
    const key = m[1] ?? '';
    const start = m[0].length;
    const rest = raw.slice(start);
    const column = start + 1;
    const line = i + 1;
    const q = rest[0];
    if (q === '"' || q === "'" || q === '`') {
      const close = closingQuote(rest, q, 1);
      if (close >= 0) {
        const inner = rest.slice(1, close);
        entries.push({ key, value: q === "'" ? inner : unescapeDouble(inner), line, column });
        continue;
      }
      // Multi-line quoted value: read on until the closing quote.
      const parts = [rest.slice(1)];
      let j = i + 1;
      let closed = false;
      for (; j < lines.length; j++) {
        const l = lines[j] ?? '';
        const c = closingQuote(l, q, 0);
        if (c >= 0) {
          parts.push(l.slice(0, c));
          closed = true;
          break;
        }
        parts.push(l);
      }
      if (!closed) {
        problems.push({ line, column, message: `dotenv: unterminated ${q} quoted value for ${key}` });
        entries.push({ key, value: rest.slice(1), line, column });
        continue;
      }
      const inner = parts.join('\n');
      entries.push({ key, value: q === "'" ? inner : unescapeDouble(inner), line, column });
      i = j;
      continue;
    }
    // Unquoted: up to an inline comment (` #`), trimmed.
    const hash = rest.search(/[ \t]#/);
    entries.push({ key, value: (hash >= 0 ? rest.slice(0, hash) : rest).trim(), line, column });
  }
  return { entries, problems };
}

export const dotenvCollector: Collector = lineFormatCollector('dotenv', parseDotenv, () => ({ source: 'dotenv', group: '' }));
