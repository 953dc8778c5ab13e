/**
 * Where a scan's time went: per file (which files are slow, and past the budget), per
 * collector, per stage; and the slot through which a worker tells the main thread which
 * file it is on, so a file stuck past the hard limit can be stopped and named.
 */
import { tr, type Lang } from '../report/i18n.js';
import type { CacheStats } from './cache.js';

/** A file analysed for longer than this is reported (which file, how long). */
export const DEFAULT_FILE_BUDGET_MS = 2_000;
/** A file analysed for longer than this is stopped and takes the plain-text path, marked. */
export const DEFAULT_FILE_LIMIT_MS = 30_000;
/**
 * Each worker thread's heap limit (MiB). What a worker keeps between chunks is small (the
 * compact index, the parsers: about 140 MB at 100,000 files); without a limit V8 lets
 * garbage pile up to gigabytes before collecting it. A file whose analysis needs more
 * than this is analysed again on the plain-text path and marked, like one past the time limit.
 */
export const DEFAULT_WORKER_HEAP_MB = 512;

/** Why a file's analysis was stopped. */
export type StopReason = 'time' | 'memory';

/** Tells the main thread which file an analysis is on (shared memory in a worker). */
export interface WatchSlot {
  start(path: string): void;
  clear(): void;
}

export interface FileTiming {
  path: string;
  ms: number;
}

/** Slowest files kept per chunk and per scan. */
const TOP = 20;

/**
 * Times files as collectors start on them (`ctx.onFile`): the time until the next file
 * (or the end of the collector) is the file's.
 */
export class FileClock {
  readonly collectors: Record<string, number> = {};
  private readonly perFile = new Map<string, number>();
  private current: string | undefined;
  private since = performance.now();
  private collectorStart = performance.now();

  constructor(
    private readonly softMs: number,
    private readonly slot?: WatchSlot,
  ) {}

  start(path: string): void {
    const now = performance.now();
    this.close(now);
    this.current = path;
    this.since = now;
    this.slot?.start(path);
  }

  endCollector(name: string): void {
    const now = performance.now();
    this.close(now);
    this.current = undefined;
    this.collectors[name] = (this.collectors[name] ?? 0) + (now - this.collectorStart);
    this.collectorStart = now;
    this.slot?.clear();
  }

  private close(now: number): void {
    if (this.current !== undefined) this.perFile.set(this.current, (this.perFile.get(this.current) ?? 0) + (now - this.since));
  }

  /** Files over the budget, and the chunk's slowest. */
  timings(): FileTiming[] {
    const all = [...this.perFile].map(([path, ms]) => ({ path, ms }));
    all.sort((a, b) => b.ms - a.ms);
    return all.filter((t, i) => i < TOP || t.ms > this.softMs);
  }
}

export interface ScanProfile {
  /** Worker threads used (0: collected on the main thread). */
  jobs: number;
  files: number;
  chunks: number;
  /** Files the collectors ran on (not served from the cache). */
  collected: number;
  wallMs: number;
  /** Wall time of each stage on the main thread, ms. */
  stages: Record<string, number>;
  /** Time spent in workers, summed over them, ms. */
  work: { cache: number; collect: number; validate: number; evaluate: number } & Record<string, number>;
  collectors: Record<string, number>;
  cache?: CacheStats & { dir: string; memo?: 'hit' | 'written'; discoveryReused?: number };
  /** The slowest files. */
  slowest: FileTiming[];
  /** Files over the per-file budget (reported; analysis went on). */
  overBudget: FileTiming[];
  /**
   * Files stopped at the hard limit (`time`) or whose worker ran out of memory in them
   * (`memory`): `text` when the plain-text path ran instead, `none` when it too was stopped.
   */
  stopped: Array<{ path: string; fallback: 'text' | 'none'; reason: StopReason }>;
  /** Each worker thread's heap limit, MiB. */
  heapMb: number;
  budgetMs: number;
  limitMs: number;
}

