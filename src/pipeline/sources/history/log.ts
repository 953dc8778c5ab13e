/**
 * The commit walk: one `git log --raw -z` stream for the whole range, parsed into
 * commits (oldest first) with the blobs each one changed. No checkout, no diff text:
 * git reports, per commit and file, the blob before and after (`--raw` is a tree
 * diff, so a 10,000-commit walk costs a second or two of git time).
 *
 * - `--no-renames`: a rename is a delete plus an add, so a moved secret is attributed
 *   to its new path (the old path keeps its own, older finding).
 * - `-m`: merges are diffed against each parent; only the first block (first parent)
 *   is kept. That catches content a merge itself introduced (conflict resolutions)
 *   and works on any git version (`--diff-merges=first-parent` needs git ≥ 2.31).
 * - `--root`: the first commit shows its files as added.
 */
import { gitStream, NulSplitter } from '../../../git/run.js';

export interface FileChange {
  path: string;
  oldMode: string;
  newMode: string;
  /** All zeros when the file is new. */
  oldBlob: string;
  /** All zeros when the file was deleted. */
  newBlob: string;
  /** A, M, D, T (type change). */
  status: string;
}

export interface LogCommit {
  sha: string;
  /** Strict ISO 8601 (`%aI`). */
  authorDate: string;
  parents: string[];
  changes: FileChange[];
}

export const NULL_OID_RE = /^0+$/;

export interface ReadLogOptions {
  /** Working directory for git (the scanned root). */
  cwd: string;
  /** Revision arguments, e.g. [head] or [`${since}..${head}`]. */
  revisions: string[];
  /** Limit to, and report paths relative to, the working directory (`--relative`). */
  relative: boolean;
  onCommit?: (count: number) => void;
}

/** Walk the range and return its commits, oldest first (parents before children). */
export async function readLog(opts: ReadLogOptions): Promise<LogCommit[]> {
  const args = [
    'log',
    '--topo-order',
    '-m',
    '--root',
    '--no-renames',
    '--raw',
    '--no-abbrev',
    '-z',
    '--no-color',
    '--format=%x01%H %aI %P',
    ...(opts.relative ? ['--relative'] : []),
    ...opts.revisions,
    '--',
  ];
  const commits: LogCommit[] = [];
  let current: LogCommit | undefined;
  /** True while reading a merge's diff against a parent other than the first. */
  let skipping = false;
  let meta: string[] | undefined;

  const splitter = new NulSplitter((raw) => {
    const rec = raw.startsWith('\n') ? raw.slice(1) : raw;
    if (meta) {
      // The path that follows a `:mode mode old new status` record.
      const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', status = ''] = meta;
      meta = undefined;
      if (!skipping && current) current.changes.push({ path: rec, oldMode, newMode, oldBlob, newBlob, status: status.charAt(0) });
      return;
    }
    if (rec.startsWith('\x01')) {
      const [sha = '', authorDate = '', ...parents] = rec.slice(1).trim().split(' ');
      if (current && current.sha === sha) {
        skipping = true; // the same merge again, against its next parent
        return;
      }
      skipping = false;
      current = { sha, authorDate, parents: parents.filter(Boolean), changes: [] };
      commits.push(current);
      if (opts.onCommit && commits.length % 500 === 0) opts.onCommit(commits.length);
      return;
    }
    if (rec.startsWith(':')) {
      meta = rec.slice(1).split(' ');
      return;
    }
    // Anything else (an empty record between commits) carries nothing.
  });
  await gitStream(args, opts.cwd, (chunk) => splitter.push(chunk));
  splitter.end();
  return commits.reverse();
}
