/**
 * The code-path context of a call: its enclosing function, the calls made there,
 * same-file callers, loops and rate limiters around it.
 *
 * "Function" means the nearest *named* function-like: a declaration, a method, an
 * arrow/function assigned to a variable, property or class field. Anonymous callbacks
 * handed to iteration helpers (`forEach`, `map`, `Promise.all`…), limiters
 * (`limiter.schedule`, `limit(() => …)`), promise plumbing (`then`, `new Promise`), the
 * client call itself (`client.Op(args, cb)`) and IIFEs are part of the function around
 * them; any other anonymous callback (an Express handler, a test body) is a function
 * of its own, named `<callback of app.post>`.
 */
import { ts } from 'ts-morph';
import { matchesAny } from '../../policy/settings.js';
import { lineOf, type FileModel } from './model.js';
import { callName, callOfArgument, isFunctionLikeBoundaryCandidate, lastSegment } from './names.js';
import { type Resolver } from './resolve.js';
import { propName, unwrap, type Val } from './values.js';

export interface FnInfo {
  node: ts.Node;
  name: string;
  line: number;
  calls: string[];
  callNodes: ts.CallExpression[];
  /** Calls, and references passed as arguments (`ids.map(lookup)`), by normalised name. */
  edges: Array<{ name: string; site: ts.Node }>;
}

const TRANSPARENT = new Set([
  'forEach', 'map', 'flatMap', 'reduce', 'reduceRight', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast',
  'findLastIndex', 'then', 'catch', 'finally', 'all', 'allSettled', 'race', 'any', 'schedule', 'wrap', 'add', 'addAll',
  'submit', 'setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask', 'createClient', 'createClientAsync', 'each',
  'eachSeries', 'eachLimit', 'mapSeries', 'mapLimit', 'pMap', 'on', 'once', 'from', 'retry', 'pRetry',
]);

const LOOP_METHODS = new Set([
  'forEach', 'map', 'flatMap', 'reduce', 'reduceRight', 'filter', 'some', 'every', 'find', 'findIndex', 'each',
  'eachSeries', 'eachLimit', 'mapSeries', 'mapLimit', 'pMap', 'mapValues',
]);
const PROMISE_COMBINATORS = new Set(['Promise.all', 'Promise.allSettled', 'Promise.race', 'Promise.any']);
const LIMITER_METHODS = new Set([
  'schedule', 'wrap', 'add', 'addAll', 'submit', 'run', 'limit', 'removeTokens', 'tryRemoveTokens', 'consume', 'acquire',
  'throttle', 'enqueue', 'take', 'wait',
]);
/** Limiter calls that gate sequentially (no callback): `await limiter.removeTokens(1)`. */
const GATE_METHODS = new Set(['removeTokens', 'tryRemoveTokens', 'consume', 'acquire', 'take', 'wait', 'throttle']);

export interface Limiter {
  name: string;
  line: number;
}

export class FnIndex {
  private readonly transparentCache = new Map<ts.Node, boolean>();
  private readonly infos = new Map<ts.Node, FnInfo>();
  private readonly limiterCache = new Map<ts.Node, Limiter | null>();

