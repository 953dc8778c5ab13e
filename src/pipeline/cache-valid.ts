/**
 * What a cached result must be to be used: facts of its own file only, matching the
 * facts schema (src/contracts/schemas/facts.json). The cache is untrusted input.
 */
import { FILE_FACT_LISTS } from '../facts/types.js';
import { factsErrors } from '../facts/validate.js';
import type { CachedFile } from './cache.js';

/** Keys of CollectedFacts that hold lists of facts located by `file` (every list: an entry with a kind left out here was rejected on every read). */
const LOCATED = FILE_FACT_LISTS;

/** A cached result is facts of `path` only, matching the facts schema. */
export function validCachedFile(file: unknown, path: string): file is CachedFile {
  if (!file || typeof file !== 'object') return false;
  const f = file as Partial<CachedFile>;
  if (!f.facts || typeof f.facts !== 'object' || !Array.isArray(f.pending) || !Array.isArray(f.claims)) return false;
  if (!f.claims.every((c) => typeof c === 'string')) return false;
  if (!f.pending.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && p[1] && typeof p[1] === 'object')) return false;
  const facts = f.facts;
  const known = new Set<string>(['files', ...LOCATED]);
  if (Object.keys(facts).some((k) => !known.has(k))) return false;
  for (const k of LOCATED) {
    const list = facts[k];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((x) => x && typeof x === 'object' && (x as { file?: unknown }).file === path)) return false;
  }
  if (facts.files !== undefined && (!Array.isArray(facts.files) || !facts.files.every((x) => x && typeof x === 'object' && x.path === path))) return false;
  const pendingFacts = f.pending.map((p) => p[1]);
  if (!pendingFacts.every((x) => (x as { file?: unknown }).file === path)) return false;
  // The schema, on a document made of these facts (file entries need the discovery fields).
  const doc = {
    version: 1,
    repo: { name: 'cache', binEntries: [] },
    files: (facts.files ?? []).map((x) => ({ kind: 'other', size: 0, ...x })),
    callSites: [...(facts.callSites ?? []), ...pendingFacts],
    credentials: facts.credentials ?? [],
    endpoints: facts.endpoints ?? [],
    tlsSettings: facts.tlsSettings ?? [],
    diagnostics: facts.diagnostics ?? [],
    suppressions: facts.suppressions ?? [],
    logWrites: facts.logWrites ?? [],
    officerFields: facts.officerFields ?? [],
    markings: facts.markings ?? [],
    exceptions: [],
  };
  return factsErrors(doc).length === 0;
}
