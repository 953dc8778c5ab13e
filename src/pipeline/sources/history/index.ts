/**
 * `scan --history`: credentials ever committed, on every commit reachable from HEAD
 * (or in `since..HEAD`), each reported once at the commit that first introduced it.
 *
 * Design (for speed: no checkout, every blob read and judged once):
 *
 * 1. One `git log --raw -z` stream lists, per commit, each changed file with its blob
 *    before and after (`log.ts`).
 * 2. Every distinct blob worth reading (by path: a file some collector handles, not
 *    ignored) goes once through a single `git cat-file --batch` process; the real
 *    collectors run on the whole blob text (`blob-facts.ts`) and the credential facts
 *    are cached per (blob, path). A blob seen before — a file reverted, a branch
 *    merged — costs a map lookup. Blobs not worth reading are still checked for
 *    presence (`--batch-check`), so a corrupt repository never passes for clean.
 * 3. Commits are replayed oldest first. A credential is *introduced* by a commit when
 *    its value (kind + hash) is in the file's new blob but not in the blob the commit
 *    replaced. This is sharper than "on a line the diff added": a secret that only
 *    moved is not re-introduced, and a multi-line value whose key line did not change
 *    is still caught. Line numbers are those of that commit's version of the file.
 * 4. The first-introduced facts are judged by the real Rego bundle; only the
 *    `credentials` category is kept. Each (rule, file, value hash) is reported once,
 *    at the oldest commit, with `commit: { sha, authorDate }`, and the message says
 *    whether the value is still in that file at HEAD or only in history (rotate it).
 *
 * Findings carry only redacted values (the collectors never put a clear value in a
 * fact). Bad input is a UsageError (exit 2, no report): not a repository, shallow
 * clone, missing/corrupt objects, unknown `--since` revision.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { exceptionFacts, loadConfig, mergeSettings, type LoadedConfig } from '../../../config/load.js';
import { CatFile, type GitObject } from '../../../git/catfile.js';
import { assertFullHistory, corruptError, openRepo, resolveCommit, usageErrorFromGit, type RepoInfo } from '../../../git/repo.js';
import { git, GitError, NulSplitter } from '../../../git/run.js';
import { DEFAULT_MAX_FILE_SIZE, GUARD_IGNORE_FILE } from '../../../discover/index.js';
import { readBaseline, type BaselineResult } from '../../../findings/baseline.js';
import { accept } from '../../judge.js';
import { acceptableBy, restrictedHistoryConfig, type PolicyReport } from '../../trust.js';
import { stricter } from '../../../config/trust.js';
import { buildFindings, sortFindings } from '../../../findings/build.js';
import { applySuppressions, todayUtc, type SuppressedFinding } from '../../../findings/suppress.js';
import type { Finding, Lang, Severity } from '../../../findings/types.js';
import { emptyFacts, type CredentialFact, type FileFact, type RepoFact, type SuppressionFact } from '../../../facts/types.js';
import { assertValidFacts } from '../../../facts/validate.js';
import { ruleCatalog } from '../../../policy/bundle.js';
import { evaluateFindings, loadEvaluator, type RawFinding } from '../../../policy/evaluate.js';
import type { Settings } from '../../../policy/settings.js';
import { summarize } from '../../../report/summary.js';
import type { Summary } from '../../../report/types.js';
import { msg, UsageError } from '../../../util/errors.js';
import {
  blobFacts,
  decodeBlob,
  historyCollectors,
  ignoreFilter,
  isRegularMode,
  worthReading,
  type BlobFacts,
} from './blob-facts.js';
import { NULL_OID_RE, readLog, type LogCommit } from './log.js';

export { sourceLineCredentials, sourceLinesCollector } from '../../../collect/typescript/source-lines.js';
export { blobFacts, decodeBlob, historyCollectors, ignoreFilter } from './blob-facts.js';
export { readLog, type FileChange, type LogCommit } from './log.js';

export interface HistoryScanOptions {
  /** A directory inside a git work tree (or a bare repository). Paths are reported relative to it. */
  root: string;
  /** Only walk `since..HEAD` (commits reachable from HEAD but not from `since`). */
  since?: string;
  settings: Settings;
  lang: Lang;
  onProgress?: (status: string) => void;
  /**
   * The loaded `.dancu-guard.yml` (`loadConfig`): its `ignore` globs limit the walk as
   * they limit a scan, and its unexpired `exceptions` suppress findings.
   */
  config?: LoadedConfig;
  /** Extra ignore globs, on top of the config's. */
  ignore?: string[];
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  /** Report only findings whose fingerprint is not in this baseline file. */
  baseline?: string;
  /** For `summary` (default 'high'). */
  failOn?: Severity | 'none';
  /** Blobs larger than this are skipped, as the walk skips files (default 2 MiB). */
  maxFileSize?: number;
  /**
   * false (a trusted config decides): neither `.dancu-guardignore` nor any inline
   * directive applies; `config` is the effective config (pipeline/trust.ts).
   */
  repositoryAcceptance?: boolean;
}

