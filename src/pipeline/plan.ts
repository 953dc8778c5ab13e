/**
 * How a scan's files are cut into chunks: runs of consecutive files in path order (so a
 * chunk holds neighbours, which import each other), each at most `MAX_FILES` files and
 * about `MAX_BYTES` bytes. The cut depends on the files alone — never on the number of
 * workers — so every `--jobs` sees the same chunks and reports the same findings in the
 * same order.
 */
import type { DiscoveredFile } from '../discover/types.js';

export const MAX_FILES = 256;
export const MAX_BYTES = 4 * 1024 * 1024;

/** Chunks as lists of indexes into `files`. */
export function planChunks(files: readonly Pick<DiscoveredFile, 'size'>[], maxFiles = MAX_FILES, maxBytes = MAX_BYTES): number[][] {
  const chunks: number[][] = [];
  let cur: number[] = [];
  let bytes = 0;
  files.forEach((f, i) => {
    if (cur.length > 0 && (cur.length >= maxFiles || bytes + f.size > maxBytes)) {
      chunks.push(cur);
      cur = [];
      bytes = 0;
    }
    cur.push(i);
    bytes += f.size;
  });
  if (cur.length > 0) chunks.push(cur);
  return chunks;
}
