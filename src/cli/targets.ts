/**
 * What `scan` was pointed at, as a ScanSource:
 *
 * - a directory (the usual case): the pipeline's worktree source;
 * - one or more files: scanned as a tree of their own (a private temporary directory
 *   holding copies at their relative paths), reported with the paths as given. Files
 *   outside the current directory keep their given name in reports. A link whose
 *   target lies outside the current directory is not followed (skipped with a note);
 * - `-`: stdin, written to a private temporary directory under the name
 *   `--stdin-filename` (its extension decides the language; default `stdin`).
 *
 * The temporary directory (mode 0700) is removed when the scan closes the tree, on
 * error too; nothing else is written to disk. A config: `--config`, else the
 * `.dancu-guard.yml` of the current directory, when there is one.
 */
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/names.js';
import type { ScanSource } from '../pipeline/source.js';
import type { Translate } from '../report/i18n.js';
import { UsageError } from '../util/errors.js';

export type Target = { kind: 'dir'; path: string } | { kind: 'files'; paths: string[] } | { kind: 'stdin'; name: string };

const toPosix = (p: string) => p.split(sep).join('/');

/** Decide what the positional arguments name (default: the current directory). */
export function classifyTargets(paths: readonly string[], stdinFilename: string | undefined, T: Translate): Target {
  const given = paths.length === 0 ? ['.'] : [...paths];
  if (given.includes('-')) {
    if (given.length > 1) throw new UsageError(T('scan.err.stdinAlone'));
    const name = stdinFilename ?? 'stdin';
    const norm = toPosix(normalize(name));
    if (isAbsolute(name) || norm.startsWith('../') || norm === '..' || norm === '.' || norm.endsWith('/')) {
      throw new UsageError(T('scan.err.stdinFilenameBad', { name }));
    }
    return { kind: 'stdin', name: norm };
  }
  if (stdinFilename !== undefined) throw new UsageError(T('scan.err.stdinFilenameNeedsStdin'));
  const kinds = given.map((p) => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'file';
    } catch {
      throw new UsageError(T('scan.err.notFound', { path: p }));
    }
  });
  if (given.length === 1 && kinds[0] === 'dir') return { kind: 'dir', path: given[0]! };
  const dir = given.find((_, i) => kinds[i] === 'dir');
  if (dir !== undefined) throw new UsageError(T('scan.err.dirAmongFiles', { path: dir }));
  return { kind: 'files', paths: given };
}

export interface TempTreeSource extends ScanSource {
  /** Scanned relative path → the path as the user gave it (for reports). */
  readonly display: ReadonlyMap<string, string>;
  /** Given files that were not scanned (links out of the current directory). */
  readonly refused: string[];
}

function configOf(explicit: string | undefined): string | undefined {
  if (explicit) return resolve(explicit);
  return CONFIG_FILE_NAMES.map((n) => resolve(n)).find((p) => existsSync(p));
}

function tempTree(fill: (dir: string) => void, explicitConfig: string | undefined, label: string): ScanSource {
  return {
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'dancu-guard-input-'));
      const close = () => rmSync(dir, { recursive: true, force: true });
      try {
        fill(dir);
      } catch (err) {
        close();
        throw err;
      }
      const config = configOf(explicitConfig);
      return { dir, root: process.cwd(), display: label, ...(config ? { configPath: config } : {}), close };
    },
  };
}

/** Files named on the command line, as a tree of their own. */
export function filesSource(paths: readonly string[], explicitConfig: string | undefined, T: Translate): TempTreeSource {
  const display = new Map<string, string>();
  const refused: string[] = [];
  const cwd = realpathSync(process.cwd());
  const source = tempTree(
    (dir) => {
      paths.forEach((given, i) => {
        const abs = resolve(given);
        let real: string;
        try {
          real = realpathSync(abs);
        } catch {
          throw new UsageError(T('scan.err.notFound', { path: given }));
        }
        if (!statSync(real).isFile()) throw new UsageError(T('scan.err.notFile', { path: given }));
        const insideCwd = (p: string) => {
          const r = relative(cwd, p);
          return r !== '' && !r.startsWith('..') && !isAbsolute(r);
        };
        if (lstatSync(abs).isSymbolicLink() && !insideCwd(real)) {
          refused.push(given);
          return;
        }
        const rel = insideCwd(abs) ? toPosix(relative(cwd, abs)) : `_outside/${i}/${basename(abs)}`;
        if (display.has(rel)) return; // named twice
        const dest = join(dir, rel);
        mkdirSync(dirname(dest), { recursive: true });
        copyFileSync(real, dest);
        display.set(rel, insideCwd(abs) ? rel : given);
      });
    },
    explicitConfig,
    paths.join(' '),
  );
  return { ...source, display, refused };
}

/** Read all of stdin (refusing a terminal: `scan -` waits for piped content). */
export async function readStdin(T: Translate): Promise<Buffer> {
  if (process.stdin.isTTY) throw new UsageError(T('scan.err.stdinTty'));
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** stdin's bytes as one file named `name`. */
export function stdinSource(name: string, content: Buffer, explicitConfig: string | undefined): TempTreeSource {
  const source = tempTree(
    (dir) => {
      const dest = join(dir, name);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, content, { mode: 0o600 });
    },
    explicitConfig,
    `- (${name})`,
  );
  return { ...source, display: new Map([[name, name]]), refused: [] };
}
