/**
 * A token-level stand-in for the TypeScript/JavaScript collector, for history blobs.
 *
 * Why not the real (ts-morph) collector? It builds a project workspace and resolves
 * constants and imports across the files of one tree; a blob from history has no tree
 * around it, and a full parse and analysis per blob version costs ~4 ms against
 * ~0.15 ms here (measured on a 60-line module) — in a long history, tens of thousands
 * of versions. So history runs the TypeScript *scanner* only (tokens: strings,
 * templates and comments are told apart from code, nothing is parsed) and judges what
 * the tokens state directly, through the real collector's `LiteralJudge`
 * (credentials.ts), so a literal is judged alike however it was found:
 *
 * - only files the real collector would analyse (`worthAnalysing`, same prefilter);
 * - `name = 'lit'`, `name: type = 'lit'`, `obj.name = 'lit'`, `obj['name'] = 'lit'`,
 *   `{ name: 'lit' }` → named-literal / high-entropy / a known shape, keyed by the name
 *   (names that are not sensitive are judged only when the name or the value looks
 *   secret, as the real collector does);
 * - `{ username: 'u', password: 'lit' }` and `auth: { … }` / `credentials: { … }` →
 *   auth-object;
 * - `process.env.NAME || 'lit'` / `?? 'lit'` (also `import.meta.env`, `env['NAME']`) →
 *   keyed by NAME (or by the sensitive name it is bound to);
 * - `Authorization` headers (property, assignment, `headers.set('Authorization', …)`)
 *   whose value is a literal, `'Basic ' + Buffer.from('u:p').toString('base64')`,
 *   `'Basic ' + btoa('u:p')` or a template of those → auth-header.
 *
 * Known-format secrets anywhere in the file (PEM keys, JWTs, URLs with passwords,
 * connection strings) also come from the plain-text collector, which history runs too.
 * Not covered (the working-tree scan covers them): values reached through constants or
 * imports (`const P = 'x'; … { password: P }`), and headers assembled in other ways.
 */
import { ts } from 'ts-morph';
import type { DiscoveredFile } from '../../discover/types.js';
import type { CredentialFact } from '../../facts/types.js';
import { lineIndex, perFile } from '../credentials/candidates.js';
import type { Collector } from '../types.js';
import { AUTH_HEADER, AUTH_HOLDER, LiteralJudge, USER_KEYS } from './credentials.js';
import type { TextTest } from '../code/prefilter.js';
import { sensitiveTextPattern, worthAnalysing } from './index.js';
import type { Settings } from '../../policy/settings.js';

const K = ts.SyntaxKind;

const HEADER_METHODS = /^(set|setHeader|setRequestHeader|append|header|set[A-Z]\w*Header)$/;

interface Tok {
  kind: ts.SyntaxKind;
  /** Identifier text, or the cooked value of a string/template part. */
  value: string;
  start: number;
  /** Starts a line (only whitespace/comments before it on its line). */
  nl: boolean;
}

/** Tokens after which a `/` is division (otherwise it starts a regular expression). */
const ENDS_EXPRESSION = new Set<ts.SyntaxKind>([
  K.Identifier,
  K.StringLiteral,
  K.NumericLiteral,
  K.BigIntLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.TemplateTail,
  K.RegularExpressionLiteral,
  K.CloseParenToken,
  K.CloseBracketToken,
  K.ThisKeyword,
  K.SuperKeyword,
  K.TrueKeyword,
  K.FalseKeyword,
  K.NullKeyword,
  K.PlusPlusToken,
  K.MinusMinusToken,
]);

const CARRIES_VALUE = new Set<ts.SyntaxKind>([
  K.StringLiteral,
  K.NoSubstitutionTemplateLiteral,
  K.TemplateHead,
  K.TemplateMiddle,
  K.TemplateTail,
]);

/** Tokenize TS/JS with the TypeScript scanner, following template literals and regexes. */
export function tokenize(text: string, jsx: boolean): Tok[] {
  const sc = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const out: Tok[] = [];
  const stack: Array<'brace' | 'template'> = [];
  let prev: ts.SyntaxKind | undefined;
  for (;;) {
    let k = sc.scan();
    if (k === K.EndOfFileToken) break;
    if (k === K.CloseBraceToken && stack[stack.length - 1] === 'template') {
      k = sc.reScanTemplateToken(false);
      if (k === K.TemplateTail) stack.pop();
    } else if (k === K.CloseBraceToken) stack.pop();
    else if (k === K.OpenBraceToken) stack.push('brace');
    else if (k === K.TemplateHead) stack.push('template');
    else if ((k === K.SlashToken || k === K.SlashEqualsToken) && (prev === undefined || !ENDS_EXPRESSION.has(prev))) {
      k = sc.reScanSlashToken();
    }
    // Only names and string/template parts carry a value (the scanner's is stale on punctuation).
    const value = isNameKind(k) ? sc.getTokenText() : CARRIES_VALUE.has(k) ? sc.getTokenValue() : '';
    out.push({ kind: k, value, start: sc.getTokenStart(), nl: sc.hasPrecedingLineBreak() });
    prev = k;
  }
  return out;
}

