/**
 * Callee texts without credentials, for languages whose request credentials are often
 * arguments of the very call that is the call site (PHP `Http::withBasicAuth('u', 'p')->post(…)`,
 * Python `requests.post(url, auth=('u', 'p'))`, Go `resty.New().R().SetBasicAuth("u", "p").Post(…)`).
 *
 * The framework's callee text (../callee.ts) elides long literals, `user:pass`,
 * `Basic …`, URLs with a password and `password=`; this adds: every string literal in
 * the call whose value is a credential the file reported (by its hash), and a literal
 * given to a sensitive keyword/named argument or key (`password='…'`, `Password: "…"`,
 * `'password' => '…'`).
 *
 * Run it last in the `analyze` hook: it sets `callee` on every reported call.
 */
import { sha256Hex } from '../../../util/redact.js';
import type { FileAnalysis } from '../analysis.js';
import { elidedText, secretShaped } from '../callee.js';
import type { Node } from '../types.js';

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

/** Script-language quotes: `'…'`, `"…"`, `"""…"""`, `` `…` ``, prefixes dropped (`f'…'` → `'…'`), heredocs as `"…"`. */
function scriptQuotes(raw: string): string {
  const open = /^[A-Za-z]*(?:"""|'''|"|'|`|<<<)/.exec(raw)?.[0] ?? '"';
  const q = open.startsWith('<<<') ? '"' : open.replace(/^[A-Za-z]+/, '');
  return `${q}…${q}`;
}

/** The call as written, whitespace collapsed, at most 200 characters, with every secret-looking literal elided. */
export function safeCallee(fa: FileAnalysis<unknown>, node: Node, secretHashes: ReadonlySet<string>): string {
  return elidedText(fa, node, (s, value) => secretShaped(value) || secretHashes.has(sha256Hex(value)) || sensitiveArgument(fa, s), scriptQuotes);
}

/** Set a credential-free callee on every call the file reported so far. */
export function elideCredentialsInCallees(fa: FileAnalysis<unknown>): void {
  const hashes = new Set(fa.creds.out.map((c) => c.valueHash));
  for (const call of fa.reportedCalls()) {
    if (call.callee !== undefined) continue;
    (call as { callee?: string }).callee = safeCallee(fa, call.node, hashes);
  }
}
