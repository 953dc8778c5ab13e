/**
 * Read a small file the gate did not write (a key, an attestation): a regular file, at
 * most `max` bytes, UTF-8. Problems come back as a code and a detail that never quote
 * the contents.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  | { text: string }
  | { code: 'not-found' | 'unreadable' | 'too-large' | 'not-utf8'; detail: string; errno?: string; size?: number; max?: number };

export function readBoundedFile(path: string, max: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { code: 'not-found', detail: 'not found' } : { code: 'unreadable', detail: `cannot be read (${code ?? 'error'})`, errno: code ?? 'error' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { code: 'unreadable', detail: 'not a regular file' };
    if (st.size > max) return { code: 'too-large', detail: `${st.size} bytes, more than ${max}`, size: st.size, max };
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buf.subarray(0, read);
    const text = bytes.toString('utf8');
    // Not UTF-8 (a binary or a truncated multi-byte sequence): round-tripping changes it.
    if (!Buffer.from(text, 'utf8').equals(bytes)) return { code: 'not-utf8', detail: 'invalid byte sequence' };
    return { text };
  } finally {
    closeSync(fd);
  }
}
