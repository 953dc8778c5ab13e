/**
 * The callee text of a call site: the call as written, whitespace collapsed, at most
 * 200 characters, with every string literal that may hold a secret elided (`"…"`), so
 * no secret is copied into a fact. Languages add their own reasons to elide (kit/callee.ts).
 */
import type { Node } from './types.js';

const LONG_LITERAL = 40;
const MAX = 200;

/** What the elision reads of a parsed file. */
export interface CalleeSource {
  readonly text: string;
  readonly syntax: { stringValue(node: Node): string | undefined };
  captures(name: string): Node[];
}

/** A literal shaped like a secret whatever its name: long, `Basic …`, a URL with a password, `user:pass`, `password=`. */
export function secretShaped(value: string): boolean {
  return (
    value.length > LONG_LITERAL ||
    /^(Basic|Bearer|Token)\s/i.test(value) ||
    /:\/\/[^\s/@:]*:[^\s/@]*@/.test(value) ||
    /^[^\s:/]+:[^\s]+$/.test(value) ||
    /(?:password|pwd)\s*=/i.test(value)
  );
}

/** C-family quotes: `"…"`, `'…'`, `@"…"`, `$"…"`. */
export function cQuotes(raw: string): string {
  const q = raw.startsWith('@"') || raw.startsWith('$"') ? raw.slice(0, 2) : (raw[0] ?? '"');
  return `${q}…${q.slice(-1)}`;
}

/**
 * The text of `node` with the string literals `elide` picks replaced by `quote(raw)`
 * (outermost literal only), whitespace collapsed, cut at 200 characters.
 */
export function elidedText(
  fa: CalleeSource,
  node: Node,
  elide: (literal: Node, value: string) => boolean,
  quote: (raw: string) => string = cQuotes,
): string {
  const start = node.startIndex;
  const end = node.endIndex;
  if (end <= start) return '';
  const cuts: Array<[number, number]> = [];
  for (const s of fa.captures('string')) {
    if (s.startIndex < start || s.endIndex > end) continue;
    if (cuts.some(([a, b]) => s.startIndex >= a && s.endIndex <= b)) continue;
    const value = fa.syntax.stringValue(s) ?? s.text;
    if (elide(s, value)) cuts.push([s.startIndex, s.endIndex]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = start;
  for (const [a, b] of cuts) {
    if (a < at) continue;
    out += fa.text.slice(at, a) + quote(fa.text.slice(a, b));
    at = b;
  }
  out += fa.text.slice(at, end);
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > MAX) out = out.slice(0, MAX - 1) + '…';
  return out;
}
