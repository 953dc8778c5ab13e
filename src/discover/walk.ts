/**
 * Walking the scanned tree.
 *
 * - Ignore rules come in layers (`ignore-layers.ts`); `.git` is always skipped. An
 *   excluded directory is not entered, except that
 * - inside a git work tree, files git tracks (`git ls-files`, read once: `tracked.ts`)
 *   are never hidden by implicit layers (defaults, `.gitignore`): a committed file is what
 *   is shipped. Untracked files are judged by the layers. Explicit layers (config,
 *   `.dancu-guardignore`) hide tracked files too, but every file they hide that would
 *   otherwise have been checked is recorded (`ignored`), so an ignore rule cannot hide a
 *   lookup tool silently.
 * - Each file is checked and classified once (`inspect.ts`: size, binary sniff, UTF-8 or
 *   UTF-16 with a BOM).
 * - Links are never followed out of the root. The walk runs in two phases so the result
 *   does not depend on timing: first every real directory (links only noted), then the
 *   noted links in path order, each directory (by realpath) and file visited once.
 * - Directories are read asynchronously, a bounded number at a time; links are resolved
 *   with `fs.promises.lstat/realpath`. File checks are synchronous, yielding to the
 *   event loop every few milliseconds (measured: 10,000 files ~100 ms sync against
 *   0.3–1 s async).
 */
import fs, { promises as fsp, type Dirent } from 'node:fs';
import path from 'node:path';
import { DEFAULT_IGNORES, childContext, exclusion, makeLayer, withGitignore, type DirContext, type Layer } from './ignore-layers.js';
import { inspectFile, skippedFile } from './inspect.js';
import { trackedPaths } from './tracked.js';
import type { DiscoverOptions, DiscoverResult, DiscoveredFile, SkippedFile } from './types.js';
import { UsageError } from '../util/errors.js';


export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** Name of the scanner's own ignore file, read at the root only. */
export const GUARD_IGNORE_FILE = '.dancu-guardignore';

/** Files modified this recently are not recorded in the inspection memo (see checkFile). */
const RACY_MS = 2000;

/** A regular file's signature: device, inode, size, modification and change times (ns). */
function statSignature(real: string): { sig: string; mtimeMs: number } | undefined {
  try {
    const st = fs.statSync(real, { bigint: true });
    if (!st.isFile()) return undefined;
    return { sig: `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`, mtimeMs: Number(st.mtimeMs) };
  } catch {
    return undefined;
  }
}

/** Concurrent async file-system operations (readdir, realpath, stat). */
const CONCURRENCY = 32;
/** Longest stretch of synchronous file checks before yielding to the event loop. */
const YIELD_EVERY_MS = 8;

/** How a directory is walked: normally, or only to list what explicit ignores hid. */
type Mode = 'scan' | 'ignored';

interface PendingLink {
  rel: string;
  real: string;
  isDir: boolean;
  ctx: DirContext;
}

