/**
 * The scan's performance flags, declared once: worker threads, the facts cache, the
 * per-file budget and limit, and `--profile`; and what the CLI prints after a scan
 * (slow files always, the profile when asked).
 */
import { Option, type Command } from 'commander';
import { defaultCacheDir } from '../pipeline/cache.js';
import { budgetWarnings, DEFAULT_FILE_BUDGET_MS, DEFAULT_FILE_LIMIT_MS, formatProfile, type ScanProfile } from '../pipeline/profile.js';
import type { ScanOptions } from '../pipeline/scan.js';
import { UsageError } from '../util/errors.js';

export interface PerformanceCliOptions {
  jobs?: string;
  cache: boolean;
  cacheDir?: string;
  profile?: boolean;
  fileBudget?: string;
  fileTimeout?: string;
}

export function addPerformanceOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-j, --jobs <n>', 'worker threads collecting facts (default: the available cores); findings are the same for any number'))
    .addOption(new Option('--cache-dir <dir>', 'where the facts cache lives (default: $XDG_CACHE_HOME/dancu-guard, else ~/.cache/dancu-guard)'))
    .addOption(new Option('--no-cache', 'do not read or write the facts cache'))
    .addOption(new Option('--profile', 'print where the time went: stages, collectors, cache, the slowest files (on stderr)'))
    .addOption(new Option('--file-budget <seconds>', `report a file whose analysis takes longer (default ${DEFAULT_FILE_BUDGET_MS / 1000})`))
    .addOption(
      new Option('--file-timeout <seconds>', `stop a file's analysis after this long: it gets the plain-text checks and a blocking finding (default ${DEFAULT_FILE_LIMIT_MS / 1000})`),
    );
}

function positive(value: string, flag: string, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} must be a positive ${integer ? 'whole number' : 'number'} (got "${value}")`);
  }
  return n;
}

/** The scan options the flags ask for (a bad value is a usage error). */
export function scanTuning(opts: PerformanceCliOptions): Pick<ScanOptions, 'jobs' | 'cacheDir' | 'fileBudgetMs' | 'fileLimitMs'> {
  const out: Pick<ScanOptions, 'jobs' | 'cacheDir' | 'fileBudgetMs' | 'fileLimitMs'> = {};
  if (opts.jobs !== undefined) out.jobs = positive(opts.jobs, '--jobs', true);
  if (opts.cache) out.cacheDir = opts.cacheDir ?? defaultCacheDir();
  if (opts.fileBudget !== undefined) out.fileBudgetMs = positive(opts.fileBudget, '--file-budget', false) * 1000;
  if (opts.fileTimeout !== undefined) out.fileLimitMs = positive(opts.fileTimeout, '--file-timeout', false) * 1000;
  if (out.fileBudgetMs !== undefined && out.fileLimitMs !== undefined && out.fileLimitMs < out.fileBudgetMs) {
    throw new UsageError('--file-timeout must not be shorter than --file-budget');
  }
  return out;
}

/** After a scan: a warning per slow or stopped file; the whole profile with --profile. */
export function reportPerformance(profile: ScanProfile | undefined, opts: PerformanceCliOptions, write: (s: string) => void = (s) => process.stderr.write(s)): void {
  if (!profile) return;
  if (opts.profile) {
    write(formatProfile(profile));
    return;
  }
  for (const w of budgetWarnings(profile)) write(`dancu-guard: warning: ${w}\n`);
}
