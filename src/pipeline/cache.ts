/**
 * The content-addressed cache of per-file facts, so a re-scan of an unchanged tree
 * collects nothing.
 *
 * Keys (`entryKey`): SHA-256 over the cache format, the running build's identity (code
 * changes and version bumps never reuse an entry), the settings, the policy bundle, the
 * file's path, classification and content hash, and the digest of every whole-repository
 * input its collectors consult (config index, prepared projects, the set of module
 * paths). The other files a file's analysis read or used (imports, tsconfig,
 * package.json; `readText` and `onUse` in collect/types.ts) are recorded as a *deps
 * record* — `[path, content hash]` pairs — that must still hold for a hit. A wrong hit
 * would be a missed violation, so every input is in the key or in the deps.
 *
 * Layout, under `<dir>/v1/<build>/`:
 *   entries/<2 hex>/<key>.json   a file with facts: { v, key, path, deps, sum, payload }
 *   deps/<sha256>.json           a deps record, named by the hash of its content
 *   empty/<random>.keys          lines "<key> <deps|->": files whose facts are empty
 *                                (most files: one line each instead of one file)
 *
 * Concurrent runs are safe: every file is written to a temporary name and renamed into
 * place (readers see all of it or nothing); empty-key logs are never rewritten in place.
 *
 * The cache is untrusted input: an entry is used only when its key, path and checksum
 * match, its payload parses, matches the facts schema and speaks only of its own file;
 * anything else is a miss (and counted as rejected). Entries are keyed by content, so an
 * entry can only ever describe the exact bytes it was computed from.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CallSiteFact, CollectedFacts } from '../facts/types.js';

export const CACHE_FORMAT = 1;

/** Largest entry read (anything bigger is a miss): facts of one file are far smaller. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Empty-key logs beyond this many are merged into one. */
const MAX_EMPTY_LOGS = 256;
/** Build directories unused this long are removed. */
const STALE_BUILD_MS = 14 * 24 * 3600 * 1000;

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The user's cache directory for dancu-guard: `$XDG_CACHE_HOME/dancu-guard`, else `~/.cache/dancu-guard`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.cache'), 'dancu-guard');
}

/** What a file's facts were computed from, besides its own content. */
export type Deps = Array<[path: string, contentHash: string]>;

/** One file's cached result. */
export interface CachedFile {
  facts: CollectedFacts;
  /** Soap clients this file creates, reported unless another file claims them (collect/types.ts, DeferredSink). */
  pending: Array<[key: string, fact: CallSiteFact]>;
  /** Soap clients this file's analysis claimed. */
  claims: string[];
}

export interface CacheStats {
  hits: number;
  misses: number;
  rejected: number;
  written: number;
}

function isEmpty(c: CachedFile): boolean {
  return c.pending.length === 0 && c.claims.length === 0 && Object.values(c.facts).every((l) => !Array.isArray(l) || l.length === 0);
}

/** Write `data` to `path` atomically (temporary file, then rename). */
function atomicWrite(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    throw err;
  }
}

/**
 * The cache of one build (`buildDir`); opened by each worker. Every failure to read is
 * a miss and every failure to write is ignored: the cache can only save time.
 */
