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
 * 3. The normal `scan()` runs on that directory, so cross-file resolution sees the
 *    staged versions of every other file; findings are kept for staged files only.
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
import { basename, join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, loadConfig, mergeSettings } from '../../config/load.js';
import { materialiseEntries, type TreeEntry } from '../../git/materialise.js';
import { openRepo, usageErrorFromGit, type RepoInfo } from '../../git/repo.js';
import { git, NulSplitter } from '../../git/run.js';
import type { Lang, Severity } from '../../findings/types.js';
import { emptyFacts } from '../../facts/types.js';
import { summarize } from '../../report/summary.js';
import { scan, type ScanResult } from '../scan.js';
import { UsageError } from '../../util/errors.js';

export interface StagedScanOptions {
  /** A directory inside a git work tree; only the index entries under it are scanned. */
  root: string;
  /** Config file (relative to the current directory); see the module comment for the default. */
  configPath?: string;
  lang: Lang;
  failOn: Severity | 'none';
  /** Report only findings not recorded in this baseline file (as `scan()`). */
  baseline?: string;
  /** `YYYY-MM-DD` that exceptions' expiry is judged against (default: today, UTC). */
  today?: string;
  onProgress?: (status: string) => void;
}

export interface StagedScanResult extends ScanResult {
  /** Staged paths (added, copied, modified, renamed, type-changed), relative to the root. */
  staged: string[];
}

export async function scanStaged(opts: StagedScanOptions): Promise<StagedScanResult> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => undefined);
  const info = await openRepo(opts.root);
  if (info.bare) throw new UsageError(`--staged needs a work tree: ${info.root} is a bare repository (it has no index)`);
  const explicitConfig = opts.configPath ? resolve(opts.configPath) : undefined;

  progress('staged: listing staged files…');
  const staged = await stagedPaths(info);
  if (staged.length === 0) {
    const config = loadConfig(info.root, explicitConfig);
    const settings = mergeSettings(config.config);
    const facts = emptyFacts({ name: basename(info.root), binEntries: [] });
    const summary = summarize([], 0, [], opts.failOn, started);
    return { root: info.root, config, settings, facts, findings: [], unsuppressed: [], suppressed: [], skipped: [], summary, staged };
  }

  const tmp = mkdtempSync(join(tmpdir(), 'dancu-guard-staged-'));
  try {
    progress(`staged: materialising the index (${staged.length} staged files)…`);
    const written = await materialiseIndex(info, tmp);
    let configPath = explicitConfig;
    if (!configPath && !CONFIG_FILE_NAMES.some((n) => written.has(n))) {
      configPath = CONFIG_FILE_NAMES.map((n) => join(info.root, n)).find((p) => existsSync(p));
    }
    let result: ScanResult;
    try {
      result = await scan({
        path: tmp,
        ...(configPath ? { configPath } : {}),
        lang: opts.lang,
        failOn: opts.failOn,
        ...(opts.baseline ? { baseline: resolve(opts.baseline) } : {}),
        ...(opts.today ? { today: opts.today } : {}),
        onProgress: progress,
      });
    } catch (err) {
      // Name the user's files, not the temporary copy, in a config or usage error.
      // Messages may name it absolutely or relative to the working directory.
      const forms = [tmp, relative(process.cwd(), tmp)].filter((f) => f.length > 0);
      const form = err instanceof Error ? forms.find((f) => err.message.includes(f)) : undefined;
      if (err instanceof Error && form) {
        const msg = err.message.split(form).join(`${info.root} (staged)`);
        if (err instanceof UsageError) throw new UsageError(msg);
        err.message = msg;
      }
      throw err;
    }
    const set = new Set(staged);
    const findings = result.findings.filter((f) => set.has(f.file));
    const unsuppressed = result.unsuppressed.filter((f) => set.has(f.file));
    const suppressed = result.suppressed.filter((s) => set.has(s.finding.file));
    const skipped = result.skipped.filter((s) => set.has(s.path));
    const scanned = result.facts.files.filter((f) => set.has(f.path)).length;
    const summary = summarize(findings, scanned, skipped, opts.failOn, started);
    summary.suppressed = suppressed.length;
    if (result.summary.baseline) summary.baseline = result.summary.baseline;
    return { ...result, root: info.root, findings, unsuppressed, suppressed, skipped, summary, staged };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
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
