/**
 * Where a scan's files come from. The pipeline (`scan.ts`) runs the same stages on every
 * source; a source only says which directory holds the bytes, what the user calls it,
 * and which files the scan reports on.
 *
 * - `worktreeSource`: the directory as it is on disk (`scan PATH`, the gate, the Action).
 * - `gitTreeSource` (`sources/git-tree.ts`): a commit's tree, materialised from the object
 *   store (the base of diff-aware gating).
 * - `stagedSource` (`sources/staged.ts`): the git index (`scan --staged`, pre-commit).
 * - history (`sources/history/`) walks blobs rather than one tree, and shares the
 *   collect and judge stages.
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { msg, UsageError } from '../util/errors.js';

export interface OpenedTree {
  /** Directory holding the files to scan: the root itself, or a temporary copy. */
  dir: string;
  /** What reports and errors call the root (the user's directory, absolute). */
  root: string;
  /** The config file to use when none is given explicitly (else the one at `dir`). */
  configPath?: string;
  /** Report only on these files (relative to the root). Undefined: every file. */
  only?: ReadonlySet<string>;
  /** What errors call `dir` when it is a temporary copy (`/repo (staged)`). */
  display?: string;
  /** Remove temporary copies (also on error). */
  close(): void;
}

export interface ScanSource {
  open(onProgress: (status: string) => void): Promise<OpenedTree>;
}

/** The absolute path of a directory given on the command line; a usage error (exit 2) when it is missing or not a directory. */
export function resolveRoot(path: string, hint: 'source.hint.root' | 'source.hint.scan' = 'source.hint.root'): string {
  const root = resolve(path);
  let isDir: boolean;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw UsageError.of('source.notFound', { path });
  }
  if (!isDir) throw UsageError.of('source.notDirectory', { path, hint: msg(hint) });
  return root;
}

/** The directory as it is on disk. */
export function worktreeSource(path: string): ScanSource {
  return {
    async open() {
      const root = resolveRoot(path, 'source.hint.scan');
      return { dir: root, root, close: () => undefined };
    },
  };
}

/**
 * An error raised while scanning a temporary copy names the user's files instead:
 * messages may name the copy absolutely or relative to the working directory.
 */
export function renameTemporaryPath(err: unknown, tmp: string, display: string): unknown {
  if (!(err instanceof Error)) return err;
  const forms = [tmp, relative(process.cwd(), tmp)].filter((f) => f.length > 0);
  const form = forms.find((f) => err.message.includes(f));
  if (!form) return err;
  const message = err.message.split(form).join(display);
  if (err instanceof UsageError) return new UsageError(err.msg ? err.msg.mapText((s) => s.split(form).join(display)) : message);
  err.message = message;
  return err;
}
