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
 * Layout, under `<dir>/v2/<build>/`:
 *   packs/<random>.pack    the entries of one chunk, one JSON document per line:
 *                          { v, key, path, deps, sum, payload }
 *   index/<random>.keys    lines "<key> <deps|-> <pack|-> <offset> <length>": where each
 *                          entry is (pack "-": a file whose facts are empty, most files)
 *   deps/<sha256>.json     a deps record, named by the hash of its content
 *   memo/<key>.json        whole-scan results (memo.ts)
 *
 * One pack and one index log per chunk, not one file per entry: writing 10,000 small
 * files cost more than collecting them (measured: 2.9 s of a 6.7 s cold scan).
 *
 * Concurrent runs are safe: every file is written to a temporary name and renamed into
 * place (readers see all of it or nothing), a pack before the index log that points
 * into it; logs are never rewritten in place (many are merged into a new one).
 *
 * The cache is untrusted input: an entry is used only when its key, path and checksum
 * match, its payload parses, matches the facts schema and speaks only of its own file;
 * anything else is a miss (and counted as rejected). Entries are keyed by content, so an
 * entry can only ever describe the exact bytes it was computed from.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CallSiteFact, CollectedFacts } from '../facts/types.js';

export const CACHE_FORMAT = 2;

/** Largest entry read (anything bigger is a miss): facts of one file are far smaller. */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;
/** Index logs beyond this many are merged into one. */
const MAX_INDEX_LOGS = 256;
/** Build directories unused this long are removed. */
const STALE_BUILD_MS = 14 * 24 * 3600 * 1000;
/** A pack no index line points to, older than this, is removed when logs are merged (younger: its log may still be on its way). */
const ORPHAN_PACK_MS = 3600 * 1000;
/** Lines kept per key when logs are merged (one per deps record). */
const KEEP_PER_KEY = 4;

