import type { ConfigFormat, FileKind, Language } from '../facts/types.js';

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
}

/** A file discovery passed over, and why (reported in the summary). */
export interface SkippedFile {
  path: string;
  reason: 'binary' | 'oversized' | 'non-utf8' | 'link-outside-root' | 'unreadable';
  size?: number;
}

export interface DiscoverOptions {
  /** Extra ignore globs (gitignore syntax), e.g. from config. */
  ignore?: string[];
  /** Files larger than this are skipped. Default 2 MiB. */
  maxFileSize?: number;
}

export interface DiscoverResult {
  root: string;
  files: DiscoveredFile[];
  skipped: SkippedFile[];
}
