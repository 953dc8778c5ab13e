/**
 * The streaming middle of a scan: collect → facts → evaluate, chunk by chunk, on the
 * worker pool, with memory that does not grow with the tree.
 *
 * 1. The compact repository index: each part (config digest, each collector's
 *    `prepare`) on whichever worker is free, then the whole sent to every worker.
 * 2. Chunks (plan.ts): each worker collects a chunk (from the cache where it can),
 *    checks the facts schema, evaluates the policies, and returns raw findings and
 *    suppressions; the chunk's facts are dropped there. Results are merged in chunk
 *    order, whatever order they arrive in.
 * 3. The tail: soap clients created in one file and called in another are settled
 *    across chunks; the files that waited on it, and the diagnostics of files discovery
 *    skipped, are evaluated last.
 */
import type { DiscoveredFile, SkippedFile } from '../discover/types.js';
import { skippedDiagnostics } from '../discover/diagnostics.js';
import { emptyFacts, FILE_FACT_LISTS, type CredentialFact, type DiagnosticFact, type ExceptionFact, type Facts, type FileFact, type FileFactList, type RepoFact, type SuppressionFact } from '../facts/types.js';
import { policyWasm } from '../policy/bundle.js';
import { boundFacts } from '../policy/bounds.js';
import { append, appendLists } from '../util/arrays.js';
import { rawFindingKey, type Evaluator, type RawFinding } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { CACHE_FORMAT, FactsCache, sha256 } from './cache.js';
import { buildId, digestOf } from './digests.js';
import { readScanMemo, scanMemoKey, writeScanMemo } from './scan-memo.js';
import { planChunks } from './plan.js';
import { openPool } from './pool.js';
import { emptyProfile, keepSlowest, type ScanProfile } from './profile.js';
import type { ConfigTables } from '../collect/config/values.js';
import type { ChunkResult, ChunkTask, DeferredFile, RepoIndex } from './runner.js';

export interface StreamOptions {
  /** The directory holding the files. */
  dir: string;
  settings: Settings;
  files: DiscoveredFile[];
  skipped: readonly SkippedFile[];
  repo: RepoFact;
  exceptions: ExceptionFact[];
  keepFacts: boolean;
  jobs: number;
  /** The facts cache (undefined: none): its directory, this build's directory in it, and the key prefix (build, settings, bundle). */
  cache?: ScanCache;
  budgetMs: number;
  limitMs: number;
  /** Each worker thread's heap limit, MiB. */
  heapMb: number;
  /** Most files per chunk (default: plan.ts). */
  chunkFiles?: number;
  progress: (status: string) => void;
}

export interface Streamed {
  raw: RawFinding[];
  /** Every fact (`keepFacts`), or the compact subset (see `ScanResult.facts`). */
  facts: Facts;
  evaluator?: Evaluator;
  profile: ScanProfile;
}

/** Module-like paths whose set a TypeScript file's import resolution depends on. */
const MODULE_PATH = /\.(?:[cm]?[jt]sx?|json)$/i;

/** Apart from `files`, what the compact facts keep of a chunk: small, and what judging and reports need. */
interface Kept {
  suppressions: SuppressionFact[];
  diagnostics: DiagnosticFact[];
  credentials: CredentialFact[];
  tools: Map<string, FileFact['tool']>;
}

export interface ScanCache {
  dir: string;
  buildDir: string;
  base: string;
}

/** Open the facts cache in `dir` for this build and these settings; undefined when the directory is unusable (that costs time, never a result). */
export function openScanCache(dir: string, settings: Settings): ScanCache | undefined {
  try {
    const build = buildId();
    return { dir, buildDir: FactsCache.open(dir, build), base: sha256(`${CACHE_FORMAT}\0${build}\0${digestOf(settings)}\0${sha256(policyWasm())}`) };
  } catch {
    return undefined;
  }
}

