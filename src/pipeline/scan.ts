/**
 * The pipeline: discover → collect → facts → evaluate → findings → report → verdict.
 * This module runs the first five on any source (a working tree, a commit's tree, the
 * git index); the CLI, the gate and the Action format and decide.
 *
 * Collect → facts → evaluate streams (stream.ts): chunks of files on worker threads,
 * each chunk's facts judged and dropped, a content-addressed cache in front (cache.ts),
 * a per-file budget and hard limit (pool.ts, profile.ts). See docs/architecture.md.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { stricter } from '../config/trust.js';
import { DEFAULT_MAX_FILE_SIZE, decodeText } from '../discover/index.js';
import type { DiscoveredFile, SkippedFile } from '../discover/types.js';
import type { BaselineResult } from '../findings/baseline.js';
import { todayUtc, type SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Lang, Severity } from '../findings/types.js';
import { emptyFacts, type Facts } from '../facts/types.js';
import { evaluateFindings, loadEvaluator, rawFindingKey, type Evaluator } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { isOwnReport } from '../report/own-report.js';
import { summarize } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { judge, restrictTo } from './judge.js';
import { DEFAULT_FILE_BUDGET_MS, DEFAULT_FILE_LIMIT_MS, DEFAULT_WORKER_HEAP_MB, emptyProfile, type ScanProfile } from './profile.js';
import { isLexicallyInside, realpathOfNearest } from '../util/files.js';
import { UsageError } from '../util/errors.js';
import { renameTemporaryPath, worktreeSource, type OpenedTree, type ScanSource } from './source.js';
import { StatMemo } from './stat-memo.js';
import { openScanCache, streamFacts } from './stream.js';
import { resolvePolicy, type PolicyReport, type PullRequestBase } from './trust.js';

export { DEFAULT_FILE_BUDGET_MS, DEFAULT_FILE_LIMIT_MS };

/** Worker threads by default: the cores available. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface ScanOptions {
  /** The directory to scan (with the default source), or what a source calls its root. */
  path: string;
  /** Where the files come from (default: the directory `path` as it is on disk). */
  source?: ScanSource;
  configPath?: string;
  /** The province's configuration: the repository's can then only tighten (pipeline/trust.ts). */
  trustedConfigPath?: string;
  /** PR mode: the base commit whose policy inputs apply (pipeline/trust.ts). */
  prBase?: PullRequestBase;
  lang?: Lang;
  failOn?: Severity | 'none';
  /** Report only findings not recorded in this baseline file. */
  baseline?: string;
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  /** Adjust the settings once the config is merged (the gate adds the declaration's approved tools). */
  adjustSettings?: (settings: Settings) => Settings;
  /** Called with a short status line while the scan runs (the CLI shows it on a TTY). */
  onProgress?: (status: string) => void;
  /** Worker threads collecting and evaluating (default: the available cores). Findings are the same for every value. */
  jobs?: number;
  /** The facts cache's directory (default: none; the CLI uses the user's cache directory). */
  cacheDir?: string;
  /**
   * Keep every fact in the result, and the loaded policy bundle (default true: the gate
   * asks the policies more questions). The CLI and the Action pass false: facts are
   * dropped as soon as they are judged, so memory does not grow with the tree.
   */
  keepFacts?: boolean;
  /** A file analysed for longer than this (ms) is reported (default 2 s). */
  fileBudgetMs?: number;
  /** A file analysed for longer than this (ms) is stopped, and takes the plain-text path with a blocking finding (default 30 s). */
  fileLimitMs?: number;
  /** Each worker thread's heap limit, MiB (default 512): a file that needs more takes the plain-text path with a blocking finding. */
  workerHeapMb?: number;
  /** Most files per chunk (default plan.ts `MAX_FILES`; tests show the cut never changes findings). */
  chunkFiles?: number;
}