/** A counting semaphore: at most `limit` tasks run at once. */
class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;
}

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class Walker {
  readonly files: DiscoveredFile[] = [];
  readonly skipped: SkippedFile[] = [];
  /** Paths explicit ignores excluded that would otherwise have been walked. */
  readonly ignored: string[] = [];
  private readonly visitedDirs = new Set<string>();
  private readonly seenFiles = new Set<string>();
  private pending: PendingLink[] = [];
  private readonly limiter = new Limiter(CONCURRENCY);
  private readonly rootPrefix: string;
  private lastYield = performance.now();

  /**
   * @param tracked Paths git tracks under the root (files, and every directory holding
   *   one), root-relative; undefined outside a git work tree. Implicit ignores (defaults,
   *   `.gitignore`) never hide them.
   */
  constructor(
    private readonly realRoot: string,
    private readonly staticLayers: readonly Layer[],
    private readonly maxFileSize: number,
    private readonly tracked?: ReadonlySet<string>,
    private readonly opts: Pick<DiscoverOptions, 'hash' | 'memo'> = {},
  ) {
    this.rootPrefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
  }

  async run(): Promise<void> {
    const ctx: DirContext = { layers: this.staticLayers };
    this.visitedDirs.add(this.realRoot);
    await this.walkDir('', this.realRoot, ctx, true, 'scan');
    // Phase 2: links, in path order, round by round (links found inside linked
    // directories wait for the next round).
    while (this.pending.length > 0) {
      const round = this.pending.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      this.pending = [];
      for (const link of round) {
        if (link.isDir) {
          if (this.visitedDirs.has(link.real)) continue;
          this.visitedDirs.add(link.real);
          await this.walkDir(link.rel, link.real, link.ctx, false, 'scan');
        } else {
          if (this.seenFiles.has(link.real)) continue;
          this.seenFiles.add(link.real);
          this.checkFile(link.rel, link.real);
        }
      }
    }
  }

  /** Check one file on its own (a file given as the root). */
  single(rel: string, real: string): void {
    this.checkFile(rel, real);
  }

  private async maybeYield(): Promise<void> {
    const now = performance.now();
    if (now - this.lastYield < YIELD_EVERY_MS) return;
    await yieldToLoop();
    this.lastYield = performance.now();
  }

  private isInside(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.rootPrefix);
  }

  private isTracked(rel: string): boolean {
    return this.tracked !== undefined && this.tracked.has(rel);
  }

  /** Whether `rel` is excluded: explicitly, or implicitly and not tracked by git. */
  private isIgnored(rel: string, isDir: boolean, ctx: DirContext): boolean {
    const ex = exclusion(rel, isDir, ctx);
    return ex === 'explicit' || (ex === 'implicit' && !this.isTracked(rel));
  }

  /**
   * Walk one directory. In `'ignored'` mode (below a directory an explicit ignore
   * excluded) nothing is read: files that would otherwise have been checked are only
   * recorded in `ignored`, and links are not followed.
   */
  private async walkDir(relDir: string, absDir: string, parentCtx: DirContext, isRoot: boolean, mode: Mode): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await this.limiter.run(() => fsp.readdir(absDir, { withFileTypes: true }));
    } catch (err) {
      if (isRoot) throw UsageError.of('walk.cannotReadRoot', { path: absDir, reason: errCode(err) ?? (err as Error).message });
      if (mode === 'scan') this.skipped.push({ path: relDir, reason: 'unreadable', directory: true });
      return;
    }

    let ctx = parentCtx;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        const text = fs.readFileSync(path.join(absDir, '.gitignore'), 'utf8');
        ctx = withGitignore(ctx, makeLayer(text, relDir), this.staticLayers.length);
      } catch {
        // An unreadable .gitignore contributes no rules; the file itself is reported below.
      }
    }

    const pending: Array<Promise<void>> = [];
    let checked = 0;
    for (const entry of entries) {
      const name = entry.name;
      if (name === '.git') continue;
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const abs = path.join(absDir, name);
      if (entry.isDirectory()) {
        const sub = this.enterDir(rel, ctx, mode);
        if (sub === undefined) continue;
        if (sub.mode === 'scan') {
          if (this.visitedDirs.has(abs)) continue;
          this.visitedDirs.add(abs);
        }
        pending.push(this.walkDir(rel, abs, sub.ctx, false, sub.mode));
      } else if (entry.isFile()) {
        if (mode === 'ignored') {
          if (this.isTracked(rel) || exclusion(rel, false, ctx, true) === undefined) this.ignored.push(rel);
          continue;
        }
        const ex = exclusion(rel, false, ctx);
        if (ex === 'explicit') {
          if (this.isTracked(rel) || exclusion(rel, false, ctx, true) === undefined) this.ignored.push(rel);
          continue;
        }
        if ((ex === 'implicit' && !this.isTracked(rel)) || this.seenFiles.has(abs)) continue;
        this.seenFiles.add(abs);
        this.checkFile(rel, abs);
        if ((++checked & 63) === 0) await this.maybeYield();
      } else if (entry.isSymbolicLink()) {
        if (mode === 'scan') pending.push(this.noteLink(rel, abs, ctx));
      }
      // FIFOs, sockets, devices: never opened.
    }
    await this.maybeYield();
    await Promise.all(pending);
  }

  /**
   * Whether and how to walk the directory `rel` found in a directory walked in `mode`:
   * - not excluded: walk it (layers that excluded it but were overridden are rescued);
   * - excluded implicitly but holding tracked files: walk it with the context as is, so
   *   untracked files below stay excluded;
   * - excluded explicitly: walk it in `'ignored'` mode if anything below would otherwise
   *   have been checked (it holds tracked files, or no lower layer excludes it).
   */
  private enterDir(rel: string, ctx: DirContext, mode: Mode): { ctx: DirContext; mode: Mode } | undefined {
    const tracked = this.isTracked(rel);
    if (mode === 'scan') {
      const ex = exclusion(rel, true, ctx);
      if (ex === undefined) return { ctx: childContext(rel, ctx), mode };
      if (ex === 'implicit') return tracked ? { ctx, mode } : undefined;
    }
    const lower = exclusion(rel, true, ctx, true);
    if (lower === undefined) return { ctx: childContext(rel, ctx), mode: 'ignored' };
    return tracked ? { ctx, mode: 'ignored' } : undefined;
  }

  private async noteLink(rel: string, abs: string, ctx: DirContext): Promise<void> {
    if (this.isIgnored(rel, false, ctx)) return;
    let real: string;
    try {
      real = await this.limiter.run(() => fsp.realpath(abs));
    } catch {
      // Dangling link or a link loop that never resolves.
      if (!this.isIgnored(rel, true, ctx)) this.skipped.push(skippedFile(rel, 'unreadable'));
      return;
    }
    if (!this.isInside(real)) {
      // Not even stat'ed: the target is outside the root.
      if (!this.isIgnored(rel, true, ctx)) this.skipped.push({ path: rel, reason: 'link-outside-root' });
      return;
    }
    let isDir: boolean;
    try {
      const st = await this.limiter.run(() => fsp.stat(real));
      if (st.isDirectory()) isDir = true;
      else if (st.isFile()) isDir = false;
      else return;
    } catch {
      this.skipped.push(skippedFile(rel, 'unreadable'));
      return;
    }
    if (isDir && this.isIgnored(rel, true, ctx)) return;
    const enteredByTracking = isDir && exclusion(rel, true, ctx) !== undefined;
    this.pending.push({ rel, real, isDir, ctx: isDir && !enteredByTracking ? childContext(rel, ctx) : ctx });
  }

  /** Check one file and keep it, or record why it was skipped. */
  private checkFile(rel: string, real: string): void {
    const memo = this.opts.memo;
    // Stat before reading: a file changed meanwhile gets a newer signature than the one recorded.
    const sig = memo ? statSignature(real) : undefined;
    if (memo && sig) {
      const known = memo.get(rel, sig.sig);
      if (known) {
        if ('file' in known) this.files.push({ ...known.file, absPath: real });
        else this.skipped.push(known.skipped);
        return;
      }
    }
    const r = inspectFile(rel, real, this.maxFileSize, this.opts.hash);
    if (r === undefined) return;
    // Not recorded: an unreadable file (may be readable next time), and a file modified in
    // the last seconds (a change within the same timestamp tick would keep its signature).
    if (memo && sig && Date.now() - sig.mtimeMs > RACY_MS && !('skipped' in r && r.skipped.reason === 'unreadable')) {
      if ('file' in r) {
        const { absPath: _, ...file } = r.file;
        memo.put(rel, sig.sig, { file });
      } else memo.put(rel, sig.sig, r);
    }
    if ('file' in r) this.files.push(r.file);
    else this.skipped.push(r.skipped);
  }
}

