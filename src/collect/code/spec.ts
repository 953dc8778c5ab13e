/**
 * A language for the tree-sitter framework (`LanguageSpec`), what `createTreeSitterCollector`
 * (collector.ts) turns into a `Collector`: its grammar and query, its syntax reader
 * (types.ts), its hooks (analysis.ts) and its cheap prefilter. See README.md.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { Settings } from '../../policy/settings.js';
import type { CollectContext } from '../types.js';
import type { FileAnalysis, FileLanguage, LanguageHooks } from './analysis.js';
import type { CrossFileShapes } from './crossfile.js';
import { commonPrefilter } from './prefilter.js';

export type { LanguageHooks };

/** Given to `worthParsing` and `prepare`. */
export interface PrepareEnv {
  ctx: CollectContext;
  settings: Settings;
}

/** A language for the tree-sitter framework. */
export interface LanguageSpec<P = unknown> extends FileLanguage<P> {
  /** Collector name, e.g. `java`. */
  name: string;
  /** Grammar file stem: `java` → `tree-sitter-java.wasm`; `c-sharp`, `php`, `python`, `go`. */
  grammar: string;
  /**
   * One query whose captures give the nodes the framework and the hooks work on.
   * Capture names the framework reads: `function`, `lambda`, `class`, `call`, `new`,
   * `loop`, `string`, `decl`, `assign`, `annotation`, `import`, `ref`; others are the
   * language's own (read with `fa.captures(name)`).
   */
  query: string;
  /** Which discovered files this language reads (default: `kind: source` and `language`). */
  appliesTo?(file: DiscoveredFile): boolean;
  /**
   * A cross-file pass before the per-file analysis (e.g. Feign interfaces, options
   * classes): it may parse files with `parseFiles`. Its result is `fa.project`.
   */
  prepare?(files: readonly DiscoveredFile[], env: PrepareEnv, parse: ParseFn): Promise<P> | P;
  /** How the language declares constants and functions, for lookups in other files (crossfile.ts). */
  crossFile?: CrossFileShapes;
  /** Cheap text check: is this file worth parsing at all? */
  worthParsing(text: string, path: string, project: P, env: PrepareEnv): boolean;
}

/** Parse files with the language's grammar and query, one at a time; the tree is freed after `fn`. */
export type ParseFn = <T>(
  files: readonly DiscoveredFile[],
  filter: (text: string, path: string) => boolean,
  fn: (fa: FileAnalysis<unknown>) => T | undefined,
) => Promise<T[]>;

/** A `worthParsing` that lets a file through when it mentions one of the language's `keywords` or passes the common prefilter. */
export function keywordPrefilter(keywords: RegExp): LanguageSpec['worthParsing'] {
  return (text, _path, _project, env) => keywords.test(text) || commonPrefilter(text, env.settings);
}
