/**
 * The scan's performance flags, declared once: worker threads, the facts cache, the
 * per-file budget and limit, and `--profile`; and what the CLI prints after a scan
 * (slow files always, the profile when asked).
 */
import { Option, type Command } from 'commander';
import { defaultCacheDir } from '../pipeline/cache.js';
import { budgetWarnings, DEFAULT_FILE_BUDGET_MS, DEFAULT_FILE_LIMIT_MS, DEFAULT_WORKER_HEAP_MB, formatProfile, type ScanProfile } from '../pipeline/profile.js';

/** Below this a worker cannot hold the parsers and the index of a large repository. */
const MIN_WORKER_HEAP_MB = 128;
import type { ScanOptions } from '../pipeline/scan.js';
import { tr, translator, type Lang, type Translate } from '../report/i18n.js';
import { UsageError } from '../util/errors.js';

export interface PerformanceCliOptions {
  jobs?: string;
  cache: boolean;
  cacheDir?: string;
  profile?: boolean;
  fileBudget?: string;
  fileTimeout?: string;
  workerMemory?: string;
}

export function addPerformanceOptions(cmd: Command, T: Translate = translator('en')): Command {
  return cmd
    .addOption(new Option('-j, --jobs <n>', T('perf.opt.jobs')))
    .addOption(new Option('--cache-dir <dir>', T('perf.opt.cacheDir')))
    .addOption(new Option('--no-cache', T('perf.opt.noCache')))
    .addOption(new Option('--profile', T('perf.opt.profile')))
    .addOption(new Option('--file-budget <seconds>', T('perf.opt.fileBudget', { n: DEFAULT_FILE_BUDGET_MS / 1000 })))
    .addOption(new Option('--file-timeout <seconds>', T('perf.opt.fileTimeout', { n: DEFAULT_FILE_LIMIT_MS / 1000 })))
    .addOption(new Option('--worker-memory <MiB>', T('perf.opt.workerMemory', { n: DEFAULT_WORKER_HEAP_MB })));
}

function positive(value: string, flag: string, integer: boolean, T: Translate): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(T(integer ? 'perf.err.positiveInteger' : 'perf.err.positive', { flag, value }));
  }
  return n;
}

/** The scan options the flags ask for (a bad value is a usage error). */
export function scanTuning(opts: PerformanceCliOptions, T: Translate = translator('en')): Pick<ScanOptions, 'jobs' | 'cacheDir' | 'fileBudgetMs' | 'fileLimitMs' | 'workerHeapMb'> {
  const out: Pick<ScanOptions, 'jobs' | 'cacheDir' | 'fileBudgetMs' | 'fileLimitMs' | 'workerHeapMb'> = {};
  if (opts.jobs !== undefined) out.jobs = positive(opts.jobs, '--jobs', true, T);
  if (opts.cache) out.cacheDir = opts.cacheDir ?? defaultCacheDir();
  if (opts.fileBudget !== undefined) out.fileBudgetMs = positive(opts.fileBudget, '--file-budget', false, T) * 1000;
  if (opts.workerMemory !== undefined) {
    out.workerHeapMb = positive(opts.workerMemory, '--worker-memory', true, T);
    if (out.workerHeapMb < MIN_WORKER_HEAP_MB) throw new UsageError(T('perf.err.workerMemoryMin', { min: MIN_WORKER_HEAP_MB, value: opts.workerMemory }));
  }
  if (opts.fileTimeout !== undefined) out.fileLimitMs = positive(opts.fileTimeout, '--file-timeout', false, T) * 1000;
  if (out.fileBudgetMs !== undefined && out.fileLimitMs !== undefined && out.fileLimitMs < out.fileBudgetMs) {
    throw new UsageError(T('perf.err.timeoutShorter'));
  }
  return out;
}

/** After a scan: a warning per slow or stopped file; the whole profile with --profile. */
export function reportPerformance(profile: ScanProfile | undefined, opts: PerformanceCliOptions, lang: Lang = 'en', write: (s: string) => void = (s) => process.stderr.write(s)): void {
  if (!profile) return;
  if (opts.profile) {
    // The profile is for whoever tunes the scan (and the benchmark parses it): English.
    write(formatProfile(profile));
    return;
  }
  for (const w of budgetWarnings(profile, lang)) write(`dancu-guard: ${tr(lang, 'cli.warning')}: ${w}\n`);
}
