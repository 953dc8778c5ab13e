/**
 * One parsed file as the language hooks see it: its captures, declarations,
 * assignments, resolver and function index (all built lazily), and the sinks the
 * hooks report into (`addCall`, `addTls`, `addTool`, `addEndpoint`, `creds`).
 * `finish()` turns the reported client calls into call-site facts with their
 * code-path context (function, calls, callers, loop, limiter, TLS, SOAP target).
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type {
  CallSiteFact,
  CredentialFact,
  EndpointFact,
  Language,
  Location,
  ResolutionStep,
  TargetFact,
  TlsSettingFact,
  ToolFact,
  ToolKind,
} from '../../facts/types.js';
import { compilePatterns, type Settings } from '../../policy/settings.js';
import { ConfigIndex } from '../config/values.js';
import { isSensitiveKey, redactEndpoint } from '../credentials/candidates.js';
import type { CollectContext } from '../types.js';
import { FunctionIndex, type FnInfo, type Limiter } from './context.js';
import { CredentialSink } from './credentials.js';
import { Resolver, exprText, uniq } from './resolve.js';
import type { Node, Query } from './runtime.js';
import { soapContext } from './soap.js';
import type { Assignment, CallInfo, ClientCall, Declaration, LanguageHooks, LanguageSpec, LanguageSyntax, Val } from './types.js';

export interface Patterns {
  endpoint: RegExp[];
  operation: RegExp[];
  limiter: RegExp[];
  logger: RegExp[];
}

const patternCache = new WeakMap<Settings, Patterns>();

export function patternsOf(settings: Settings): Patterns {
  let p = patternCache.get(settings);
  if (!p) {
    p = {
      endpoint: compilePatterns(settings.endpointPatterns),
      operation: compilePatterns(settings.operationPatterns),
      limiter: compilePatterns(settings.limiterPatterns),
      logger: compilePatterns(settings.loggerPatterns),
    };
    patternCache.set(settings, p);
  }
  return p;
}

/** A node's range in UTF-16 code units. */
export interface Span {
  node: Node;
  start: number;
  end: number;
}

export function spanOf(node: Node): Span {
  return { node, start: node.startIndex, end: node.endIndex };
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** The innermost span containing `inner` (spans in any order). */
export function innermost(spans: readonly Span[], inner: { start: number; end: number }): Span | undefined {
  let best: Span | undefined;
  for (const s of spans) {
    if (contains(s, inner) && (!best || s.start > best.start || (s.start === best.start && s.end < best.end))) best = s;
  }
  return best;
}

interface DeclEntry {
  d: Declaration;
  /** Function or lambda a local/parameter belongs to (none: visible in the whole file). */
  scope?: Span;
  /** Innermost class around the declaration. */
  cls?: Span;
}

/** Every declaration of a file by name, with scope-aware lookup. */
export class DeclTable {
  private readonly byName = new Map<string, DeclEntry[]>();
  readonly entries: DeclEntry[] = [];

  constructor(fa: FileAnalysis<unknown>) {
    const scopes = [...fa.spans('function'), ...fa.spans('lambda')];
    const classes = fa.spans('class');
    for (const n of fa.captures('decl')) {
      let ds: Declaration[];
      try {
        ds = fa.syntax.declarations(n);
      } catch {
        ds = [];
      }
      for (const d of ds) {
        const at = spanOf(d.nameNode);
        const e: DeclEntry = { d };
        if (d.kind === 'local' || d.kind === 'parameter') {
          const s = innermost(scopes, at);
          if (s) e.scope = s;
        }
        const c = innermost(classes, at);
        if (c) e.cls = c;
        this.entries.push(e);
        const list = this.byName.get(d.name);
        if (list) list.push(e);
        else this.byName.set(d.name, [e]);
      }
    }
  }

  all(): Declaration[] {
    return this.entries.map((e) => e.d);
  }

  /** The declaration a name at `at` refers to: innermost local/parameter, else a field of the innermost enclosing class, else any field. */
  lookup(name: string, at: Node): Declaration | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    const pos = { start: at.startIndex, end: at.startIndex };
    let best: DeclEntry | undefined;
    for (const e of list) {
      if (e.d.kind !== 'local' && e.d.kind !== 'parameter') continue;
      if (e.scope && !contains(e.scope, pos)) continue;
      if (!best || (e.scope?.start ?? -1) > (best.scope?.start ?? -1)) best = e;
    }
    if (best) return best.d;
    for (const e of list) {
      if (e.d.kind === 'local' || e.d.kind === 'parameter') continue;
      if (e.cls && !contains(e.cls, pos)) continue;
      if (!best || (e.cls?.start ?? -1) > (best.cls?.start ?? -1)) best = e;
    }
    if (best) return best.d;
    const fields = list.filter((e) => e.d.kind === 'field' || e.d.kind === 'property');
    return (fields.find((e) => e.d.constant) ?? fields[0])?.d;
  }

  /** A field of the class named `cls` (simple name) in this file. */
  inClass(cls: string, name: string, syntax?: LanguageSyntax): Declaration | undefined {
    const list = this.byName.get(name);
    if (!list) return undefined;
    for (const e of list) {
      if (e.d.kind === 'local' || e.d.kind === 'parameter' || !e.cls) continue;
      const cn = (syntax ?? this.syntax)?.className(e.cls.node);
      if (cn === cls) return e.d;
    }
    return undefined;
  }

  /** A constant with this name anywhere in the file. */
  anyConstant(name: string): Declaration | undefined {
    return this.byName.get(name)?.find((e) => e.d.constant && e.d.kind !== 'local' && e.d.kind !== 'parameter')?.d;
  }

  /** The class (span) a declaration sits in. */
  classOf(d: Declaration): Span | undefined {
    return this.entries.find((e) => e.d === d)?.cls;
  }

  /** The function/lambda scope of a local or parameter. */
  scopeOf(d: Declaration): Span | undefined {
    return this.entries.find((e) => e.d === d)?.scope;
  }

  syntax?: LanguageSyntax;
}

