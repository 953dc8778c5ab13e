/**
 * Write git objects out as plain files in a temporary directory, straight from the
 * object store (`git cat-file --batch`): exactly the committed bytes, no smudge filter
 * or line-ending conversion, nothing written to the working tree or the index.
 *
 * Used by `scan --staged` (the index: `git ls-files -s`) and by diff-aware gating
 * (`scan --changed-since`, the Action on a pull request: the base commit's tree,
 * `git ls-tree -r`), so that the normal `scan()` runs on that snapshot.
 *
 * Submodules are left out; symlinks stay symlinks (discovery never follows one out of
 * the root); no path is ever written outside the destination or into a `.git`.
 */
import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { CatFile } from './catfile.js';
import { corruptError, usageErrorFromGit } from './repo.js';
import { git, GitError, NulSplitter } from './run.js';
import { msg } from '../util/errors.js';

/** Blobs larger than this are not read into memory (the scan's size limit: it skips them anyway). */
export const MATERIALISE_MAX_SIZE = 2 * 1024 * 1024;

export interface TreeEntry {
  /** `100644`, `100755`, `120000` (symlink); submodules (`160000`) are never listed. */
  mode: string;
  oid: string;
  /** Relative to the directory git ran in, forward slashes. */
  path: string;
}

/**
 * The blobs of `commit`'s tree under `cwd` (a directory in the work tree), paths
 * relative to it (`git ls-tree -r` limits itself to, and names relative to, the
 * current directory).
 */
export async function treeEntries(cwd: string, commit: string): Promise<TreeEntry[]> {
  if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  let out: Buffer;
  try {
    out = (await git(['ls-tree', '-r', '-z', commit], { cwd })).stdout;
  } catch (err) {
    throw usageErrorFromGit(err, cwd, 'git ls-tree');
  }
  const entries: TreeEntry[] = [];
  const split = new NulSplitter((rec) => {
    const tab = rec.indexOf('\t');
    if (tab < 0) return;
    const [mode = '', type = '', oid = ''] = rec.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '160000') return;
    entries.push({ mode, oid, path: rec.slice(tab + 1) });
  });
  split.push(out);
  split.end();
  return entries;
}

/**
 * Write `entries` under `dest`, reading their objects in `cwd`'s repository. Returns
 * the paths written. `what` names the snapshot in an error (`staged`, `base`).
 */
export async function materialiseEntries(
  cwd: string,
  entries: readonly TreeEntry[],
  dest: string,
  what: 'staged' | 'base',
  maxSize = MATERIALISE_MAX_SIZE,
): Promise<Set<string>> {
  const root = resolve(dest);
  const byOid = new Map<string, TreeEntry[]>();
  for (const e of entries) {
    const target = resolve(root, e.path);
    const rel = relative(root, target);
    if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('.git')) continue; // never outside dest
    const list = byOid.get(e.oid);
    if (list) list.push(e);
    else byOid.set(e.oid, [e]);
  }
  const written = new Set<string>();
  const madeDirs = new Set<string>();
  // Larger blobs are read off the pipe and dropped, never held (a 5 GB staged file
  // crashed the scan): each is written as a sparse file of its size, which discovery
  // then reports as oversized (and so blocks), without a byte of it on disk.
  const cf = new CatFile(cwd, { mode: 'contents', maxSize });
  try {
    for await (const obj of cf.stream(byOid.keys(), 64)) {
      const list = byOid.get(obj.oid) ?? [];
      if (obj.oversized && !obj.missing) {
        for (const e of list) {
          if (e.mode === '120000') continue;
          const target = resolve(root, e.path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, '');
          truncateSync(target, obj.size);
          written.add(e.path);
        }
        continue;
      }
      if (obj.missing || !obj.data) {
        throw corruptError(cwd, msg('git.objectOfMissing', { oid: obj.oid.slice(0, 12), what: msg(`git.snapshot.${what}`), path: list[0]?.path ?? '' }));
      }
      for (const e of list) {
        const target = resolve(root, e.path);
        const dir = dirname(target);
        if (!madeDirs.has(dir)) {
          mkdirSync(dir, { recursive: true });
          madeDirs.add(dir);
        }
        if (e.mode === '120000') {
          try {
            symlinkSync(obj.data.toString('utf8'), target);
          } catch {
            continue; // no symlinks on this system: leave it out, as a checkout would
          }
        } else {
          writeFileSync(target, obj.data, { mode: e.mode === '100755' ? 0o755 : 0o644 });
        }
        written.add(e.path);
      }
    }
    await cf.close();
  } catch (err) {
    cf.kill();
    await cf.close();
    if (err instanceof GitError) throw usageErrorFromGit(err, cwd, 'git cat-file');
    throw err;
  }
  return written;
}
