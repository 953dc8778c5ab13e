/**
 * Reading names out of a syntax tree, the same way in every language: unwrapping
 * parentheses and casts, joining a receiver chain with `.`, the class or function
 * around a node, and a log call's name without its logger builders. The grammar's node
 * types are the caller's (a language passes its own).
 */
import type { LanguageSyntax, Node } from '../types.js';

/** Follow `step` (one wrapper down: parentheses, a cast, `await`…) until it gives nothing. */
export function unwrapWith(n: Node, step: (n: Node) => Node | null | undefined): Node {
  let cur = n;
  for (let inner = step(cur); inner; inner = step(cur)) cur = inner;
  return cur;
}

/** An unwrapping function for a language: `step` goes one wrapper down (see `unwrapWith`). */
export function unwrapper(step: (n: Node) => Node | null | undefined): (n: Node) => Node {
  return (n) => unwrapWith(n, step);
}

/** `left.name`, or `name` when there is no left part. */
export function dotted(left: string, name: string): string {
  return left ? `${left}.${name}` : name;
}

/** The last segment of a dotted name (`Http.post` → `post`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** An expression's name (`exprName`): an identifier's text, a member chain's dotted name (`chain`), else ''. */
export function identifierOrChain(e: Node, members: ReadonlySet<string>, chain: (n: Node) => string): string {
  if (e.type === 'identifier') return e.text;
  return members.has(e.type) ? chain(e) : '';
}

/** The nearest ancestor of one of `types`. */
export function enclosing(n: Node, types: ReadonlySet<string>): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (types.has(p.type)) return p;
  return undefined;
}

/** Inside a function or lambda (before reaching a class body). */
export function insideFunction(n: Node, syntax: Pick<LanguageSyntax, 'functionTypes' | 'lambdaTypes' | 'classTypes'>): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (syntax.functionTypes.has(p.type) || syntax.lambdaTypes.has(p.type)) return true;
    if (syntax.classTypes.has(p.type)) return false;
  }
  return false;
}

/**
 * The receiver of a log call with its logger builders left out (`Log::channel('audit')`,
 * `logging.getLogger(__name__)`, `log.WithFields(f)`): `builderReceiver(call)` is the
 * receiver of `call` when `call` is a builder. Undefined when there was no builder.
 */
export function withoutBuilders(recv: Node, builderReceiver: (call: Node) => Node | null | undefined): Node | undefined {
  let inner = recv;
  let moved = false;
  for (let next = builderReceiver(inner); next; next = builderReceiver(inner)) {
    inner = next;
    moved = true;
  }
  return moved ? inner : undefined;
}

/** The normalised name of a call's callee (`CallInfo.name`), its method, and its receiver. */
export interface CalleeName {
  name: string;
  method: string;
  receiver?: Node;
}

/** How a language names log calls: its level methods, and its logger builders (see `withoutBuilders`). */
export interface LogNaming {
  methods: RegExp;
  builderReceiver(call: Node): Node | null | undefined;
  unwrap(n: Node): Node;
}

/**
 * `receiver.method(…)`: the receiver chain's name and the method (`this.http.post` →
 * `http.post`); a log call's name without its logger builders (`Log::channel('a')->info`
 * → `Log.info`). `keepReceiver` says whether the receiver is reported (not a `self`).
 */
export function memberCallName(
  recv: Node | undefined,
  method: string,
  chain: (n: Node | undefined) => string,
  log?: LogNaming,
  keepReceiver: (recv: Node) => boolean = () => true,
): CalleeName {
  if (recv && log?.methods.test(method)) {
    const inner = withoutBuilders(log.unwrap(recv), log.builderReceiver);
    if (inner) return { name: dotted(chain(inner), method), method, receiver: recv };
  }
  const out: CalleeName = { name: dotted(chain(recv), method), method };
  if (recv && keepReceiver(recv)) out.receiver = recv;
  return out;
}

/** A plain function call (`name`, `pkg.name`): its method is the last segment. */
export function functionCallName(name: string): CalleeName {
  return { name, method: lastSegment(name) };
}