export class FactsCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, written: 0 };
  private empties?: Map<string, string>;
  private readonly depsChecked = new Map<string, boolean>();
  private readonly pendingEmpty: string[] = [];

  /** `valid`: whether a cached result is well-formed facts of its file (cache-valid.ts); anything else is rejected. */
  constructor(
    readonly buildDir: string,
    private readonly valid: (file: unknown, path: string) => file is CachedFile,
  ) {}

  /** Create the build directory (owner-only) and remove other builds' stale directories. Run once per scan, by the main thread. */
  static open(dir: string, build: string): string {
    const root = join(dir, `v${CACHE_FORMAT}`);
    const buildDir = join(root, build);
    mkdirSync(buildDir, { recursive: true, mode: 0o700 });
    const now = new Date();
    try {
      utimesSync(buildDir, now, now);
      for (const other of readdirSync(root)) {
        if (other === build) continue;
        const p = join(root, other);
        if (now.getTime() - statSync(p).mtimeMs > STALE_BUILD_MS) rmSync(p, { recursive: true, force: true });
      }
    } catch {
      // pruning is best effort
    }
    return buildDir;
  }

  /** The cached result for `key` and `path`, if present, intact and still valid (deps checked with `hashOf`). */
  get(key: string, path: string, hashOf: (path: string) => string | undefined): CachedFile | undefined {
    const empty = this.emptyKeys().get(key);
    if (empty !== undefined) {
      if (empty === '-' || this.depsHold(empty, hashOf)) {
        this.stats.hits++;
        return { facts: {}, pending: [], claims: [] };
      }
    }
    let raw: string;
    try {
      const file = this.entryPath(key);
      if (statSync(file).size > MAX_ENTRY_BYTES) return this.reject();
      raw = readFileSync(file, 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const entry = this.parseEntry(raw, key, path);
    if (!entry) return this.reject();
    if (entry.deps !== '-' && !this.depsHold(entry.deps, hashOf)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return entry.file;
  }

  /** Record a batch's results, each with what it was computed from besides its own content (`deps`). */
  putBatch(results: ReadonlyArray<{ key: string; path: string; file: CachedFile; deps: Deps }>): void {
    const refs = new Map<string, string>();
    try {
      for (const r of results) {
        let depsRef = '-';
        if (r.deps.length > 0) {
          const id = r.deps.map((d) => d.join('\0')).join('\n');
          depsRef = refs.get(id) ?? this.writeDeps(r.deps);
          refs.set(id, depsRef);
        }
        if (isEmpty(r.file)) this.pendingEmpty.push(`${r.key} ${depsRef}`);
        else this.writeEntry(r.key, r.path, depsRef, r.file);
      }
    } catch {
      // a full disk or a read-only cache costs time, never a result
    }
  }

  /** Write the empty keys gathered so far (one log per call). */
  flush(): void {
    if (this.pendingEmpty.length === 0) return;
    const lines = this.pendingEmpty.splice(0).join('\n') + '\n';
    try {
      const dir = join(this.buildDir, 'empty');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      atomicWrite(join(dir, `${randomBytes(12).toString('hex')}.keys`), lines);
      this.stats.written += lines.split('\n').length - 1;
      this.compactEmpties(dir);
    } catch {
      // best effort
    }
  }

  private reject(): undefined {
    this.stats.rejected++;
    this.stats.misses++;
    return undefined;
  }

  private entryPath(key: string): string {
    return join(this.buildDir, 'entries', key.slice(0, 2), `${key}.json`);
  }

  private writeEntry(key: string, path: string, deps: string, file: CachedFile): void {
    const payload = JSON.stringify(file);
    const doc = JSON.stringify({ v: CACHE_FORMAT, key, path, deps, sum: sha256(payload), payload });
    const target = this.entryPath(key);
    mkdirSync(join(this.buildDir, 'entries', key.slice(0, 2)), { recursive: true, mode: 0o700 });
    atomicWrite(target, doc);
    this.stats.written++;
  }

  private writeDeps(deps: Deps): string {
    const sorted = [...deps].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const text = JSON.stringify(sorted);
    const name = sha256(text);
    const dir = join(this.buildDir, 'deps');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const target = join(dir, `${name}.json`);
    try {
      statSync(target);
    } catch {
      atomicWrite(target, text);
    }
    this.depsChecked.set(name, true);
    return name;
  }

  /** Whether every `[path, hash]` of the deps record `ref` still holds (checked once per record). */
  private depsHold(ref: string, hashOf: (path: string) => string | undefined): boolean {
    const known = this.depsChecked.get(ref);
    if (known !== undefined) return known;
    let ok = false;
    try {
      if (HEX64.test(ref)) {
        const text = readFileSync(join(this.buildDir, 'deps', `${ref}.json`), 'utf8');
        const deps = JSON.parse(text) as unknown;
        ok =
          sha256(text) === ref &&
          Array.isArray(deps) &&
          deps.every((d) => Array.isArray(d) && d.length === 2 && typeof d[0] === 'string' && typeof d[1] === 'string' && hashOf(d[0]) === d[1]);
      }
    } catch {
      ok = false;
    }
    this.depsChecked.set(ref, ok);
    return ok;
  }

  /** Every key recorded as having no facts (loaded once; malformed lines ignored). */
  private emptyKeys(): Map<string, string> {
    if (this.empties) return this.empties;
    const out = new Map<string, string>();
    const dir = join(this.buildDir, 'empty');
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.keys'));
    } catch {
      names = [];
    }
    for (const n of names) {
      let text: string;
      try {
        text = readFileSync(join(dir, n), 'utf8');
      } catch {
        continue; // merged away by a concurrent run
      }
      for (const line of text.split('\n')) {
        const [key, deps] = line.split(' ');
        if (key && deps && HEX64.test(key) && (deps === '-' || HEX64.test(deps))) out.set(key, deps);
      }
    }
    this.empties = out;
    return out;
  }

  /** Merge the empty-key logs into one when there are many (the merged log is written before any is removed). */
  private compactEmpties(dir: string): void {
    const names = readdirSync(dir).filter((n) => n.endsWith('.keys'));
    if (names.length <= MAX_EMPTY_LOGS) return;
    const lines = new Set<string>();
    const merged: string[] = [];
    for (const n of names) {
      try {
        for (const l of readFileSync(join(dir, n), 'utf8').split('\n')) if (l) lines.add(l);
        merged.push(n);
      } catch {
        // gone already
      }
    }
    atomicWrite(join(dir, `${randomBytes(12).toString('hex')}.keys`), [...lines].join('\n') + '\n');
    for (const n of merged) {
      try {
        unlinkSync(join(dir, n));
      } catch {
        // removed by a concurrent compaction
      }
    }
  }

  /** An entry's content, if it is intact, for `key` and `path`, and its facts are well-formed facts of `path` only. */
  private parseEntry(raw: string, key: string, path: string): { deps: string; file: CachedFile } | undefined {
    let doc: { v?: unknown; key?: unknown; path?: unknown; deps?: unknown; sum?: unknown; payload?: unknown };
    try {
      doc = JSON.parse(raw) as typeof doc;
    } catch {
      return undefined;
    }
    if (doc.v !== CACHE_FORMAT || doc.key !== key || doc.path !== path || typeof doc.payload !== 'string' || doc.sum !== sha256(doc.payload)) return undefined;
    if (typeof doc.deps !== 'string' || (doc.deps !== '-' && !HEX64.test(doc.deps))) return undefined;
    let file: CachedFile;
    try {
      file = JSON.parse(doc.payload) as CachedFile;
    } catch {
      return undefined;
    }
    return this.valid(file, path) ? { deps: doc.deps, file } : undefined;
  }
}