const isStr = (t: Tok | undefined): boolean => t !== undefined && (t.kind === K.StringLiteral || t.kind === K.NoSubstitutionTemplateLiteral);
const isNameKind = (k: ts.SyntaxKind): boolean => k === K.Identifier || (k >= K.FirstKeyword && k <= K.LastKeyword);
const isName = (t: Tok | undefined): boolean => t !== undefined && isNameKind(t.kind);
const isKind = (t: Tok | undefined, kind: ts.SyntaxKind): boolean => t !== undefined && t.kind === kind;

/** Tokens that end an expression operand: what follows a plain literal value. */
const STOPS = new Set<ts.SyntaxKind>([
  K.CommaToken,
  K.SemicolonToken,
  K.CloseBraceToken,
  K.CloseParenToken,
  K.CloseBracketToken,
  K.AsKeyword,
  K.SatisfiesKeyword,
]);

interface Pending {
  name: string;
  value: string;
  at: number;
}

interface Frame {
  holder?: string;
  /** The body of an `enum` (members are not bindings the real collector judges). */
  isEnum?: boolean;
  names: string[];
  pending: Pending[];
}

class Scanner {
  private readonly judge: LiteralJudge;
  private readonly pos: (offset: number) => { line: number; column: number };
  private readonly frames: Frame[] = [];

  constructor(
    private readonly t: Tok[],
    text: string,
    file: string,
    settings: Settings,
  ) {
    this.pos = lineIndex(text);
    this.judge = new LiteralJudge(file, settings);
  }

  private sensitive(name: string): boolean {
    return this.judge.sensitive(name);
  }

  /** True when an operand ending right before token `j` is complete (no operator continues it). */
  private endsAt(j: number): boolean {
    const n = this.t[j];
    return n === undefined || STOPS.has(n.kind) || (n.nl && (isName(n) || isStr(n)));
  }

  run(): CredentialFact[] {
    const t = this.t;
    for (let i = 0; i < t.length; i++) {
      const k = t[i]!.kind;
      if (k === K.OpenBraceToken) {
        const frame: Frame = { names: [], pending: [] };
        const holder = this.propNameBefore(i);
        if (holder !== undefined) frame.holder = holder;
        if (isKind(t[i - 2], K.EnumKeyword)) frame.isEnum = true;
        this.frames.push(frame);
      } else if (k === K.CloseBraceToken) this.flush(this.frames.pop());
      else if (k === K.EqualsToken) this.assignment(i);
      else if (k === K.ColonToken) this.property(i);
      else if (k === K.BarBarToken || k === K.QuestionQuestionToken) this.fallback(i);
      else if (k === K.DotToken) this.headerCall(i);
    }
    while (this.frames.length > 0) this.flush(this.frames.pop());
    return this.judge.out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  }

  /** `name:` right before the `{` at `i` (`auth: {`), for auth objects. */
  private propNameBefore(i: number): string | undefined {
    const t = this.t;
    if (!isKind(t[i - 1], K.ColonToken)) return undefined;
    const n = t[i - 2];
    if (!(isName(n) || isStr(n))) return undefined;
    return isKind(t[i - 3], K.OpenBraceToken) || isKind(t[i - 3], K.CommaToken) ? n!.value : undefined;
  }

  /** The name bound by the `=` at `i`: `name =`, `obj.name =`, `obj['name'] =`, `name: Type =`. */
  private assignedName(i: number): string | undefined {
    const t = this.t;
    const p = t[i - 1];
    if (isKind(p, K.CloseBracketToken) && isStr(t[i - 2]) && isKind(t[i - 3], K.OpenBracketToken)) return t[i - 2]!.value;
    if (isName(p) && !isKind(t[i - 2], K.ColonToken)) return p!.value;
    // A type annotation: walk back over it to the `:`.
    for (let j = i - 1, n = 0; j > 0 && n < 16; j--, n++) {
      const tk = t[j]!;
      if (tk.kind === K.ColonToken) {
        const q = isKind(t[j - 1], K.QuestionToken) ? j - 2 : j - 1;
        return isName(t[q]) ? t[q]!.value : undefined;
      }
      if (!(isName(tk) || [K.DotToken, K.OpenBracketToken, K.CloseBracketToken, K.LessThanToken, K.GreaterThanToken, K.BarToken, K.CommaToken].includes(tk.kind))) {
        return undefined;
      }
    }
    return undefined;
  }

