/**
 * Normalization of the files behind the integration fingerprint, so that the
 * fingerprint changes with the code and config that reach the population DB and not
 * with comments, blank lines, indentation or line endings.
 *
 * - TypeScript/JavaScript: the TypeScript parser (ts-morph's bundled `ts`) gives every
 *   token; comment trivia and whitespace between tokens are dropped and the tokens of
 *   each source line are joined by one space. Strings, template literals and regular
 *   expressions are tokens, so a `//` inside them is kept.
 * - Other languages and config formats: comments blanked by the collectors' comment
 *   lexer (`../collect/comments.ts`: strings kept, a marker inside a string is text).
 * - Everything: line endings normalized to LF, a BOM dropped, trailing whitespace
 *   and blank lines removed. Leading indentation is dropped where block comments
 *   exist (C-like languages, JSON, PowerShell) and kept elsewhere (significant in
 *   Python, YAML, shell heredocs); TS/JS is token-based.
 */
import { ts } from 'ts-morph';
import { blankComments, commentSyntaxFor } from '../collect/comments.js';
import { unifyLineEndings } from '../collect/lines.js';
import { languageOfPath } from '../discover/classify.js';
import type { ConfigFormat, Language } from '../facts/types.js';

/** Re-exported for the integration surface (`surface.ts`), which reads config text with the same line endings. */
export { unifyLineEndings };

/** How to treat a file: by language (source) or format (config). */
export interface FileShape {
  path: string;
  language?: Language;
  format?: ConfigFormat;
}

export function normalizeFile(text: string, shape: FileShape): string {
  const clean = unifyLineEndings(text);
  const lang = shape.language ?? languageOfPath(shape.path);
  if (lang === 'typescript' || lang === 'javascript') return normalizeTsJs(clean, shape.path);
  const syntax = commentSyntaxFor(lang, shape.format, shape.path);
  if (!syntax) return tidyLines(clean);
  // Where block comments exist (C-like languages, JSON, PowerShell) indentation is not
  // significant, and a removed `/* … */` must not leave a different indentation behind.
  return tidyLines(blankComments(clean, syntax), syntax.block.length > 0);
}

/** Drop trailing (and, with `trimLeading`, leading) whitespace and blank lines. */
export function tidyLines(text: string, trimLeading = false): string {
  return text
    .split('\n')
    .map((l) => (trimLeading ? l.trim() : l.replace(/\s+$/, '')))
    .filter((l) => l.length > 0)
    .join('\n');
}

// ---------------------------------------------------------------------------
// TypeScript / JavaScript

function scriptKind(path: string): ts.ScriptKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(js|mjs|cjs)$/.test(lower)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Tokens of each line joined by one space; comments and whitespace trivia dropped. */
export function normalizeTsJs(text: string, path = 'file.ts'): string {
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, scriptKind(path));
  const lines: string[] = [];
  let current: string[] = [];
  const emit = (token: string, newlineBefore: boolean) => {
    if (newlineBefore && current.length > 0) {
      lines.push(current.join(' '));
      current = [];
    }
    current.push(token);
  };
  const visit = (node: ts.Node): void => {
    for (const child of node.getChildren(sf)) {
      if (child.kind >= ts.SyntaxKind.FirstJSDocNode && child.kind <= ts.SyntaxKind.LastJSDocNode) continue;
      if (child.getChildCount(sf) > 0) {
        visit(child);
        continue;
      }
      const start = child.getStart(sf);
      const raw = text.slice(start, child.end);
      if (raw.length === 0) continue; // EndOfFileToken, empty lists
      const trivia = text.slice(child.pos, start);
      const token = child.kind === ts.SyntaxKind.JsxText ? raw.replace(/\s+/g, ' ').trim() : raw;
      if (token.length === 0) continue;
      emit(token, trivia.includes('\n'));
    }
  };
  visit(sf);
  if (current.length > 0) lines.push(current.join(' '));
  return lines.join('\n');
}