export interface FileResult {
  callSites: CallSiteFact[];
  credentials: CredentialFact[];
  tlsSettings: TlsSettingFact[];
  endpoints: EndpointFact[];
  tool?: ToolFact;
}

/** Priority of tool kinds when a file shows several signals: the most specific wins. */
const TOOL_PRIORITY: ToolKind[] = ['browser-automation', 'console-command', 'cron', 'bin', 'cli', 'script', 'notebook'];

const LONG_LITERAL = 40;

export class FileAnalysis<P = unknown> {
  readonly path: string;
  readonly language: Language;
  readonly settings: Settings;
  readonly config: ConfigIndex;
  readonly syntax: LanguageSyntax;
  readonly hooks: LanguageHooks<P>;
  readonly patterns: Patterns;
  readonly creds: CredentialSink;

  private readonly caps = new Map<string, Node[]>();
  private readonly spanCache = new Map<string, Span[]>();
  private declsCache?: DeclTable;
  private assignCache?: Assignment[];
  private resolverCache?: Resolver;
  private fnsCache?: FunctionIndex;
  private callsCache?: CallInfo[];
  private readonly callMemo = new Map<number, CallInfo | null>();

  private readonly clientCalls: ClientCall[] = [];
  private readonly tls: TlsSettingFact[] = [];
  private readonly endpoints: EndpointFact[] = [];
  private readonly tools: Array<ToolFact & { weak: boolean }> = [];

  constructor(
    readonly spec: LanguageSpec<P>,
    readonly file: DiscoveredFile,
    readonly text: string,
    readonly root: Node,
    query: Query,
    readonly project: P,
    readonly ctx: CollectContext,
  ) {
    this.path = file.path;
    this.language = spec.language;
    this.settings = ctx.settings;
    this.config = ConfigIndex.of(ctx);
    this.syntax = spec.syntax;
    this.hooks = spec.hooks;
    this.patterns = patternsOf(ctx.settings);
    for (const c of query.captures(root)) {
      const list = this.caps.get(c.name);
      if (list) {
        // The same node may be captured twice by overlapping patterns.
        if (list[list.length - 1]?.id !== c.node.id) list.push(c.node);
      } else this.caps.set(c.name, [c.node]);
    }
    this.creds = new CredentialSink(this as FileAnalysis<unknown>);
  }

  /** Nodes captured under `name`, in document order. */
  captures(name: string): Node[] {
    return this.caps.get(name) ?? [];
  }

  spans(name: string): Span[] {
    let s = this.spanCache.get(name);
    if (!s) {
      s = this.captures(name).map(spanOf);
      this.spanCache.set(name, s);
    }
    return s;
  }

