/**
 * The code-path context of a call: its enclosing function (`Class.method`), the calls
 * made there, same-file callers, loops and rate limiters around it.
 *
 * "Function" is the nearest named function-like (`LanguageSyntax.functionTypes`:
 * methods, constructors, local functions, anonymous-class methods). Lambdas are part
 * of the function around them, so a call inside `ids.forEach(id -> …)` belongs to
 * the method and the `forEach` is its loop. Code outside any function belongs to
 * `Class.<init>` (field initialisers) or `<module>` (top-level statements).
 */
import { matchesAny } from '../../policy/settings.js';
import { innermost, spanOf } from './span.js';
import type { CallInfo, FnInfo, Limiter, Loop, Node, ParsedFile, Span } from './types.js';

/** The language's limiter hooks, bound to the file (see `LanguageHooks`). */
export interface LimiterHooks {
  /** A call that gates the work after it in its function. */
  gate(call: CallInfo): string | undefined;
  /** A call whose lambda argument runs under a limiter. */
  wrapper(call: CallInfo): string | undefined;
  /** A limiter declared on a function or its class. */
  declared(fn: Node): Limiter | undefined;
}

function lastSegment(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i + 1) : name;
}

export class FunctionIndex {
  private readonly fnSpans: Span[];
  private readonly classSpans: Span[];
  private readonly infos = new Map<number, FnInfo>();
  private readonly module: FnInfo;

  private readonly typeOf: (n: Node) => string | undefined;

  constructor(
    private readonly fa: ParsedFile,
    private readonly hooks: LimiterHooks,
  ) {
    this.typeOf = (n) => fa.typeOf(n)?.type;
    this.fnSpans = fa.spans('function');
    this.classSpans = fa.spans('class');
    this.module = { name: '<module>', simple: '<module>', line: 1, calls: [], callInfos: [], edges: [] };
    for (const c of fa.calls) {
      const info = this.infoAt(c.node);
      if (c.name) {
        if (!info.calls.includes(c.name)) info.calls.push(c.name);
        info.edges.push({ name: c.name, site: c.node });
      }
      info.callInfos.push(c);
      for (const a of c.args) {
        if (fa.callInfo(a)) continue;
        const n = fa.syntax.exprName(a);
        if (n) info.edges.push({ name: n, site: a });
      }
    }
    if (fa.syntax.reference) {
      for (const r of fa.captures('ref')) {
        const n = fa.syntax.reference(r);
        if (n) this.infoAt(r).edges.push({ name: n, site: r });
      }
    }
  }

  /** The function a node belongs to. */
  infoAt(node: Node): FnInfo {
    const at = { start: node.startIndex, end: node.endIndex };
    const fn = innermost(this.fnSpans, at);
    if (fn && fn.node.id !== node.id) return this.infoFor(fn);
    if (fn && fn.node.id === node.id) {
      // The node is itself a function (e.g. an interface method reported as a call site).
      return this.infoFor(fn);
    }
    const cls = innermost(this.classSpans, at);
    if (cls) return this.infoFor(cls, true);
    return this.module;
  }

  /** The info of a function node. */
  infoOf(fn: Node): FnInfo {
    const s = this.fnSpans.find((x) => x.node.id === fn.id) ?? spanOf(fn);
    return this.infoFor(s);
  }

  private infoFor(span: Span, classInit = false): FnInfo {
    let i = this.infos.get(span.node.id);
    if (!i) {
      const syntax = this.fa.syntax;
      const at = { start: span.start, end: span.end };
      let name: string;
      let simple: string;
      let line: number;
      if (classInit) {
        const cn = syntax.className(span.node);
        name = `${cn}.<init>`;
        simple = '<init>';
        line = this.fa.line(span.node);
      } else {
        const f = syntax.functionName(span.node);
        simple = f.name;
        line = f.line;
        const cls = innermost(
          this.classSpans.filter((c) => c.node.id !== span.node.id),
          at,
        );
        name = cls ? `${syntax.className(cls.node)}.${f.name}` : f.name;
      }
      i = { node: span.node, span, name, simple, line, calls: [], callInfos: [], edges: [] };
      this.infos.set(span.node.id, i);
    }
    return i;
  }

