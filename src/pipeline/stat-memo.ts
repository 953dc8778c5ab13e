/**
 * Discovery's memo, kept in the facts cache: for each file of a scanned root, what
 * inspecting it found (classification, encoding, content hash, or why it was skipped),
 * with the signature of the file it was found for — device, inode, size, modification
 * and change times in nanoseconds (discover/walk.ts). A file whose signature is unchanged
 * is not read again; the signature is taken before the file is read, and files modified
 * in the last seconds are not recorded, so a change is never hidden behind an old entry
 * (git's index makes the same bet).
 *
 * In CI a fresh checkout gives every file a new inode and times: the memo then misses and
 * discovery reads everything, as it would without it. It saves time where files stay put
 * (a developer's loop, a pre-deployment gate run twice).
 *
 * The memo is untrusted like the rest of the cache: malformed entries are ignored, and an
 * entry is used only for the path and signature it was recorded for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { DiscoveredFile, InspectMemo, SkippedFile, StatSignature } from '../discover/types.js';
import { atomicWrite, sha256 } from './cache.js';

type Result = { file: Omit<DiscoveredFile, 'absPath'> } | { skipped: SkippedFile };

const FORMAT = 1;
const HEX64 = /^[0-9a-f]{64}$/;
const SKIP_REASONS = new Set<string>(['binary', 'oversized', 'non-utf8']);

function wellFormed(rel: string, r: unknown): r is Result {
  if (!r || typeof r !== 'object') return false;
  if ('file' in r) {
    const f = (r as { file: Partial<DiscoveredFile> }).file;
    return !!f && f.path === rel && typeof f.kind === 'string' && typeof f.size === 'number' && typeof f.hash === 'string' && HEX64.test(f.hash) && !('absPath' in f);
  }
  if ('skipped' in r) {
    const s = (r as { skipped: Partial<SkippedFile> }).skipped;
    return !!s && s.path === rel && typeof s.reason === 'string' && SKIP_REASONS.has(s.reason);
  }
  return false;
}

export class StatMemo implements InspectMemo {
  /** Files whose inspection was reused (not read). */
  reused = 0;
  private readonly seen = new Map<string, [StatSignature, Result]>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly known: Map<string, [StatSignature, Result]>,
  ) {}

  /** The memo of `root` (its absolute, resolved path) in a cache build directory; empty when there is none or it is unreadable. */
  static load(buildDir: string, root: string, maxFileSize: number): StatMemo {
    const file = join(buildDir, 'stat', `${sha256(`${FORMAT}\0${root}\0${maxFileSize}`)}.json`);
    const known = new Map<string, [StatSignature, Result]>();
    try {
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { v?: unknown; root?: unknown; entries?: unknown };
      if (doc.v === FORMAT && doc.root === root && Array.isArray(doc.entries)) {
        for (const e of doc.entries as unknown[]) {
          if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== 'string' || typeof e[1] !== 'string' || !wellFormed(e[0], e[2])) continue;
          known.set(e[0], [e[1], e[2]]);
        }
      }
    } catch {
      // no memo yet, or an unusable one: discovery reads every file
    }
    return new StatMemo(file, known);
  }

  get(rel: string, sig: StatSignature): Result | undefined {
    const k = this.known.get(rel);
    if (!k || k[0] !== sig) return undefined;
    this.seen.set(rel, k);
    this.reused++;
    // A copy: the walk completes the entry (absPath) and later stages may add to it.
    return 'file' in k[1] ? { file: { ...k[1].file } } : { skipped: { ...k[1].skipped } };
  }

  put(rel: string, sig: StatSignature, result: Result): void {
    this.seen.set(rel, [sig, 'file' in result ? { file: { ...result.file } } : { skipped: { ...result.skipped } }]);
    this.changed = true;
  }

  /** Write the files seen this time (vanished ones dropped), if anything changed. Best effort. */
  save(root: string): void {
    if (!this.changed && this.seen.size === this.known.size) return;
    try {
      mkdirSync(join(this.file, '..'), { recursive: true, mode: 0o700 });
      const entries = [...this.seen].map(([rel, [sig, r]]) => [rel, sig, r]);
      atomicWrite(this.file, JSON.stringify({ v: FORMAT, root, entries }));
    } catch {
      // a full disk or a read-only cache costs time, never a result
    }
  }
}
