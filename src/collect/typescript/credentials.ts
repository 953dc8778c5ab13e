/**
 * Credential candidates written in TypeScript/JavaScript source.
 *
 * - named-literal: a string literal bound to a sensitive name (variable, property,
 *   assignment, default parameter, destructuring default, class field), and
 *   `process.env.X || 'fallback'` / `?? 'fallback'` with a sensitive X (key X);
 * - auth-object: `{ username: 'u', password: 'lit' }`, `auth: { user, pass }`;
 * - auth-header: an `Authorization` header built from literals only
 *   (`'Basic ' + Buffer.from('user:pass').toString('base64')`, `` `Bearer ${'lit'}` ``,
 *   `'Basic dXNlcjpwYXNz'`, `headers.set('Authorization', …)`).
 *
 * Values are judged by the shared heuristics in `../secrets.ts` (placeholders, i18n
 * prose, URLs and paths are not candidates); the clear value never leaves here.
 */
import { ts } from 'ts-morph';
import type { CredentialFact } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import { candidateFromValue, classifyValue, credentialFact, isSensitiveKey } from '../credentials/candidates.js';
import type { FileModel } from './model.js';
import { callName } from './names.js';
import { type Resolver } from './resolve.js';
import { propName, unwrap } from './values.js';

const AUTH_HEADER = /^(proxy-)?authori[sz]ation$/i;
const USER_KEYS = /^(user(name)?|login|account|tai_?khoan|userid|user_id|username)$/i;
const AUTH_HOLDER = /^(auth|basicAuth|credentials?|creds)$/i;
const SCHEME = /^(Basic|Bearer|Token|Digest|ApiKey|Key)\s+/i;
/** A value expression that may build an Authorization header from literals. */
const HEADERISH = /Basic|Bearer|Token|Buffer\.from|btoa/;
const SECRETISH_NAME = /key|secret|token|pass|pwd|auth|cred|sig|salt|hmac|cert|bearer|session|cookie|private|nonce|jwt/i;
/** base64-ish, a URL with credentials, a JWT or a PEM block. */
const SECRETISH_VALUE = /^[A-Za-z0-9+/=_-]{8,}$|:\/\/[^\s/@]*:[^\s/@]*@|eyJ|PRIVATE KEY|assword=|pwd=/i;

export class CredentialScanner {
  readonly out: CredentialFact[] = [];
  private readonly consumed = new Set<ts.Node>();

  constructor(
    private readonly file: FileModel,
    private readonly settings: Settings,
    private readonly resolver: Resolver,
  ) {}

  private pos(n: ts.Node): { line: number; column: number } {
    const lc = this.file.sf.getLineAndCharacterOfPosition(n.getStart(this.file.sf));
    return { line: lc.line + 1, column: lc.character + 1 };
  }

  private sensitive(name: string): boolean {
    return isSensitiveKey(name, this.settings);
  }

  /** Visit one node of the file walk. */
  visit(n: ts.Node): void {
    if (ts.isVariableDeclaration(n) && n.initializer && ts.isIdentifier(n.name)) {
      this.binding(n.name.text, n.initializer);
    } else if (ts.isPropertyAssignment(n)) {
      const name = propName(n.name);
      if (name !== undefined) {
        if (AUTH_HEADER.test(name)) this.header(name, n.initializer);
        else this.binding(name, n.initializer, n);
      }
    } else if (ts.isPropertyDeclaration(n) && n.initializer) {
      const name = propName(n.name);
      if (name !== undefined) this.binding(name, n.initializer);
    } else if ((ts.isParameter(n) || ts.isBindingElement(n)) && n.initializer && ts.isIdentifier(n.name)) {
      this.binding(n.name.text, n.initializer);
    } else if (ts.isBinaryExpression(n)) {
      const op = n.operatorToken.kind;
      if (op === ts.SyntaxKind.EqualsToken) {
        const left = unwrap(n.left);
        let name: string | undefined;
        if (ts.isIdentifier(left)) name = left.text;
        else if (ts.isPropertyAccessExpression(left)) name = left.name.text;
        else if (ts.isElementAccessExpression(left)) {
          const a = unwrap(left.argumentExpression);
          if (ts.isStringLiteralLike(a)) name = a.text;
        }
        if (name !== undefined) {
          if (AUTH_HEADER.test(name)) this.header(name, n.right);
          else this.binding(name, n.right);
        }
      } else if ((op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) && !this.consumed.has(n)) {
        this.envFallback(n, undefined);
      }
    } else if (ts.isCallExpression(n)) {
      // headers.set('Authorization', v), res.setHeader(…), xhr.setRequestHeader(…), req.header(…), append(…)
      const callee = unwrap(n.expression);
      const m = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (m && /^(set|setHeader|setRequestHeader|append|header|set[A-Z]\w*Header)$/.test(m) && n.arguments.length >= 2) {
        const k = unwrap(n.arguments[0]!);
        if (ts.isStringLiteralLike(k) && AUTH_HEADER.test(k.text)) this.header(k.text, n.arguments[1]!);
      }
    }
  }

