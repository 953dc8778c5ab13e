/**
 * `dancu-integration.lock.json`: the per-file hashes of the integration surface at the
 * time a notice was approved, written by `dancu-guard fingerprint --write` and
 * committed. The declaration holds one fingerprint per notice; the lock file lets the
 * gate (DG-GATE-002) and `dancu-guard notice` list WHICH files changed since.
 *
 * ```json
 * { "version": 1, "fingerprint": "sha256:…", "files": { "src/dancu/gateway.ts": "sha256:…" } }
 * ```
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { msg, type Message, UsageError } from '../util/errors.js';
import { jsonProblem, readInput, writeOutput } from '../util/files.js';
import { LOCK_FILE_NAME, type Fingerprint } from './surface.js';

export interface LockFile {
  version: 1;
  fingerprint: string;
  /** Repo-relative path → `sha256:<hex>`, sorted by path. */
  files: Record<string, string>;
}

export interface FileChange {
  path: string;
  change: 'added' | 'removed' | 'modified';
}

const HASH = /^sha256:[0-9a-f]{64}$/;

export function lockPath(root: string): string {
  return join(root, LOCK_FILE_NAME);
}

/** The lock file of `root`, or undefined when there is none. A malformed one is a UsageError. */
export function readLock(root: string): LockFile | undefined {
  const path = lockPath(root);
  if (!existsSync(path)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(readInput(path, 'noun.lockFile', root).replace(/^\uFEFF/, ''));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw UsageError.of('lock.notJson', { file: LOCK_FILE_NAME, problem: jsonProblem(err) });
  }
  const bad = (why: Message) => UsageError.of('lock.bad', { file: LOCK_FILE_NAME, why });
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw bad(msg('lock.notObject'));
  const d = doc as Record<string, unknown>;
  if (d.version !== 1) throw bad(msg('lock.version', { got: String(JSON.stringify(d.version)) }));
  if (typeof d.fingerprint !== 'string' || !HASH.test(d.fingerprint)) throw bad(msg('lock.fingerprint'));
  if (typeof d.files !== 'object' || d.files === null || Array.isArray(d.files)) throw bad(msg('lock.files'));
  for (const [p, h] of Object.entries(d.files as Record<string, unknown>)) {
    if (typeof h !== 'string' || !HASH.test(h)) throw bad(msg('lock.fileHash', { path: p }));
  }
  for (const key of Object.keys(d)) {
    if (!['version', 'fingerprint', 'files', '_comment'].includes(key)) throw bad(msg('lock.unknownKey', { key }));
  }
  return { version: 1, fingerprint: d.fingerprint, files: d.files as Record<string, string> };
}

export function lockFromFingerprint(fp: Fingerprint): LockFile {
  return { version: 1, fingerprint: fp.fingerprint, files: Object.fromEntries(fp.files.map((f) => [f.path, f.hash])) };
}

/** Write the lock file (deterministic: same surface, same bytes). Returns its path. */
export function writeLock(root: string, fp: Fingerprint): string {
  const path = lockPath(root);
  writeOutput(path, `${JSON.stringify(lockFromFingerprint(fp), null, 2)}\n`, { root });
  return path;
}

/** Files added, removed or modified between the lock and the current surface, sorted by path. */
export function diffLock(lock: LockFile, current: Fingerprint): FileChange[] {
  const now = new Map(current.files.map((f) => [f.path, f.hash]));
  const out: FileChange[] = [];
  for (const [path, hash] of now) {
    const before = lock.files[path];
    if (before === undefined) out.push({ path, change: 'added' });
    else if (before !== hash) out.push({ path, change: 'modified' });
  }
  for (const path of Object.keys(lock.files)) if (!now.has(path)) out.push({ path, change: 'removed' });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
