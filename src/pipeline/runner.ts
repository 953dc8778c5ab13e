/**
 * What one worker does — or the main thread, when no worker thread can be started (the
 * same code either way, so results never depend on where they were computed).
 *
 * 1. `setup`: the scan, once (root, settings, every discovered file, the cache).
 * 2. `index`: one part of the compact repository index — a collector's `prepare` pass,
 *    or the digest of the config files the config index reads.
 * 3. `context`: the whole index, once it is built.
 * 4. `chunk`: a run of files: cached facts where the cache has them, every collector on
 *    the rest (with the index), then the facts schema, then the policy bundle (loaded
 *    once per worker) on the chunk's facts. The facts are dropped once judged; what
 *    goes back is the raw findings and the little the judge and reports need.
 * 5. `evaluate`: the policies on a facts document the main thread assembled (the tail:
 *    skipped files, files whose facts waited for every chunk).
 */
import { readFileSync } from 'node:fs';
import { builtinFlavours, FLAVOUR_USERS } from '../collect/config/flavours/index.js';
import { ConfigIndex, configProviders, type ConfigTables } from '../collect/config/values.js';
import { suppressionsCollector } from '../collect/suppressions.js';
import { textCollector } from '../collect/config/index.js';
import { appendFacts, collectFiles, defaultCollectors, emptyCollected, factsOf, fileEntries } from '../collect/index.js';
import type { CollectContext, Collector } from '../collect/types.js';
import { decodeText } from '../discover/diagnostics.js';
import type { DiscoveredFile } from '../discover/types.js';
import {
  FILE_FACT_LISTS,
  type CallSiteFact,
  type CollectedFacts,
  type CredentialFact,
  type DiagnosticFact,
  type ExceptionFact,
  type Facts,
  type FileFact,
  type RepoFact,
  type SuppressionFact,
} from '../facts/types.js';
import { assertValidFacts } from '../facts/validate.js';
import { boundFacts } from '../policy/bounds.js';
import { evaluateFindings, loadEvaluator, type Evaluator, type RawFinding } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { FactsCache, sha256, type CachedFile, type CacheStats, type Deps } from './cache.js';
import { validCachedFile } from './cache-valid.js';
import { digestOf } from './digests.js';
import { FileClock, type FileTiming, type WatchSlot } from './profile.js';

export interface RunnerSetup {
  root: string;
  settings: Settings;
  files: DiscoveredFile[];
  repo: RepoFact;
  exceptions: ExceptionFact[];
  /** Return every fact of every chunk (the gate asks the policies more questions). */
  keepFacts: boolean;
  /** The cache's build directory and the key prefix of this scan (build, settings, bundle); absent: no cache. */
  cache?: { buildDir: string; base: string };
  /** A file taking longer than this (ms) is reported. */
  softMs: number;
}

export type IndexTask = { kind: 'config' } | { kind: 'flavour'; name: string } | { kind: 'prepare'; collector: string };

export interface IndexPart {
  task: IndexTask;
  value?: unknown;
  digest: string;
  /** How long it took, ms. */
  ms: number;
}

/** The compact repository index every chunk is collected with. */
export interface RepoIndex {
  prepared: Map<string, unknown>;
  /** Every config flavour's values (read once, by the `config` part). */
  config?: ConfigTables;
  digests: { config: string; tsPaths: string; projects: Record<string, string> };
}

export interface ChunkTask {
  id: number;
  /** Indexes into the discovered files. */
  files: number[];
  /** Files whose analysis ran past the time limit: the plain-text path only. */
  fallback: number[];
  /** Files whose plain-text path ran past it too: a diagnostic only. */
  bare: number[];
  /** Of `fallback` and `bare`: the files whose worker ran out of memory in them (the others ran past the time limit). */
  outOfMemory: number[];
  /** Seconds the hard limit is, for the diagnostic's message. */
  limitSeconds: number;
  /** The worker heap limit, MiB, for the diagnostic's message. */
  heapMb: number;
}

