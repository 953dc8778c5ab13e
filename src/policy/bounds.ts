/**
 * Bounded input for the policies. A hostile file can make a collector find thousands of
 * candidates on one line (`Server=x;Password=` repeated over 200 KB is 11,000 connection
 * strings); every fact becomes input to Rego and a finding to sort, report and upload,
 * and a file's facts are evaluated as one chunk. So each file keeps at most
 * `MAX_FACTS_PER_FILE` facts of a kind (the first, in document order), and a file that
 * had more gets a `not-analysed` diagnostic: it blocks (DG-CFG-004) rather than passing
 * on what was dropped.
 */
import type { DiagnosticFact, Facts } from '../facts/types.js';

export const MAX_FACTS_PER_FILE = 1000;

type Located = { file: string; line: number; column?: number };
const KINDS = [
  ['credentials', 'credential candidates'],
  ['callSites', 'call sites'],
  ['endpoints', 'endpoints'],
  ['tlsSettings', 'TLS settings'],
  ['suppressions', 'suppression directives'],
] as const;

function byLocation(a: Located, b: Located): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/** Keep at most `max` facts of each kind per file; say where more were dropped. Mutates and returns `facts`. */
export function boundFacts(facts: Facts, max = MAX_FACTS_PER_FILE): Facts {
  const dropped: DiagnosticFact[] = [];
  for (const [kind, label] of KINDS) {
    const list = facts[kind] as Located[];
    const perFile = new Map<string, Located[]>();
    for (const f of list) {
      const l = perFile.get(f.file);
      if (l) l.push(f);
      else perFile.set(f.file, [f]);
    }
    if (![...perFile.values()].some((l) => l.length > max)) continue;
    const keep = new Set<Located>();
    for (const [file, l] of perFile) {
      const sorted = l.length > max ? [...l].sort(byLocation) : l;
      for (const f of sorted.slice(0, max)) keep.add(f);
      if (l.length > max) {
        const first = sorted[max]!;
        dropped.push({ file, line: first.line, kind: 'not-analysed', message: `${l.length} ${label} in one file, more than the ${max} analysed: those from line ${first.line} on were not` });
      }
    }
    (facts as unknown as Record<string, Located[]>)[kind] = list.filter((f) => keep.has(f));
  }
  facts.diagnostics.push(...dropped);
  return facts;
}
