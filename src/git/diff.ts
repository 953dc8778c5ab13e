/**
 * Changed lines, for diff-aware gating: from unified diffs (a pull request's files as
 * the GitHub API gives them) and from local git (`git diff` against a merge-base, with
 * the working tree's staged, unstaged and untracked changes). A change set maps each
 * changed file (relative to the scanned root, forward slashes) to its changed lines, or
 * to `'all'` when the file counts as changed as a whole:
 *
 * - added, renamed or copied files: a new path can change which rules apply (approved
 *   modules and tools are path globs, fingerprints include the path), so every finding
 *   in such a file is new to the repository;
 * - files with no line information: binary, mode-only changes, or a GitHub patch left
 *   out because the diff is too large;
 * - untracked files (local runs of `--changed-since`).
 *
 * In a modified file the changed lines are the lines the change adds (`+` lines of the
 * unified diff, which includes the new side of a modified line) and, where lines were
 * only deleted, the lines on either side of the deletion.
 *
 * Git runs only through ./run.ts (no hook, fsmonitor, external diff or filter from the
 * scanned repository's config), and never writes the repository's index: the
 * working-tree diff runs against a private copy of it.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { msg, UsageError } from '../util/errors.js';
import { filterOverrides, gitSync, spawnGit, type GitSyncResult } from './run.js';

export type FileChange = 'all' | ReadonlySet<number>;

export interface ChangeSet {
  /** Changed file → its changed lines (1-based, new side), or `'all'`. */
  files: Map<string, FileChange>;
  /** What the change was compared with, for reports (`origin/main (merge-base 1a2b3c4d5e6f)`). */
  base: string;
}

// ---------------------------------------------------------------------------------
// Unified diffs

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * The changed lines (new side) of one file's unified diff: its `@@` hunks, with or
 * without context lines (GitHub's `patch` field has 3; `git diff --unified=0` none).
 * Lines before the first hunk (headers) are ignored.
 */
export function changedLinesOfPatch(patch: string): Set<number> {
  const lines = new Set<number>();
  const state = newHunkState();
  for (const line of patch.split(/\r?\n/)) feedPatchLine(state, line, lines);
  flushDeletion(state, lines);
  return lines;
}

interface HunkState {
  inHunk: boolean;
  /** Next line number on the new side. */
  next: number;
  /**
   * A run of deleted lines not (yet) followed by added ones: the new-side line that
   * follows the deletion point. A pure deletion marks its two neighbours; a deletion
   * followed by additions is a modification, and the added lines are what changed.
   */
  pending?: number;
}

function newHunkState(): HunkState {
  return { inHunk: false, next: 0 };
}

function feedPatchLine(st: HunkState, line: string, out: Set<number>): void {
  const m = HUNK.exec(line);
  if (m) {
    flushDeletion(st, out);
    st.inHunk = true;
    st.next = Number(m[1]);
    // A hunk with no new-side lines (`+N,0`): N is the line before the deletion.
    if (m[2] !== undefined && Number(m[2]) === 0) {
      st.next = Number(m[1]) + 1;
      st.pending = st.next;
    }
    return;
  }
  if (!st.inHunk) return;
  const c = line.charAt(0);
  if (c === '+') {
    st.pending = undefined; // a modification: the added lines are the change
    out.add(st.next);
    st.next++;
  } else if (c === ' ') {
    flushDeletion(st, out);
    st.next++;
  } else if (c === '-') {
    st.pending ??= st.next;
  } else if (c === '\\') {
    // "\ No newline at end of file"
  } else {
    // Anything else ends the hunk (the next file's header in a multi-file diff).
    flushDeletion(st, out);
    st.inHunk = false;
  }
}

/** A pure deletion changes the lines on either side of it. */
function flushDeletion(st: HunkState, out: Set<number>): void {
  if (st.pending === undefined) return;
  if (st.pending - 1 >= 1) out.add(st.pending - 1);
  out.add(st.pending);
  st.pending = undefined;
}

// ---------------------------------------------------------------------------------
// GitHub pull-request files

/** The fields of `GET /repos/{owner}/{repo}/pulls/{pull_number}/files` entries we use. */
export interface PullRequestFile {
  filename: string;
  status: string;
  patch?: string;
  previous_filename?: string;
}

/**
 * A change set from a pull request's files. `prefix` is the scanned root relative to
 * the repository root (`''` when the whole repository is scanned): files outside it are
 * left out and the rest made relative to it.
 */
export function changeSetFromPullFiles(files: readonly PullRequestFile[], base: string, prefix = ''): ChangeSet {
  const out = new Map<string, FileChange>();
  const pre = normalizePrefix(prefix);
  for (const f of files) {
    if (f.status === 'removed') continue;
    if (pre && !f.filename.startsWith(pre)) continue;
    const path = f.filename.slice(pre.length);
    const whole = f.status === 'added' || f.status === 'renamed' || f.status === 'copied' || f.patch === undefined || f.patch === '';
    out.set(path, whole ? 'all' : changedLinesOfPatch(f.patch!));
  }
  return { files: out, base };
}

function normalizePrefix(prefix: string): string {
  const p = prefix.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return p ? `${p}/` : '';
}

// ---------------------------------------------------------------------------------
// Local git

export interface GitChangeOptions {
  /** Directory to run git in; paths come out relative to it (`git diff --relative`). */
  cwd: string;
  /** The commit to compare with (already resolved, e.g. a merge-base). */
  base: string;
  /** Compare with the working tree, so staged, unstaged and untracked files count (default), or with HEAD only. */
  workingTree?: boolean;
  /** For reports. */
  label?: string;
}

/**
 * `-c` settings for diffs, on top of the shared ones (src/git/run.ts): output that is
 * machine-readable whatever the user's config says, and no split index written for
 * the private index copy.
 */
const DIFF_CONFIG = ['-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false', '-c', 'core.splitIndex=false'];

function git(cwd: string, args: string[], env?: Record<string, string>): GitSyncResult {
  return gitSync([...DIFF_CONFIG, ...args], { cwd, ...(env ? { env } : {}) });
}

function gitOrThrow(cwd: string, args: string[], what: string, env?: Record<string, string>): string {
  const r = git(cwd, args, env);
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? UsageError.of('git.cmdNotInstalled', { what }) : UsageError.of('git.cmdFailed', { what, reason: r.error.message });
  }
  if (r.status !== 0) {
    throw UsageError.of('git.cmdFailed', { what, reason: firstLine(r.stderr) || msg('git.exited', { cmd: args[0] ?? '', code: String(r.status) }) });
  }
  return r.stdout;
}