  get decls(): DeclTable {
    if (!this.declsCache) {
      this.declsCache = new DeclTable(this as FileAnalysis<unknown>);
      this.declsCache.syntax = this.syntax;
    }
    return this.declsCache;
  }

  get assignments(): Assignment[] {
    if (!this.assignCache) {
      this.assignCache = [];
      for (const n of this.captures('assign')) {
        try {
          const a = this.syntax.assignment(n);
          if (a) this.assignCache.push(a);
        } catch {
          // a shape we do not read
        }
      }
    }
    return this.assignCache;
  }

  /** The first assignment to a field or variable without an initialiser (`this.url = …` in a constructor). */
  assignmentsTo(d: Declaration): Assignment | undefined {
    const cls = d.kind === 'field' || d.kind === 'property' ? this.decls.classOf(d) : undefined;
    const scope = d.kind === 'local' ? this.decls.scopeOf(d) : undefined;
    for (const a of this.assignments) {
      if (a.name !== d.name || a.operator !== '=') continue;
      if (a.qualifier !== undefined && a.qualifier !== 'this' && a.qualifier !== '') continue;
      const at = spanOf(a.node);
      if (cls && !contains(cls, at)) continue;
      if (scope && !contains(scope, at)) continue;
      return a;
    }
    return undefined;
  }

  /** Assignments to `qualifier.name` (`_http.BaseAddress = …`, `ServicePointManager.X = …`). */
  assignmentsOn(qualifier: string | undefined, name: string): Assignment[] {
    return this.assignments.filter((a) => a.name === name && (qualifier === undefined || a.qualifier === qualifier));
  }

  get resolver(): Resolver {
    this.resolverCache ??= new Resolver(this as FileAnalysis<unknown>);
    return this.resolverCache;
  }

  get fns(): FunctionIndex {
    this.fnsCache ??= new FunctionIndex(this as FileAnalysis<unknown>);
    return this.fnsCache;
  }

  /** Every call and object creation (`@call`, `@new`), in document order. */
  get calls(): CallInfo[] {
    if (!this.callsCache) {
      const nodes = [...this.captures('call'), ...this.captures('new')].sort((a, b) => a.startIndex - b.startIndex);
      this.callsCache = [];
      for (const n of nodes) {
        const c = this.callInfo(n);
        if (c) this.callsCache.push(c);
      }
    }
    return this.callsCache;
  }

  callInfo(node: Node): CallInfo | undefined {
    const m = this.callMemo.get(node.id);
    if (m !== undefined) return m ?? undefined;
    let c: CallInfo | undefined;
    try {
      c = this.syntax.call(node);
    } catch {
      c = undefined;
    }
    this.callMemo.set(node.id, c ?? null);
    return c;
  }

  line(node: Node): number {
    return node.startPosition.row + 1;
  }

