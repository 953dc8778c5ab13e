/**
 * Credential candidates written in source, for every tree-sitter language. The
 * language hooks say where a literal is bound to a name or handed to an auth API;
 * values are judged by the shared heuristics in `../secrets.ts` (placeholders, prose,
 * URLs and paths are not candidates), and the clear value never leaves this module:
 *
 * - `binding(name, literal)`: a literal bound to a sensitive name (field, constant,
 *   local, property, named argument, annotation default) → `named-literal`;
 * - `pair(keyLiteral, valueLiteral)`: `map.put("secretKey", "…")`,
 *   `headers.add("X-Api-Key", "…")`, `{ "password", "…" }` → as a binding (an
 *   `Authorization` key → `authHeader`);
 * - `authObject(key, passwordExpr)`: the password of a user/password API built from
 *   literals (`setBasicAuth("u", "p")`, `new NetworkCredential("u", "p")`) → `auth-object`;
 * - `authHeader(expr)`: `user:pass` fed to base64 or a `Basic …`/`Bearer …` value built
 *   from literals → `auth-header`;
 * - `literals()` (run by the framework last): every other string literal, for shapes
 *   that are secrets whatever the name (URL with a password, JDBC/ADO connection
 *   string with a password, JWT, PEM private key, base64 of `user:pass`).
 */
import type { CredentialFact } from '../../facts/types.js';
import { candidateFromValue, classifyValue, credentialFact } from '../credentials/candidates.js';
import type { Node, ParsedFile } from './types.js';

const AUTH_HEADER = /^(proxy-)?authori[sz]ation$/i;
const SCHEME = /^(Basic|Bearer|Token|Digest|ApiKey|Key)\s+/i;
/** Names that hint at a secret even when `sensitiveKeyPatterns` do not list them. */
const SECRETISH_NAME = /key|secret|token|pass|pwd|auth|cred|sig|salt|hmac|cert|bearer|session|cookie|private|nonce|jwt/i;
/** base64-ish, a URL with credentials, a JWT, a PEM block or a connection-string password. */
const SECRETISH_VALUE = /^[A-Za-z0-9+/=_-]{8,}$|:\/\/[^\s/@]*:[^\s/@]*@|eyJ|PRIVATE KEY|assword=|pwd=/i;
/** Literals worth a known-format check when bound to no name. */
const SHAPED = /:\/\/|assword|pwd|eyJ|PRIVATE KEY|thin:|^(?:Basic\s+)?[A-Za-z0-9+/]{8,}={0,2}$/i;

export class CredentialSink {
  readonly out: CredentialFact[] = [];
  private readonly consumed = new Set<number>();

  constructor(private readonly fa: ParsedFile) {}

  private pos(n: Node): { line: number; column: number } {
    return { line: n.startPosition.row + 1, column: n.startPosition.column + 1 };
  }

  /** Mark a literal as judged (so `literals()` does not judge it again). */
  consume(n: Node): void {
    this.consumed.add(n.id);
  }

  /** A literal bound to `name` (`key` overrides the reported key, e.g. the placeholder of `@Value("${k:v}")`). */
  binding(name: string, valueNode: Node | undefined | null, key?: string): void {
    if (!valueNode) return;
    const value = this.fa.syntax.stringValue(valueNode);
    if (value === undefined) return;
    this.consume(valueNode);
    if (value.length < 4 || value.length > 4096) return;
    const reported = key ?? name;
    if (AUTH_HEADER.test(name)) {
      this.authHeader(valueNode, name);
      return;
    }
    const sens = this.fa.sensitive(reported) || this.fa.sensitive(name);
    if (!sens && !SECRETISH_NAME.test(name) && !SECRETISH_VALUE.test(value)) return;
    const f = candidateFromValue({
      file: this.fa.path,
      ...this.pos(valueNode),
      source: 'source',
      key: this.fa.sensitive(reported) ? reported : name,
      value,
      settings: this.fa.settings,
    });
    if (f) this.push(f);
  }

  /** A key literal and a value literal side by side (map entry, header, dictionary initialiser). */
  pair(keyNode: Node | undefined, valueNode: Node | undefined): void {
    if (!keyNode || !valueNode) return;
    const key = this.fa.syntax.stringValue(keyNode);
    if (key === undefined || key.length > 100) return;
    if (AUTH_HEADER.test(key)) {
      this.consume(valueNode);
      this.authHeader(valueNode, key);
      return;
    }
    this.binding(key, valueNode);
  }

  /** The password of a user/password API, when built from literals only. */
  authObject(key: string, passNode: Node | undefined): void {
    if (!passNode) return;
    const v = this.fa.resolver.str(passNode);
    this.consume(passNode);
    if (!v || !v.lit || !v.complete) return;
    // It came through a constant that is itself a credential name: reported there.
    if (v.names.length > 0 && v.names.every((n) => this.fa.sensitive(n))) return;
    const value = v.s;
    if (value.length < 4) return;
    if (classifyValue('password', value, this.fa.settings) === undefined) return;
    this.push(credentialFact({ file: this.fa.path, ...this.pos(passNode), source: 'source', kind: 'auth-object', key, value }));
  }

  /** An Authorization value (`Basic …`, `Bearer …`) or a `user:pass` given to base64, built from literals. */
  authHeader(node: Node | undefined, key = 'Authorization'): void {
    if (!node) return;
    const v = this.fa.resolver.str(node);
    this.consume(node);
    if (!v || !v.lit || !v.complete) return;
    if (v.names.length > 0 && v.names.every((n) => this.fa.sensitive(n))) return;
    const full = v.s.trim();
    const cred = full.replace(SCHEME, '').trim();
    if (cred.length < 4) return;
    if (
      classifyValue('Authorization', full, this.fa.settings) === undefined &&
      classifyValue('Authorization', cred, this.fa.settings) === undefined
    ) {
      return;
    }
    const k = AUTH_HEADER.test(key) ? (/^proxy/i.test(key) ? 'Proxy-Authorization' : 'Authorization') : key;
    this.push(credentialFact({ file: this.fa.path, ...this.pos(node), source: 'source', kind: 'auth-header', key: k, value: cred }));
  }

  /** Every declaration and assignment of a string literal, as a binding of its name. */
  literalBindings(): void {
    const literal = (n: Node): boolean => this.fa.syntax.stringValue(n) !== undefined;
    for (const d of this.fa.decls.all()) if (d.value && literal(d.value)) this.binding(d.name, d.value);
    for (const a of this.fa.assignments) if (literal(a.value)) this.binding(a.name, a.value);
  }

  /** Every string literal not judged yet, for shapes that are secrets whatever the name. */
  literals(): void {
    for (const n of this.fa.captures('string')) {
      if (this.consumed.has(n.id)) continue;
      const value = this.fa.syntax.stringValue(n);
      if (value === undefined || value.length < 8 || value.length > 8192 || !SHAPED.test(value)) continue;
      const f = candidateFromValue({ file: this.fa.path, ...this.pos(n), source: 'source', value, settings: this.fa.settings });
      if (f) this.push(f);
    }
  }

  private push(f: CredentialFact): void {
    if (this.out.some((o) => o.line === f.line && o.column === f.column && o.valueHash === f.valueHash)) return;
    this.out.push(f);
  }
}
