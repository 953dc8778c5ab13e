import type { DiscoveredFile } from '../discover/types.js';
import type { CallSiteFact, CollectedFacts } from '../facts/types.js';
import type { Settings } from '../policy/settings.js';

/**
 * What every collector is given. Collectors never execute or import scanned code, and
 * read other files only through `readText` (the pipeline tracks those reads: they are
 * what a file's cached facts depend on).
 */
export interface CollectContext {
  /** Absolute path of the scanned root. */
  root: string;
  settings: Settings;
  /** Every discovered file (not only this collector's), e.g. to resolve imports or config keys. */
  allFiles: readonly DiscoveredFile[];
  /** Read a discovered file as UTF-8 text (cached); undefined if it is not a discovered file. */
  readText(path: string): string | undefined;
  /**
   * What each collector's `prepare` found across the repository, by collector name. The
   * streaming pipeline prepares once per scan (the compact repository index) and hands
   * the result to every chunk; absent, a collector prepares over the files it is given.
   */
  prepared?: ReadonlyMap<string, unknown>;
  /**
   * Where a collector puts what only the whole repository can settle (see `DeferredSink`).
   * Absent, the collector settles it within the batch it was given.
   */
  deferred?: DeferredSink;
  /**
   * Called as a collector starts on each file: the pipeline times files with it and
   * knows which file a stuck analysis is on (the per-file budget).
   */
  onFile?(path: string): void;
  /**
   * Called when a collector uses another file's content that it read earlier and kept
   * (a parsed module): with `readText`, how the pipeline knows which files each file's
   * facts depend on — what its cache entry must be checked against.
   */
  onUse?(path: string): void;
}

/**
 * Facts one file's analysis settles for another file. The TypeScript collector reports a
 * `soap.createClient(…)` as a call site only when no analysed file calls an operation on
 * that client (that call site is reported instead); the caller may be in any file, so a
 * chunked scan settles it once every chunk is collected.
 */
export interface DeferredSink {
  /** `fact` (about the file it names) is reported unless some file claims `key`. */
  unlessClaimed(key: string, fact: CallSiteFact): void;
  /** `key` is claimed by the analysis of file `by`: the fact waiting on it is not reported. */
  claim(key: string, by: string): void;
}

/**
 * One collector per kind of file (Conftest-style: the engine knows no format).
 * `collect` gets every file for which `appliesTo` said yes, and returns facts for them.
 * A file it cannot parse yields a `parse-error` diagnostic with file and line; never a throw.
 *
 * A file's facts must depend only on its own text, the settings, what `prepare`
 * returned, and the files read through `ctx.readText`: the pipeline collects in chunks
 * (in worker threads, in any order) and caches each file's facts on exactly those inputs.
 */
export interface Collector {
  name: string;
  appliesTo(file: DiscoveredFile): boolean;
  /**
   * The whole-repository pass, run once per scan before any chunk: what `collect` needs
   * to know about other files (Feign interfaces, options classes, route throttles), kept
   * compact. The result must survive `structuredClone` (it is sent to every worker) and
   * reaches `collect` as `ctx.prepared.get(name)`.
   */
  prepare?(files: readonly DiscoveredFile[], ctx: CollectContext): Promise<unknown> | unknown;
  collect(files: DiscoveredFile[], ctx: CollectContext): Promise<CollectedFacts> | CollectedFacts;
}
