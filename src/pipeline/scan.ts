/**
 * The pipeline: discover → collect → facts → evaluate → findings → report → verdict.
 * This module runs the first five; the CLI and the Action format and decide.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { collectFacts } from '../collect/index.js';
import type { CollectContext } from '../collect/types.js';
import { exceptionFacts, loadConfig, mergeSettings, type LoadedConfig } from '../config/load.js';
import { decodeText, discover, skippedDiagnostics } from '../discover/index.js';
import type { SkippedFile } from '../discover/types.js';
import { applyBaseline, readBaseline, type BaselineResult } from '../findings/baseline.js';
import { buildFindings } from '../findings/build.js';
import { applySuppressions, todayUtc, type SuppressedFinding } from '../findings/suppress.js';
import type { Finding, Lang, Severity } from '../findings/types.js';
import type { Facts } from '../facts/types.js';
import { assertValidFacts } from '../facts/validate.js';
import { ruleCatalog } from '../policy/bundle.js';
import { evaluateFindings, loadEvaluator } from '../policy/evaluate.js';
import type { Settings } from '../policy/settings.js';
import { summarize } from '../report/summary.js';
import type { Summary } from '../report/types.js';
import { UsageError } from '../util/errors.js';

export interface ScanOptions {
  path: string;
  configPath?: string;
  lang?: Lang;
  failOn?: Severity | 'none';
  /** Report only findings not recorded in this baseline file. */
  baseline?: string;
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  /** Called with a short status line while the scan runs (the CLI shows it on a TTY). */
  onProgress?: (status: string) => void;
}

export interface ScanResult {
  root: string;
  config: LoadedConfig;
  settings: Settings;
  facts: Facts;
  /** Reported findings: after suppressions, exceptions and the baseline. */
  findings: Finding[];
  /** After suppressions and exceptions, before the baseline (what --write-baseline records). */
  unsuppressed: Finding[];
  suppressed: SuppressedFinding[];
  baseline?: BaselineResult;
  skipped: SkippedFile[];
  summary: Summary;
}

export async function scan(opts: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = resolve(opts.path);
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`path not found: ${opts.path}`);
  }
  if (!isDir) throw new UsageError(`not a directory: ${opts.path} (scan takes the root of a repository)`);

  const config = loadConfig(root, opts.configPath);
  const settings = mergeSettings(config.config);
  // Read the baseline before any work, so a bad one fails fast and nothing is written.
  const baseline = opts.baseline ? readBaseline(opts.baseline) : undefined;
  opts.onProgress?.('discovering files…');
  const discovered = await discover(root, { ignore: config.config.ignore ?? [] });

  const byPath = new Map(discovered.files.map((f) => [f.path, f]));
  const cache = new Map<string, string>();
  const ctx: CollectContext = {
    root,
    settings,
    allFiles: discovered.files,
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
  const repo = { name: basename(root), binEntries: binEntries(ctx) };
  opts.onProgress?.(`collecting facts from ${discovered.files.length} files…`);
  const facts = await collectFacts(discovered.files, ctx, repo, undefined, (done, total, name) =>
    opts.onProgress?.(`collected ${name} (${done}/${total})`),
  );
  cache.clear();
  // Source/config/manifest files discovery could not check are findings (DG-CFG-004),
  // never a silent pass.
  facts.diagnostics.push(...skippedDiagnostics(discovered.skipped));
  facts.exceptions = exceptionFacts(root, config, opts.today ?? todayUtc());
  assertValidFacts(facts);

  opts.onProgress?.('evaluating policies…');
  const evaluator = await loadEvaluator(settings);
  const raw = evaluateFindings(evaluator, facts);
  const all = buildFindings(raw, ruleCatalog(), opts.lang ?? 'en');
  const { kept, suppressed } = applySuppressions(all, facts.suppressions, facts.exceptions);
  const baselined = baseline ? applyBaseline(kept, baseline) : undefined;
  const findings = baselined ? baselined.fresh : kept;
  const summary = summarize(findings, discovered.files.length, discovered.skipped, opts.failOn ?? 'high', started, {
    ignored: discovered.ignored,
  });
  summary.suppressed = suppressed.length;
  if (baselined && opts.baseline) {
    summary.baseline = {
      file: opts.baseline,
      known: baselined.known.length,
      stale: baselined.stale.map(({ fingerprint, ruleId, file, line }) => ({ fingerprint, ruleId, file, line })),
    };
  }
  return {
    root,
    config,
    settings,
    facts,
    findings,
    unsuppressed: kept,
    suppressed,
    ...(baselined ? { baseline: baselined } : {}),
    skipped: discovered.skipped,
    summary,
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