function firstLine(s: string): string {
  return s.trim().split('\n')[0] ?? '';
}

/** True when `cwd` is inside a git work tree. */
export function isGitWorkTree(cwd: string): boolean {
  const r = git(cwd, ['rev-parse', '--is-inside-work-tree']);
  return r.status === 0 && r.stdout.trim() === 'true';
}

/** The full SHA of `rev` when it names a commit known here, else undefined. */
export function gitCommit(cwd: string, rev: string): string | undefined {
  if (!rev || rev.startsWith('-')) return undefined;
  const r = git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The merge-base of two commits, or undefined (unrelated histories, shallow clone). */
export function gitMergeBase(cwd: string, a: string, b: string): string | undefined {
  const r = git(cwd, ['merge-base', a, b]);
  return r.status === 0 ? r.stdout.trim().split('\n')[0] : undefined;
}

/** The parents of a commit (full SHAs). */
export function gitParents(cwd: string, rev: string): string[] {
  const r = git(cwd, ['rev-list', '--parents', '-n', '1', rev]);
  if (r.status !== 0) return [];
  return r.stdout.trim().split(/\s+/).slice(1);
}

export interface ChangedSince {
  ref: string;
  /** The merge-base of `ref` and HEAD, the commit the change set is taken against. */
  mergeBase: string;
  label: string;
}

/**
 * Resolve `--changed-since REF`: REF must name a commit, `root` must be in a git work
 * tree, and REF and HEAD must share history. Every failure is a UsageError naming REF.
 */
export function resolveChangedSince(root: string, ref: string): ChangedSince {
  if (!ref || ref.startsWith('-')) throw UsageError.of('changed.notRef', { ref });
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw UsageError.of('changed.notDir', { path: root });
  const inTree = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inTree.error) {
    const code = (inTree.error as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? UsageError.of('changed.noGit') : UsageError.of('changed.gitError', { reason: inTree.error.message });
  }
  if (inTree.status !== 0 || inTree.stdout.trim() !== 'true') {
    throw UsageError.of('changed.notWorkTree', { ref, root });
  }
  const commit = gitCommit(root, ref);
  if (!commit) {
    throw UsageError.of('changed.unknownRef', { ref, branch: ref.replace(/^origin\//, '') });
  }
  if (!gitCommit(root, 'HEAD')) throw UsageError.of('changed.noHead', { ref });
  const mergeBase = gitMergeBase(root, commit, 'HEAD');
  if (!mergeBase) {
    throw UsageError.of('changed.noCommonHistory', { ref });
  }
  return { ref, mergeBase, label: `${ref} (merge-base ${mergeBase.slice(0, 12)})` };
}

/**
 * The change set between `base` and the working tree (or HEAD), from
 * `git diff --unified=0 -M --relative`, plus untracked files when comparing with the
 * working tree. Paths are relative to `cwd`.
 */
export async function changeSetFromGit(opts: GitChangeOptions): Promise<ChangeSet> {
  const { cwd, base } = opts;
  const workingTree = opts.workingTree ?? true;
  const range = workingTree ? [base] : [base, 'HEAD'];
  const common = ['--no-color', '--no-ext-diff', '--no-textconv', '-M', '--relative', '--src-prefix=a/', '--dst-prefix=b/'];

  // Against the working tree, `git diff` refreshes the index's stat data and writes it
  // back (GIT_OPTIONAL_LOCKS does not stop that): give it a private copy of the index,
  // and switch off the clean filters it would run on working-tree files.
  const priv = workingTree ? privateIndex(cwd) : undefined;
  try {
    const env = priv ? { GIT_INDEX_FILE: priv.file } : undefined;
    const pre = workingTree ? await filterOverrides(cwd) : [];
    // Names and statuses first (NUL-separated, never quoted), then the patch, whose file
    // sections come in the same order.
    const names = gitOrThrow(cwd, [...pre, 'diff', ...common, '--name-status', '-z', ...range, '--', '.'], 'git diff', env);
    const entries = parseNameStatusZ(names);
    const sections = await patchSections(cwd, [...pre, 'diff', ...common, '--unified=0', ...range, '--', '.'], env);

    const files = new Map<string, FileChange>();
    const aligned = sections.length === entries.length;
    entries.forEach((e, i) => {
      if (e.status === 'D') return;
      const whole = e.status === 'A' || e.status === 'R' || e.status === 'C' || !aligned;
      const lines = aligned ? sections[i]! : undefined;
      files.set(e.path, whole || !lines || lines.size === 0 ? 'all' : lines);
    });
    if (workingTree) {
      const untracked = gitOrThrow(cwd, ['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], 'git ls-files', env);
      for (const p of untracked.split('\0')) if (p) files.set(p, 'all');
    }
    return { files, base: opts.label ?? base };
  } finally {
    if (priv) rmSync(priv.dir, { recursive: true, force: true });
  }
}

/**
 * A copy of the repository's index (the one git would use here, `GIT_INDEX_FILE`
 * included) in a temporary directory, for commands that would otherwise rewrite it.
 * No index yet: a path that does not exist (git reads that as an empty index).
 */
function privateIndex(cwd: string): { dir: string; file: string } {
  const r = git(cwd, ['rev-parse', '--git-path', 'index']);
  if (r.error || r.status !== 0) throw UsageError.of('git.cmdFailed', { what: 'git rev-parse', reason: firstLine(r.stderr) || msg('git.noIndex') });
  const p = r.stdout.trim();
  const index = isAbsolute(p) ? p : resolve(cwd, p);
  const dir = mkdtempSync(join(tmpdir(), 'dancu-guard-index-'));
  const file = join(dir, 'index');
  try {
    if (existsSync(index)) copyFileSync(index, file);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw UsageError.of('git.copyIndex', { path: index, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  return { dir, file };
}

interface NameStatus {
  status: string;
  path: string;
  from?: string;
}

/** `git diff --name-status -z`: `M\0path\0`, `R100\0old\0new\0`. */
export function parseNameStatusZ(out: string): NameStatus[] {
  const parts = out.split('\0');
  const list: NameStatus[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++];
    if (!code) continue;
    const status = code.charAt(0);
    if (status === 'R' || status === 'C') {
      const from = parts[i++] ?? '';
      const path = parts[i++] ?? '';
      list.push({ status, path, from });
    } else {
      list.push({ status, path: parts[i++] ?? '' });
    }
  }
  return list;
}

/** Run a `git diff` and return each file section's changed lines, streaming. */
function patchSections(cwd: string, args: string[], env?: Record<string, string>): Promise<Set<number>[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawnGit([...DIFF_CONFIG, ...args], { cwd, ...(env ? { env } : {}) });
    child.stdin.on('error', () => undefined);
    child.stdin.end();
    const sections: Set<number>[] = [];
    let current: Set<number> | undefined;
    let state = newHunkState();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 4096) stderr += d;
    });
    const rl = createInterface({ input: child.stdout, crlfDelay: Infinity });
    rl.on('line', (line) => {
      if (line.startsWith('diff --git ')) {
        if (current) flushDeletion(state, current);
        current = new Set<number>();
        sections.push(current);
        state = newHunkState();
        return;
      }
      if (current) feedPatchLine(state, line, current);
    });
    child.on('error', (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      reject(code === 'ENOENT' ? UsageError.of('git.cmdNotInstalled', { what: 'git diff' }) : UsageError.of('git.cmdFailed', { what: 'git diff', reason: err.message }));
    });
    child.on('close', (code) => {
      rl.close();
      if (current) flushDeletion(state, current);
      if (code !== 0) reject(UsageError.of('git.cmdFailed', { what: 'git diff', reason: firstLine(stderr) || msg('git.diffExited', { code: String(code) }) }));
      else resolvePromise(sections);
    });
  });
}