/** A soap client a file creates (reported unless claimed), with the facts of its file. */
export interface DeferredFile {
  path: string;
  facts: CollectedFacts;
  pending: Array<[key: string, fact: CallSiteFact]>;
}

export interface ChunkStats {
  files: number;
  collected: number;
  cache: CacheStats;
  /** Milliseconds: cache lookups and writes, collectors, schema check, evaluation. */
  cacheMs: number;
  collectMs: number;
  validateMs: number;
  evaluateMs: number;
  /** Milliseconds per collector. */
  collectors: Record<string, number>;
}

export interface ChunkResult {
  id: number;
  raw: RawFinding[];
  suppressions: SuppressionFact[];
  /** File entries with what collectors added (a `tool`). */
  tools: Array<Pick<FileFact, 'path'> & Partial<FileFact>>;
  diagnostics: DiagnosticFact[];
  /** Credential facts of the files with findings (the HTML report's redaction uses them). */
  credentials: CredentialFact[];
  /** Every fact of the chunk (`keepFacts`). */
  facts?: Facts;
  deferred: DeferredFile[];
  claims: string[];
  /** Files slower than the budget, and the slowest of the chunk. */
  timings: FileTiming[];
  stats: ChunkStats;
}

/** The plain-text path: what a file past the time limit still gets. */
const TEXT_PATH: Collector[] = [textCollector, suppressionsCollector];

/** Which repository-wide inputs a collector's facts depend on (beyond the files it reads). */
const CONTEXT: Record<string, (d: RepoIndex['digests']) => string> = {
  typescript: (d) => d.tsPaths,
  java: (d) => `${d.config}/${d.projects.java ?? '-'}`,
  csharp: (d) => `${d.config}/${d.projects.csharp ?? '-'}`,
  php: (d) => `${d.config}/${d.projects.php ?? '-'}`,
  python: (d) => d.config,
  go: (d) => d.config,
};

/** The collectors that look config values up (code/analysis.ts `ConfigIndex`): their keys carry the config digest. */
const CONFIG_USERS = new Set(Object.keys(CONTEXT).filter((name) => name !== 'typescript'));

/**
 * Which files each file's analysis read or used besides itself: a read while a collector
 * is on file X is X's; a read outside any file (a collector's set-up for the batch:
 * package.json `bin` entries) and every tsconfig/jsconfig (parsed once, then used by any
 * file) count for every file of the batch.
 */
class DepsTracker {
  current: string | undefined;
  private readonly byFile = new Map<string, Set<string>>();
  private readonly shared = new Set<string>();

  add(path: string): void {
    if (this.current === undefined || /(?:^|\/)[jt]sconfig[^/]*\.json$/i.test(path)) this.shared.add(path);
    else if (path !== this.current) {
      let set = this.byFile.get(this.current);
      if (!set) this.byFile.set(this.current, (set = new Set()));
      set.add(path);
    }
  }

  depsOf(path: string): string[] {
    const out = new Set(this.shared);
    for (const p of this.byFile.get(path) ?? []) out.add(p);
    out.delete(path);
    return [...out].sort();
  }

  clear(): void {
    this.current = undefined;
    this.byFile.clear();
    this.shared.clear();
  }
}

/** Facts that wait for every chunk: soap clients created in one file and called from another. */
class SoapSink {
  readonly pending = new Map<string, Array<[string, CallSiteFact]>>();
  readonly claims = new Map<string, string[]>();
  unlessClaimed(key: string, fact: CallSiteFact): void {
    const list = this.pending.get(fact.file) ?? [];
    list.push([key, fact]);
    this.pending.set(fact.file, list);
  }
  claim(key: string, by: string): void {
    const list = this.claims.get(by) ?? [];
    list.push(key);
    this.claims.set(by, list);
  }
}