export interface HistoryScanResult {
  /**
   * Credentials-category findings, each with `commit`; redacted values only. After
   * inline suppressions (in the introducing version of the file, or at HEAD), config
   * exceptions and the baseline.
   */
  findings: Finding[];
  /** After suppressions and exceptions, before the baseline. */
  unsuppressed: Finding[];
  suppressed: SuppressedFinding[];
  baseline?: BaselineResult;
  /** Commits walked. */
  commits: number;
  /** Distinct blobs read and scanned. */
  blobs: number;
  durationMs: number;
  /** The scanned root (absolute). */
  root: string;
  /** The walked range, e.g. `HEAD` or `v1.2.0..HEAD`. */
  range: string;
  /** Counts and verdict against `failOn`; `filesScanned` is the number of blobs scanned. */
  summary: Summary;
  /** Blobs skipped, by reason (binary, oversized, non-utf8). */
  skippedBlobs: Record<string, number>;
  /** With a trusted config: what of the repository's was not applied. */
  policy?: PolicyReport;
}

/** The cache entry of a blob with no credential and no directive. */
const NOTHING: BlobFacts = Object.freeze({ file: { path: '', kind: 'other', size: 0 }, credentials: [], suppressions: [] }) as BlobFacts;

interface Introduced {
  fact: CredentialFact;
  /** Index in the oldest-first commit list. */
  at: number;
  /** Cache key of the blob that introduced it. */
  blob: string;
}

