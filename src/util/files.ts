/**
 * File access for the scanner's own inputs and outputs. The scanned root may be a
 * contractor's repository, and everything in it is untrusted, links included:
 *
 * - an input found (or named) inside the root — config, declaration, lock file,
 *   baseline — is read only when it really lies inside the root, links resolved: a
 *   committed link to `/etc/…`, `~/.ssh/…` or another repository is refused, and no
 *   error message ever quotes what such a file holds;
 * - an output (a report, the SARIF file, a lock file) is never written through a link:
 *   the last component must not be a symbolic link, and a path inside the root must
 *   not leave it through a linked directory.
 *
 * A report that cannot be written is a usage error, not a crash.
 */
import { closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, realpathSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { msg, type Message, type NounKey, UsageError } from './errors.js';

/** `path` lexically inside `root` (or `root` itself). */
export function isLexicallyInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return !rel.startsWith('..') && !isAbsolute(rel);
}

/** The real path of `path`, or of its nearest existing ancestor when it does not exist yet. */
export function realpathOfNearest(path: string): string {
  let p = resolve(path);
  const rest: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(p), ...rest.reverse());
    } catch {
      const parent = dirname(p);
      if (parent === p) return resolve(path);
      rest.push(p.slice(parent.length).replace(/^[\\/]/, ''));
      p = parent;
    }
  }
}

/**
 * Throw when `path`, lexically inside `root`, resolves (links followed, at any depth)
 * to a place outside `root`. A path outside the root is the caller's explicit choice
 * and is not checked; a path that does not exist is left to the caller to report.
 */
export function assertInsideRoot(root: string, path: string, what: NounKey): void {
  if (!isLexicallyInside(root, path)) return;
  if (!existsSync(path)) return; // not there (or a dangling link): the caller reports it
  let real: string;
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
    real = realpathSync(path);
  } catch (err) {
    throw UsageError.of('files.brokenLink', { what: msg(what), path, code: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
  }
  const rel = relative(realRoot, real);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw UsageError.of('files.linkOutside', { what: msg(what), path, real });
  }
}

/**
 * Read one of the scanner's inputs as text: refused when it lies inside `root` but is
 * a link out of it. Errors name the file and the system's reason, never its content.
 */
export function readInput(path: string, what: NounKey, root?: string): string {
  if (root !== undefined) assertInsideRoot(root, path, what);
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw UsageError.of('files.cannotRead', { what: msg(what), path, code: (err as NodeJS.ErrnoException).code ?? msg('noun.readError') });
  }
}

export interface WriteOptions {
  /**
   * The directory the output must not leave through a link when it lies inside it:
   * the scanned root (CLI `--output`), the workspace (the Action's SARIF file).
   */
  root?: string;
  /** Create missing parent directories (after checking where they really are). */
  mkdir?: boolean;
}

/**
 * Write a report or draft (text, or bytes for .docx/.xlsx). Never through a link: the
 * file itself must not be a symbolic link (it is opened with O_NOFOLLOW), and inside
 * `opts.root` its directory must really be inside `opts.root`. A bad path is a usage
 * error naming it.
 */
export function writeOutput(path: string, text: string | Uint8Array, opts: WriteOptions = {}): void {
  if (opts.root !== undefined && isLexicallyInside(opts.root, path)) {
    const realRoot = realpathOfNearest(opts.root);
    const realDir = realpathOfNearest(dirname(resolve(path)));
    const rel = relative(realRoot, realDir);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw UsageError.of('files.writeLinkedDir', { path, real: realDir, root: opts.root });
    }
  }
  try {
    if (opts.mkdir) mkdirSync(dirname(resolve(path)), { recursive: true });
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
    try {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw UsageError.of('files.writeSymlink', { path });
    throw UsageError.of('files.cannotWrite', { path, code: code ?? (err as Error).message });
  }
}

/** A YAML library message without the offending source text (which may be a secret). */
export function yamlMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.replace(/:\s.*$/, '');
}

/**
 * A JSON.parse error in words that never quote the input: the engine's message shows
 * the first bytes of the text (`Unexpected token 'r', "root:x:0:0"… is not valid JSON`),
 * which for a file read by mistake may be a secret. Only the position is kept.
 */
export function jsonMessage(err: unknown): string {
  return jsonProblem(err).render('en');
}

/** `jsonMessage` as a message of the table (src/report/i18n-errors.ts). */
export function jsonProblem(err: unknown): Message {
  const text = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(text);
  if (at) return msg('json.at', { n: at[1]! });
  if (/unexpected end/i.test(text)) return msg('json.early');
  return msg('json.bad');
}
