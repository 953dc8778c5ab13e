/**
 * Discovery: which files of the scanned tree are worth collecting from, and what each is.
 * See `walk.ts` for the walk (links, tracked files), `ignore-layers.ts` for the ignore
 * rules, `inspect.ts` for the binary/size/encoding checks and `classify.ts` for the
 * classification table.
 */
import type { DiscoverOptions, DiscoverResult } from './types.js';
import { walk } from './walk.js';

export type { DiscoverOptions, DiscoverResult, DiscoveredFile, SkippedFile, TextEncoding } from './types.js';
export { classify, classifyPath, looksLikeK8s, shebangLanguage, HEAD_BYTES } from './classify.js';
export type { Classification, HeadNeed } from './classify.js';
export { DEFAULT_IGNORES } from './ignore-layers.js';
export { DEFAULT_MAX_FILE_SIZE, GUARD_IGNORE_FILE } from './walk.js';

/**
 * Walk `root` honouring `.gitignore` files, `.dancu-guardignore`, `opts.ignore` and the
 * built-in ignores; never leave the root through a link; skip (and report) binary,
 * oversized, non-UTF-8 and unreadable files; classify the rest. UTF-16 files with a BOM
 * are kept (`encoding`), as are source/config files with a few stray NUL bytes.
 *
 * Inside a git work tree (one `git ls-files` call), files git tracks are never hidden by
 * `.gitignore` or the built-in ignores; explicit ignores (`opts.ignore`,
 * `.dancu-guardignore`) still apply, and what they hide is listed in `result.ignored`. Files and skipped
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
export { decodeText, skippedDiagnostic, skippedDiagnostics } from './diagnostics.js';
export { trackedPaths } from './tracked.js';