export function emptyProfile(budgetMs: number, limitMs: number, heapMb = DEFAULT_WORKER_HEAP_MB): ScanProfile {
  return {
    jobs: 0,
    files: 0,
    chunks: 0,
    collected: 0,
    wallMs: 0,
    stages: {},
    work: { cache: 0, collect: 0, validate: 0, evaluate: 0 },
    collectors: {},
    slowest: [],
    overBudget: [],
    stopped: [],
    heapMb,
    budgetMs,
    limitMs,
  };
}

/** Keep the slowest `TOP` of `timings` in `into` (in place, slowest first). */
export function keepSlowest(into: FileTiming[], timings: readonly FileTiming[]): void {
  for (const t of timings) into.push(t);
  into.sort((a, b) => b.ms - a.ms || (a.path < b.path ? -1 : 1));
  into.length = Math.min(into.length, TOP);
}

/** A repository path as printed: control characters escaped (a path is the repository's, untrusted). */
function shown(path: string): string {
  return JSON.stringify(path).slice(1, -1);
}

function ms(n: number): string {
  return n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`;
}

/** A warning line for each file over the budget or stopped at the limit (paths are the repository's: shown as they are, never their content). */
export function budgetWarnings(p: ScanProfile, lang: Lang = 'en'): string[] {
  const out: string[] = [];
  for (const t of p.overBudget) out.push(tr(lang, 'perf.warn.overBudget', { path: shown(t.path), took: ms(t.ms), budget: ms(p.budgetMs) }));
  for (const s of p.stopped) {
    if (s.reason === 'memory') out.push(tr(lang, s.fallback === 'text' ? 'perf.warn.oomText' : 'perf.warn.oomNone', { path: shown(s.path), mb: p.heapMb }));
    else out.push(tr(lang, s.fallback === 'text' ? 'perf.warn.stoppedText' : 'perf.warn.stoppedNone', { path: shown(s.path), limit: ms(p.limitMs) }));
  }
  return out;
}

/** `--profile`: stages, collectors, cache and the slowest files, as text. */
export function formatProfile(p: ScanProfile): string {
  const lines: string[] = [];
  lines.push(`profile: ${p.files} files in ${p.chunks} chunks, ${p.jobs ? `${p.jobs} worker thread${p.jobs > 1 ? 's' : ''}` : 'main thread'}, ${ms(p.wallMs)} wall`);
  lines.push('  stages (main thread, wall):');
  for (const [name, t] of Object.entries(p.stages)) lines.push(`    ${name.padEnd(22)} ${ms(t).padStart(9)}`);
  lines.push(`  in workers (summed over ${Math.max(1, p.jobs)}):`);
  for (const [name, t] of Object.entries(p.work)) lines.push(`    ${name.padEnd(22)} ${ms(t).padStart(9)}`);
  const coll = Object.entries(p.collectors).filter(([, t]) => t >= 1).sort((a, b) => b[1] - a[1]);
  if (coll.length) {
    lines.push('  collectors:');
    for (const [name, t] of coll) lines.push(`    ${name.padEnd(22)} ${ms(t).padStart(9)}`);
  }
  if (p.cache) {
    if (p.cache.discoveryReused !== undefined) lines.push(`  discovery: ${p.cache.discoveryReused} of ${p.files} files unchanged since the last scan (not read)`);
    if (p.cache.memo === 'hit') lines.push(`  cache: the whole scan from its memo, nothing collected or evaluated (${p.cache.dir})`);
    else lines.push(`  cache: ${p.cache.hits} hits, ${p.cache.misses} misses${p.cache.rejected ? `, ${p.cache.rejected} rejected` : ''}, ${p.cache.written} written${p.cache.memo === 'written' ? ', scan memo written' : ''} (${p.cache.dir})`);
  } else lines.push('  cache: off');
  lines.push(`  files collected: ${p.collected} of ${p.files}`);
  if (p.slowest.length) {
    lines.push('  slowest files:');
    for (const t of p.slowest) lines.push(`    ${ms(t.ms).padStart(9)}  ${shown(t.path)}`);
  }
  for (const w of budgetWarnings(p)) lines.push(`  ${w}`);
  return lines.join('\n') + '\n';
}
