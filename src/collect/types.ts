import type { DiscoveredFile } from '../discover/types.js';
import type { CollectedFacts } from '../facts/types.js';
import type { Settings } from '../policy/settings.js';

/** What every collector is given. Collectors never execute or import scanned code. */
export interface CollectContext {
  /** Absolute path of the scanned root. */
  root: string;
  settings: Settings;
  /** Every discovered file (not only this collector's), e.g. to resolve imports or config keys. */
  allFiles: readonly DiscoveredFile[];
  /** Read a discovered file as UTF-8 text (cached); undefined if it is not a discovered file. */
  readText(path: string): string | undefined;
}

/**
 * One collector per kind of file (Conftest-style: the engine knows no format).
 * `collect` gets every file for which `appliesTo` said yes, and returns facts for them.
 * A file it cannot parse yields a `parse-error` diagnostic with file and line; never a throw.
 */
export interface Collector {
  name: string;
  appliesTo(file: DiscoveredFile): boolean;
  collect(files: DiscoveredFile[], ctx: CollectContext): Promise<CollectedFacts> | CollectedFacts;
}