  all(): FnInfo[] {
    return [this.module, ...this.infos.values()];
  }

  /** Same-file functions that call (or pass on) the function `f`, matched by its simple name. */
  callersOf(f: FnInfo): Array<{ info: FnInfo; sites: Node[] }> {
    if (!f.node || f.simple.startsWith('<')) return [];
    const out: Array<{ info: FnInfo; sites: Node[] }> = [];
    for (const g of this.all()) {
      if (g === f) continue;
      const sites = g.edges.filter((e) => lastSegment(e.name) === f.simple).map((e) => e.site);
      // A call inside f itself (recursion) or a declaration's own name is not a caller.
      if (sites.length) out.push({ info: g, sites });
    }
    return out;
  }

  /** Innermost loop around `node` within the function `fn`. */
  loopAround(node: Node, fn: FnInfo): Loop | undefined {
    const fa = this.fa;
    const syntax = fa.syntax;
    const stop = fn.node?.id;
    // A reference handed to an iteration helper: ids.forEach(this::lookup).
    if (!fa.callInfo(node)) {
      const call = this.callOfArgument(node);
      const k = call && syntax.iterationKind(call, this.typeOf);
      if (call && k) return { kind: k, line: fa.line(call.node) };
    }
    let child = node;
    let p = node.parent;
    while (p && p.id !== stop) {
      const k = syntax.loopKind(p, child);
      if (k) return { kind: k, line: fa.line(p) };
      if (syntax.lambdaTypes.has(p.type)) {
        const call = this.callOfArgument(p);
        const ik = call && syntax.iterationKind(call, this.typeOf);
        if (call && ik) return { kind: ik, line: fa.line(call.node) };
      }
      child = p;
      p = p.parent;
    }
    return undefined;
  }

  /** The call a node (lambda, reference) is an argument of. */
  callOfArgument(node: Node): CallInfo | undefined {
    let p = node.parent;
    while (p && this.fa.syntax.argumentWrapperTypes.has(p.type)) p = p.parent;
    if (!p) return undefined;
    const c = this.fa.callInfo(p);
    if (!c) return undefined;
    return c.args.some((a) => a.startIndex <= node.startIndex && node.endIndex <= a.endIndex) ? c : undefined;
  }

  /** A limiter whose callback holds `node`: `rateLimiter.executeSupplier(() -> …)`, `RateLimiter.decorateSupplier(rl, …)`. */
  limiterAround(node: Node, fn: FnInfo): Limiter | undefined {
    const fa = this.fa;
    const stop = fn.node?.id;
    const direct = fa.callInfo(node) ? undefined : this.callOfArgument(node);
    if (direct) {
      const l = this.wrapperLimiter(direct);
      if (l) return l;
    }
    let p = node.parent;
    while (p && p.id !== stop) {
      if (fa.syntax.lambdaTypes.has(p.type)) {
        const call = this.callOfArgument(p);
        const l = call && this.wrapperLimiter(call);
        if (l) return l;
      }
      p = p.parent;
    }
    return undefined;
  }

  private wrapperLimiter(call: CallInfo): Limiter | undefined {
    const fa = this.fa;
    const hooked = this.hooks.wrapper(call);
    if (hooked) return { name: hooked, line: fa.line(call.node) };
    if (call.name && matchesAny(call.name, fa.patterns.limiter)) return { name: call.name, line: fa.line(call.node) };
    return undefined;
  }

  /** A call in the function that gates what follows (`bucket.tryConsume(1)`, `limiter.acquire()`). */
  gateIn(fn: FnInfo): Limiter | undefined {
    const fa = this.fa;
    for (const c of fn.callInfos) {
      const hooked = this.hooks.gate(c);
      if (hooked) return { name: hooked, line: fa.line(c.node) };
    }
    return undefined;
  }

  /** A limiter declared on the function or its class (`@RateLimiter`, `[EnableRateLimiting]`). */
  declaredLimiter(fn: FnInfo): Limiter | undefined {
    return fn.node ? this.hooks.declared(fn.node) : undefined;
  }
}