export async function scanHistory(opts: HistoryScanOptions): Promise<HistoryScanResult> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const info = await openRepo(opts.root);
  assertFullHistory(info);
  const root = info.root;
  // Read the baseline before any work, so a bad one fails fast.
  const baselineDoc = opts.baseline ? readBaseline(opts.baseline) : undefined;

  let range = 'HEAD';
  let revisions: string[] = [];
  if (opts.since !== undefined) {
    const since = opts.since.trim();
    if (since === '' || since.startsWith('-') || /[\s\0]/.test(since)) {
      throw UsageError.of('history.badSince', { value: opts.since });
    }
    const sinceSha = info.head ? await resolveCommit(root, since) : undefined;
    if (!sinceSha) {
      throw UsageError.of(info.head ? 'history.unknownSince' : 'history.unknownSinceEmpty', { since, root });
    }
    range = `${since}..HEAD`;
    revisions = [`^${sinceSha}`];
  }
  if (!info.head) return emptyResult(root, range, opts, started);
  revisions.unshift(info.head);

  // 1. The walk.
  progress('history: walking commits…');
  let commits: LogCommit[];
  try {
    commits = await readLog({
      cwd: root,
      revisions,
      relative: info.prefix !== '',
      onCommit: (n) => progress(`history: read ${n} commits…`),
    });
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git log');
  }

  // 2. Which blobs to read, and which only to check for presence.
  const collectors = historyCollectors();
  const guard = opts.repositoryAcceptance === false ? undefined : readGuardIgnore(info);
  const admitted = ignoreFilter(guard, [...(opts.config?.config.ignore ?? []), ...(opts.ignore ?? [])]);
  const worth = new Map<string, boolean>();
  const eligible = (path: string): boolean => {
    let ok = worth.get(path);
    if (ok === undefined) {
      ok = admitted(path) && worthReading(path, collectors);
      worth.set(path, ok);
    }
    return ok;
  };
  /** oid → paths it must be judged under. */
  const toRead = new Map<string, Set<string>>();
  const toCheck = new Set<string>();
  const want = (oid: string, path: string) => {
    let paths = toRead.get(oid);
    if (!paths) toRead.set(oid, (paths = new Set()));
    paths.add(path);
  };
  for (const c of commits) {
    for (const ch of c.changes) {
      const hasNew = !NULL_OID_RE.test(ch.newBlob);
      if (hasNew && isRegularMode(ch.newMode) && eligible(ch.path)) want(ch.newBlob, ch.path);
      else if (hasNew && ch.newMode !== '160000') toCheck.add(ch.newBlob);
      if (!NULL_OID_RE.test(ch.oldBlob) && isRegularMode(ch.oldMode) && eligible(ch.path)) want(ch.oldBlob, ch.path);
    }
  }
  for (const oid of toRead.keys()) toCheck.delete(oid);
  progress(`history: ${commits.length} commits, reading ${toRead.size} blobs…`);

  // Presence check of the blobs not read (cheap: type and size only).
  await withCatFile(root, { mode: 'check' }, async (cf) => {
    for await (const obj of cf.stream(toCheck, 256)) {
      if (obj.missing) throw corruptError(root, msg('git.objectMissing', { oid: obj.oid.slice(0, 12) }));
    }
  });

  // Read and judge each blob once.
  const repoFact: RepoFact = { name: basename(root), binEntries: [] };
  const cache = new Map<string, BlobFacts>();
  const skippedBlobs: Record<string, number> = {};
  const maxSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let done = 0;
  const judge = async (obj: GitObject, paths: Iterable<string>) => {
    if (obj.missing) {
      const first = [...paths][0] ?? '';
      throw corruptError(root, msg('git.objectVersionMissing', { oid: obj.oid.slice(0, 12), path: first }));
    }
    let text: string | undefined;
    if (obj.oversized) skippedBlobs.oversized = (skippedBlobs.oversized ?? 0) + 1;
    else if (obj.data) {
      const d = decodeBlob(obj.data);
      if ('text' in d) text = d.text;
      else skippedBlobs[d.skipped] = (skippedBlobs[d.skipped] ?? 0) + 1;
    }
    for (const path of paths) {
      const facts = text === undefined ? NOTHING : await blobFacts(path, text, opts.settings, repoFact, collectors);
      // Most blobs hold nothing: share one empty entry (memory stays flat on long histories).
      cache.set(`${obj.oid}\0${path}`, facts.credentials.length === 0 && facts.suppressions.length === 0 ? NOTHING : facts);
    }
  };
  await withCatFile(root, { mode: 'contents', maxSize }, async (cf) => {
    for await (const obj of cf.stream(toRead.keys(), 64)) {
      await judge(obj, toRead.get(obj.oid) ?? []);
      if (++done % 500 === 0) progress(`history: scanned ${done}/${toRead.size} blobs`);
    }
  });

  // 3. Replay: what each commit introduced, first occurrence only.
  const firstSeen = new Map<string, Introduced>();
  const valueSets = new Map<string, Set<string>>();
  const valuesOf = (oid: string, path: string): Set<string> => {
    const k = `${oid}\0${path}`;
    let s = valueSets.get(k);
    if (!s) {
      s = new Set((cache.get(k)?.credentials ?? []).map((f) => `${f.kind}\0${f.valueHash}`));
      valueSets.set(k, s);
    }
    return s;
  };
  const files = new Map<string, FileFact>();
  commits.forEach((c, at) => {
    for (const ch of c.changes) {
      const blob = `${ch.newBlob}\0${ch.path}`;
      const entry = cache.get(blob);
      if (!entry || entry.credentials.length === 0) continue;
      const before = NULL_OID_RE.test(ch.oldBlob) ? undefined : valuesOf(ch.oldBlob, ch.path);
      for (const f of entry.credentials) {
        if (before?.has(`${f.kind}\0${f.valueHash}`)) continue;
        const id = `${f.file}\0${f.kind}\0${f.key ?? ''}\0${f.valueHash}`;
        if (firstSeen.has(id)) continue;
        firstSeen.set(id, { fact: f, at, blob });
        if (!files.has(f.file)) files.set(f.file, entry.file);
      }
    }
  });

  // 4. Judge with the real policies.
  progress('history: evaluating policies…');
  const facts = emptyFacts(repoFact);
  facts.files = [...files.values()];
  facts.credentials = [...firstSeen.values()].map((i) => i.fact);
  const byMatch = new Map<string, Introduced>();
  for (const i of firstSeen.values()) {
    // The policies' fingerprint anchor of a credential (credentials.rego match_of): no value hash in it.
    const k = matchKey(i.fact.file, i.fact.line, i.fact.column, `${i.fact.key ?? ''}|${i.fact.kind}|${i.fact.redacted}`);
    const prev = byMatch.get(k);
    if (!prev || i.at < prev.at) byMatch.set(k, i);
  }
  let raw: RawFinding[] = [];
  if (facts.credentials.length > 0) {
    assertValidFacts(facts);
    raw = evaluateFindings(await loadEvaluator(opts.settings), facts);
  }
  const catalog = ruleCatalog();

  const best = new Map<string, { raw: RawFinding; intro: Introduced }>();
  for (const r of raw) {
    const intro = byMatch.get(matchKey(r.file, r.line, r.column, r.match ?? ''));
    if (!intro) continue;
    if (catalog[r.rule]?.category !== 'credentials') continue;
    const k = `${r.rule}\0${r.file}\0${intro.fact.valueHash}`;
    const prev = best.get(k);
    if (!prev || intro.at < prev.intro.at) best.set(k, { raw: r, intro });
  }

  // Still there at HEAD?
  const atHead = await factsAtHead(info, [...new Set([...best.values()].map((b) => b.raw.file))], {
    cache,
    settings: opts.settings,
    repoFact,
    collectors,
    maxSize,
  });

  const all: Finding[] = [];
  const suppressedAtHead: SuppressedFinding[] = [];
  const allExceptions = exceptionFacts(root, opts.config, opts.today ?? todayUtc());
  // What may accept a finding: the policies judge the directives' and exceptions'
  // reasons (DG-CFG-002); with a trusted config no directive in the repository applies.
  const directiveLists = [...best.values()].flatMap(({ raw: r, intro }) => [cache.get(intro.blob)?.suppressions ?? [], atHead.get(r.file)?.suppressions ?? []]);
  const acceptable =
    directiveLists.some((l) => l.length > 0) || allExceptions.length > 0
      ? await acceptableBy(await loadEvaluator(opts.settings), repoFact, directiveLists.flat(), allExceptions)
      : { directives: (l: readonly SuppressionFact[]) => [...l], exceptions: allExceptions };
  const directives = (l: readonly SuppressionFact[] | undefined) => (opts.repositoryAcceptance === false ? [] : acceptable.directives(l ?? []));
  const exceptions = acceptable.exceptions;
  const introducedBy = new Map<Finding, Introduced>();
  for (const { raw: r, intro } of best.values()) {
    const f = buildFindings([r], catalog, opts.lang)[0];
    if (!f || f.category !== 'credentials') continue;
    const c = commits[intro.at]!;
    const head = atHead.get(r.file);
    const sameAtHead = head?.credentials.filter((h) => h.valueHash === intro.fact.valueHash) ?? [];
    f.commit = { sha: c.sha, authorDate: c.authorDate };
    f.message = `${f.message}${historyNote(c, sameAtHead.length > 0, opts.lang)}`;
    // A directive at HEAD on the line that still holds the value accepts it too.
    const byHead = sameAtHead
      .map((h) => applySuppressions([{ ...f, line: h.line }], directives(head?.suppressions), []).suppressed[0])
      .find((s) => s !== undefined);
    if (byHead) suppressedAtHead.push({ finding: f, by: byHead.by });
    else all.push(f);
    introducedBy.set(f, intro);
  }
  // Directives in the introducing version of the file, and config exceptions.
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [...suppressedAtHead];
  for (const f of all) {
    const intro = introducedBy.get(f)!;
    const r = applySuppressions([f], directives(cache.get(intro.blob)?.suppressions), exceptions);
    kept.push(...r.kept);
    suppressed.push(...r.suppressed);
  }
  sortFindings(kept);
  const judged = accept(kept, suppressed, {
    failOn: opts.failOn ?? 'high',
    ...(baselineDoc && opts.baseline ? { baseline: { doc: baselineDoc, path: opts.baseline } } : {}),
    started,
    filesScanned: toRead.size,
    skipped: [],
  });
  const summary = judged.summary;
  summary.filesSkipped = skippedBlobs;
  const durationMs = Math.round(performance.now() - started);
  return {
    ...judged,
    commits: commits.length,
    blobs: toRead.size,
    durationMs,
    root,
    range,
    skippedBlobs,
  };
}


