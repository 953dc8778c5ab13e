/** Node ranges (UTF-16 code units) and containment, for scopes, functions and classes. */
import type { Node, Span } from './types.js';

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
