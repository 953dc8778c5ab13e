/**
 * Finding and vetting the git repository behind a scanned root.
 *
 * Every problem a user can fix — not a repository, git missing, a repository git
 * refuses to open (ownership), a shallow clone, missing or corrupt objects, a ref that
 * does not exist — becomes a UsageError with a message that says what and how to fix
 * it, so the CLI exits 2 and writes no report.
 */
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
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
  if (err.notFound) return new UsageError('git is not installed or not on PATH (needed for --history and --staged)');
  const reason = err.reason;
  if (/not a git repository/i.test(reason)) {
    return new UsageError(`not a git repository: ${root} (--history and --staged need a git repository)`);
  }
  if (/dubious ownership|safe\.directory/i.test(err.stderr)) {
    return new UsageError(
      `git refuses to open ${root}: it is owned by another user (${reason}). ` +
        `If you trust it, run: git config --global --add safe.directory '${root}'`,
    );
  }
  if (looksCorrupt(err.stderr)) return corruptError(root, reason);
  return new UsageError(`${what} failed in ${root}: ${reason}`);
}

const CORRUPT_RE =
  /unable to read|could not read|bad object|missing (?:blob|tree|commit|object)|corrupt|invalid object|loose object|packfile|could not parse|bad tree|did not find object|object not found|broken link|unable to parse/i;

export function looksCorrupt(stderr: string): boolean {
  return CORRUPT_RE.test(stderr);
}

export function corruptError(root: string, detail: string): UsageError {
  return new UsageError(
    `the git repository at ${root} is corrupt (${detail}); run \`git fsck\` to see what is damaged, ` +
      'and repair it or scan a fresh clone. Nothing was reported.',
  );
}

/**
 * Open the repository that holds `rootArg` and describe it. Throws UsageError when the
 * path is missing, is not in a git repository, or git cannot read it.
 */
export async function openRepo(rootArg: string): Promise<RepoInfo> {
  let root: string;
  try {
    if (!statSync(rootArg).isDirectory()) throw new UsageError(`not a directory: ${rootArg}`);
    root = realpathSync(resolve(rootArg));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`path not found: ${rootArg}`);
  }
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
    if (exists.code !== 0) throw corruptError(root, `${ref} points at ${sha.slice(0, 12)}, which is missing`);
    return undefined; // exists, but is not a commit (a tree or blob ref)
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw usageErrorFromGit(err, root, 'git rev-parse');
  }
}

/** Refuse a shallow clone for a history scan: the history before the cut is not there. */
export function assertFullHistory(info: RepoInfo): void {
  if (info.shallow) {
    throw new UsageError(
      `${info.root} is a shallow clone: its history is incomplete, so a history scan would miss ` +
        'credentials committed before the cut. Fetch the full history first (`git fetch --unshallow`, ' +
        'or `fetch-depth: 0` with actions/checkout) and run again. Nothing was reported.',
    );
  }
}
