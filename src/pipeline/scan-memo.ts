/**
 * The whole-scan memo: what the streaming middle of a scan (stream.ts) returned — the raw
 * findings and the compact facts — keyed by everything it was computed from: the cache
 * base (format, build, settings, policy bundle), every discovered file's path,
 * classification, size and content hash, the files discovery skipped and why, the
 * repository fact, the exceptions in force today and the time limits. A re-scan of an
 * unchanged tree then starts no worker, loads no parser and no policy: it reads one file.
 *
 * A change to any input is a new key, and the scan runs as usual (the per-file cache,
 * cache.ts, still spares the files that did not change). Not memoised: scans that keep
 * every fact (the gate asks the policies more questions), and scans in which a file was
 * stopped at the time limit (their results depend on the machine's speed).
 *
 * Untrusted like the rest of the cache: used only when its key and checksum match and
 * its content has the shape of findings and facts (facts schema).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveredFile, SkippedFile } from '../discover/types.js';
import type { CredentialFact, DiagnosticFact, ExceptionFact, FileFact, RepoFact, SuppressionFact } from '../facts/types.js';
import { factsErrors } from '../facts/validate.js';
import type { RawFinding } from '../policy/evaluate.js';
import { atomicWrite, sha256 } from './cache.js';
import { stableStringify } from './digests.js';

const FORMAT = 1;
/** Memos kept per cache build (the oldest are removed beyond this). */
const MAX_MEMOS = 32;
/** Largest memo read. */
const MAX_MEMO_BYTES = 256 * 1024 * 1024;

/** What a scan's middle keeps besides the raw findings (stream.ts `Kept`). */
export interface MemoKept {
  suppressions: SuppressionFact[];
  diagnostics: DiagnosticFact[];
  credentials: CredentialFact[];
  tools: Map<string, FileFact['tool']>;
}

export interface ScanMemo {
  raw: RawFinding[];
  kept: MemoKept;
}

export interface MemoInputs {
  files: readonly DiscoveredFile[];
  skipped: readonly SkippedFile[];
  repo: RepoFact;
  exceptions: readonly ExceptionFact[];
  budgetMs: number;
  limitMs: number;
  chunkFiles?: number;
}

/** The memo key of a scan, or undefined when a file has no content hash (discovery was not asked for them). */
export function scanMemoKey(base: string, o: MemoInputs): string | undefined {
  const h = createHash('sha256');
  h.update(`${FORMAT}\0${base}\0${stableStringify(o.repo)}\0${stableStringify(o.exceptions)}\0${o.budgetMs}\0${o.limitMs}\0${o.chunkFiles ?? '-'}\n`);
  for (const f of o.files) {
    if (!f.hash) return undefined;
    h.update(`${f.path}\0${f.kind}\0${f.language ?? ''}\0${f.format ?? ''}\0${f.encoding ?? ''}\0${f.hasNul ? 1 : 0}\0${f.oversized ? 1 : 0}\0${f.size}\0${f.hash}\n`);
  }
  h.update('skipped\n');
  for (const s of o.skipped) h.update(`${stableStringify(s)}\n`);
  return h.digest('hex');
}

function memoPath(buildDir: string, key: string): string {
  return join(buildDir, 'memo', `${key}.json`);
}

interface Stored {
  raw: RawFinding[];
  suppressions: SuppressionFact[];
  diagnostics: DiagnosticFact[];
  credentials: CredentialFact[];
  tools: Array<[string, FileFact['tool']]>;
}

function isRawFinding(x: unknown): x is RawFinding {
  if (!x || typeof x !== 'object') return false;
  const r = x as Partial<RawFinding>;
  return (
    typeof r.rule === 'string' &&
    typeof r.file === 'string' &&
    Number.isInteger(r.line) &&
    !!r.message &&
    typeof r.message === 'object' &&
    typeof r.message.en === 'string' &&
    typeof r.message.vi === 'string'
  );
}

function wellFormed(s: unknown): s is Stored {
  if (!s || typeof s !== 'object') return false;
  const d = s as Partial<Stored>;
  if (!Array.isArray(d.raw) || !d.raw.every(isRawFinding)) return false;
  if (!Array.isArray(d.tools) || !d.tools.every((t) => Array.isArray(t) && t.length === 2 && typeof t[0] === 'string' && t[1] && typeof t[1] === 'object')) return false;
  // The kept facts and tool facts must be facts (the schema), on a document made of them.
  const doc = {
    version: 1,
    repo: { name: 'memo', binEntries: [] },
    files: d.tools.map(([path, tool]) => ({ path, kind: 'source', size: 0, tool })),
    callSites: [],
    credentials: d.credentials,
    endpoints: [],
    tlsSettings: [],
    diagnostics: d.diagnostics,
    suppressions: d.suppressions,
    logWrites: [],
    officerFields: [],
    markings: [],
    exceptions: [],
  };
  return factsErrors(doc).length === 0;
}

/** The memo for `key`, if present, intact and well-formed. */
export function readScanMemo(buildDir: string, key: string): ScanMemo | undefined {
  try {
    const file = memoPath(buildDir, key);
    if (statSync(file).size > MAX_MEMO_BYTES) return undefined;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { v?: unknown; key?: unknown; sum?: unknown; payload?: unknown };
    if (doc.v !== FORMAT || doc.key !== key || typeof doc.payload !== 'string' || doc.sum !== sha256(doc.payload)) return undefined;
    const stored = JSON.parse(doc.payload) as unknown;
    if (!wellFormed(stored)) return undefined;
    return {
      raw: stored.raw,
      kept: { suppressions: stored.suppressions, diagnostics: stored.diagnostics, credentials: stored.credentials, tools: new Map(stored.tools) },
    };
  } catch {
    return undefined;
  }
}

/** Record a scan's result under `key` (best effort), and remove the oldest memos beyond MAX_MEMOS. */
export function writeScanMemo(buildDir: string, key: string, memo: ScanMemo): void {
  try {
    const dir = join(buildDir, 'memo');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stored: Stored = {
      raw: memo.raw,
      suppressions: memo.kept.suppressions,
      diagnostics: memo.kept.diagnostics,
      credentials: memo.kept.credentials,
      tools: [...memo.kept.tools],
    };
    const payload = JSON.stringify(stored);
    atomicWrite(memoPath(buildDir, key), JSON.stringify({ v: FORMAT, key, sum: sha256(payload), payload }));
    const names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    if (names.length <= MAX_MEMOS) return;
    const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
    for (const { n } of byAge.slice(0, names.length - MAX_MEMOS)) unlinkSync(join(dir, n));
  } catch {
    // a full disk or a read-only cache costs time, never a result
  }
}
