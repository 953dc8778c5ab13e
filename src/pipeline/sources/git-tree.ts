/**
 * A commit's tree under the scanned root, materialised from the object store into a
 * temporary directory named like the root (so the repository name in the facts stays
 * the same): the base of diff-aware gating. Exactly the committed bytes; nothing is
 * written to the working tree or the index.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { materialiseEntries, treeEntries } from '../../git/materialise.js';
import { renameTemporaryPath, type ScanSource } from '../source.js';

export function gitTreeSource(rootPath: string, commit: string): ScanSource {
  return {
    async open() {
      const root = resolve(rootPath);
      const entries = await treeEntries(root, commit);
      const tmp = mkdtempSync(join(tmpdir(), 'dancu-guard-base-'));
      const dir = join(tmp, basename(root) || 'base');
      const close = () => rmSync(tmp, { recursive: true, force: true });
      try {
        mkdirSync(dir);
        await materialiseEntries(root, entries, dir, 'base');
      } catch (err) {
        close();
        throw renameTemporaryPath(err, dir, `${root} (at ${commit.slice(0, 12)})`);
      }
      return { dir, root, display: `${root} (at ${commit.slice(0, 12)})`, close };
    },
  };
}