  private assignment(i: number): void {
    if (this.frames[this.frames.length - 1]?.isEnum) return;
    const name = this.assignedName(i);
    if (name === undefined) return;
    // `const authorization = …` declares a variable (judged as a binding); `x.Authorization = …` sets a header.
    const t = this.t;
    const declared = [K.ConstKeyword, K.LetKeyword, K.VarKeyword].includes(t[i - 2]?.kind ?? K.Unknown);
    this.bound(name, i + 1, false, declared);
  }

  private property(i: number): void {
    const t = this.t;
    const n = t[i - 1];
    if (!(isName(n) || isStr(n))) return;
    if (!(isKind(t[i - 2], K.OpenBraceToken) || isKind(t[i - 2], K.CommaToken))) return; // a ternary, a type, a label
    this.frames[this.frames.length - 1]?.names.push(n!.value);
    this.bound(n!.value, i + 1, true);
  }

  /** A value bound to `name`, starting at token `v`. */
  private bound(name: string, v: number, isProp: boolean, declared = false): void {
    const t = this.t;
    const first = t[v];
    if (!first) return;
    if (AUTH_HEADER.test(name) && !declared) {
      const full = this.evalConcat(v);
      if (full && this.endsAt(full.end)) this.header(name, full.value, first.start, false);
      return;
    }
    if (isStr(first) && this.endsAt(v + 1)) {
      const value = first.value;
      if (value.length < 4 || value.length > 4096) return;
      const frame = this.frames[this.frames.length - 1];
      if (isProp && frame && this.sensitive(name)) {
        frame.pending.push({ name, value, at: first.start }); // auth object? decided at `}`
        return;
      }
      this.judge.named(name, value, this.pos(first.start));
      return;
    }
    // `'Basic ' + Buffer.from('u:p').toString('base64')` bound to a sensitive name.
    if (this.sensitive(name)) {
      const full = this.evalConcat(v);
      if (full && full.end > v + 1 && this.endsAt(full.end)) this.header(name, full.value, first.start, true);
    }
  }

  private flush(frame: Frame | undefined): void {
    if (!frame) return;
    for (const p of frame.pending) {
      const auth = (frame.holder !== undefined && AUTH_HOLDER.test(frame.holder)) || frame.names.some((n) => n !== p.name && USER_KEYS.test(n));
      if (auth) this.judge.authObject(p.name, p.value, this.pos(p.at));
      else this.judge.named(p.name, p.value, this.pos(p.at));
    }
  }

  /**
   * `X || 'lit'` / `X ?? 'lit'` at token `i`: X an env variable (`process.env.NAME`,
   * `process.env['NAME']`, `import.meta.env.NAME`), or anything bound to a sensitive name.
   */
  private fallback(i: number): void {
    const t = this.t;
    const lit = t[i + 1];
    if (!isStr(lit) || !this.endsAt(i + 2)) return;
    let envName: string | undefined;
    let leftStart = i - 1;
    if (isName(t[i - 1]) && isKind(t[i - 2], K.DotToken) && t[i - 3]?.value === 'env') {
      envName = t[i - 1]!.value;
      leftStart = i - 3;
    } else if (isKind(t[i - 1], K.CloseBracketToken) && isStr(t[i - 2]) && isKind(t[i - 3], K.OpenBracketToken) && t[i - 4]?.value === 'env') {
      envName = t[i - 2]!.value;
      leftStart = i - 4;
    }
    if (envName !== undefined) {
      const root = t[leftStart - 2];
      const isEnv = isKind(t[leftStart - 1], K.DotToken) && (root?.value === 'process' || (root?.value === 'meta' && t[leftStart - 4]?.value === 'import'));
      if (!isEnv) envName = undefined;
      else leftStart -= root?.value === 'meta' ? 4 : 2;
    } else {
      // A plain member chain: `cfg.db.password || 'lit'`.
      while (leftStart > 0 && (isName(t[leftStart]) || isKind(t[leftStart], K.DotToken)) && (isName(t[leftStart - 1]) || isKind(t[leftStart - 1], K.DotToken))) {
        leftStart--;
      }
      if (!isName(t[leftStart])) return;
    }
    const before = t[leftStart - 1];
    let boundName: string | undefined;
    if (isKind(before, K.EqualsToken)) boundName = this.assignedName(leftStart - 1);
    else if (isKind(before, K.ColonToken) && (isName(t[leftStart - 2]) || isStr(t[leftStart - 2]))) boundName = t[leftStart - 2]!.value;

    this.judge.fallback(envName, boundName, lit!.value, this.pos(lit!.start));
  }

