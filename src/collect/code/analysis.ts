/**
 * One parsed file as the language hooks see it: its captures, declarations,
 * assignments, resolver and function index (all built lazily), and the sinks the
 * hooks report into (`addCall`, `addTls`, `addTool`, `addEndpoint`, `creds`).
 * `finish()` turns the reported client calls into call-site facts with their
 * code-path context (function, calls, callers, loop, limiter, TLS, SOAP target).
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { CallSiteFact, CredentialFact, EndpointFact, Language, Location, LogWriteFact, OfficerFieldFact, TlsSettingFact, ToolFact, ToolKind } from '../../facts/types.js';
import { compilePatterns, type Settings } from '../../policy/settings.js';
import { ConfigIndex } from '../config/values.js';
import { isSensitiveKey, redactEndpoint } from '../credentials/candidates.js';
import type { CollectContext } from '../types.js';
import { elidedText, secretShaped } from './callee.js';
import { FunctionIndex } from './context.js';
import { CAPTURE_DEPTH } from './depth.js';
import { auditWritesOf, fieldsOf, worthAuditing } from './audit.js';
import { aroundCallers, callerFacts } from './kit/callers.js';
import { tierUrl } from './kit/tiers.js';
import { fieldsMatter } from './kit/fields.js';
import { browserTlsSwitches } from './browser-tls.js';
import { logWrites, officerFields } from './quality.js';
import { ToolSignals } from './kit/tools.js';
import { CredentialSink } from './credentials.js';
import { DeclTable } from './decls.js';
import { Resolver } from './resolve.js';
import type { Query } from './runtime.js';
import { contains, spanOf } from './span.js';
import { targetOf } from './target.js';
import type {
  Assignment,
  CallInfo,
  ClientCall,
  CrossFileLookup,
  Declaration,
  FnInfo,
  LanguageSyntax,
  Limiter,
  Node,
  ParsedFile,
  Patterns,
  Span,
} from './types.js';

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

/** Hooks a language provides to judge the code path of a call. */
export interface LanguageHooks<P> {
  /** Find client calls, TLS switches, tools, credentials, endpoints in one parsed file. */
  analyze(fa: FileAnalysis<P>): void;
  /**
   * A call that gates the work that follows it in the function (`bucket.tryConsume(1)`,
   * `rateLimiter.acquirePermission()`, `_limiter.AcquireAsync()`): the limiter's name.
   */
  gate?(call: CallInfo, fa: FileAnalysis<P>): string | undefined;
  /** A limiter declared on a function or its class (`@RateLimiter(name=…)`, `[EnableRateLimiting]`). */
  functionLimiter?(fn: Node, fa: FileAnalysis<P>): Limiter | undefined;
  /** A call whose lambda argument runs under a limiter (`rateLimiter.executeSupplier(() -> …)`). */
  wrapper?(call: CallInfo, fa: FileAnalysis<P>): string | undefined;
}

/** What a file's analysis needs of its language (a `LanguageSpec` is one). */
export interface FileLanguage<P> {
  language: Language;
  syntax: LanguageSyntax;
  hooks: LanguageHooks<P>;
}

export interface FileResult {
  callSites: CallSiteFact[];
  credentials: CredentialFact[];
  tlsSettings: TlsSettingFact[];
  endpoints: EndpointFact[];
  logWrites: LogWriteFact[];
  officerFields: OfficerFieldFact[];
  tool?: ToolFact;
}

export class FileAnalysis<P = unknown> implements ParsedFile<P> {
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
  private readonly fieldsMemo = new WeakMap<FnInfo, string[]>();

  private readonly clientCalls: ClientCall[] = [];
  private readonly tls: TlsSettingFact[] = [];
  private readonly endpoints: EndpointFact[] = [];
  private readonly tools = new ToolSignals();

  constructor(
    lang: FileLanguage<P>,
    readonly file: DiscoveredFile,
    readonly text: string,
    readonly root: Node,
    query: Query,
    readonly project: P,
    readonly ctx: CollectContext,
    readonly cross?: CrossFileLookup,
  ) {
    this.path = file.path;
    this.language = lang.language;
    this.settings = ctx.settings;
    this.config = ConfigIndex.of(ctx);
    this.syntax = lang.syntax;
    this.hooks = lang.hooks;
    this.patterns = patternsOf(ctx.settings);
    for (const c of query.captures(root, { maxStartDepth: CAPTURE_DEPTH })) {
      const list = this.caps.get(c.name);
      if (list) {
        // The same node may be captured twice by overlapping patterns.
        if (list[list.length - 1]?.id !== c.node.id) list.push(c.node);
      } else this.caps.set(c.name, [c.node]);
    }
    this.creds = new CredentialSink(this);
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
    this.declsCache ??= new DeclTable(this);
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
    this.resolverCache ??= new Resolver(this);
    return this.resolverCache;
  }

  get fns(): FunctionIndex {
    this.fnsCache ??= new FunctionIndex(this, {
      gate: (c) => this.hooks.gate?.(c, this),
      wrapper: (c) => this.hooks.wrapper?.(c, this),
      declared: (fn) => this.hooks.functionLimiter?.(fn, this),
    });
    return this.fnsCache;
  }