export interface ScanResult {
  root: string;
  config: LoadedConfig;
  settings: Settings;
  /**
   * The facts: all of them with `keepFacts` (the default); otherwise the file entries,
   * diagnostics, suppressions, exceptions and the credentials of files with findings
   * (call sites, endpoints and TLS settings were dropped once judged).
   */
  facts: Facts;
  /** The policy bundle loaded with `settings` (with `keepFacts`: the gate asks it more questions). */
  evaluator?: Evaluator;
  /** Reported findings: after suppressions, exceptions and the baseline. */
  findings: Finding[];
  /** After suppressions and exceptions, before the baseline (what --write-baseline records). */
  unsuppressed: Finding[];
  suppressed: SuppressedFinding[];
  baseline?: BaselineResult;
  skipped: SkippedFile[];
  /** dancu-guard's own reports found in the tree (recognised by content) and not scanned. */
  ownReports: string[];
  summary: Summary;
  /** What the scan applied of the repository's policy inputs, and what it did not. */
  policy: PolicyReport;
  /** Where the time went: stages, collectors, cache, the slowest files, files over the budget or stopped. */
  profile: ScanProfile;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const tree = await (opts.source ?? worktreeSource(opts.path)).open(progress);
  try {
    return await scanTree(tree, opts, started, progress);
  } catch (err) {
    throw tree.display && tree.dir !== tree.root ? renameTemporaryPath(err, tree.dir, tree.display) : err;
  } finally {
    tree.close();
  }
}

