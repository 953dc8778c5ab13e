/**
 * Finding and vetting the git repository behind a scanned root.
 *
 * Every problem a user can fix — not a repository, git missing, a repository git
 * refuses to open (ownership), a shallow clone, missing or corrupt objects, a ref that
 * does not exist — becomes a UsageError with a message that says what and how to fix
 * it, so the CLI exits 2 and writes no report.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { msg, type Message, UsageError } from '../util/errors.js';
import { git, GitError, gitText } from './run.js';

export interface RepoInfo {
  /** The scanned root, absolute, links resolved. */
  root: string;
  /** Top level of the work tree (the root itself for a bare repository). */
  toplevel: string;
  /** The root relative to the top level, with a trailing `/`; '' at the top. */
  prefix: string;
  /** True for a bare repository (no work tree, no index). */
  bare: boolean;
  /** True for a shallow clone (history cut off). */
  shallow: boolean;
  /** The commit HEAD points at; undefined on an unborn branch (no commit yet). */
  head?: string;
}

/** Turn a failed git call into a UsageError that names the root and git's reason. */
export function usageErrorFromGit(err: unknown, root: string, what: string): Error {
  if (!(err instanceof GitError)) return err instanceof Error ? err : new Error(String(err));
  if (err.notFound) return UsageError.of('git.notInstalled');
  const reason = err.reason;
  if (/not a git repository/i.test(reason)) {
    return UsageError.of('git.notRepo', { root });
  }
  if (/dubious ownership|safe\.directory/i.test(err.stderr)) {
    return UsageError.of('git.dubious', { root, reason });
  }
  if (looksCorrupt(err.stderr)) return corruptError(root, reason);
  return UsageError.of('git.failed', { what, root, reason });
}

const CORRUPT_RE =
  /unable to read|could not read|bad object|missing (?:blob|tree|commit|object)|corrupt|invalid object|loose object|packfile|could not parse|bad tree|did not find object|object not found|broken link|unable to parse/i;

export function looksCorrupt(stderr: string): boolean {
  return CORRUPT_RE.test(stderr);
}

export function corruptError(root: string, detail: string | Message): UsageError {
  return UsageError.of('git.corrupt', { root, detail });
}

/**
 * Open the repository that holds `rootArg` and describe it. Throws UsageError when the
 * path is missing, is not in a git repository, or git cannot read it.
 */
export async function openRepo(rootArg: string): Promise<RepoInfo> {
  let root: string;
  try {
    if (!statSync(rootArg).isDirectory()) throw UsageError.of('git.notDirectory', { path: rootArg });
    root = realpathSync(resolve(rootArg));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw UsageError.of('git.pathNotFound', { path: rootArg });
  }
  assertOwnGitDir(root);
  let lines: string[];
  try {
    const out = await gitText(['rev-parse', '--is-bare-repository', '--is-shallow-repository'], { cwd: root });
    lines = out.split('\n');
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git rev-parse');
  }
  const bare = lines[0] === 'true';
  const shallow = lines[1] === 'true';
  let toplevel = root;
  let prefix = '';
  if (!bare) {
    try {
      const out = (await git(['rev-parse', '--show-toplevel', '--show-prefix'], { cwd: root })).stdout.toString('utf8');
      const [top = root, pre = ''] = out.split('\n');
      toplevel = top;
      prefix = pre;
    } catch (err) {
      // Inside .git or another place without a work tree: treat like bare.
      if (!(err instanceof GitError) || !/work tree/i.test(err.stderr)) throw usageErrorFromGit(err, root, 'git rev-parse');
    }
  }
  const info: RepoInfo = { root, toplevel, prefix, bare, shallow };
  const head = await resolveCommit(root, 'HEAD');
  if (head) info.head = head;
  return info;
}

/**
 * The commit `ref` names, or undefined when it names none (unknown ref, unborn HEAD).
 * Throws UsageError when the ref exists but its commit cannot be read (corruption).
 */
export async function resolveCommit(root: string, ref: string): Promise<string | undefined> {
  if (ref.startsWith('-')) return undefined; // never let a "ref" become an option
  let sha: string;
  try {
    const r = await git(['rev-parse', '-q', '--verify', ref], { cwd: root, okCodes: [0, 1, 128] });
    if (r.code !== 0) return undefined;
    sha = r.stdout.toString('utf8').trim();
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git rev-parse');
  }
  // The ref may point at an object that is gone, or at a tag: peel it and read it.
  try {
    const r = await git(['rev-parse', '-q', '--verify', `${sha}^{commit}`], { cwd: root, okCodes: [0, 1, 128] });
    if (r.code === 0) return r.stdout.toString('utf8').trim();
    const exists = await git(['cat-file', '-e', sha], { cwd: root, okCodes: [0, 1, 128] });
    if (exists.code !== 0) throw corruptError(root, msg('git.refMissing', { ref, sha: sha.slice(0, 12) }));
    return undefined; // exists, but is not a commit (a tree or blob ref)
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw usageErrorFromGit(err, root, 'git rev-parse');
  }
}

