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
 * Values are judged by the shared heuristics in `../credentials/candidates.ts`
 * (placeholders, i18n prose, URLs and paths are not candidates); the clear value never
 * leaves here. `LiteralJudge` is that judgement once a literal, its name and its place
 * are known: the AST scanner here and the token scanner for history blobs
 * (source-lines.ts) both report through it, so they decide alike.
 */
import { ts } from 'ts-morph';
import type { CredentialFact } from '../../facts/types.js';
import type { Settings } from '../../policy/settings.js';
import { candidateFromValue, classifyValue, credentialFact, isSensitiveKey } from '../credentials/candidates.js';
import type { FileModel } from './model.js';
import { callName } from './names.js';
import { type Resolver } from './resolve.js';
import { propName, unwrap } from './values.js';

export const AUTH_HEADER = /^(proxy-)?authori[sz]ation$/i;
/** Member names of a user/password object that hold the user. */
export const USER_KEYS = /^(user(name)?|login|account|tai_?khoan|userid|user_id|username)$/i;
/** Names of the object that holds a user and a password (`auth: { … }`). */
export const AUTH_HOLDER = /^(auth|basicAuth|credentials?|creds)$/i;
const SCHEME = /^(Basic|Bearer|Token|Digest|ApiKey|Key)\s+/i;
/** A value expression that may build an Authorization header from literals. */
const HEADERISH = /Basic|Bearer|Token|Buffer\.from|btoa/;
const SECRETISH_NAME = /key|secret|token|pass|pwd|auth|cred|sig|salt|hmac|cert|bearer|session|cookie|private|nonce|jwt/i;
/** base64-ish, a URL with credentials, a JWT or a PEM block. */
const SECRETISH_VALUE = /^[A-Za-z0-9+/=_-]{8,}$|:\/\/[^\s/@]*:[^\s/@]*@|eyJ|PRIVATE KEY|assword=|pwd=/i;

/** Where a literal is (1-based line and column). */
export interface At {
  line: number;
  column: number;
}

/** The credential judgement of literals in TypeScript/JavaScript source, whatever found them. */
export class LiteralJudge {
  readonly out: CredentialFact[] = [];

  constructor(
    private readonly file: string,
    private readonly settings: Settings,
  ) {}

  sensitive(name: string): boolean {
    return isSensitiveKey(name, this.settings);
  }

  /** A literal bound to a name: judged when the name or the value hints at a secret. */
  named(name: string, value: string, at: At): void {
    // Only names that hint at a secret, or values shaped like one, are worth classifying.
    if (!this.sensitive(name) && !SECRETISH_NAME.test(name) && !SECRETISH_VALUE.test(value)) return;
    const fact = candidateFromValue({ file: this.file, ...at, source: 'source', key: name, value, settings: this.settings });
    if (fact) this.push(fact);
  }

  /** The password (or other sensitive member) of a user/password object. */
  authObject(name: string, value: string, at: At): void {
    if (classifyValue(name, value, this.settings) === undefined) return;
    this.push(credentialFact({ file: this.file, ...at, source: 'source', kind: 'auth-object', key: name, value }));
  }

  /**
   * `X || 'lit'` / `X ?? 'lit'`: with X an env variable, the literal is its default,
   * keyed by the env name (or the name it is bound to) when that is sensitive; with X
   * anything else, the literal as bound to a sensitive name.
   */
  fallback(envName: string | undefined, boundName: string | undefined, value: string, at: At): void {
    if (envName === undefined) {
      if (!boundName || value.length < 4 || !this.sensitive(boundName)) return;
      const fact = candidateFromValue({ file: this.file, ...at, source: 'source', key: boundName, value, settings: this.settings });
      if (fact) this.push(fact);
      return;
    }
    let key: string | undefined;
    if (this.sensitive(envName)) key = envName;
    else if (boundName && this.sensitive(boundName)) key = boundName;
    if (!key) return;
    const kind = classifyValue(key, value, this.settings);
    if (kind === undefined) return;
    this.push(credentialFact({ file: this.file, ...at, source: 'source', kind: kind === 'high-entropy' ? 'named-literal' : kind, key, value }));
  }

  /** An Authorization value built from literals (`fromBinding`: bound to a sensitive name, so it needs a scheme). */
  header(name: string, fullValue: string, at: At, fromBinding: boolean): void {
    const full = fullValue.trim();
    if (fromBinding && !SCHEME.test(full)) return;
    const cred = full.replace(SCHEME, '').trim();
    if (cred.length < 4) return;
    if (classifyValue('Authorization', full, this.settings) === undefined && classifyValue('Authorization', cred, this.settings) === undefined) return;
    const key = fromBinding ? name : /^proxy/i.test(name) ? 'Proxy-Authorization' : 'Authorization';
    this.push(credentialFact({ file: this.file, ...at, source: 'source', kind: 'auth-header', key, value: cred }));
  }

  private push(f: CredentialFact): void {
    if (this.out.some((o) => o.line === f.line && o.column === f.column && o.valueHash === f.valueHash)) return;
    this.out.push(f);
  }
}

export class CredentialScanner {
  private readonly judge: LiteralJudge;
  private readonly consumed = new Set<ts.Node>();

  constructor(
    private readonly file: FileModel,
    settings: Settings,
    private readonly resolver: Resolver,
  ) {
    this.judge = new LiteralJudge(file.path, settings);
  }

  get out(): CredentialFact[] {
    return this.judge.out;
  }

  private pos(n: ts.Node): { line: number; column: number } {
    const lc = this.file.sf.getLineAndCharacterOfPosition(n.getStart(this.file.sf));
    return { line: lc.line + 1, column: lc.character + 1 };
  }

  private sensitive(name: string): boolean {
    return this.judge.sensitive(name);
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
      if (prop && this.sensitive(name) && this.inAuthObject(prop)) this.judge.authObject(name, value, this.pos(v));
      else this.judge.named(name, value, this.pos(v));
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
    this.judge.fallback(left?.t === 'env' ? left.key : undefined, boundName, right.text, this.pos(right));
  }

  /** An Authorization header (or a sensitive binding) whose value is built from literals only. */
  private header(name: string, expr: ts.Expression, fromBinding = false): void {
    const v = this.resolver.resolve(expr, this.file);
    if (v?.t !== 'str' || !v.lit || !v.complete) return;
    // The literal came through constants that are themselves credential names: reported there.
    if (v.names.length > 0 && v.names.every((n) => this.sensitive(n))) return;
    this.judge.header(name, v.s, this.pos(unwrap(expr)), fromBinding);
  }
}