async function scanTree(tree: OpenedTree, opts: ScanOptions, started: number, progress: (s: string) => void): Promise<ScanResult> {
  // Which config, ignores, baseline and directives apply (trusted config, PR mode).
  // Read before any work, so a bad one fails fast and nothing is written.
  const policy = await resolvePolicy(tree, opts);
  const config = policy.config;
  const settings = opts.adjustSettings ? opts.adjustSettings(policy.settings) : policy.settings;
  const failOn = stricter(opts.failOn ?? 'high', policy.failOnFloor);
  const lang = opts.lang ?? 'en';
  const today = opts.today ?? todayUtc();
  const baseline = policy.baseline;
  if (opts.cacheDir) refuseCacheInside(opts.cacheDir, [tree.root, tree.dir]);

  // The budget never exceeds the limit: a file is reported before it is stopped.
  const limitMs = opts.fileLimitMs ?? Math.max(DEFAULT_FILE_LIMIT_MS, opts.fileBudgetMs ?? 0);
  const budgetMs = Math.min(opts.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS, limitMs);
  const heapMb = opts.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB;

  if (tree.only && tree.only.size === 0) {
    // Nothing to report on (nothing staged): no scan at all.
    const facts = emptyFacts({ name: basename(tree.root), binEntries: [] });
    const summary = summarize([], 0, [], failOn, started);
    return {
      root: tree.root,
      config,
      settings,
      facts,
      findings: [],
      unsuppressed: [],
      suppressed: [],
      skipped: [],
      ownReports: [],
      summary,
      policy: policy.report,
      profile: emptyProfile(budgetMs, limitMs, heapMb),
    };
  }

  const c0 = performance.now();
  const cache = opts.cacheDir ? openScanCache(opts.cacheDir, settings) : undefined;
  // Discovery's memo: for a directory on disk (not a temporary copy, which is new every time).
  const statMemo = cache && tree.dir === tree.root ? StatMemo.load(cache.buildDir, tree.dir, DEFAULT_MAX_FILE_SIZE) : undefined;
  const cacheOpenMs = performance.now() - c0;

  progress('discovering files…');
  const t = performance.now();
  const walked = await policy.discover(tree.dir, { ...(cache ? { hash: true } : {}), ...(statMemo ? { memo: statMemo } : {}) });
  statMemo?.save(tree.dir);
  // A previous report in the tree is never scanned (src/report/own-report.ts).
  const ownReports = walked.files.filter((f) => isOwnReport(f.path, f.absPath)).map((f) => f.path);
  const discovered = ownReports.length > 0 ? { ...walked, files: walked.files.filter((f) => !ownReports.includes(f.path)) } : walked;
  const discoverMs = performance.now() - t;
  const streamed = await streamFacts({
    dir: tree.dir,
    settings,
    files: discovered.files,
    skipped: discovered.skipped,
    repo: { name: basename(tree.root), binEntries: rootBinEntries(discovered.files) },
    // Source/config/manifest files discovery could not check are findings (DG-CFG-004), never a silent pass.
    exceptions: policy.exceptions(today),
    keepFacts: opts.keepFacts ?? true,
    jobs: opts.jobs ?? defaultJobs(),
    ...(cache ? { cache } : {}),
    budgetMs,
    limitMs,
    heapMb,
    ...(opts.chunkFiles ? { chunkFiles: opts.chunkFiles } : {}),
    progress,
  });
  const { facts, profile } = streamed;
  if (statMemo && profile.cache) profile.cache.discoveryReused = statMemo.reused;
  profile.stages = { ...(cache ? { 'cache open': cacheOpenMs } : {}), discover: discoverMs, ...profile.stages };

  // What the change weakens (PR mode) needs every inline directive: judged once collection is done.
  await policy.completeFacts(facts, tree.dir, today);
  if (facts.weakenings?.length) {
    const w0 = performance.now();
    const evaluator = streamed.evaluator ?? (await loadEvaluator(settings));
    const seen = new Set(streamed.raw.map(rawFindingKey));
    const repoLevel = { ...emptyFacts(facts.repo), weakenings: facts.weakenings };
    for (const r of evaluateFindings(evaluator, repoLevel)) {
      if (seen.has(rawFindingKey(r))) continue;
      seen.add(rawFindingKey(r));
      streamed.raw.push(r);
    }
    profile.stages.weakenings = performance.now() - w0;
  }

  // Scripts over the size limit that the collectors did not analyse (neither machine-made
  // nor data: discover reads them, collect decides) are skipped files like any other.
  const byPath = new Map(discovered.files.map((f) => [f.path, f]));
  const tooLarge: SkippedFile[] = [];
  const seenLarge = new Set<string>();
  for (const d of facts.diagnostics) {
    const f = d.kind === 'skipped-size' ? byPath.get(d.file) : undefined;
    if (!f?.oversized || seenLarge.has(f.path)) continue;
    seenLarge.add(f.path);
    tooLarge.push({ path: f.path, reason: 'oversized', size: f.size, kind: f.kind });
  }
  const allSkipped = tooLarge.length ? [...discovered.skipped, ...tooLarge].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) : discovered.skipped;

  progress('judging findings…');
  const j0 = performance.now();
  const common = { failOn, started };
  let judged = judge(streamed.raw, policy.accepting(facts), lang, {
    ...common,
    ...(baseline ? { baseline } : {}),
    filesScanned: discovered.files.length - tooLarge.length,
    skipped: allSkipped,
    detail: { ignored: discovered.ignored },
  });
  let skipped = allSkipped;
  if (tree.only) {
    const only = tree.only;
    skipped = skipped.filter((s) => only.has(s.path));
    judged = restrictTo(judged, only, { ...common, filesScanned: facts.files.filter((f) => only.has(f.path)).length, skipped });
  }
  profile.stages.judge = performance.now() - j0;
  profile.wallMs = performance.now() - started;
  return {
    root: tree.root,
    config,
    settings,
    facts,
    ...(streamed.evaluator ? { evaluator: streamed.evaluator } : {}),
    ...judged,
    skipped,
    ownReports: tree.only ? ownReports.filter((p) => tree.only!.has(p)) : ownReports,
    policy: policy.report,
    profile,
  };
}

/**
 * The facts cache must not be the repository's: anyone who can write it can plant an
 * entry that says a file has no facts (keys are computable from public inputs). A cache
 * directory inside the scanned tree is refused (exit 2), link or not.
 */
function refuseCacheInside(cacheDir: string, roots: readonly string[]): void {
  const real = realpathOfNearest(cacheDir);
  for (const root of roots) {
    if (isLexicallyInside(root, cacheDir) || isLexicallyInside(realpathOfNearest(root), real)) {
      throw UsageError.of('scan.cacheInside', { dir: cacheDir });
    }
  }
}

/** package.json `bin` entries at the root, so collectors can mark those files as tools. */
function rootBinEntries(files: readonly DiscoveredFile[]): string[] {
  const pkg = files.find((f) => f.path === 'package.json');
  if (!pkg) return [];
  try {
    const doc = JSON.parse(decodeText(pkg, readFileSync(pkg.absPath))) as { bin?: string | Record<string, string> };
    const list = typeof doc.bin === 'string' ? [doc.bin] : Object.values(doc.bin ?? {});
    return list.map((p) => p.replace(/^\.\//, ''));
  } catch {
    return []; // a malformed package.json is reported by the JSON collector
  }
}
