/**
 * Checking one file before it is kept: size, binary sniff, encoding (UTF-8 strictly, or
 * UTF-16 with a byte-order mark), then classification. Every kept file is read once, with
 * synchronous open/fstat/read/close (for small files in the page cache the thread-pool
 * round trips of the async API cost 3–10× the I/O itself), and its content dropped.
 */
import fs from 'node:fs';
import { isBinaryFileSync } from 'isbinaryfile';
import { HEAD_BYTES, classify, classifyPath } from './classify.js';
import type { DiscoveredFile, SkippedFile } from './types.js';

/** Bytes handed to the binary sniffer. */
const SNIFF_BYTES = 8192;
/** Share of NUL bytes below which a file named as source/config is still read as text. */
const MAX_NUL_SHARE = 0.01;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** What checking a file gave: the file to keep, a reason to skip it, or nothing (not a regular file). */
export type Inspection = { file: DiscoveredFile } | { skipped: SkippedFile } | undefined;

/** Read `count` bytes (fewer at end of file) into `buf` at `offset` from file position `position`. */
function readInto(fd: number, buf: Buffer, offset: number, count: number, position: number): number {
  let done = 0;
  while (done < count) {
    const n = fs.readSync(fd, buf, offset + done, count - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** The UTF-16 byte-order mark a buffer starts with, if any. */
function utf16Bom(buf: Buffer, len: number): 'utf-16le' | 'utf-16be' | undefined {
  if (len < 2) return undefined;
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

function countNul(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0); i >= 0; i = buf.indexOf(0, i + 1)) n++;
  return n;
}

/** Kinds whose files the scanner must check: skipping one is reported, not silent. */
function isCheckableKind(kind: string): boolean {
  return kind === 'source' || kind === 'config' || kind === 'manifest';
}

/** A skipped file, with the kind its path says it is. */
export function skippedFile(rel: string, reason: SkippedFile['reason'], size?: number): SkippedFile {
  const entry: SkippedFile = { path: rel, reason, kind: classifyPath(rel).cls.kind };
  if (size !== undefined) entry.size = size;
  return entry;
}

function classifyContent(rel: string, content: Buffer): ReturnType<typeof classify> {
  const { cls, need } = classifyPath(rel);
  if (need === undefined) return cls;
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  if (need === 'shebang' && !(content[bom] === 0x23 && content[bom + 1] === 0x21)) return cls;
  return classify(rel, content.toString('utf8', bom, Math.min(content.length, HEAD_BYTES)));
}

/** `classifyContent` for text already decoded (UTF-16), BOM removed. */
function classifyText(rel: string, text: string): ReturnType<typeof classify> {
  const { cls, need } = classifyPath(rel);
  if (need === undefined) return cls;
  if (need === 'shebang' && !text.startsWith('#!')) return cls;
  return classify(rel, text.slice(0, HEAD_BYTES));
}

/**
 * Check and classify one file; `real` is its resolved absolute path. A name that says
 * source/config is not given up for a few stray NUL bytes (`/*\0*\/` must not hide a
 * file). Never throws.
 */
export function inspectFile(rel: string, real: string, maxFileSize: number): Inspection {
  let fd: number;
  try {
    fd = fs.openSync(real, 'r');
  } catch {
    return { skipped: skippedFile(rel, 'unreadable') };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return undefined;
    const size = st.size;
    if (size > maxFileSize) return { skipped: skippedFile(rel, 'oversized', size) };
    const buf = Buffer.allocUnsafe(size);
    const headLen = readInto(fd, buf, 0, Math.min(size, SNIFF_BYTES), 0);
    const readRest = (): Buffer => {
      const restLen = headLen < size ? readInto(fd, buf, headLen, size - headLen, headLen) : 0;
      return buf.subarray(0, headLen + restLen);
    };

    // UTF-16 with a byte-order mark (Windows tools write appsettings.json like this).
    const bom16 = utf16Bom(buf, headLen);
    if (bom16 !== undefined) {
      const content = readRest();
      let text: string;
      try {
        text = (bom16 === 'utf-16le' ? utf16le : utf16be).decode(content);
      } catch {
        return { skipped: skippedFile(rel, 'non-utf8', size) };
      }
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const nul = text.includes('\0');
      return {
        file: { path: rel, absPath: real, size: content.length, ...classifyText(rel, text), encoding: bom16, ...(nul ? { hasNul: true as const } : {}) },
      };
    }

    let sniffedBinary = false;
    if (headLen > 0 && isBinaryFileSync(buf.subarray(0, headLen), headLen)) {
      if (!isCheckableKind(classifyPath(rel).cls.kind)) return { skipped: skippedFile(rel, 'binary', size) };
      sniffedBinary = true;
    }
    const content = readRest();
    if (sniffedBinary && countNul(content) >= content.length * MAX_NUL_SHARE) return { skipped: skippedFile(rel, 'binary', size) };
    try {
      utf8.decode(content);
    } catch {
      // Java reads `.properties` as ISO-8859-1 (non-Latin text as `\uXXXX` escapes): every byte decodes.
      if (!sniffedBinary && /\.properties$/i.test(rel)) {
        return { file: { path: rel, absPath: real, size: content.length, ...classifyContent(rel, content), encoding: 'latin1' } };
      }
      return { skipped: skippedFile(rel, sniffedBinary ? 'binary' : 'non-utf8', size) };
    }
    const nul = content.indexOf(0) >= 0;
    return { file: { path: rel, absPath: real, size: content.length, ...classifyContent(rel, content), ...(nul ? { hasNul: true as const } : {}) } };
  } catch {
    return { skipped: skippedFile(rel, 'unreadable') };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // nothing to do
    }
  }
}
