/**
 * Laravel `config/*.php` as a config flavour (`laravel`), listed in `./index.ts`:
 * `config('dancu.url')` reads `config/dancu.php`
 *
 * ```php
 * return [
 *     'url' => env('DANCU_URL', 'https://lgsp.tinh-mau.gov.vn/apiCSDLDanCu'),
 *     'gateway' => ['base' => 'https://api.ngsp.gov.vn'],
 * ];
 * ```
 *
 * Keys are the file's path under `config/` (dots for sub-directories) and the array
 * keys, dotted: `dancu.url`, `dancu.gateway.base`, `services.dancu.url`. A value
 * `env('X', 'fallback')` is stored as the placeholder `${X:fallback}` (`env('X')` as
 * `${X}`), which `ConfigIndex.withEnv` follows through `.env`/compose/k8s env, else the
 * fallback. Other expressions (arithmetic, other calls, constants) are not values.
 *
 * The reader is a small tolerant tokenizer for PHP array literals (synchronous, no
 * tree-sitter, so the config index can call it): it never throws, and a file that is
 * not `return [ … ];` gives nothing.
 */
import type { ConfigValue, ResolvedConfig } from './provider.js';
import type { Location, ResolutionStep } from '../../../facts/types.js';
import type { RefVal, StrVal, Val } from '../../resolution.js';

type Tok =
  | { t: 'str'; v: string; line: number; column: number }
  | { t: 'word'; v: string; line: number; column: number }
  | { t: 'punct'; v: string; line: number; column: number };

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  const nl = (k: number): void => {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      nl(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if ((c === '/' && text[i + 1] === '/') || c === '#') {
      if (c === '#' && text[i + 1] === '[') {
        // PHP 8 attribute: skip to the closing bracket.
        let depth = 0;
        for (; i < n; i++) {
          if (text[i] === '[') depth++;
          else if (text[i] === ']' && --depth === 0) break;
          nl(i);
        }
        i++;
        continue;
      }
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      for (let k = i; k < stop; k++) nl(k);
      i = stop;
      continue;
    }
    const column = i - lineStart + 1;
    const startLine = line;
    if (c === "'" || c === '"') {
      let v = '';
      let j = i + 1;
      let interpolated = false;
      while (j < n && text[j] !== c) {
        const ch = text[j]!;
        if (ch === '\\' && j + 1 < n) {
          const e = text[j + 1]!;
          if (c === "'") v += e === "'" || e === '\\' ? e : `\\${e}`;
          else v += ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', $: '$' } as Record<string, string>)[e] ?? `\\${e}`;
          j += 2;
          continue;
        }
        if (c === '"' && ch === '$') interpolated = true;
        nl(j);
        v += ch;
        j++;
      }
      i = j + 1;
      out.push(interpolated ? { t: 'word', v: '<interpolated>', line: startLine, column } : { t: 'str', v, line: startLine, column });
      continue;
    }
    if (/[A-Za-z0-9_\\$]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_\\$.]/.test(text[j]!)) j++;
      out.push({ t: 'word', v: text.slice(i, j), line, column });
      i = j;
      continue;
    }
    if (c === '=' && text[i + 1] === '>') {
      out.push({ t: 'punct', v: '=>', line, column });
      i += 2;
      continue;
    }
    if (c === ':' && text[i + 1] === ':') {
      out.push({ t: 'punct', v: '::', line, column });
      i += 2;
      continue;
    }
    out.push({ t: 'punct', v: c, line, column });
    i++;
  }
  return out;
}

interface Entry {
  key: string;
  value: string;
  line: number;
  column: number;
}

/**
 * Key/values of a Laravel config file (`return [ … ];` or `return array( … );`), keys
 * dotted under `prefix`. Never throws.
 */