  constructor(
    readonly file: FileModel,
    private readonly resolver: Resolver,
    /** Calls recognised as HTTP/SOAP client calls (their callbacks are transparent). */
    private readonly clientCalls: Set<ts.Node>,
    private readonly limiterPatterns: RegExp[],
    calls: Array<ts.CallExpression | ts.NewExpression>,
  ) {
    for (const c of calls) {
      const info = this.info(this.boundaryOf(c));
      const name = callName(c.expression);
      if (name) {
        if (!info.calls.includes(name)) info.calls.push(name);
        info.edges.push({ name, site: c });
      }
      if (ts.isCallExpression(c)) info.callNodes.push(c);
      for (const a of c.arguments ?? []) {
        const u = unwrap(a);
        if (ts.isIdentifier(u) || ts.isPropertyAccessExpression(u)) {
          const n = callName(u);
          if (n) info.edges.push({ name: n, site: u });
        } else if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression) && u.expression.name.text === 'bind') {
          const n = callName(u.expression.expression);
          if (n) info.edges.push({ name: n, site: u });
        }
      }
    }
  }

  /** The named function (or the source file) a node belongs to. */
  boundaryOf(node: ts.Node): ts.Node {
    let n: ts.Node | undefined = node.parent;
    while (n) {
      if (ts.isSourceFile(n)) return n;
      if (isFunctionLikeBoundaryCandidate(n) && !this.isTransparent(n)) return n;
      if (ts.isClassStaticBlockDeclaration(n)) return n;
      n = n.parent;
    }
    return this.file.sf;
  }

  info(boundary: ts.Node): FnInfo {
    let i = this.infos.get(boundary);
    if (!i) {
      const { name, line } = this.describe(boundary);
      i = { node: boundary, name, line, calls: [], callNodes: [], edges: [] };
      this.infos.set(boundary, i);
    }
    return i;
  }

  allInfos(): FnInfo[] {
    return [...this.infos.values()];
  }

  isTransparent(fn: ts.Node): boolean {
    const c = this.transparentCache.get(fn);
    if (c !== undefined) return c;
    let t = false;
    if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
      let child: ts.Node = fn;
      let p = fn.parent;
      while (p && ts.isParenthesizedExpression(p)) {
        child = p;
        p = p.parent;
      }
      if (p && ts.isCallExpression(p) && p.expression === child) t = true; // IIFE
      else if (p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.some((a) => a === child)) {
        const name = callName(p.expression);
        if (ts.isNewExpression(p) && name === 'Promise') t = true;
        else if (TRANSPARENT.has(lastSegment(name))) t = true;
        else if (this.clientCalls.has(p)) t = true;
        else if (ts.isCallExpression(p) && this.limiterCall(p)) t = true;
      } else if (p && ts.isPrefixUnaryExpression(p)) t = false;
    }
    this.transparentCache.set(fn, t);
    return t;
  }

  private describe(b: ts.Node): { name: string; line: number } {
    const sf = this.file.sf;
    if (ts.isSourceFile(b)) return { name: '<module>', line: 1 };
    if (ts.isClassStaticBlockDeclaration(b)) return { name: `${className(b.parent)}.<static>`, line: lineOf(sf, b) };
    if (ts.isFunctionDeclaration(b)) return { name: b.name?.text ?? 'default', line: lineOf(sf, b.name ?? b) };
    if (ts.isConstructorDeclaration(b)) return { name: `${className(b.parent)}.constructor`, line: lineOf(sf, b) };
    if (ts.isMethodDeclaration(b) || ts.isGetAccessorDeclaration(b) || ts.isSetAccessorDeclaration(b)) {
      const m = propName(b.name) ?? b.name.getText(sf);
      if (ts.isClassLike(b.parent)) return { name: `${className(b.parent)}.${m}`, line: lineOf(sf, b.name) };
      if (ts.isObjectLiteralExpression(b.parent)) {
        const owner = objectOwner(b.parent);
        return { name: owner ? `${owner}.${m}` : m, line: lineOf(sf, b.name) };
      }
      return { name: m, line: lineOf(sf, b.name) };
    }
    // Arrow / function expression.
    let child: ts.Node = b;
    let p = b.parent;
    while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p))) {
      child = p;
      p = p.parent;
    }
    if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return { name: p.name.text, line: lineOf(sf, p.name) };
    if (p && ts.isPropertyAssignment(p)) {
      const m = propName(p.name) ?? p.name.getText(sf);
      const owner = ts.isObjectLiteralExpression(p.parent) ? objectOwner(p.parent) : undefined;
      return { name: owner ? `${owner}.${m}` : m, line: lineOf(sf, p.name) };
    }
    if (p && ts.isPropertyDeclaration(p)) {
      const m = propName(p.name) ?? p.name.getText(sf);
      return { name: `${className(p.parent)}.${m}`, line: lineOf(sf, p.name) };
    }
    if (p && ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken && p.right === child) {
      const n = callName(p.left).replace(/^module\.exports\./, '').replace(/^exports\./, '');
      return { name: n || 'anonymous', line: lineOf(sf, p.left) };
    }
    if (p && ts.isExportAssignment(p)) return { name: 'default', line: lineOf(sf, b) };
    if (ts.isFunctionExpression(b) && b.name) return { name: b.name.text, line: lineOf(sf, b.name) };
    if (p && (ts.isCallExpression(p) || ts.isNewExpression(p))) {
      const n = callName(p.expression);
      return { name: `<callback of ${n || 'call'}>`, line: lineOf(sf, b) };
    }
    return { name: '<anonymous>', line: lineOf(sf, b) };
  }

  /** Innermost loop around `node` up to (not beyond) `boundary`. */
  loopAround(node: ts.Node, boundary: ts.Node): { kind: string; line: number } | undefined {
    const sf = this.file.sf;
    // A reference passed to an iteration helper: ids.map(lookup).
    const direct = callOfArgument(node);
    if (direct && !ts.isCallExpression(node)) {
      const l = this.loopCall(direct);
      if (l) return l;
    }
    let child: ts.Node = node;
    let n: ts.Node | undefined = node.parent;
    while (n && n !== boundary) {
      if (ts.isForStatement(n) && child !== n.initializer) return { kind: 'for', line: lineOf(sf, n) };
      if (ts.isForOfStatement(n) && child === n.statement) return { kind: n.awaitModifier ? 'for-await-of' : 'for-of', line: lineOf(sf, n) };
      if (ts.isForInStatement(n) && child === n.statement) return { kind: 'for-in', line: lineOf(sf, n) };
      if (ts.isWhileStatement(n)) return { kind: 'while', line: lineOf(sf, n) };
      if (ts.isDoStatement(n)) return { kind: 'do-while', line: lineOf(sf, n) };
      if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
        const call = callOfArgument(n);
        if (call) {
          const l = this.loopCall(call);
          if (l) return l;
        }
      }
      child = n;
      n = n.parent;
    }
    return undefined;
  }

  private loopCall(call: ts.CallExpression | ts.NewExpression): { kind: string; line: number } | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const sf = this.file.sf;
    const name = callName(call.expression);
    const m = lastSegment(name);
    if (!LOOP_METHODS.has(m) && name !== 'Array.from') return undefined;
    if (name === 'Array.from' && call.arguments.length < 2) return undefined;
    const outer = callOfArgument(call);
    if (outer) {
      const on = callName(outer.expression);
      if (PROMISE_COMBINATORS.has(on)) return { kind: on, line: lineOf(sf, outer) };
    }
    const callee = unwrap(call.expression);
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    return { kind: m === 'from' ? 'Array.from' : m, line: lineOf(sf, at) };
  }

  /** The limiter a call is, if it is one that takes work: `limiter.schedule(fn)`, `limit(fn)`, `queue.add(fn)`. */
  limiterCall(call: ts.CallExpression): Limiter | undefined {
    const cached = this.limiterCache.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.computeLimiter(call);
    this.limiterCache.set(call, found ?? null);
    return found;
  }

  private computeLimiter(call: ts.CallExpression): Limiter | undefined {
    const callee = unwrap(call.expression);
    const name = callName(callee);
    if (!name) return undefined;
    const line = lineOf(this.file.sf, call);
    const hit = { name, line };
    if (ts.isIdentifier(callee)) {
      const v = this.resolver.resolve(callee, this.file);
      if (v?.t === 'ext' && matchesAny(v.spec, this.limiterPatterns)) return hit;
      if (v?.t === 'node' && this.isLimiterObject(v)) return hit;
      if (matchesAny(name, this.limiterPatterns)) return hit;
      return undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && LIMITER_METHODS.has(callee.name.text)) {
      const recvExpr = unwrap(callee.expression);
      const recvName = callName(recvExpr);
      if (matchesAny(recvName, this.limiterPatterns)) return hit;
      if (callee.name.text === 'add' && /queue/i.test(recvName)) return hit;
      const rv = this.resolver.resolve(recvExpr, this.file);
      if (rv?.t === 'ext' && matchesAny(rv.spec, this.limiterPatterns)) return hit;
      if (rv?.t === 'node' && this.isLimiterObject(rv)) return hit;
    }
    return undefined;
  }

  /** A value made by a limiter package: `new Bottleneck(…)`, `pLimit(3)`, `new PQueue(…)`, `new RateLimiter(…)`. */
  isLimiterObject(v: Val): boolean {
    if (v.t !== 'node') return false;
    const n = v.node;
    if (!ts.isCallExpression(n) && !ts.isNewExpression(n)) return false;
    const c = this.resolver.resolve(n.expression, v.file);
    if (c?.t === 'ext' && matchesAny(c.spec, this.limiterPatterns)) return true;
    if (c?.t === 'inst' && matchesAny(c.spec, this.limiterPatterns)) return true;
    return matchesAny(callName(n.expression), this.limiterPatterns);
  }

  /** A limiter around `node` (callbacks handed to a limiter) up to `boundary`. */
  limiterAround(node: ts.Node, boundary: ts.Node): Limiter | undefined {
    const direct = callOfArgument(node);
    if (direct && ts.isCallExpression(direct) && !ts.isCallExpression(node)) {
      const l = this.limiterCall(direct);
      if (l) return l;
    }
    let n: ts.Node | undefined = node.parent;
    while (n && n !== boundary) {
      if (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) {
        const call = callOfArgument(n);
        if (call && ts.isCallExpression(call)) {
          const l = this.limiterCall(call);
          if (l) return l;
        }
      }
      n = n.parent;
    }
    return undefined;
  }

  /** A sequential gate in the function (`await limiter.removeTokens(1)`). */
  gateIn(info: FnInfo): Limiter | undefined {
    for (const c of info.callNodes) {
      const callee = unwrap(c.expression);
      if (ts.isPropertyAccessExpression(callee) && GATE_METHODS.has(callee.name.text)) {
        const l = this.limiterCall(c);
        if (l) return l;
      }
    }
    return undefined;
  }

  /** Same-file functions that call (or pass on) the function `f`. */
  callersOf(f: FnInfo): Array<{ info: FnInfo; sites: ts.Node[] }> {
    if (ts.isSourceFile(f.node) || f.name.startsWith('<')) return [];
    const simple = lastSegment(f.name);
    const out: Array<{ info: FnInfo; sites: ts.Node[] }> = [];
    for (const g of this.infos.values()) {
      if (g === f) continue;
      // `lookup`, `this.lookup` (normalised to `lookup`) and `svc.lookup` all name it: we do not type-check.
      const sites = g.edges.filter((e) => lastSegment(e.name) === simple).map((e) => e.site);
      if (sites.length) out.push({ info: g, sites });
    }
    return out;
  }
}

function className(n: ts.Node): string {
  if ((ts.isClassDeclaration(n) || ts.isClassExpression(n)) && n.name) return n.name.text;
  if (ts.isClassExpression(n) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name)) return n.parent.name.text;
  return '<class>';
}

function objectOwner(o: ts.ObjectLiteralExpression): string | undefined {
  let p: ts.Node = o.parent;
  while (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p)) p = p.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyAssignment(p)) return propName(p.name);
  if (ts.isBinaryExpression(p)) {
    const n = callName(p.left).replace(/^module\.exports$/, '').replace(/^exports$/, '');
    return n || undefined;
  }
  return undefined;
}