async function readRootIgnoreFile(realRoot: string): Promise<string | undefined> {
  const file = path.join(realRoot, GUARD_IGNORE_FILE);
  try {
    const st = await fsp.lstat(file);
    if (!st.isFile()) return undefined;
    return await fsp.readFile(file, 'utf8');
  } catch (err) {
    if (errCode(err) === 'ENOENT') return undefined;
    throw UsageError.of('walk.cannotRead', { path: file, reason: errCode(err) ?? (err as Error).message });
  }
}

/**
 * Walk `root` and return every file worth scanning, classified, plus the files passed
 * over and why. Throws when `root` does not exist or cannot be read.
 */
export async function walk(root: string, opts: DiscoverOptions = {}): Promise<DiscoverResult> {
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (!Number.isFinite(maxFileSize) || maxFileSize < 0) {
    throw new Error(`Invalid maxFileSize ${String(opts.maxFileSize)}: expected a non-negative number of bytes`);
  }
  const resolved = path.resolve(root);
  let realRoot: string;
  try {
    realRoot = await fsp.realpath(resolved);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw UsageError.of('walk.rootMissing', { path: root });
    throw UsageError.of('walk.cannotAccessRoot', { path: root, reason: code ?? (err as Error).message });
  }
  let st;
  try {
    st = await fsp.stat(realRoot);
  } catch (err) {
    throw UsageError.of('walk.cannotAccessRoot', { path: root, reason: errCode(err) ?? (err as Error).message });
  }

  const staticLayers: Layer[] = [];
  if (opts.ignore && opts.ignore.length > 0) {
    // `./fixtures` means what `fixtures` means relative to the root (anchored: `/fixtures`).
    const patterns = opts.ignore.map((p) => p.replace(/^(!?)\.\//, '$1/'));
    staticLayers.push(makeLayer(patterns, '', true));
  }

  if (st.isFile()) {
    // A single file: scan just it (ignore rules do not apply to an explicit target).
    // `root` is then its directory, so that `root` + `path` still names the file.
    const dir = path.dirname(realRoot);
    const walker = new Walker(dir, staticLayers, maxFileSize, undefined, { ...(opts.hash ? { hash: true } : {}) });
    walker.single(path.basename(realRoot), realRoot);
    return { root: dir, files: walker.files, skipped: walker.skipped, ignored: [] };
  }
  if (!st.isDirectory()) throw UsageError.of('walk.rootNotDir', { path: root });

  const guard = opts.guardIgnore === false ? undefined : await readRootIgnoreFile(realRoot);
  if (guard !== undefined) staticLayers.push(makeLayer(guard, '', true));
  staticLayers.push(makeLayer(DEFAULT_IGNORES, ''));

  const tracked = opts.git === false ? undefined : await trackedPaths(realRoot);
  const walker = new Walker(realRoot, staticLayers, maxFileSize, tracked, opts);
  await walker.run();
  walker.files.sort(byPath);
  walker.skipped.sort(byPath);
  walker.ignored.sort();
  return { root: realRoot, files: walker.files, skipped: walker.skipped, ignored: walker.ignored };
}