export async function streamFacts(o: StreamOptions): Promise<Streamed> {
  const t0 = performance.now();
  const profile = emptyProfile(o.budgetMs, o.limitMs, o.heapMb);
  const stage = (name: string, since: number) => (profile.stages[name] = (profile.stages[name] ?? 0) + performance.now() - since);
  const chunks = planChunks(o.files, o.chunkFiles);
  profile.files = o.files.length;
  profile.chunks = chunks.length;
  const cache = o.cache;

  // The whole scan from its memo, when nothing it depends on changed (scan-memo.ts).
  const memoKey = cache && !o.keepFacts ? scanMemoKey(cache.base, o) : undefined;
  if (cache && memoKey) {
    const t = performance.now();
    const memo = readScanMemo(cache.buildDir, memoKey);
    stage('scan memo', t);
    if (memo) {
      profile.cache = { hits: 0, misses: 0, rejected: 0, written: 0, dir: cache.dir, memo: 'hit' };
      profile.wallMs = performance.now() - t0;
      return { raw: memo.raw, facts: resultFacts(o, memo.kept, undefined, undefined), profile };
    }
  }

  // With keepFacts the main thread answers the gate's further questions: load the bundle meanwhile.
  const evaluator = o.keepFacts ? import('../policy/evaluate.js').then((m) => m.loadEvaluator(o.settings)) : undefined;
  evaluator?.catch(() => undefined);

  const pool = await openPool({ jobs: Math.min(o.jobs, Math.max(1, chunks.length)), limitMs: o.limitMs, heapMb: o.heapMb });
  profile.jobs = pool.threads;
  try {
    let t = performance.now();
    o.progress('indexing the repository…');
    await pool.setup({ root: o.dir, settings: o.settings, files: o.files, repo: o.repo, exceptions: o.exceptions, keepFacts: o.keepFacts, ...(cache ? { cache: { buildDir: cache.buildDir, base: cache.base } } : {}), softMs: o.budgetMs });
    const parts = await pool.index(await pool.plan());
    const index: RepoIndex = { prepared: new Map(), digests: { config: '-', tsPaths: sha256(o.files.filter((f) => MODULE_PATH.test(f.path)).map((f) => f.path).join('\n')), projects: {} } };
    for (const p of parts) {
      profile.work[`index: ${p.task.kind === 'config' ? 'config digest' : p.task.kind === 'flavour' ? `config ${p.task.name}` : `prepare ${p.task.collector}`}`] = p.ms;
      if (p.task.kind === 'config') index.digests.config = p.digest;
      else if (p.task.kind === 'flavour') {
        if (p.value) (index.config ??= []).push(...(p.value as ConfigTables));
      } else {
        index.prepared.set(p.task.collector, p.value);
        index.digests.projects[p.task.collector] = p.digest;
      }
    }
    await pool.context(index);
    // The workers have their copies: the main thread keeps none of the values.
    delete index.config;
    parts.length = 0;
    stage('index', t);

    t = performance.now();
    const results: Array<ChunkResult | undefined> = new Array(chunks.length);
    let done = 0;
    let filesDone = 0;
    const tasks: ChunkTask[] = chunks.map((files, id) => ({ id, files, fallback: [], bare: [], outOfMemory: [], limitSeconds: Math.round(o.limitMs / 100) / 10, heapMb: o.heapMb }));
    o.progress(`collecting facts from ${o.files.length} files…`);
    await pool.chunks(
      tasks,
      (r) => {
        results[r.id] = r;
        done++;
        filesDone += r.stats.files;
        o.progress(`collected ${filesDone}/${o.files.length} files (${done}/${chunks.length} chunks)`);
      },
      (file, next, reason) => profile.stopped.push({ path: o.files[file]!.path, fallback: next, reason }),
    );
    stage('collect + evaluate', t);

    t = performance.now();
    const merged = merge(results, profile, o, cache?.dir);
    const tail = tailFacts(o, merged.deferred, merged.claims, merged.kept, chunks.length === 0);
    const seen = merged.seen;
    if (tail) {
      for (const r of await pool.evaluate(tail)) {
        const key = rawFindingKey(r);
        if (seen.has(key)) continue;
        seen.add(key);
        merged.raw.push(r);
      }
    }
    stage('tail', t);
    // Results that depend on the machine's speed (a file stopped at the limit) are not memoised.
    if (cache && memoKey && profile.stopped.length === 0) {
      writeScanMemo(cache.buildDir, memoKey, { raw: merged.raw, kept: merged.kept });
      if (profile.cache) profile.cache.memo = 'written';
    }

    const facts = resultFacts(o, merged.kept, merged.full, tail);
    profile.wallMs = performance.now() - t0;
    // Stopped files: the last word per file (text, then none if stopped again).
    const stopped = new Map(profile.stopped.map((s) => [s.path, s]));
    profile.stopped = [...stopped.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    return { raw: merged.raw, facts, ...(evaluator ? { evaluator: await evaluator } : {}), profile };
  } finally {
    await pool.close();
  }
}

interface Merged {
  raw: RawFinding[];
  seen: Set<string>;
  kept: Kept;
  full?: Facts;
  deferred: DeferredFile[];
  claims: Set<string>;
}

/** Chunk results in chunk order: raw findings deduplicated, what is kept, the profile summed. */
function merge(results: ReadonlyArray<ChunkResult | undefined>, profile: ScanProfile, o: StreamOptions, cacheDir: string | undefined): Merged {
  const raw: RawFinding[] = [];
  const seen = new Set<string>();
  const kept: Kept = { suppressions: [], diagnostics: [], credentials: [], tools: new Map() };
  const full = o.keepFacts ? emptyFacts(o.repo) : undefined;
  const deferred: DeferredFile[] = [];
  const claims = new Set<string>();
  const cache = { hits: 0, misses: 0, rejected: 0, written: 0 };
  for (const r of results) {
    if (!r) continue;
    for (const f of r.raw) {
      const key = rawFindingKey(f);
      if (seen.has(key)) continue;
      seen.add(key);
      raw.push(f);
    }
    append(kept.suppressions, r.suppressions);
    append(kept.diagnostics, r.diagnostics);
    append(kept.credentials, r.credentials);
    for (const t of r.tools) if (t.tool) kept.tools.set(t.path, t.tool);
    if (full && r.facts) {
      append(full.files, r.facts.files);
      appendLists(full as unknown as Record<FileFactList, unknown[]>, r.facts, FILE_FACT_LISTS);
    }
    append(deferred, r.deferred);
    for (const c of r.claims) claims.add(c);
    profile.collected += r.stats.collected;
    profile.work.cache += r.stats.cacheMs;
    profile.work.collect += r.stats.collectMs;
    profile.work.validate += r.stats.validateMs;
    profile.work.evaluate += r.stats.evaluateMs;
    for (const [name, t] of Object.entries(r.stats.collectors)) profile.collectors[name] = (profile.collectors[name] ?? 0) + t;
    for (const k of ['hits', 'misses', 'rejected', 'written'] as const) cache[k] += r.stats.cache[k];
    for (const t of r.timings) if (t.ms > o.budgetMs) profile.overBudget.push(t);
    keepSlowest(profile.slowest, r.timings);
  }
  profile.overBudget.sort((a, b) => b.ms - a.ms || (a.path < b.path ? -1 : 1));
  if (cacheDir) profile.cache = { ...cache, dir: cacheDir };
  return { raw, seen, kept, ...(full ? { full } : {}), deferred, claims };
}

/**
 * What is judged last: files whose soap clients waited on every chunk (with the
 * unclaimed ones as call sites), files discovery could not check (DG-CFG-004), and the
 * exceptions when no chunk carried them (a tree with no file). Undefined when there is nothing.
 */
function tailFacts(o: StreamOptions, deferred: readonly DeferredFile[], claims: ReadonlySet<string>, kept: Kept, noChunks: boolean): Facts | undefined {
  const skipped = skippedDiagnostics(o.skipped);
  if (deferred.length === 0 && skipped.length === 0 && !(noChunks && o.exceptions.length > 0)) return undefined;
  const facts = emptyFacts(o.repo);
  facts.exceptions = o.exceptions;
  const byPath = new Map(o.files.map((f) => [f.path, f]));
  for (const d of deferred) {
    const file = byPath.get(d.path);
    if (!file) continue;
    const entry: FileFact = { path: file.path, kind: file.kind, size: file.size };
    if (file.language) entry.language = file.language;
    if (file.format) entry.format = file.format;
    for (const f of d.facts.files ?? []) Object.assign(entry, f);
    facts.files.push(entry);
    appendLists(facts as unknown as Record<FileFactList, unknown[]>, d.facts, FILE_FACT_LISTS);
    for (const [key, fact] of d.pending) if (!claims.has(key)) facts.callSites.push(fact);
    if (entry.tool) kept.tools.set(entry.path, entry.tool);
  }
  for (const x of skipped) facts.diagnostics.push(x);
  // The judge and the reports see the tail's suppressions, diagnostics and credentials too.
  for (const x of facts.suppressions) kept.suppressions.push(x);
  for (const x of facts.diagnostics) kept.diagnostics.push(x);
  for (const x of facts.credentials) kept.credentials.push(x);
  return facts;
}

/**
 * The facts a scan result holds: every fact with `keepFacts`; otherwise the file entries,
 * the diagnostics, suppressions and exceptions, and the credentials of files with
 * findings — call sites, endpoints and TLS settings were dropped once judged.
 */
function resultFacts(o: StreamOptions, kept: Kept, full: Facts | undefined, tail: Facts | undefined): Facts {
  if (full) {
    if (tail) {
      append(full.files, tail.files);
      appendLists(full as unknown as Record<FileFactList, unknown[]>, tail, FILE_FACT_LISTS);
    }
    // Every discovered file has its entry (chunks evaluate only files with facts).
    const present = new Set(full.files.map((f) => f.path));
    for (const f of o.files) {
      if (present.has(f.path)) continue;
      const entry: FileFact = { path: f.path, kind: f.kind, size: f.size };
      if (f.language) entry.language = f.language;
      if (f.format) entry.format = f.format;
      full.files.push(entry);
    }
    full.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    full.exceptions = o.exceptions;
    return full;
  }
  const facts = emptyFacts(o.repo);
  for (const f of o.files) {
    const entry: FileFact = { path: f.path, kind: f.kind, size: f.size };
    if (f.language) entry.language = f.language;
    if (f.format) entry.format = f.format;
    const tool = kept.tools.get(f.path);
    if (tool) entry.tool = tool;
    facts.files.push(entry);
  }
  facts.credentials = kept.credentials;
  facts.diagnostics = kept.diagnostics;
  facts.suppressions = kept.suppressions;
  facts.exceptions = o.exceptions;
  return facts;
}