export interface HistoryCliOptions {
  /** The scan's `[path]` argument. */
  path: string;
  since?: string;
  /** `--config`: default `.dancu-guard.yml` at the root. */
  configPath?: string;
  lang: Lang;
  failOn: Severity | 'none';
  baseline?: string;
  /** `--trusted-config`: the province's configuration decides (pipeline/trust.ts). */
  trustedConfigPath?: string;
  onProgress?: (status: string) => void;
}

/**
 * `scan --history` as the CLI runs it: load the config at the root (or `--config`),
 * merge the settings, walk the history. The result has `findings`, `unsuppressed`,
 * `summary` and `root` like `scan()`'s, so reporting and `--write-baseline` work alike.
 */
export async function scanHistoryAt(opts: HistoryCliOptions): Promise<HistoryScanResult> {
  const root = resolve(opts.path);
  const own = loadConfig(root, opts.configPath);
  const trusted = opts.trustedConfigPath ? restrictedHistoryConfig(root, own, opts.trustedConfigPath, opts.baseline) : undefined;
  const config = trusted?.config ?? own;
  const result = await scanHistory({
    root: opts.path,
    ...(opts.since !== undefined ? { since: opts.since } : {}),
    settings: mergeSettings(config.config),
    config,
    lang: opts.lang,
    failOn: stricter(opts.failOn, config.config.failOn),
    ...(opts.baseline && !trusted?.baselineRefused ? { baseline: opts.baseline } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(trusted ? { repositoryAcceptance: false } : {}),
  });
  return trusted ? { ...result, policy: trusted.report } : result;
}

function matchKey(file: string, line: number, column: number | undefined, match: string): string {
  return `${file}\0${line}\0${column ?? ''}\0${match}`;
}

/** ` First committed in abc1234 on 2024-03-01; still present at HEAD.` (or removed later). */
export function historyNote(c: Pick<LogCommit, 'sha' | 'authorDate'>, presentAtHead: boolean, lang: Lang): string {
  const short = c.sha.slice(0, 7);
  const day = c.authorDate.slice(0, 10);
  if (lang === 'vi') {
    return presentAtHead
      ? ` Lần đầu được commit trong ${short} ngày ${day}; vẫn còn ở HEAD.`
      : ` Lần đầu được commit trong ${short} ngày ${day}; đã bị xóa sau đó nhưng vẫn còn trong lịch sử: hãy đổi (thu hồi) giá trị này.`;
  }
  return presentAtHead
    ? ` First committed in ${short} on ${day}; still present at HEAD.`
    : ` First committed in ${short} on ${day}; removed later, but still in history: rotate it.`;
}

function readGuardIgnore(info: RepoInfo): string | undefined {
  if (info.bare) return undefined;
  try {
    return readFileSync(join(info.root, GUARD_IGNORE_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

/** Run `fn` with a cat-file process; always closes it, and turns git failures into UsageErrors. */
async function withCatFile<T>(root: string, o: ConstructorParameters<typeof CatFile>[1], fn: (cf: CatFile) => Promise<T>): Promise<T> {
  const cf = new CatFile(root, o);
  try {
    const r = await fn(cf);
    await cf.close();
    return r;
  } catch (err) {
    cf.kill();
    await cf.close();
    if (err instanceof GitError) throw usageErrorFromGit(err, root, 'git cat-file');
    throw err;
  }
}

interface HeadContext {
  cache: Map<string, BlobFacts>;
  settings: Settings;
  repoFact: RepoFact;
  collectors: ReturnType<typeof historyCollectors>;
  maxSize: number;
}

/** For each file, the facts of its HEAD version (absent when the file is gone at HEAD). */
async function factsAtHead(info: RepoInfo, paths: string[], ctx: HeadContext): Promise<Map<string, BlobFacts>> {
  const out = new Map<string, BlobFacts>();
  if (paths.length === 0 || !info.head) return out;
  const wanted = new Set(paths);
  const blobs = new Map<string, string>(); // path → oid at HEAD
  try {
    // ls-tree lists paths relative to the working directory (the root) and only under it.
    const r = await git(['ls-tree', '-r', '-z', info.head], { cwd: info.root });
    const split = new NulSplitter((rec) => {
      const tab = rec.indexOf('\t');
      if (tab < 0) return;
      const path = rec.slice(tab + 1);
      if (!wanted.has(path)) return;
      const [mode = '', type = '', oid = ''] = rec.slice(0, tab).split(' ');
      if (type === 'blob' && isRegularMode(mode)) blobs.set(path, oid);
    });
    split.push(r.stdout);
    split.end();
  } catch (err) {
    throw usageErrorFromGit(err, info.root, 'git ls-tree');
  }
  const missing: Array<[string, string]> = [];
  for (const [path, oid] of blobs) {
    const entry = ctx.cache.get(`${oid}\0${path}`);
    if (entry) out.set(path, entry);
    else missing.push([path, oid]);
  }
  if (missing.length > 0) {
    // Only with --since: HEAD's version may predate the range.
    await withCatFile(info.root, { mode: 'contents', maxSize: ctx.maxSize }, async (cf) => {
      for (const [path, oid] of missing) {
        const obj = await cf.get(oid);
        if (obj.missing) throw corruptError(info.root, msg('git.objectAtHeadMissing', { oid: oid.slice(0, 12), path }));
        const d = obj.data ? decodeBlob(obj.data) : undefined;
        if (d && 'text' in d) out.set(path, await blobFacts(path, d.text, ctx.settings, ctx.repoFact, ctx.collectors));
      }
    });
  }
  return out;
}

function emptyResult(root: string, range: string, opts: HistoryScanOptions, started: number): HistoryScanResult {
  const summary = summarize([], 0, [], opts.failOn ?? 'high', started);
  const durationMs = Math.round(performance.now() - started);
  return { findings: [], unsuppressed: [], suppressed: [], commits: 0, blobs: 0, durationMs, root, range, summary, skippedBlobs: {} };
}
