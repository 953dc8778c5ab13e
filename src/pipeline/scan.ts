/**
 * The pipeline: discover → collect → facts → evaluate → findings → report → verdict.
 * This module runs the first five on any source (a working tree, a commit's tree, the
 * git index); the CLI, the gate and the Action format and decide.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { collectFacts } from '../collect/index.js';
import type { CollectContext } from '../collect/types.js';
import type { LoadedConfig } from '../config/load.js';
import { stricter } from '../config/trust.js';
import { decodeText, skippedDiagnostics } from '../discover/index.js';
import type { DiscoveredFile, SkippedFile } from '../discover/types.js';
import type { BaselineResult } from '../findings/baseline.js';
import { todayUtc, type SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Lang, Severity } from '../findings/types.js';
import { emptyFacts, type Facts } from '../facts/types.js';
import { assertValidFacts } from '../facts/validate.js';
import { boundFacts } from '../policy/bounds.js';
import { evaluateFindings, loadEvaluator, type Evaluator } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { isOwnReport } from '../report/own-report.js';
import { summarize } from '../report/summary.js';
import { append } from '../util/arrays.js';
import type { Summary } from '../report/types.js';
import { judge, restrictTo } from './judge.js';
import { renameTemporaryPath, worktreeSource, type OpenedTree, type ScanSource } from './source.js';
import { resolvePolicy, type PolicyReport, type PullRequestBase } from './trust.js';

export interface ScanOptions {
  /** The directory to scan (with the default source), or what a source calls its root. */
  path: string;
  /** Where the files come from (default: the directory `path` as it is on disk). */
  source?: ScanSource;
  configPath?: string;
  lang?: Lang;
  failOn?: Severity | 'none';
  /** Report only findings not recorded in this baseline file. */
  baseline?: string;
  /** The province's configuration: the repository's can then only tighten (pipeline/trust.ts). */
  trustedConfigPath?: string;
  /** PR mode: the base commit whose policy inputs apply (pipeline/trust.ts). */
  prBase?: PullRequestBase;
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  /** Adjust the settings once the config is merged (the gate adds the declaration's approved tools). */
  adjustSettings?: (settings: Settings) => Settings;
  /** Called with a short status line while the scan runs (the CLI shows it on a TTY). */
  onProgress?: (status: string) => void;
}

export interface ScanResult {
  root: string;
  config: LoadedConfig;
  settings: Settings;
  facts: Facts;
  /** The policy bundle loaded with `settings` (the gate asks it more questions). */
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
  const baseline = policy.baseline;

  if (tree.only && tree.only.size === 0) {
    // Nothing to report on (nothing staged): no scan at all.
    const facts = emptyFacts({ name: basename(tree.root), binEntries: [] });
    const summary = summarize([], 0, [], failOn, started);
    return { root: tree.root, config, settings, facts, findings: [], unsuppressed: [], suppressed: [], skipped: [], ownReports: [], summary, policy: policy.report };
  }

  progress('discovering files…');
  const walked = await policy.discover(tree.dir);
  // A previous report in the tree is never scanned (src/report/own-report.ts).
  const ownReports = walked.files.filter((f) => isOwnReport(f.path, f.absPath)).map((f) => f.path);
  const discovered = ownReports.length > 0 ? { ...walked, files: walked.files.filter((f) => !ownReports.includes(f.path)) } : walked;
  const texts = new Map<string, string>();
  const ctx = collectContext(tree.dir, settings, discovered.files, texts);
  const repo = { name: basename(tree.root), binEntries: binEntries(ctx) };
  progress(`collecting facts from ${discovered.files.length} files…`);
  const facts = await collectFacts(discovered.files, ctx, repo, undefined, (done, total, name) =>
    progress(`collected ${name} (${done}/${total})`),
  );
  texts.clear();
  // Source/config/manifest files discovery could not check are findings (DG-CFG-004),
  // never a silent pass.
  append(facts.diagnostics, skippedDiagnostics(discovered.skipped));
  await policy.completeFacts(facts, tree.dir, opts.today ?? todayUtc());
  // A hostile file's thousands of candidates are cut, and the cut blocks (policy/bounds.ts).
  boundFacts(facts);
  assertValidFacts(facts);

  progress('evaluating policies…');
  const evaluator = await loadEvaluator(settings);
  const raw = evaluateFindings(evaluator, facts);
  const common = { failOn, started };
  let judged = judge(raw, policy.accepting(facts), lang, {
    ...common,
    ...(baseline ? { baseline } : {}),
    filesScanned: discovered.files.length,
    skipped: discovered.skipped,
    detail: { ignored: discovered.ignored },
  });
  let skipped = discovered.skipped;
  if (tree.only) {
    const only = tree.only;
    skipped = skipped.filter((s) => only.has(s.path));
    judged = restrictTo(judged, only, { ...common, filesScanned: facts.files.filter((f) => only.has(f.path)).length, skipped });
  }
  return {
    root: tree.root,
    config,
    settings,
    facts,
    evaluator,
    ...judged,
    skipped,
    ownReports: tree.only ? ownReports.filter((p) => tree.only!.has(p)) : ownReports,
    policy: policy.report,
  };
}

/** What every collector is given: the root, the settings, and a cached text reader. */
export function collectContext(
  root: string,
  settings: Settings,
  files: readonly DiscoveredFile[],
  cache = new Map<string, string>(),
): CollectContext {
  const byPath = new Map(files.map((f) => [f.path, f]));
  return {
    root,
    settings,
    allFiles: files,
    readText(path) {
      const cached = cache.get(path);
      if (cached !== undefined) return cached;
      const file = byPath.get(path);
      if (!file) return undefined;
      let text: string;
      try {
        // UTF-16 (with a BOM) decoded, BOM dropped, stray NULs blanked: see discover/.
        text = decodeText(file, readFileSync(file.absPath));
      } catch {
        return undefined;
      }
      cache.set(path, text);
      return text;
    },
  };
}

/** package.json `bin` entries at the root, so collectors can mark those files as tools. */
function binEntries(ctx: CollectContext): string[] {
  const text = ctx.readText('package.json');
  if (!text) return [];
  try {
    const pkg = JSON.parse(text) as { bin?: string | Record<string, string> };
    const list = typeof pkg.bin === 'string' ? [pkg.bin] : Object.values(pkg.bin ?? {});
    return list.map((p) => p.replace(/^\.\//, ''));
  } catch {
    return []; // a malformed package.json is reported by the JSON collector
  }
}
