/**
 * `scan --staged`: judge what is about to be committed (the index), not the working
 * tree — the check a pre-commit hook wants.
 *
 * 1. The staged files are those the index adds, copies, modifies, renames (new path)
 *    or changes type of, relative to HEAD (`git diff --cached --diff-filter=ACMRT`;
 *    against the empty tree before the first commit). Nothing staged: zero findings,
 *    verdict pass, no scan.
 * 2. The index (under the scanned root) is materialised into a fresh temporary
 *    directory from the object store (`git ls-files -s` + `git cat-file --batch`):
 *    exactly the committed bytes, no smudge filters or line-ending conversion, no
 *    write to the working tree or the index. Unmerged entries and submodules are left
 *    out; symlinks stay symlinks (discovery never follows one out of the root).
 *    `.gitignore` files are not materialised: everything in the index gets committed,
 *    whatever `.gitignore` says (a force-added `.env` must be judged). Built-in
 *    ignores, `.dancu-guardignore` and config `ignore` still apply.
 * 3. The pipeline runs on that directory (this is a `ScanSource`), so cross-file
 *    resolution sees the staged versions of every other file; findings are kept for
 *    staged files only.
 * 4. The temporary directory is removed afterwards, on error too.
 *
 * Config: `configPath` when given (relative to the current directory); otherwise the
 * staged `.dancu-guard.yml` (what will be committed); otherwise, when the config is not
 * in the index, the one in the working tree.
 *
 * Inside a git hook the index may be a temporary one (`GIT_INDEX_FILE`, set by
 * `git commit -a` or `git commit <paths>`): it is honoured, so the hook sees exactly
 * what that commit will contain.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../../config/load.js';
import { materialiseEntries, type TreeEntry } from '../../git/materialise.js';
import { openRepo, usageErrorFromGit, type RepoInfo } from '../../git/repo.js';
import { git, NulSplitter } from '../../git/run.js';
import { UsageError } from '../../util/errors.js';
import type { Lang, Severity } from '../../findings/types.js';
import { scan, type ScanOptions, type ScanResult } from '../scan.js';
import { renameTemporaryPath, type ScanSource } from '../source.js';

export interface StagedScanOptions extends Pick<ScanOptions, 'jobs' | 'cacheDir' | 'keepFacts' | 'fileBudgetMs' | 'fileLimitMs'> {
  /** A directory inside a git work tree; only the index entries under it are scanned. */
  root: string;
  /** Config file (relative to the current directory); see the module comment for the default. */
  configPath?: string;
  /** The trusted configuration (pipeline/trust.ts). */
  trustedConfigPath?: string;
  lang: Lang;
  failOn: Severity | 'none';
  /** Report only findings not recorded in this baseline file. */
  baseline?: string;
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  /**
   * Report on these files (relative to the current directory) instead of the staged
   * ones: what pre-commit passes (the staged files on a commit, every file with
   * `--all-files`). The whole index is still what is scanned.
   */
  files?: string[];
  onProgress?: (status: string) => void;
}

export interface StagedScanResult extends ScanResult {
  /** Staged paths (added, copied, modified, renamed, type-changed), relative to the root. */
  staged: string[];
}

/** The pipeline on the index: what a pre-commit hook runs. */
export async function scanStaged(opts: StagedScanOptions): Promise<StagedScanResult> {
  const source = stagedSource(opts.root, opts.configPath, opts.files);
  const { configPath: _explicit, root, files: _files, ...rest } = opts;
  const result = await scan({ ...rest, path: root, source, ...(opts.baseline ? { baseline: resolve(opts.baseline) } : {}) });
  return { ...result, staged: source.staged };
}

export interface StagedSource extends ScanSource {
  /** Staged paths (added, copied, modified, renamed, type-changed), relative to the root; set by `open`. */
  readonly staged: string[];
}

/**
 * The git index under `rootPath`. `configPath` (relative to the current directory) wins;
 * else the staged `.dancu-guard.yml`; else the working tree's when the index has none.
 */
