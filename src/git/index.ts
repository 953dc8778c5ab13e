/** Git plumbing used by `scan --history` and `scan --staged`. */
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
export { git, GitError, gitArgs, gitEnv, gitStream, gitText, NulSplitter, type GitRunOptions, type GitRunResult } from './run.js';
