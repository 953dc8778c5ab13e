/**
 * File access for the scanner's own inputs and outputs: a config or declaration found
 * at the scanned root must not be a link out of it (the root may be a contractor's
 * repository), and a report that cannot be written is a usage error, not a crash.
 */
import { lstatSync, realpathSync, writeFileSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { UsageError } from './errors.js';

/** Throw when `path` (found inside `root`) is a link whose target lies outside `root`. */
export function assertInsideRoot(root: string, path: string, what: string): void {
  let isLink = false;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch {
    return; // not there: the caller reports it
  }
  if (!isLink) return;
  let target: string;
  let realRoot: string;
  try {
    target = realpathSync(path);
    realRoot = realpathSync(root);
  } catch (err) {
    throw new UsageError(`${what} ${path} is a broken link: ${(err as Error).message}`);
  }
  const rel = relative(realRoot, target);
  if (rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(`${what} ${path} is a link to ${target}, outside the scanned root; refusing to read it`);
  }
}

/** Write a report or draft (text, or bytes for .docx/.xlsx); a bad path is a usage error naming it. */
export function writeOutput(path: string, text: string | Uint8Array): void {
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** A YAML library message without the offending source text (which may be a secret). */
export function yamlMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.replace(/:\s.*$/, '');
}