/** Refuse a shallow clone for a history scan: the history before the cut is not there. */
export function assertFullHistory(info: RepoInfo): void {
  if (info.shallow) {
    throw UsageError.of('git.shallow', { root: info.root });
  }
}

/**
 * Refuse a `.git` at the scanned root that sends git to a repository outside it: a
 * `.git` file (`gitdir: /elsewhere/.git`) or a `.git` link, shipped inside an untrusted
 * tree, would make `--history` read and report another repository. Accepted outside
 * the root only when the repository it names points back at this root as its work
 * tree, as git itself records it: a linked worktree (`<gitdir>/gitdir` names this
 * `.git`) or a submodule (`core.worktree` in `<gitdir>/config` names this root). The
 * other repository cannot be made to say that by the tree being scanned.
 */
export function assertOwnGitDir(root: string): void {
  const dotGit = join(root, '.git');
  let st;
  try {
    st = lstatSync(dotGit);
  } catch {
    return; // no .git here: git looks above the root, where the user put it
  }
  let target: string;
  if (st.isSymbolicLink()) {
    try {
      target = realpathSync(dotGit);
    } catch {
      throw UsageError.of('git.brokenDotGit', { dotGit, root });
    }
  } else if (st.isFile()) {
    const m = /^gitdir:[ \t]*(.+?)[ \t]*\r?$/m.exec(readHead(dotGit));
    if (!m) return; // not a gitdir file: git will refuse it itself
    const named = resolve(root, m[1]!);
    try {
      target = realpathSync(named);
    } catch {
      return; // points nowhere: git fails with its own message
    }
  } else {
    return; // a real .git directory inside the root
  }
  const realRoot = realpathSync(root);
  if (inside(realRoot, target) || pointsBack(target, realRoot)) return;
  throw UsageError.of('git.foreignDotGit', { dotGit, target, root });
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The first 4 KiB of a small file, or '' when it cannot be read. */
function readHead(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const n = readSync(fd, buf, 0, buf.length, 0);
      return buf.toString('utf8', 0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** Does the git directory `gitDir` name `root` as its work tree (linked worktree or submodule)? */
function pointsBack(gitDir: string, root: string): boolean {
  const same = (p: string) => {
    try {
      return realpathSync(p) === root;
    } catch {
      return false;
    }
  };
  // Linked worktree: <gitdir>/gitdir holds the path of the work tree's .git file.
  const back = readHead(join(gitDir, 'gitdir')).trim();
  if (back && same(dirname(resolve(gitDir, back)))) return true;
  // Submodule (and `git --separate-git-dir`): core.worktree in its config.
  const wt = /^\s*worktree\s*=\s*(.+?)\s*$/im.exec(readHead(join(gitDir, 'config')));
  return wt !== null && same(resolve(gitDir, wt[1]!.replace(/^"(.*)"$/, '$1')));
}

/**
 * The text of `rel` (a path relative to `root`, which may climb to the top of the work
 * tree) in `commit`'s tree; undefined when the commit has no such file. A symbolic link
 * there is refused: the inputs read this way (config, ignore file, baseline) are
 * policy, and a link could name anything.
 */
export async function readAtCommit(root: string, commit: string, rel: string): Promise<string | undefined> {
  const spec = `./${rel.split('\\').join('/')}`;
  let listing: string;
  try {
    listing = await gitText(['ls-tree', '-z', commit, '--', spec], { cwd: root });
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git ls-tree');
  }
  const entry = listing.split('\0').find((e) => e.length > 0);
  if (!entry) return undefined;
  const [mode, type, oid] = entry.split(/[ \t]/);
  if (mode === '120000') {
    throw UsageError.of('git.symlinkInput', { path: rel, commit: commit.slice(0, 12) });
  }
  if (type !== 'blob' || !oid) return undefined;
  try {
    return (await git(['cat-file', 'blob', oid], { cwd: root })).stdout.toString('utf8');
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git cat-file');
  }
}

/** Paths (relative to `root`) of the files under `root` in `commit`'s tree that contain `needle`. */
export async function filesContainingAt(root: string, commit: string, needle: string): Promise<string[]> {
  let out: string;
  try {
    // The repository's own grep settings must not change the output (full names, …).
    const r = await git(['-c', 'grep.fullName=false', 'grep', '-l', '-z', '-F', '-I', '-e', needle, commit, '--', '.'], { cwd: root, okCodes: [0, 1] });
    out = r.stdout.toString('utf8');
  } catch (err) {
    throw usageErrorFromGit(err, root, 'git grep');
  }
  const prefix = `${commit}:`;
  return out
    .split('\0')
    .filter((p) => p.length > 0)
    .map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p));
}
