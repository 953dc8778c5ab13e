/** Reading calls: argument lists, in the shape every language's `CallInfo.args` has. */
import { contains, spanOf } from '../span.js';
import type { CallInfo, Node, ParsedFile } from '../types.js';

/**
 * The argument expressions of an argument list, in order: comments skipped, and an
 * argument wrapper (`argument` in C# and PHP, holding `name: value`) replaced by its
 * value (its last named child that is not a comment).
 */
export function argumentValues(list: Node | null | undefined, comments: ReadonlySet<string>, wrapper?: string): Node[] {
  const out: Node[] = [];
  for (const a of list?.namedChildren ?? []) {
    if (!a || comments.has(a.type)) continue;
    if (a.type === wrapper) {
      const kids = a.namedChildren.filter((c): c is Node => !!c && !comments.has(c.type));
      const v = kids[kids.length - 1];
      if (v) out.push(v);
    } else out.push(a);
  }
  return out;
}

/** The call an expression was made by: itself, or what the name it is was initialised with (`$client = new Client()`). */
export function madeBy(fa: ParsedFile, n: Node | null | undefined): CallInfo | undefined {
  if (!n) return undefined;
  const e = fa.syntax.unwrap(n);
  const direct = fa.callInfo(e);
  if (direct) return direct;
  const o = fa.syntax.unwrap(fa.resolver.origin(e));
  return o.id === e.id ? undefined : fa.callInfo(o);
}

/** The calls of a fluent chain from `node` inwards (`a.b().c()` → `c`, `b`). */
export function chainCalls(fa: ParsedFile, node: Node): CallInfo[] {
  const out: CallInfo[] = [];
  for (let c = fa.callInfo(node); c; ) {
    out.push(c);
    c = c.receiver ? fa.callInfo(fa.syntax.unwrap(c.receiver)) : undefined;
  }
  return out;
}

/** The innermost class around `n` (not `n` itself). */
export function classAround(fa: ParsedFile, n: Node): Node | undefined {
  let best: Node | undefined;
  const at = spanOf(n);
  for (const s of fa.spans('class')) if (s.node.id !== n.id && contains(s, at) && (!best || s.start > best.startIndex)) best = s.node;
  return best;
}