  loc(node: Node): Location {
    return { file: this.path, line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
  }

  /** The declared type of a name expression (`rest` → `RestTemplate`), or the type it was created with. */
  typeOf(expr: Node): { type: string; typeArgs: string[] } | undefined {
    const name = this.syntax.exprName(expr);
    if (name && !name.includes('.')) {
      const d = this.decls.lookup(name, expr);
      if (d?.type) return { type: d.type, typeArgs: d.typeArgs ?? [] };
    }
    const o = this.resolver.origin(expr);
    const c = this.callInfo(o);
    if (c?.isNew) return { type: c.method, typeArgs: [] };
    return undefined;
  }

  sensitive(name: string): boolean {
    return isSensitiveKey(name, this.settings);
  }

  // -------------------------------------------------------------------------
  // Sinks

  addCall(c: ClientCall): void {
    if (this.clientCalls.some((o) => o.node.id === c.node.id && o.client === c.client)) return;
    this.clientCalls.push(c);
  }

  addTls(node: Node, setting: string): void {
    const l = this.loc(node);
    if (this.tls.some((t) => t.line === l.line && t.setting === setting)) return;
    const t: TlsSettingFact = { file: this.path, line: l.line, setting, language: this.language };
    if (l.column !== undefined) t.column = l.column;
    this.tls.push(t);
  }

  addEndpoint(node: Node, url: string, key?: string): void {
    const l = this.loc(node);
    const e: EndpointFact = { file: this.path, line: l.line, url: redactEndpoint(url), source: 'source' };
    if (l.column !== undefined) e.column = l.column;
    if (key !== undefined) e.key = key;
    if (this.endpoints.some((o) => o.line === e.line && o.url === e.url)) return;
    this.endpoints.push(e);
  }

  addTool(kind: ToolKind, reason: string, line: number, weak = false): void {
    this.tools.push({ kind, reason, line, weak });
  }

  bestTool(): ToolFact | undefined {
    let best: (ToolFact & { weak: boolean }) | undefined;
    for (const f of this.tools) {
      const pf = TOOL_PRIORITY.indexOf(f.kind);
      const pb = best ? TOOL_PRIORITY.indexOf(best.kind) : Infinity;
      if (pf < pb || (pf === pb && best?.weak && !f.weak)) best = f;
    }
    return best ? { kind: best.kind, reason: best.reason, line: best.line } : undefined;
  }

  /** Client calls reported so far (for hooks that look at each other's results). */
  reportedCalls(): readonly ClientCall[] {
    return this.clientCalls;
  }

  // -------------------------------------------------------------------------
  // Assembly

  finish(): FileResult {
    const out: FileResult = { callSites: [], credentials: [], tlsSettings: [...this.tls], endpoints: [...this.endpoints] };
    this.creds.literals();
    out.credentials = this.creds.out;
    const tlsFirst = [...this.tls].sort((a, b) => a.line - b.line)[0];
    for (const c of this.clientCalls) {
      try {
        out.callSites.push(this.callSite(c, tlsFirst));
      } catch (err) {
        // One call we cannot describe must not lose the others.
        void err;
      }
    }
    const tool = this.bestTool();
    if (tool) out.tool = tool;
    return out;
  }

  private callSite(c: ClientCall, tls: TlsSettingFact | undefined): CallSiteFact {
    const fns = this.fns;
    const info = c.fn ? fns.infoOf(c.fn) : fns.infoAt(c.node);
    const l = this.loc(c.node);
    const site: CallSiteFact = {
      file: this.path,
      line: l.line,
      column: l.column ?? 1,
      language: this.language,
      client: c.client,
      callee: c.callee ?? this.calleeText(c.node),
      target: this.target(c, info),
      function: { name: info.name, line: info.line },
      callsInFunction: [...info.calls],
      callers: [],
    };
    const callers = fns.callersOf(info);
    site.callers = callers.map((g) => ({ name: g.info.name, line: g.info.line, calls: [...g.info.calls] }));
    let loop = fns.loopAround(c.node, info);
    if (!loop) {
      outer: for (const g of callers) {
        for (const s of g.sites) {
          loop = fns.loopAround(s, g.info);
          if (loop) break outer;
        }
      }
    }
    if (loop) site.loop = loop;
    const limiter = c.limiter ?? this.limiterFor(c.node, info, callers);
    if (limiter) site.limiter = limiter;
    if (tls) site.tlsVerifyDisabled = { setting: tls.setting, line: tls.line };
    return site;
  }

  private limiterFor(node: Node, info: FnInfo, callers: Array<{ info: FnInfo; sites: Node[] }>): Limiter | undefined {
    const fns = this.fns;
    const own = fns.limiterAround(node, info) ?? fns.gateIn(info) ?? fns.declaredLimiter(info);
    if (own) return own;
    for (const g of callers) {
      for (const s of g.sites) {
        const l = fns.limiterAround(s, g.info);
        if (l) return l;
      }
      const l = fns.gateIn(g.info) ?? fns.declaredLimiter(g.info);
      if (l) return l;
    }
    return undefined;
  }

  private piece(v: Node | Val | undefined): UrlPiece | undefined {
    if (!v) return undefined;
    const isNode = 'startIndex' in v;
    const val: Val | undefined = isNode ? this.resolver.resolve(v as Node) : (v as Val);
    const ph = isNode ? '${' + exprText(v as Node) + '}' : '${?}';
    if (!val) return isNode ? { ph, via: [], keys: [], complete: false } : undefined;
    if (val.t === 'str') {
      const p: UrlPiece = { s: val.s, ph: val.s, via: val.via, keys: val.keys, complete: val.complete };
      if (val.def) p.def = val.def;
      return p;
    }
    if (val.t === 'ref') return { ph: val.keys[0] ? '${' + val.keys[0] + '}' : ph, via: val.via, keys: val.keys, complete: false };
    return { ph, via: [], keys: [], complete: false };
  }

  private target(c: ClientCall, info: FnInfo): TargetFact {
    const full = combine(this.piece(c.base), this.piece(c.url));
    const target: TargetFact = { via: [] };
    if (full) {
      if (full.s !== undefined) {
        target.url = redactEndpoint(full.s);
        target.via = full.via;
      } else {
        target.via = full.via.filter((s) => s === 'env' || s === 'config' || s === 'constant' || s === 'property' || s === 'env-default');
      }
      if (full.keys.length) target.keys = full.keys;
      if (full.def && !this.insideNode(full.def, c.node)) target.definedAt = full.def;
    }
    const soap = soapContext(this as FileAnalysis<unknown>, info);
    const ns = c.namespace ?? soap.namespace;
    const op = c.operation ?? soap.operation;
    if (ns) target.namespace = ns;
    if (op) target.operation = op;
    return target;
  }

  private insideNode(def: Location, node: Node): boolean {
    if (def.file !== this.path) return false;
    const start = node.startPosition.row + 1;
    const end = node.endPosition.row + 1;
    return def.line >= start && def.line <= end;
  }

  /**
   * The call as written, whitespace collapsed, at most 200 characters; string literals
   * longer than 40 characters, `user:pass`, `Basic …`/`Bearer …`, URLs with a password
   * and literals under a sensitive name are elided, so no secret is copied into a fact.
   */
  calleeText(node: Node): string {
    const start = node.startIndex;
    const end = node.endIndex;
    const body = this.text.slice(start, end);
    const cuts: Array<[number, number]> = [];
    for (const s of this.captures('string')) {
      if (s.startIndex < start || s.endIndex > end) continue;
      if (cuts.some(([a, b]) => s.startIndex >= a && s.endIndex <= b)) continue;
      const value = this.syntax.stringValue(s) ?? s.text;
      const elide =
        value.length > LONG_LITERAL ||
        /^(Basic|Bearer|Token)\s/i.test(value) ||
        /:\/\/[^\s/@:]*:[^\s/@]*@/.test(value) ||
        /^[^\s:/]+:[^\s]+$/.test(value) ||
        /(?:password|pwd)\s*=/i.test(value) ||
        this.underSensitiveName(s, node);
      if (elide) cuts.push([s.startIndex, s.endIndex]);
    }
    cuts.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = start;
    for (const [a, b] of cuts) {
      if (a < at) continue;
      const raw = this.text.slice(a, b);
      const q = raw.startsWith('@"') || raw.startsWith('$"') ? raw.slice(0, 2) : (raw[0] ?? '"');
      out += this.text.slice(at, a) + `${q}…${q.slice(-1)}`;
      at = b;
    }
    out += this.text.slice(at, end);
    out = out.replace(/\s+/g, ' ').trim();
    if (body.length === 0) return '';
    if (out.length > 200) out = out.slice(0, 199) + '…';
    return out;
  }

  /** A string literal that is an argument right after a sensitive-name literal (`header("X-Api-Key", "…")`). */
  private underSensitiveName(s: Node, within: Node): boolean {
    const prev = s.previousNamedSibling ?? s.parent?.previousNamedSibling;
    if (!prev || prev.startIndex < within.startIndex) return false;
    const k = this.syntax.stringValue(prev.type === 'argument' ? (prev.firstNamedChild ?? prev) : prev);
    return k !== undefined && (this.sensitive(k) || /^authori[sz]ation$/i.test(k));
  }
}

interface UrlPiece {
  s?: string;
  ph: string;
  via: ResolutionStep[];
  keys: string[];
  def?: Location;
  complete: boolean;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

function combine(base: UrlPiece | undefined, path: UrlPiece | undefined): UrlPiece | undefined {
  if (!base) return path;
  if (!path) return base;
  if (path.s !== undefined && ABSOLUTE.test(path.s)) return path;
  const b = base.s ?? base.ph;
  const p = path.s ?? path.ph;
  const s = p === '' ? b : `${b.replace(/\/+$/, '')}/${p.replace(/^\/+/, '')}`;
  const out: UrlPiece = {
    ph: s,
    via: uniq<ResolutionStep>(['concatenation', ...base.via, ...path.via]),
    keys: uniq([...base.keys, ...path.keys]),
    complete: base.complete && path.complete,
  };
  if (base.s !== undefined || path.s !== undefined) out.s = s;
  const def = base.def ?? path.def;
  if (def) out.def = def;
  return out;
}