/** Split a batch's facts by file; `stray` when a fact names a file outside the batch. */
function splitByFile(got: Required<CollectedFacts>, paths: ReadonlySet<string>): { byFile: Map<string, CollectedFacts>; stray: boolean } {
  const byFile = new Map<string, CollectedFacts>();
  let stray = false;
  const of = (path: string): CollectedFacts | undefined => {
    if (!paths.has(path)) {
      stray = true;
      return undefined;
    }
    let f = byFile.get(path);
    if (!f) byFile.set(path, (f = {}));
    return f;
  };
  for (const x of got.files) {
    const f = of(x.path);
    if (f) (f.files ??= []).push(x);
  }
  for (const key of FILE_FACT_LISTS) {
    for (const x of got[key] as Array<{ file: string }>) {
      const f = of(x.file);
      if (f) ((f[key] ??= []) as unknown[]).push(x);
    }
  }
  return { byFile, stray };
}

export class Runner {
  private setupData?: RunnerSetup;
  private index?: RepoIndex;
  private cache?: FactsCache;
  private evaluator?: Promise<Evaluator>;
  private readonly collectors = defaultCollectors();
  private byPath = new Map<string, DiscoveredFile>();
  /** Content hashes by path (the bytes do not change during a scan). */
  private readonly hashes = new Map<string, string>();
  /** Whether texts read are kept (while a chunk is collected, not during the index passes). */
  private keepTexts = true;
  /** Texts of the chunk being collected. */
  private readonly texts = new Map<string, string>();
  /** What the batch being collected read or used: per file being analysed, and outside any file. */
  private readonly reads = new DepsTracker();
  private ctx?: CollectContext & { deferred?: SoapSink; onFile?: (path: string) => void };

  setup(s: RunnerSetup): void {
    this.setupData = s;
    this.byPath = new Map(s.files.map((f) => [f.path, f]));
    this.cache = s.cache ? new FactsCache(s.cache.buildDir, validCachedFile) : undefined;
    const texts = this.texts;
    const reads = this.reads;
    const load = (path: string) => this.load(path);
    // One context for the whole scan (the config index is built once per context),
    // with what changes per chunk set on it.
    this.ctx = {
      root: s.root,
      settings: s.settings,
      allFiles: s.files,
      readText(path) {
        reads.add(path);
        const cached = texts.get(path);
        if (cached !== undefined) return cached;
        return load(path)?.text;
      },
      onUse(path) {
        reads.add(path);
      },
    };
  }

  private get s(): RunnerSetup {
    if (!this.setupData) throw new Error('runner used before setup');
    return this.setupData;
  }