const HEX64 = /^[0-9a-f]{64}$/;
const PACK_NAME = /^[0-9a-f]{24}$/;

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
export function atomicWrite(path: string, data: string | Uint8Array): void {
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

/** Where an entry is: its deps record, and its pack, offset and length (pack "-": empty facts). */
interface Location {
  deps: string;
  pack: string;
  offset: number;
  length: number;
}

/** One index line, parsed; undefined when malformed. */
function parseIndexLine(line: string): [string, Location] | undefined {
  const [key, deps, pack, offset, length] = line.split(' ');
  if (!key || !deps || !pack || offset === undefined || length === undefined) return undefined;
  if (!HEX64.test(key) || (deps !== '-' && !HEX64.test(deps)) || (pack !== '-' && !PACK_NAME.test(pack))) return undefined;
  const off = Number(offset);
  const len = Number(length);
  if (!Number.isSafeInteger(off) || !Number.isSafeInteger(len) || off < 0 || len < 0 || len > MAX_ENTRY_BYTES) return undefined;
  return [key, { deps, pack, offset: off, length: len }];
}

/**
 * The cache of one build (`buildDir`); opened by each worker. Every failure to read is
 * a miss and every failure to write is ignored: the cache can only save time.
 */
export class FactsCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, rejected: 0, written: 0 };
  private locations?: Map<string, Location[]>;
  private readonly depsChecked = new Map<string, boolean>();
  /** Entries of the chunk being written: index lines and pack lines. */
  private pendingLines: string[] = [];
  private pendingDocs: string[] = [];
  private pendingBytes = 0;
  private readonly packFds = new Map<string, number>();

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
    // The newest line whose deps still hold (a file's key stays while what it imports changes).
    const lines = this.index().get(key) ?? [];
    let at: Location | undefined;
    for (let i = lines.length - 1; i >= 0 && !at; i--) if (lines[i]!.deps === '-' || this.depsHold(lines[i]!.deps, hashOf)) at = lines[i];
    if (!at) {
      this.stats.misses++;
      return undefined;
    }
    if (at.pack === '-') {
      this.stats.hits++;
      return { facts: {}, pending: [], claims: [] };
    }
    const raw = this.readPack(at);
    if (raw === undefined) {
      this.stats.misses++;
      return undefined;
    }
    const file = this.parseEntry(raw, key, path, at.deps);
    if (!file) return this.reject();
    this.stats.hits++;
    return file;
  }

  /** Record a batch's results, each with what it was computed from besides its own content (`deps`). Written by `flush`. */
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
        if (isEmpty(r.file)) {
          this.pendingLines.push(`${r.key} ${depsRef} - 0 0`);
          continue;
        }
        const payload = JSON.stringify(r.file);
        const doc = JSON.stringify({ v: CACHE_FORMAT, key: r.key, path: r.path, deps: depsRef, sum: sha256(payload), payload });
        const length = Buffer.byteLength(doc);
        if (length > MAX_ENTRY_BYTES) continue;
        // The pack's name is only known at flush: "@" stands for it.
        this.pendingLines.push(`${r.key} ${depsRef} @ ${this.pendingBytes} ${length}`);
        this.pendingDocs.push(doc);
        this.pendingBytes += length + 1;
      }
    } catch {
      // a full disk or a read-only cache costs time, never a result
    }
  }

  /** Write what `putBatch` gathered: one pack, then one index log pointing into it. */
  flush(): void {
    this.closePacks();
    if (this.pendingLines.length === 0) return;
    const lines = this.pendingLines.splice(0);
    const docs = this.pendingDocs.splice(0);
    this.pendingBytes = 0;
    try {
      const name = randomBytes(12).toString('hex');
      if (docs.length > 0) {
        const packs = join(this.buildDir, 'packs');
        mkdirSync(packs, { recursive: true, mode: 0o700 });
        atomicWrite(join(packs, `${name}.pack`), docs.join('\n') + '\n');
      }
      const dir = join(this.buildDir, 'index');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      atomicWrite(join(dir, logName()), lines.map((l) => l.replace(' @ ', ` ${name} `)).join('\n') + '\n');
      this.stats.written += lines.length;
      this.compactIndex(dir);
    } catch {
      // best effort
    }
  }

  private reject(): undefined {
    this.stats.rejected++;
    this.stats.misses++;
    return undefined;
  }

  /** An entry's bytes from its pack (undefined when the pack is gone or short). */
  private readPack(at: Location): string | undefined {
    try {
      let fd = this.packFds.get(at.pack);
      if (fd === undefined) {
        fd = openSync(join(this.buildDir, 'packs', `${at.pack}.pack`), 'r');
        this.packFds.set(at.pack, fd);
      }
      const buf = Buffer.allocUnsafe(at.length);
      let done = 0;
      while (done < at.length) {
        const n = readSync(fd, buf, done, at.length - done, at.offset + done);
        if (n === 0) return undefined;
        done += n;
      }
      return buf.toString('utf8');
    } catch {
      return undefined;
    }
  }

  private closePacks(): void {
    for (const fd of this.packFds.values()) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    this.packFds.clear();
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

  /**
   * Where every entry is: the index logs, loaded once, oldest first (malformed lines
   * ignored). A key can have several lines, one per deps record it was computed with.
   */
  private index(): Map<string, Location[]> {
    if (this.locations) return this.locations;
    const out = new Map<string, Location[]>();
    for (const text of readLogs(join(this.buildDir, 'index')).texts) {
      for (const line of text.split('\n')) {
        const parsed = line ? parseIndexLine(line) : undefined;
        if (!parsed) continue;
        const list = out.get(parsed[0]);
        if (list) list.push(parsed[1]);
        else out.set(parsed[0], [parsed[1]]);
      }
    }
    this.locations = out;
    return out;
  }

  /**
   * Merge the index logs into one when there are many (the merged log is written before
   * any is removed), and remove old packs no line points to any more.
   */
  private compactIndex(dir: string): void {
    const logs = readLogs(dir);
    if (logs.names.length <= MAX_INDEX_LOGS) return;
    // Per key, the newest line of each deps record, at most KEEP_PER_KEY of them.
    const byKey = new Map<string, Map<string, string>>();
    for (const text of logs.texts) {
      for (const line of text.split('\n')) {
        const parsed = line ? parseIndexLine(line) : undefined;
        if (!parsed) continue;
        const lines = byKey.get(parsed[0]) ?? new Map<string, string>();
        lines.delete(parsed[1].deps);
        lines.set(parsed[1].deps, line);
        if (lines.size > KEEP_PER_KEY) lines.delete(lines.keys().next().value!);
        byKey.set(parsed[0], lines);
      }
    }
    const kept = [...byKey.values()].flatMap((m) => [...m.values()]);
    atomicWrite(join(dir, logName()), kept.join('\n') + '\n');
    for (const n of logs.names) {
      try {
        unlinkSync(join(dir, n));
      } catch {
        // removed by a concurrent compaction
      }
    }
    const used = new Set(kept.map((l) => l.split(' ')[2]));
    const packs = join(this.buildDir, 'packs');
    try {
      for (const n of readdirSync(packs)) {
        if (!n.endsWith('.pack') || used.has(n.slice(0, -5))) continue;
        const p = join(packs, n);
        if (Date.now() - statSync(p).mtimeMs > ORPHAN_PACK_MS) unlinkSync(p);
      }
    } catch {
      // best effort
    }
  }

  /** An entry's content, if it is intact, for `key`, `path` and `deps`, and its facts are well-formed facts of `path` only. */
  private parseEntry(raw: string, key: string, path: string, deps: string): CachedFile | undefined {
    let doc: { v?: unknown; key?: unknown; path?: unknown; deps?: unknown; sum?: unknown; payload?: unknown };
    try {
      doc = JSON.parse(raw) as typeof doc;
    } catch {
      return undefined;
    }
    if (doc.v !== CACHE_FORMAT || doc.key !== key || doc.path !== path || doc.deps !== deps || typeof doc.payload !== 'string' || doc.sum !== sha256(doc.payload)) return undefined;
    let file: CachedFile;
    try {
      file = JSON.parse(doc.payload) as CachedFile;
    } catch {
      return undefined;
    }
    return this.valid(file, path) ? file : undefined;
  }
}

/** A new index log's name: the time first, so that names sort oldest first. */
function logName(): string {
  return `${Date.now().toString(36).padStart(10, '0')}-${randomBytes(8).toString('hex')}.keys`;
}

/** The `.keys` logs of a directory, with their texts (a log merged away meanwhile is skipped). */
function readLogs(dir: string): { names: string[]; texts: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.keys'))
      .sort();
  } catch {
    return { names: [], texts: [] };
  }
  const read: string[] = [];
  const texts: string[] = [];
  for (const n of names) {
    try {
      texts.push(readFileSync(join(dir, n), 'utf8'));
      read.push(n);
    } catch {
      // merged away by a concurrent run
    }
  }
  return { names: read, texts };
}
