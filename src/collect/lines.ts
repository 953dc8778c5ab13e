/**
 * Positions in text: what every collector needs to turn an offset into the 1-based line
 * and column a fact carries. Lines end at `\n` only (a `\r` before it is the line's last
 * character), so CRLF files get the same lines and columns as LF files.
 */

/** 1-based line/column lookup for offsets (UTF-16 code units) in `text`. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/** LF line endings and no byte-order mark, so offsets, lines and hashes do not depend on the editor. */
export function unifyLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}