  /**
   * A discovered file's text (kept for the chunk), and with the cache on, the hash of its
   * bytes (kept for the scan): one read gives both.
   */
  private load(path: string): { hash?: string; text?: string } | undefined {
    const file = this.byPath.get(path);
    if (!file) return undefined;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absPath);
    } catch {
      return undefined;
    }
    let hash: string | undefined;
    if (this.cache) {
      hash = sha256(bytes);
      this.hashes.set(path, hash);
    }
    let text: string | undefined;
    try {
      // UTF-16 (with a BOM) decoded, BOM dropped, stray NULs blanked: see discover/.
      text = decodeText(file, bytes);
      // Kept for the chunk being collected (its collectors read a file several times);
      // the index passes read the whole tree once each, and keeping every text they read
      // was a worker's largest allocation (hundreds of MB at 75,000 files).
      if (this.keepTexts) this.texts.set(path, text);
    } catch {
      text = undefined;
    }
    return { ...(hash !== undefined ? { hash } : {}), ...(text !== undefined ? { text } : {}) };
  }

  /** The content hash of a discovered file: of the bytes read, else discovery's (undefined when it is not one, or cannot be read). */
  private hashOf(path: string): string | undefined {
    const known = this.hashes.get(path);
    if (known !== undefined) return known;
    const file = this.byPath.get(path);
    if (!file) return undefined;
    if (file.hash) return file.hash;
    try {
      const hash = sha256(readFileSync(file.absPath));
      this.hashes.set(path, hash);
      return hash;
    } catch {
      return undefined;
    }
  }

  /** The parts of the repository index this scan needs: the config digest, and each collector's `prepare` that has files to read. */
  indexTasks(): IndexTask[] {
    const tasks: IndexTask[] = [{ kind: 'config' }];
    // Each config flavour's values, read once for every worker, when a collector that looks
    // values up has files; one task each, so that the workers share the reading.
    const present = new Set(this.collectors.filter((c) => CONFIG_USERS.has(c.name) && this.s.files.some((f) => c.appliesTo(f))).map((c) => c.name));
    for (const [name, provider] of configProviders()) {
      const users = FLAVOUR_USERS[name] ?? [...CONFIG_USERS];
      if (users.some((u) => present.has(u)) && this.s.files.some((f) => safely(() => provider.appliesTo(f)))) tasks.push({ kind: 'flavour', name });
    }
    for (const c of this.collectors) if (c.prepare && this.s.files.some((f) => c.appliesTo(f))) tasks.push({ kind: 'prepare', collector: c.name });
    return tasks;
  }

  /** One part of the repository index. */
  async indexPart(task: IndexTask): Promise<IndexPart> {
    const t = performance.now();
    this.keepTexts = false;
    try {
      const part = await this.buildIndexPart(task);
      return { ...part, ms: performance.now() - t };
    } finally {
      this.keepTexts = true;
    }
  }

  private async buildIndexPart(task: IndexTask): Promise<Omit<IndexPart, 'ms'>> {
    const ctx = this.ctx!;
    if (task.kind === 'config') {
      // Every file a config flavour reads, by content: what code files' values may come from.
      const providers = [...builtinFlavours().values()];
      const parts: string[] = [];
      for (const f of this.s.files) {
        if (!providers.some((p) => safely(() => p.appliesTo(f)))) continue;
        parts.push(`${f.path}\0${this.hashOf(f.path) ?? '-'}`);
      }
      this.texts.clear();
      return { task, digest: sha256(parts.join('\n')) };
    }
    if (task.kind === 'flavour') {
      // One flavour's values (their digest is the config digest: they are a function of
      // the files it hashes). A failure leaves the flavour to be read where it is asked for.
      let tables: ConfigTables | undefined;
      try {
        tables = new ConfigIndex(ctx).export([task.name]);
      } catch {
        tables = undefined;
      }
      this.texts.clear();
      this.reads.clear();
      return { task, ...(tables ? { value: tables } : {}), digest: '-' };
    }
    const collector = this.collectors.find((c) => c.name === task.collector);
    if (!collector?.prepare) return { task, digest: '-' };
    const mine = this.s.files.filter((f) => collector.appliesTo(f));
    let value: unknown;
    try {
      value = await collector.prepare(mine, ctx);
    } catch {
      value = undefined;
    }
    this.texts.clear();
    this.reads.clear();
    return { task, value, digest: digestOf(value) };
  }

  setIndex(index: RepoIndex): void {
    this.index = index;
    this.ctx!.prepared = index.prepared;
    if (index.config) ConfigIndex.adopt(this.ctx!, index.config);
  }

  /** The cache key of a file: its content and everything else its facts depend on. */
  private keyOf(file: DiscoveredFile, hash: string): string {
    const d = this.index!.digests;
    const context = this.collectors
      .filter((c) => CONTEXT[c.name] && c.appliesTo(file))
      .map((c) => `${c.name}=${CONTEXT[c.name]!(d)}`)
      .join(';');
    const cls = `${file.kind}|${file.language ?? ''}|${file.format ?? ''}|${file.encoding ?? ''}|${file.hasNul ? 1 : 0}`;
    return sha256(`${this.s.cache!.base}\0${file.path}\0${cls}\0${hash}\0${context}`);
  }

  /** Collect and evaluate one chunk. `slot` tells the main thread which file is being analysed. */
  async chunk(task: ChunkTask, slot?: WatchSlot): Promise<ChunkResult> {
    const s = this.s;
    const ctx = this.ctx!;
    const clock = new FileClock(s.softMs, slot);
    const stats: ChunkStats = { files: task.files.length, collected: 0, cache: { hits: 0, misses: 0, rejected: 0, written: 0 }, cacheMs: 0, collectMs: 0, validateMs: 0, evaluateMs: 0, collectors: {} };
    const files = task.files.map((i) => s.files[i]!);
    const fallback = new Set(task.fallback.map((i) => s.files[i]!.path));
    const bare = new Set(task.bare.map((i) => s.files[i]!.path));
    const outOfMemory = new Set(task.outOfMemory.map((i) => s.files[i]!.path));
    const results = new Map<string, CachedFile>();
    const keys = new Map<string, string>();
    const cacheBefore = this.cache ? { ...this.cache.stats } : undefined;

    // 1. The cache.
    let t = performance.now();
    const misses: DiscoveredFile[] = [];
    for (const f of files) {
      if (fallback.has(f.path) || bare.has(f.path)) continue;
      if (this.cache) {
        // Discovery's hash (the file is not read on a hit); else one read: the hash for
        // the key, the text for the collectors if it is a miss.
        const hash = f.hash ?? this.hashes.get(f.path) ?? this.load(f.path)?.hash;
        if (hash !== undefined) {
          const key = this.keyOf(f, hash);
          keys.set(f.path, key);
          const hit = this.cache.get(key, f.path, (p) => this.hashOf(p));
          if (hit) {
            results.set(f.path, hit);
            this.texts.delete(f.path);
            continue;
          }
        }
      }
      misses.push(f);
    }
    stats.cacheMs += performance.now() - t;

    // 2. The collectors, on what the cache did not have.
    t = performance.now();
    if (misses.length > 0) {
      stats.collected = misses.length;
      this.reads.clear();
      const sink = new SoapSink();
      ctx.deferred = sink;
      ctx.onFile = (path) => {
        clock.start(path);
        this.reads.current = path;
      };
      const got = await collectFiles(misses, ctx, this.collectors, (name) => {
        clock.endCollector(name);
        this.reads.current = undefined;
      });
      ctx.deferred = undefined;
      ctx.onFile = undefined;
      const paths = new Set(misses.map((f) => f.path));
      const { byFile, stray } = splitByFile(got, paths);
      const batch: Array<{ key: string; path: string; file: CachedFile; deps: Deps }> = [];
      for (const f of misses) {
        const r: CachedFile = { facts: byFile.get(f.path) ?? {}, pending: sink.pending.get(f.path) ?? [], claims: sink.claims.get(f.path) ?? [] };
        results.set(f.path, r);
        // Keyed by the bytes the collectors read (a file changed since discovery hashed it is
        // recorded under its new content, never the old).
        if (!this.cache) continue;
        const read = this.hashes.get(f.path);
        const key = read !== undefined && read !== f.hash ? this.keyOf(f, read) : keys.get(f.path);
        if (key) batch.push({ key, path: f.path, file: r, deps: [] });
      }
      stats.collectMs += performance.now() - t;
      // A fact about a file outside the batch could not be replayed from the cache: keep none of it.
      if (this.cache && !stray && batch.length > 0) {
        const c0 = performance.now();
        const keep = batch.filter((b) => {
          for (const p of this.reads.depsOf(b.path)) {
            const h = this.hashOf(p);
            // A file that cannot be hashed cannot be checked later: no entry for what read it.
            if (h === undefined) return false;
            b.deps.push([p, h]);
          }
          return true;
        });
        this.cache.putBatch(keep);
        stats.cacheMs += performance.now() - c0;
      }
    }

    // 3. Files past the time limit: the plain-text path (or nothing), and a diagnostic either way.
    for (const f of files) {
      if (!fallback.has(f.path) && !bare.has(f.path)) continue;
      const got = bare.has(f.path) ? emptyCollected() : await collectFiles([f], { ...ctx, deferred: undefined, onFile: (p) => clock.start(p) }, TEXT_PATH, (name) => clock.endCollector(name));
      const facts = splitByFile(got, new Set([f.path])).byFile.get(f.path) ?? {};
      const diagnostic: DiagnosticFact = {
        file: f.path,
        line: 1,
        kind: 'not-analysed',
        message: outOfMemory.has(f.path)
          ? bare.has(f.path)
            ? `analysis ran out of memory (the worker's limit of ${task.heapMb} MiB), and the plain-text checks too: nothing in this file was checked`
            : `analysis ran out of memory (the worker's limit of ${task.heapMb} MiB): only the plain-text checks ran`
          : bare.has(f.path)
            ? `analysis stopped after ${task.limitSeconds} s (the per-file time limit), and the plain-text checks too: nothing in this file was checked`
            : `analysis stopped after ${task.limitSeconds} s (the per-file time limit): only the plain-text checks ran`,
      };
      (facts.diagnostics ??= []).push(diagnostic);
      results.set(f.path, { facts, pending: [], claims: [] });
    }
    if (this.cache) {
      const c0 = performance.now();
      this.cache.flush();
      stats.cacheMs += performance.now() - c0;
      for (const k of ['hits', 'misses', 'rejected', 'written'] as const) stats.cache[k] = this.cache.stats[k] - cacheBefore![k];
    }
    this.texts.clear();
    this.reads.clear();

    // 4. The chunk's facts; files whose facts wait for every chunk are set aside.
    const deferred: DeferredFile[] = [];
    const claims: string[] = [];
    const evaluated: DiscoveredFile[] = [];
    const got = emptyCollected();
    for (const f of files) {
      const r = results.get(f.path)!;
      for (const c of r.claims) claims.push(c);
      if (r.pending.length > 0) {
        deferred.push({ path: f.path, facts: r.facts, pending: r.pending });
        continue;
      }
      evaluated.push(f);
      appendFacts(got, r.facts);
    }
    const facts = factsOf(s.repo, fileEntries(evaluated), got);
    facts.exceptions = s.exceptions;
    // A hostile file's thousands of candidates are cut, and the cut blocks (policy/bounds.ts).
    boundFacts(facts);
    t = performance.now();
    assertValidFacts(facts);
    stats.validateMs = performance.now() - t;

    // 5. The policies.
    t = performance.now();
    const raw = evaluateFindings(await this.loadEvaluator(), facts);
    stats.evaluateMs = performance.now() - t;
    stats.collectors = clock.collectors;

    const withFindings = new Set(raw.map((r) => r.file));
    return {
      id: task.id,
      raw,
      suppressions: facts.suppressions,
      tools: got.files.filter((f) => f.tool),
      diagnostics: facts.diagnostics,
      credentials: facts.credentials.filter((c) => withFindings.has(c.file)),
      ...(s.keepFacts ? { facts } : {}),
      deferred,
      claims,
      timings: clock.timings(),
      stats,
    };
  }

  private loadEvaluator(): Promise<Evaluator> {
    this.evaluator ??= loadEvaluator(this.s.settings);
    return this.evaluator;
  }

  /** The policies on a facts document (validated first). */
  async evaluate(facts: Facts): Promise<RawFinding[]> {
    assertValidFacts(facts);
    return evaluateFindings(await this.loadEvaluator(), facts);
  }
}

function safely(fn: () => boolean): boolean {
  try {
    return fn();
  } catch {
    return false;
  }
}