  /** `headers.set('Authorization', …)` and the like, at the `.` token `i`. */
  private headerCall(i: number): void {
    const t = this.t;
    const m = t[i + 1];
    if (!isName(m) || !HEADER_METHODS.test(m!.value) || !isKind(t[i + 2], K.OpenParenToken)) return;
    const k = t[i + 3];
    if (!isStr(k) || !AUTH_HEADER.test(k!.value) || !isKind(t[i + 4], K.CommaToken)) return;
    const full = this.evalConcat(i + 5);
    if (full && this.endsAt(full.end)) this.header(k!.value, full.value, t[i + 5]!.start, false);
  }

  /** An Authorization value built from literals only (the real collector's `header`). */
  private header(name: string, fullValue: string, at: number, fromBinding: boolean): void {
    this.judge.header(name, fullValue, this.pos(at), fromBinding);
  }

  /**
   * Evaluate `term (+ term)*` from token `i`, where a term is a string literal,
   * `Buffer.from('lit'[, 'utf8']).toString('base64')`, `btoa('lit')`, or a template
   * whose substitutions are such terms. Undefined when anything else appears.
   */
  private evalConcat(i: number): { value: string; end: number } | undefined {
    let r = this.term(i);
    if (!r) return undefined;
    let value = r.value;
    let end = r.end;
    while (isKind(this.t[end], K.PlusToken)) {
      r = this.term(end + 1);
      if (!r) return undefined;
      value += r.value;
      end = r.end;
    }
    return { value, end };
  }

  private term(i: number): { value: string; end: number } | undefined {
    const t = this.t;
    const a = t[i];
    if (!a) return undefined;
    if (isStr(a)) return { value: a.value, end: i + 1 };
    if (a.kind === K.TemplateHead) {
      let value = a.value;
      let j = i + 1;
      for (let n = 0; n < 16; n++) {
        const e = this.evalConcat(j);
        if (!e) return undefined;
        value += e.value;
        const part = t[e.end];
        if (!part) return undefined;
        if (part.kind === K.TemplateTail) return { value: value + part.value, end: e.end + 1 };
        if (part.kind !== K.TemplateMiddle) return undefined;
        value += part.value;
        j = e.end + 1;
      }
      return undefined;
    }
    // btoa('u:p')
    if (a.value === 'btoa' && isKind(t[i + 1], K.OpenParenToken) && isStr(t[i + 2]) && isKind(t[i + 3], K.CloseParenToken)) {
      return { value: Buffer.from(t[i + 2]!.value, 'latin1').toString('base64'), end: i + 4 };
    }
    // Buffer.from('u:p'[, 'utf8']).toString('base64')
    if (a.value === 'Buffer' && isKind(t[i + 1], K.DotToken) && t[i + 2]?.value === 'from' && isKind(t[i + 3], K.OpenParenToken) && isStr(t[i + 4])) {
      let j = i + 5;
      if (isKind(t[j], K.CommaToken) && isStr(t[j + 1])) j += 2;
      if (
        isKind(t[j], K.CloseParenToken) &&
        isKind(t[j + 1], K.DotToken) &&
        t[j + 2]?.value === 'toString' &&
        isKind(t[j + 3], K.OpenParenToken) &&
        isStr(t[j + 4]) &&
        t[j + 4]!.value === 'base64' &&
        isKind(t[j + 5], K.CloseParenToken)
      ) {
        return { value: Buffer.from(t[i + 4]!.value, 'utf8').toString('base64'), end: j + 6 };
      }
    }
    return undefined;
  }

}

const patterns = new WeakMap<Settings, TextTest | undefined>();

/**
 * Credential candidates a TS/JS text states with literals (see the module comment).
 * Never includes a clear value. `force` skips the "worth analysing" prefilter.
 */
export function sourceLineCredentials(text: string, file: string, settings: Settings, force = false): CredentialFact[] {
  if (!force) {
    if (!patterns.has(settings)) patterns.set(settings, sensitiveTextPattern(settings));
    if (!worthAnalysing(text, patterns.get(settings))) return [];
  }
  const jsx = /\.[jt]sx$/i.test(file);
  return new Scanner(tokenize(text, jsx), text, file, settings).run();
}

function isTsJs(file: DiscoveredFile): boolean {
  return file.kind === 'source' && (file.language === 'typescript' || file.language === 'javascript');
}

/** The token-level TS/JS collector used for history blobs (see the module comment). */
export const sourceLinesCollector: Collector = {
  name: 'typescript-lines',
  appliesTo: isTsJs,
  collect(files, ctx) {
    return perFile(files, ctx, (file, text, out) => {
      if (file.path.endsWith('.d.ts')) return;
      out.credentials.push(...sourceLineCredentials(text, file.path, ctx.settings));
    });
  },
};
