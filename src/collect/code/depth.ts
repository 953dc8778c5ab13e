/**
 * Deep syntax trees (a 100,000-term string concatenation, hundreds of nested brackets)
 * made tree-sitter's query cursor quadratic and recursive walks overflow. The query only
 * starts matches down to `CAPTURE_DEPTH`; what lies deeper is not analysed, and is
 * reported (`not-analysed`) by `deepRegions` rather than skipped silently.
 */
import type { DiagnosticFact } from '../../facts/types.js';
import type { Node } from './runtime.js';

/** Deepest node the query captures (the root is depth 0): real code stays far above it. */
export const CAPTURE_DEPTH = 256;

/**
 * Subtrees that start at `limit` and go deeper (their root has children), as 1-based line
 * ranges, merged; found with a tree cursor, without recursion, never below `limit`.
 */
export function deepRegions(root: Node, limit = CAPTURE_DEPTH): Array<{ line: number; endLine: number }> {
  const out: Array<{ line: number; endLine: number }> = [];
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      const descend = depth < limit;
      if (descend && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      if (!descend && cursor.currentNode.childCount > 0) {
        const n = cursor.currentNode;
        const line = n.startPosition.row + 1;
        const endLine = n.endPosition.row + 1;
        const last = out[out.length - 1];
        if (last && line <= last.endLine + 1) last.endLine = Math.max(last.endLine, endLine);
        else out.push({ line, endLine });
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return out;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The diagnostics for a file's too-deep regions (none for an ordinary file). */
export function deepDiagnostics(file: string, root: Node, label: string): DiagnosticFact[] {
  return deepRegions(root).map((r) => ({
    file,
    line: r.line,
    kind: 'not-analysed' as const,
    message: `${label}: syntax nested deeper than ${CAPTURE_DEPTH} levels: ${r.endLine > r.line ? `lines ${r.line}-${r.endLine}` : `line ${r.line}`} not analysed`,
  }));
}
