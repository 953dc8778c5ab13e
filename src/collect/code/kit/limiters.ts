/** Rate limiters declared with marks (annotations, attributes, decorators) on a function or its class. */
import type { Limiter, Node } from '../types.js';

/**
 * The first limiter `judge` finds among the marks of `holders` (the function, then its
 * class), in order. `judge` returns a limiter, undefined to go on, or null to stop
 * (a mark that switches limiting off, `[DisableRateLimiting]`).
 */
export function markedLimiter(
  holders: ReadonlyArray<Node | null | undefined>,
  marksOf: (holder: Node) => Iterable<Node | null>,
  judge: (mark: Node) => Limiter | null | undefined,
): Limiter | undefined {
  for (const h of holders) {
    if (!h) continue;
    for (const m of marksOf(h)) {
      if (!m) continue;
      const l = judge(m);
      if (l === null) return undefined;
      if (l) return l;
    }
  }
  return undefined;
}

/** A mark's text as a limiter's name: whitespace collapsed, cut to `max` characters, between `open` and `close`. */
export function markName(text: string, max: number, open = '', close = ''): string {
  return `${open}${text.replace(/\s+/g, ' ').slice(0, max)}${close}`;
}
