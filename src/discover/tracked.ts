/**
 * What git tracks under the scanned root: inside a work tree, a tracked file is what is
 * shipped, so implicit ignores (defaults, `.gitignore`) never hide it (see `walk.ts`).
 */
import { git, NulSplitter } from '../git/run.js';

/**
 * What git tracks under `realRoot`: every tracked path (root-relative) and every
 * directory that holds one. Undefined when `realRoot` is not in a git work tree or git
 * cannot be run (discovery then relies on ignore rules alone). One `git ls-files` call,
 * with the index read as is: no fsmonitor hook, no untracked cache, no optional locks.
 */
export async function trackedPaths(realRoot: string): Promise<Set<string> | undefined> {
  let stdout: Buffer;
  try {
    ({ stdout } = await git(
      ['-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'ls-files', '-z', '--cached'],
      { cwd: realRoot },
    ));
  } catch {
    return undefined;
  }
  const set = new Set<string>();
  const splitter = new NulSplitter((rec) => {
    if (rec === '' || rec.startsWith('../')) return;
    set.add(rec);
    for (let i = rec.lastIndexOf('/'); i > 0; i = rec.lastIndexOf('/', i - 1)) {
      const dir = rec.slice(0, i);
      if (set.has(dir)) break;
      set.add(dir);
    }
  });
  splitter.push(stdout);
  splitter.end();
  return set;
}
