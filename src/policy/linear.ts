/**
 * Regular expressions from configuration run in a linear-time engine with RE2 semantics
 * (re2js), never JavaScript's backtracking one: a repository's own `.dancu-guard.yml`
 * could otherwise hang the scan with `sensitiveKeys: ["(a+)+$"]`. RE2 is also what Rego's
 * `regex.match` runs, so the collectors and the policies read a pattern alike.
 *
 * `LinearRegExp` is a `RegExp` whose matching is done by RE2: `test`, `exec` and every
 * `String` method that takes a regex (`match`, `matchAll`, `replace`, `split`, `search`)
 * go through its `exec`, so callers keep using the RegExp interface.
 */
import { RE2JS } from 're2js';

/**
 * Compiled programs by flags and pattern. `matchAll`, `split` and `replaceAll` construct a
 * copy of the regex on every call (`new (species)(regex, flags)`); compiling RE2 again
 * each time was most of a scan's regex cost (measured: ~5 s of 40 s on a 10,000-file tree).
 * A compiled RE2JS is immutable (each match gets its own matcher), so copies share it.
 */
const COMPILED = new Map<string, RE2JS>();
const MAX_COMPILED = 4096;

function compile(pattern: string, flags: number): RE2JS {
  const key = `${flags}\0${pattern}`;
  let re = COMPILED.get(key);
  if (!re) {
    re = RE2JS.compile(pattern, flags);
    if (COMPILED.size >= MAX_COMPILED) COMPILED.clear();
    COMPILED.set(key, re);
  }
  return re;
}

export class LinearRegExp extends RegExp {
  private readonly re2: RE2JS;
  private readonly pattern: string;

  /** `flags`: any of `g`, `i`, `m`, `s`, `y`. A leading `(?i)` in `pattern` is RE2's own. @throws on a pattern RE2 rejects */
  constructor(pattern: string | RegExp, flags = '') {
    super('(?:)', [...new Set(flags.replace(/[^gimsy]/g, ''))].join(''));
    // `matchAll` and `split` make their copy as `new (species)(regex, flags)`.
    if (pattern instanceof RegExp) pattern = pattern.source;
    let f = 0;
    if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
    if (flags.includes('s')) f |= RE2JS.DOTALL;
    if (flags.includes('m')) f |= RE2JS.MULTILINE;
    this.re2 = compile(pattern, f);
    this.pattern = pattern;
  }

  override get source(): string {
    return this.pattern;
  }

  override exec(input: string): RegExpExecArray | null {
    const str = String(input);
    const stateful = this.global || this.sticky;
    const start = stateful ? this.lastIndex : 0;
    if (start > str.length) {
      this.lastIndex = 0;
      return null;
    }
    const m = this.re2.matcher(str);
    if (!m.find(start) || (this.sticky && m.start() !== start)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const groups: Array<string | undefined> = [];
    for (let g = 0; g <= m.groupCount(); g++) {
      const v = m.group(g);
      groups.push(v === null ? undefined : v);
    }
    const result = Object.assign(groups, { index: m.start(), input: str, groups: undefined }) as unknown as RegExpExecArray;
    if (stateful) this.lastIndex = m.end();
    return result;
  }
}

/** `pattern` (RE2 syntax, optional leading `(?i)`) as a linear-time RegExp. @throws on an invalid pattern */
export function linearRegExp(pattern: string, flags = ''): RegExp {
  return new LinearRegExp(pattern, flags);
}

/** `re` with `flags` added, still linear if it was. */
export function withFlags(re: RegExp, flags: string): RegExp {
  const all = [...new Set(re.flags + flags)].join('');
  return re instanceof LinearRegExp ? new LinearRegExp(re.source, all) : new RegExp(re.source, all);
}
