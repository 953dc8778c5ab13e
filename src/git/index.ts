/** Git plumbing used by `scan --history`, `scan --staged` and diff-aware gating. */
export { CatFile, type CatFileOptions, type GitObject } from './catfile.js';
export {
  assertFullHistory,
  corruptError,
  looksCorrupt,
  openRepo,
  resolveCommit,
  usageErrorFromGit,
  type RepoInfo,
} from './repo.js';
export {
  filterOverrides,
  git,
  GitError,
  gitArgs,
  gitEnv,
  gitStream,
  gitSync,
  gitText,
  NulSplitter,
  spawnGit,
  type GitRunOptions,
  type GitRunResult,
  type GitSyncResult,
} from './run.js';
export { materialiseEntries, treeEntries, type TreeEntry } from './materialise.js';
