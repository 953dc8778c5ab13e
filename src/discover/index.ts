/**
 * Discovery: which files of the scanned tree are worth collecting from, and what each is.
 * See `walk.ts` for the walk (ignore rules, links, binary/size/encoding checks) and
 * `classify.ts` for the classification table.
 */
import type { DiscoverOptions, DiscoverResult } from './types.js';
import { walk } from './walk.js';

export type { DiscoverOptions, DiscoverResult, DiscoveredFile, SkippedFile } from './types.js';
export { classify, classifyPath, looksLikeK8s, shebangLanguage, HEAD_BYTES } from './classify.js';
export type { Classification, HeadNeed } from './classify.js';
export { DEFAULT_IGNORES, DEFAULT_MAX_FILE_SIZE, GUARD_IGNORE_FILE } from './walk.js';

/**
 * Walk `root` honouring `.gitignore` files, `.dancu-guardignore`, `opts.ignore` and the
 * built-in ignores; never leave the root through a link; skip (and report) binary,
 * oversized, non-UTF-8 and unreadable files; classify the rest. Files and skipped
 * entries are sorted by repo-relative path (forward slashes).
 *
 * `result.root` is the absolute root with links resolved (every `absPath` lies under it).
 * `root` may also be a single file: the result then holds just that file, its path its
 * basename, and `result.root` its directory.
 *
 * @throws Error naming the path when `root` does not exist or cannot be read.
 */
export function discover(root: string, opts: DiscoverOptions = {}): Promise<DiscoverResult> {
  return walk(root, opts);
}