export function stagedSource(rootPath: string, configPath?: string, files?: readonly string[]): StagedSource {
  const staged: string[] = [];
  return {
    staged,
    async open(progress) {
      const info = await openRepo(rootPath);
      if (info.bare) throw UsageError.of('staged.bare', { root: info.root });
      const explicitConfig = configPath ? resolve(configPath) : undefined;
      progress('staged: listing staged files…');
      staged.push(...(await stagedPaths(info)));
      const only = new Set(files ? files.map((f) => relative(info.root, resolve(f)).split(sep).join('/')) : staged);
      if (only.size === 0) {
        // Nothing staged: nothing to materialise or judge.
        return { dir: info.root, root: info.root, only, ...(explicitConfig ? { configPath: explicitConfig } : {}), close: () => undefined };
      }
      const tmp = mkdtempSync(join(tmpdir(), 'dancu-guard-staged-'));
      const close = () => rmSync(tmp, { recursive: true, force: true });
      try {
        progress(`staged: materialising the index (${staged.length} staged files)…`);
        const written = await materialiseIndex(info, tmp);
        let config = explicitConfig;
        if (!config && !CONFIG_FILE_NAMES.some((n) => written.has(n))) {
          config = CONFIG_FILE_NAMES.map((n) => join(info.root, n)).find((p) => existsSync(p));
        }
        return { dir: tmp, root: info.root, only, display: `${info.root} (staged)`,  ...(config ? { configPath: config } : {}), close };
      } catch (err) {
        close();
        throw renameTemporaryPath(err, tmp, `${info.root} (staged)`);
      }
    },
  };
}

/** Paths the index adds or changes relative to HEAD, relative to the root (forward slashes). */
export async function stagedPaths(info: RepoInfo): Promise<string[]> {
  const args = ['diff', '--cached', '--name-only', '-z', '--no-renames', '--no-ext-diff', '--diff-filter=ACMRT', '--ignore-submodules=all'];
  if (info.prefix !== '') args.push('--relative');
  if (!info.head) args.push(await emptyTree(info)); // unborn branch: everything staged is new
  args.push('--');
  let out: Buffer;
  try {
    out = (await git(args, { cwd: info.root })).stdout;
  } catch (err) {
    throw usageErrorFromGit(err, info.root, 'git diff --cached');
  }
  const paths: string[] = [];
  const split = new NulSplitter((p) => {
    if (p) paths.push(p);
  });
  split.push(out);
  split.end();
  return paths;
}

async function emptyTree(info: RepoInfo): Promise<string> {
  try {
    return (await git(['hash-object', '-t', 'tree', '--stdin'], { cwd: info.root, input: '' })).stdout.toString('utf8').trim();
  } catch (err) {
    throw usageErrorFromGit(err, info.root, 'git hash-object');
  }
}

type IndexEntry = TreeEntry;

/**
 * Write every stage-0 index entry under the root into `dest` (from the object store).
 * Returns the paths written. Never touches the working tree or the index.
 */
export async function materialiseIndex(info: RepoInfo, dest: string): Promise<Set<string>> {
  let out: Buffer;
  try {
    // Paths relative to (and limited to) the root, the working directory.
    out = (await git(['ls-files', '-s', '-z'], { cwd: info.root })).stdout;
  } catch (err) {
    throw usageErrorFromGit(err, info.root, 'git ls-files');
  }
  const entries: IndexEntry[] = [];
  const split = new NulSplitter((rec) => {
    const tab = rec.indexOf('\t');
    if (tab < 0) return;
    const [mode = '', oid = '', stage = ''] = rec.slice(0, tab).split(' ');
    const path = rec.slice(tab + 1);
    if (stage !== '0' || mode === '160000') return; // unmerged entry, submodule
    if (path === '.gitignore' || path.endsWith('/.gitignore')) return;
    entries.push({ mode, oid, path });
  });
  split.push(out);
  split.end();

  return materialiseEntries(info.root, entries, dest, 'staged');
}