  /** Run `fn` on every call; one call it cannot read does not stop the others. */
  forEachCall(fn: (c: CallInfo) => void): void {
    for (const c of this.calls) {
      try {
        fn(c);
      } catch {
        // a shape we do not read
      }
    }
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

  addEndpoint(node: Node, url: string, key?: string, navigation = false): void {
    const l = this.loc(node);
    const e: EndpointFact = { file: this.path, line: l.line, url: redactEndpoint(url), source: 'source' };
    if (l.column !== undefined) e.column = l.column;
    if (key !== undefined) e.key = key;
    if (navigation) e.navigation = true;
    const same = this.endpoints.find((o) => o.line === e.line && o.url === e.url);
    if (same) {
      if (navigation) Object.assign(same, { navigation: true, key: key ?? same.key });
      return;
    }
    this.endpoints.push(e);
  }

  /** A browser-automation navigation (`driver.get(url)`, `page.goto(url)`): an endpoint the bot drives. */
  addNavigation(node: Node, url: string, how: string): void {
    this.addEndpoint(node, url, how, true);
  }

  /** URL literals of the DB, its portals and its gateways, where they are written (a constant, an argument). */
  private literalEndpoints(): void {
    for (const s of this.captures('string')) {
      const v = this.syntax.stringValue(s);
      if (!v || !v.includes('://') || !tierUrl(v, this.settings)) continue;
      this.addEndpoint(s, v.trim(), boundName(s));
    }
  }

  addTool(kind: ToolKind, reason: string, line: number, weak = false): void {
    this.tools.add(kind, reason, line, weak);
  }

  bestTool(): ToolFact | undefined {
    return this.tools.best();
  }

  /** Client calls reported so far (for hooks that look at each other's results). */
  reportedCalls(): readonly ClientCall[] {
    return this.clientCalls;
  }

  // -------------------------------------------------------------------------
  // Assembly

  finish(): FileResult {
    this.literalEndpoints();
    browserTlsSwitches(this, (node, setting) => this.addTls(node, setting));
    const out: FileResult = { callSites: [], credentials: [], tlsSettings: [...this.tls], endpoints: [...this.endpoints], logWrites: [], officerFields: [] };
    try {
      out.logWrites = logWrites(this, this.clientCalls.map((c) => c.node), (n) => this.fns.infoAt(n));
      out.officerFields = officerFields(this);
    } catch {
      // quality facts are best effort: the call sites still count
    }
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
      target: targetOf(this, c, info),
      function: { name: info.name, line: info.line },
      callsInFunction: [...info.calls],
      callers: [],
    };
    if (fieldsMatter(site.target.url, this.settings, this.patterns.endpoint)) {
      const fields = this.fieldsMemo.get(info) ?? fieldsOf(this, info);
      this.fieldsMemo.set(info, fields);
      if (fields.length) site.target.fields = fields;
    }
    const callers = fns.callersOf(info);
    site.callers = callerFacts(callers);
    if (worthAuditing(this, site.target)) {
      const writes = auditWritesOf(this, info, callers, fns.all());
      if (writes.length) site.auditWrites = writes;
    }
    // Loop: in the function, else around a call of it in a same-file caller.
    const loop = fns.loopAround(c.node, info) ?? aroundCallers(callers, (s, g) => fns.loopAround(s, g));
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
      const l = aroundCallers([g], (s, f) => fns.limiterAround(s, f)) ?? fns.gateIn(g.info) ?? fns.declaredLimiter(g.info);
      if (l) return l;
    }
    return undefined;
  }

  /**
   * The call as written, whitespace collapsed, at most 200 characters; string literals
   * longer than 40 characters, `user:pass`, `Basic …`/`Bearer …`, URLs with a password
   * and literals under a sensitive name are elided, so no secret is copied into a fact.
   */
  calleeText(node: Node): string {
    return elidedText(this, node, (s, value) => secretShaped(value) || this.underSensitiveName(s, node));
  }

  /** A string literal that is an argument right after a sensitive-name literal (`header("X-Api-Key", "…")`). */
  private underSensitiveName(s: Node, within: Node): boolean {
    const prev = s.previousNamedSibling ?? s.parent?.previousNamedSibling;
    if (!prev || prev.startIndex < within.startIndex) return false;
    const k = this.syntax.stringValue(prev.type === 'argument' ? (prev.firstNamedChild ?? prev) : prev);
    return k !== undefined && (this.sensitive(k) || /^authori[sz]ation$/i.test(k));
  }
}

const HOLDERS = new Set(['equals_value_clause', 'argument', 'expression_list', 'parenthesized_expression', 'concatenated_string']);

/** The name a string literal is bound to (a declaration, an assignment target, a key), when short. */
function boundName(s: Node): string | undefined {
  let p = s.parent;
  while (p && HOLDERS.has(p.type)) p = p.parent;
  const n = p?.childForFieldName('name') ?? p?.childForFieldName('left') ?? p?.childForFieldName('key');
  const t = n?.text;
  return t && t.length <= 60 && /^[\w$.'"-]+$/.test(t) && n?.id !== s.id ? t.replace(/^['"]|['"]$/g, '') : undefined;
}
