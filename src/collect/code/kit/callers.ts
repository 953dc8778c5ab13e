/**
 * The code-path context a call gets from the same-file callers of its function (both
 * source collectors): the callers as facts, and what is found around a call of the
 * function in one of them (a loop, a limiter).
 */
import type { CallSiteFact } from '../../../facts/types.js';

/** A same-file caller of a function, and where it calls (or passes on) the function. */
export interface Caller<F, S> {
  info: F;
  sites: S[];
}

export function callerFacts(callers: ReadonlyArray<Caller<{ name: string; line: number; calls: readonly string[] }, unknown>>): CallSiteFact['callers'] {
  return callers.map((g) => ({ name: g.info.name, line: g.info.line, calls: [...g.info.calls] }));
}

/** The first thing `find` finds around a call site in one of the callers, callers and sites in order. */
export function aroundCallers<F, S, R>(callers: ReadonlyArray<Caller<F, S>>, find: (site: S, caller: F) => R | undefined): R | undefined {
  for (const g of callers) {
    for (const s of g.sites) {
      const r = find(s, g.info);
      if (r) return r;
    }
  }
  return undefined;
}
