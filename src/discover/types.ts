import type { ConfigFormat, FileKind, FileRole, Language } from '../facts/types.js';

/** How a kept file's bytes decode to text (an iconv-lite name). Absent means UTF-8 (optionally with a BOM). */
export type { TextEncoding } from './decode.js';
import type { TextEncoding } from './decode.js';

/** One file discovery kept: inside the root, not ignored, text, not oversized. */
export interface DiscoveredFile {
  /** Repo-relative, forward slashes. */
  path: string;
  /** Absolute path on disk (inside the scanned root, links resolved). */
  absPath: string;
  size: number;
  kind: FileKind;
  language?: Language;
  format?: ConfigFormat;
  /** The file's role (vendored, bundle, translation, test, docs), set by `collectFacts` from its text (discover/roles.ts). */
  role?: FileRole;
  /** Set for files that are not UTF-8 (UTF-16/32, a declared or detected encoding). Readers decode with `decodeText`. */
  encoding?: TextEncoding;
  /**
   * The text holds NUL characters (a few stray ones, in a file named as source/config).
   * Readers should replace them (e.g. with spaces) before parsing.
   */
  hasNul?: true;
  /**
   * Larger than the size limit, read because it is JavaScript/TypeScript (up to
   * LARGE_SCRIPT_CAP): the collectors give it the text path when it is machine-made or
   * data, and report it oversized (DG-CFG-004) otherwise.
   */
  oversized?: true;
  /** SHA-256 of the bytes, hex (only when discovery was asked for it: the facts cache is on). */
  hash?: string;
}

/** A file discovery passed over, and why (reported in the summary). */
export interface SkippedFile {
  path: string;
  reason: 'binary' | 'oversized' | 'non-utf8' | 'link-outside-root' | 'unreadable';
  size?: number;
  /** Why the bytes could not be decoded (`non-utf8`, `binary`), when known. */
  detail?: string;
  /** What the path says the file is (by name only); absent for directories and outside links. */
  kind?: FileKind;
  /** An unreadable directory: nothing below it was checked. */
  directory?: true;
}

export interface DiscoverOptions {
  /** Extra ignore globs (gitignore syntax), e.g. from config. */
  ignore?: string[];
  /** false: do not read `.dancu-guardignore` (the caller chose the ignores: trusted config, PR base). */
  guardIgnore?: boolean;
  /** Files larger than this are skipped. Default 2 MiB. */
  maxFileSize?: number;
  /**
   * Ask git which files it tracks (default true): inside a work tree, tracked files are
   * never hidden by `.gitignore` or the built-in ignores. `false` relies on ignore rules alone.
   */
  git?: boolean;
  /** Compute each kept file's content hash (`DiscoveredFile.hash`) while its bytes are read anyway. */
  hash?: boolean;
  /**
   * What earlier scans found for files that have not changed since (same device, inode,
   * size, modification and change times): their inspection is reused without reading
   * them. The caller keeps it (pipeline/stat-memo.ts).
   */
  memo?: InspectMemo;
}

/** A file's identity on disk: what must all be equal for its bytes to be taken as unchanged. */
export type StatSignature = string;

export interface InspectMemo {
  get(rel: string, sig: StatSignature): { file: Omit<DiscoveredFile, 'absPath'> } | { skipped: SkippedFile } | undefined;
  put(rel: string, sig: StatSignature, result: { file: Omit<DiscoveredFile, 'absPath'> } | { skipped: SkippedFile }): void;
}

export interface DiscoverResult {
  root: string;
  files: DiscoveredFile[];
  skipped: SkippedFile[];
  /**
   * Files explicit ignores (config `ignore`, `.dancu-guardignore`) excluded that would
   * otherwise have been checked (tracked by git, or not hidden by an implicit rule),
   * sorted. Reported so that an ignore rule cannot hide a file silently.
   */
  ignored: string[];
}