export function readLaravelConfig(text: string, prefix: string): Entry[] {
  let toks: Tok[];
  try {
    toks = tokenize(text);
  } catch {
    return [];
  }
  const out: Entry[] = [];
  let i = toks.findIndex((t) => t.t === 'word' && t.v.toLowerCase() === 'return');
  if (i < 0) return out;
  i++;
  const open = (k: number): { close: string; next: number } | undefined => {
    const t = toks[k];
    if (t?.t === 'punct' && t.v === '[') return { close: ']', next: k + 1 };
    if (t?.t === 'word' && t.v.toLowerCase() === 'array' && toks[k + 1]?.v === '(') return { close: ')', next: k + 2 };
    return undefined;
  };
  /** Skip one expression: up to a `,` or the closing bracket at depth 0. */
  const skip = (k: number, close: string): number => {
    let depth = 0;
    for (; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.t !== 'punct') continue;
      if (t.v === '[' || t.v === '(' || t.v === '{') depth++;
      else if (t.v === ']' || t.v === ')' || t.v === '}') {
        if (depth === 0) return k;
        depth--;
      } else if (t.v === ',' && depth === 0) return k;
    }
    return k;
  };
  /** A value at k: string, env(), nested array; returns the index after it. */
  const value = (k: number, key: string, close: string, depth: number): number => {
    const t = toks[k];
    if (!t) return k;
    const o = open(k);
    if (o) return array(o.next, key, o.close, depth + 1);
    const end = skip(k, close);
    if (t.t === 'str' && end === k + 1) {
      out.push({ key, value: t.v, line: t.line, column: t.column + 1 });
      return end;
    }
    if (t.t === 'word' && /^\\?env$/i.test(t.v) && toks[k + 1]?.v === '(') {
      const name = toks[k + 2];
      if (name?.t === 'str') {
        const after = toks[k + 3];
        if (after?.v === ')') out.push({ key, value: `\${${name.v}}`, line: t.line, column: t.column });
        else if (after?.v === ',') {
          const def = toks[k + 4];
          if (def?.t === 'str' && toks[k + 5]?.v === ')') out.push({ key, value: `\${${name.v}:${def.v}}`, line: t.line, column: t.column });
          else out.push({ key, value: `\${${name.v}}`, line: t.line, column: t.column });
        }
      }
      return end;
    }
    if (t.t === 'word' && end === k + 1 && /^(?:true|false|-?\d+(?:\.\d+)?)$/i.test(t.v)) {
      out.push({ key, value: t.v, line: t.line, column: t.column });
    }
    return end;
  };
  const array = (k: number, prefixKey: string, close: string, depth: number): number => {
    if (depth > 50) return skip(k, close);
    let index = 0;
    while (k < toks.length) {
      const t = toks[k]!;
      if (t.t === 'punct' && t.v === close) return k + 1;
      if (t.t === 'punct' && t.v === ',') {
        k++;
        continue;
      }
      if (t.t === 'str' && toks[k + 1]?.v === '=>') {
        k = value(k + 2, prefixKey ? `${prefixKey}.${t.v}` : t.v, close, depth);
        continue;
      }
      if (t.t === 'word' && /^\d+$/.test(t.v) && toks[k + 1]?.v === '=>') {
        k = value(k + 2, prefixKey ? `${prefixKey}.${t.v}` : t.v, close, depth);
        continue;
      }
      // A list item (no key).
      k = value(k, prefixKey ? `${prefixKey}.${index}` : String(index), close, depth);
      index++;
      if (toks[k]?.v !== ',' && toks[k]?.v !== close) k++;
    }
    return k;
  };
  const o = open(i);
  if (!o) return out;
  array(o.next, prefix, o.close, 0);
  return out;
}

/** `config/dancu.php` → `dancu`; `config/services/c06.php` → `services.c06`; else undefined. */
export function laravelConfigPrefix(path: string): string | undefined {
  const m = /(?:^|\/)config\/(.+)\.php$/.exec(path);
  if (!m || !m[1]) return undefined;
  return m[1].split('/').join('.');
}

/** The `laravel` flavour (see `../values.ts`). Keys compare case-sensitively, as Laravel does. */
export const laravelConfigProvider = {
  appliesTo: (f: { path: string; kind: string }): boolean => f.kind !== 'doc' && laravelConfigPrefix(f.path) !== undefined,
  read(path: string, text: string): ConfigValue[] {
    const prefix = laravelConfigPrefix(path);
    if (prefix === undefined) return [];
    return readLaravelConfig(text, prefix).map((e) => ({ key: e.key, value: e.value, file: path, line: e.line, column: e.column }));
  },
  normalize: (k: string): string => k,
};

/**
 * A config lookup's result as a resolver value: the string (with where the key is
 * written), or — when its only content is an unresolved `${ENV}` — a reference.
 */
export function resolvedToVal(r: ResolvedConfig): Val {
  if (!r.complete && /^\$\{[^}]*\}$/.test(r.value)) {
    const ref: RefVal = { t: 'ref', keys: r.keys, via: r.via };
    return ref;
  }
  const def: Location = { file: r.at.file, line: r.at.line };
  if (r.at.column !== undefined) def.column = r.at.column;
  const out: StrVal = { t: 'str', s: r.value, via: r.via, keys: r.keys, def, lit: false, complete: r.complete, names: [] };
  return out;
}

/** A config value's default used when the key is nowhere: the literal default, marked `env-default`. */
export function withDefault(key: string, def: StrVal | undefined, via: ResolutionStep): Val {
  if (def) {
    return { ...def, via: [...new Set<ResolutionStep>(['env-default', ...def.via.filter((s) => s !== 'literal')])], keys: [...new Set([key, ...def.keys])], lit: false };
  }
  return { t: 'ref', keys: [key], via: [via] };
}