  /** A value bound to `name`. */
  private binding(name: string, init: ts.Expression, prop?: ts.PropertyAssignment): void {
    const v = unwrap(init);
    if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) {
      const value = v.text;
      if (value.length < 4 || value.length > 4096) return;
      if (prop && this.sensitive(name) && this.inAuthObject(prop)) {
        if (classifyValue(name, value, this.settings) === undefined) return;
        this.push(credentialFact({ file: this.file.path, ...this.pos(v), source: 'source', kind: 'auth-object', key: name, value }));
        return;
      }
      // Only names that hint at a secret, or values shaped like one, are worth classifying.
      if (!this.sensitive(name) && !SECRETISH_NAME.test(name) && !SECRETISH_VALUE.test(value)) return;
      const fact = candidateFromValue({ file: this.file.path, ...this.pos(v), source: 'source', key: name, value, settings: this.settings });
      if (fact) this.push(fact);
      return;
    }
    if (ts.isBinaryExpression(v)) {
      const op = v.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        this.consumed.add(v);
        this.envFallback(v, name);
        return;
      }
    }
    // const auth = 'Basic ' + Buffer.from('u:p').toString('base64')
    if (
      (ts.isBinaryExpression(v) || ts.isTemplateExpression(v) || ts.isCallExpression(v)) &&
      this.sensitive(name) &&
      HEADERISH.test(this.file.text.slice(v.pos, v.end))
    ) {
      this.header(name, v, true);
    }
  }

  /** `{ username: 'u', password: 'p' }` or the object under `auth:` / `credentials:`. */
  private inAuthObject(prop: ts.PropertyAssignment): boolean {
    const obj = prop.parent;
    if (!ts.isObjectLiteralExpression(obj)) return false;
    const holder = obj.parent;
    if (ts.isPropertyAssignment(holder)) {
      const hn = propName(holder.name);
      if (hn && AUTH_HOLDER.test(hn)) return true;
    }
    return obj.properties.some((p) => p !== prop && ts.isPropertyAssignment(p) && USER_KEYS.test(propName(p.name) ?? ''));
  }

  /** `process.env.X || 'fallback'`: a literal fallback for a sensitive env var (or bound to a sensitive name). */
  private envFallback(e: ts.BinaryExpression, boundName: string | undefined): void {
    const right = unwrap(e.right);
    if (!(ts.isStringLiteral(right) || ts.isNoSubstitutionTemplateLiteral(right))) return;
    // Only `process.env.X` / `import.meta.env.X` on the left is worth resolving (cheap syntactic check first).
    const leftText = callName(e.left);
    if (!/^(process|import\.meta)\.env\./.test(leftText) && !(boundName && this.sensitive(boundName))) return;
    const left = /^(process|import\.meta)\.env\./.test(leftText) ? this.resolver.resolve(e.left, this.file) : undefined;
    let key: string | undefined;
    if (left?.t === 'env' && this.sensitive(left.key)) key = left.key;
    else if (left?.t === 'env' && boundName && this.sensitive(boundName)) key = boundName;
    else if (!left || left.t !== 'env') {
      if (boundName) {
        // Not an env fallback: judge the literal as bound to the name.
        const value = right.text;
        if (value.length < 4 || !this.sensitive(boundName)) return;
        const fact = candidateFromValue({ file: this.file.path, ...this.pos(right), source: 'source', key: boundName, value, settings: this.settings });
        if (fact) this.push(fact);
      }
      return;
    }
    if (!key) return;
    const value = right.text;
    const kind = classifyValue(key, value, this.settings);
    if (kind === undefined) return;
    this.push(credentialFact({ file: this.file.path, ...this.pos(right), source: 'source', kind: kind === 'high-entropy' ? 'named-literal' : kind, key, value }));
  }

  /** An Authorization header (or a sensitive binding) whose value is built from literals only. */
  private header(name: string, expr: ts.Expression, fromBinding = false): void {
    const v = this.resolver.resolve(expr, this.file);
    if (v?.t !== 'str' || !v.lit || !v.complete) return;
    // The literal came through constants that are themselves credential names: reported there.
    if (v.names.length > 0 && v.names.every((n) => this.sensitive(n))) return;
    const full = v.s.trim();
    const hasScheme = SCHEME.test(full);
    if (fromBinding && !hasScheme) return;
    const cred = full.replace(SCHEME, '').trim();
    if (cred.length < 4) return;
    if (classifyValue('Authorization', full, this.settings) === undefined && classifyValue('Authorization', cred, this.settings) === undefined) return;
    this.push(
      credentialFact({ file: this.file.path, ...this.pos(unwrap(expr)), source: 'source', kind: 'auth-header', key: fromBinding ? name : headerName(name), value: cred }),
    );
  }

  private push(f: CredentialFact): void {
    if (this.out.some((o) => o.line === f.line && o.column === f.column && o.valueHash === f.valueHash)) return;
    this.out.push(f);
  }
}

function headerName(n: string): string {
  return /^proxy/i.test(n) ? 'Proxy-Authorization' : 'Authorization';
}

