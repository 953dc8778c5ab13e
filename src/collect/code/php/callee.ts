/**
 * Callee texts without credentials, for the PHP, Python and Go collectors.
 *
 * In these languages the credentials of a request are often arguments of the very call
 * that is the call site (`Http::withBasicAuth('u', 'p')->post(…)`,
 * `requests.post(url, auth=('u', 'p'))`, `resty.New().R().SetBasicAuth("u", "p").Post(…)`),
 * so the callee text of the call site would copy them into the facts. The framework's
 * callee text elides long literals, `user:pass`, `Basic …`, URLs with a password and a
 * literal after a sensitive key literal; this adds: every string literal in the call whose
 * value is a credential the file reported (by its hash), and a literal given to a
 * sensitive keyword/named argument (`password='…'`, `Password: "…"`).
 *
 * Run it last in the `analyze` hook: it sets `callee` on every reported call.
 */
import { sha256Hex } from '../../../util/redact.js';
import type { FileAnalysis } from '../analysis.js';
import type { Node } from '../types.js';

const LONG_LITERAL = 40;
const MAX = 200;

function sensitiveArgument(fa: FileAnalysis<unknown>, s: Node): boolean {
  // Python `password='…'`, PHP named argument `password: '…'`, Go `Password: "…"`.
  const p = s.parent;
  const holder = p?.type === 'literal_element' ? p.parent : p;
  if (!holder) return false;
  let name: string | undefined;
  if (holder.type === 'keyword_argument') name = holder.childForFieldName('name')?.text;
  else if (holder.type === 'argument') name = holder.childForFieldName('name')?.text;
  else if (holder.type === 'keyed_element') name = holder.childForFieldName('key')?.namedChild(0)?.text;
  else if (holder.type === 'pair' || holder.type === 'array_element_initializer') {
    const k = holder.namedChild(0);
    if (k && k.id !== s.id) name = fa.syntax.stringValue(k) ?? k.text;
  }
  return name !== undefined && (fa.sensitive(name) || /^authori[sz]ation$/i.test(name));
}

/** The call as written, whitespace collapsed, at most 200 characters, with every secret-looking literal elided. */
export function safeCallee(fa: FileAnalysis<unknown>, node: Node, secretHashes: ReadonlySet<string>): string {
  const start = node.startIndex;
  const end = node.endIndex;
  const cuts: Array<[number, number]> = [];
  for (const s of fa.captures('string')) {
    if (s.startIndex < start || s.endIndex > end) continue;
    if (cuts.some(([a, b]) => s.startIndex >= a && s.endIndex <= b)) continue;
    const value = fa.syntax.stringValue(s) ?? s.text;
    const elide =
      value.length > LONG_LITERAL ||
      /^(Basic|Bearer|Token)\s/i.test(value) ||
      /:\/\/[^\s/@:]*:[^\s/@]*@/.test(value) ||
      /^[^\s:/]+:[^\s]+$/.test(value) ||
      /(?:password|pwd)\s*=/i.test(value) ||
      secretHashes.has(sha256Hex(value)) ||
      sensitiveArgument(fa, s);
    if (elide) cuts.push([s.startIndex, s.endIndex]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = start;
  for (const [a, b] of cuts) {
    if (a < at) continue;
    const raw = fa.text.slice(a, b);
    const open = /^[A-Za-z]*(?:"""|'''|"|'|`|<<<)/.exec(raw)?.[0] ?? '"';
    const q = open.startsWith('<<<') ? '"' : open.replace(/^[A-Za-z]+/, '');
    out += fa.text.slice(at, a) + `${q}…${q}`;
    at = b;
  }
  out += fa.text.slice(at, end);
  out = out.replace(/\s+/g, ' ').trim();
  if (out.length > MAX) out = out.slice(0, MAX - 1) + '…';
  return out;
}

/** Set a credential-free callee on every call the file reported so far. */
export function elideCredentialsInCallees(fa: FileAnalysis<unknown>): void {
  const hashes = new Set(fa.creds.out.map((c) => c.valueHash));
  for (const call of fa.reportedCalls()) {
    if (call.callee !== undefined) continue;
    (call as { callee?: string }).callee = safeCallee(fa, call.node, hashes);
  }
}
