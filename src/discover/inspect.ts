/**
 * Checking one file before it is kept: size, binary sniff, encoding (`decode.ts`), then
 * classification. Every kept file is read once, with
 * synchronous open/fstat/read/close (for small files in the page cache the thread-pool
 * round trips of the async API cost 3–10× the I/O itself), and its content dropped.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isBinaryFileSync } from 'isbinaryfile';
import { HEAD_BYTES, classify, classifyPath } from './classify.js';
import { bomOf, decodeWith, detectEncoding, unmarkedWide } from './decode.js';
import type { DiscoveredFile, SkippedFile } from './types.js';

/** Bytes handed to the binary sniffer. */
const SNIFF_BYTES = 8192;
/** Share of NUL bytes below which a file named as source/config is still read as text. */
const MAX_NUL_SHARE = 0.01;

/** Largest JavaScript/TypeScript file read although over the size limit (see inspectFile). */
export const LARGE_SCRIPT_CAP = 16 * 1024 * 1024;

function isScript(rel: string): boolean {
  const { cls } = classifyPath(rel);
  return cls.kind === 'source' && (cls.language === 'javascript' || cls.language === 'typescript');
}


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

/** `classifyContent` for text already decoded (not UTF-8), BOM removed. */
function classifyText(rel: string, text: string): ReturnType<typeof classify> {
  const { cls, need } = classifyPath(rel);
  if (need === undefined) return cls;
  if (need === 'shebang' && !text.startsWith('#!')) return cls;
  return classify(rel, text.slice(0, HEAD_BYTES));
}

/** A kept file decoded with a non-UTF-8 encoding (its text classified after decoding). */
function decodedFile(rel: string, real: string, content: Buffer, encoding: string): Inspection {
  const text = decodeWith(content, encoding);
  const nul = text.includes('\0');
  return {
    file: { path: rel, absPath: real, size: content.length, ...classifyText(rel, text), encoding, ...(nul ? { hasNul: true as const } : {}) },
  };
}

/** A kept file with the SHA-256 of its bytes (`hash`: the facts cache is on; the bytes are at hand now). */
function hashed(r: Inspection, content: Buffer, hash: boolean): Inspection {
  if (hash && r && 'file' in r) r.file.hash = createHash('sha256').update(content).digest('hex');
  return r;
}

/**
 * Check and classify one file; `real` is its resolved absolute path. A name that says
 * source/config is not given up for a few stray NUL bytes (`/*\0*\/` must not hide a
 * file). The encoding is decided by `decode.ts` (marks, UTF-16/32 without a mark, UTF-8,
 * declared encodings, detection); what cannot be decoded is skipped and reported. Never throws.
 */
export function inspectFile(rel: string, real: string, maxFileSize: number, hash = false): Inspection {
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
    // JavaScript/TypeScript over the limit is still read, up to LARGE_SCRIPT_CAP: bundles
    // and data modules take the text path (collect/shape.ts); any other shape is
    // reported there as oversized and blocks.
    const oversized = size > maxFileSize;
    if (oversized && !(isScript(rel) && size <= Math.max(LARGE_SCRIPT_CAP, maxFileSize))) return { skipped: skippedFile(rel, 'oversized', size) };
    const buf = Buffer.allocUnsafe(size);
    const headLen = readInto(fd, buf, 0, Math.min(size, SNIFF_BYTES), 0);
    const readRest = (): Buffer => {
      const restLen = headLen < size ? readInto(fd, buf, headLen, size - headLen, headLen) : 0;
      return buf.subarray(0, headLen + restLen);
    };
    const undecodable = (content: Buffer, why: string, binary = false): Inspection => ({
      skipped: { ...skippedFile(rel, binary ? 'binary' : 'non-utf8', content.length), detail: why },
    });

    // A UTF-16/UTF-32 mark, or UTF-16/32 without one (zero bytes in fixed lanes): wide
    // text, before the binary sniff that its zero bytes would trip.
    const head = buf.subarray(0, headLen);
    const mark = bomOf(head);
    if ((mark && mark.encoding !== 'utf-8') || unmarkedWide(head) !== undefined) {
      const content = readRest();
      const det = detectEncoding(rel, content);
      if ('encoding' in det && det.encoding !== 'utf-8') {
        const wide = decodedFile(rel, real, content, det.encoding);
        if (oversized && wide && 'file' in wide) wide.file.oversized = true;
        return hashed(wide, content, hash);
      }
      if ('undecodable' in det && mark) return undecodable(content, det.undecodable);
      // Zero bytes that only looked like wide text: judged below like any other file.
    }

    let sniffedBinary = false;
    if (headLen > 0 && isBinaryFileSync(head, headLen)) {
      if (!isCheckableKind(classifyPath(rel).cls.kind)) return { skipped: skippedFile(rel, 'binary', size) };
      sniffedBinary = true;
    }
    const content = readRest();
    // A blob too large to materialise is a sparse file of zeros (git/materialise.ts): oversized.
    if (oversized && !content.some((b) => b !== 0)) return { skipped: skippedFile(rel, 'oversized', size) };
    if (sniffedBinary && countNul(content) >= content.length * MAX_NUL_SHARE) return { skipped: skippedFile(rel, 'binary', size) };
    const det = detectEncoding(rel, content);
    if ('undecodable' in det) return undecodable(content, det.undecodable, sniffedBinary);
    const kept: Inspection =
      det.encoding !== 'utf-8'
        ? decodedFile(rel, real, content, det.encoding)
        : { file: { path: rel, absPath: real, size: content.length, ...classifyContent(rel, content), ...(content.indexOf(0) >= 0 ? { hasNul: true as const } : {}) } };
    if (oversized && kept && 'file' in kept) kept.file.oversized = true;
    return hashed(kept, content, hash);
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
