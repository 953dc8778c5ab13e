/**
 * Inline suppressions: `dancu-guard:ignore <rule-id|category>[,…] -- <reason>` in a
 * comment of any syntax (`//`, `#`, block comments, `<!-- -->`, `--`, `'`, `REM`), on the line
 * of a finding or the line above. Collected as facts; policy reports a directive with
 * no reason, and the findings stage applies the valid ones.
 *
 * The directive must open a comment (what precedes it on its line ends with a comment
 * token), and, where the file's syntax is known, must not sit inside a string literal
 * as the shared comment lexer (`./comments.ts`) reads the file.
 */
import { classifyPath } from '../discover/classify.js';
import type { ConfigFormat, Language, SuppressionFact } from '../facts/types.js';
import { commentSyntaxFor, inStringLiteral } from './comments.js';
import type { Collector } from './types.js';

const MARKER = 'dancu-guard:ignore';
// Targets are rule ids or categories, separated by commas (spaces allowed after commas).
const DIRECTIVE = /dancu-guard:ignore(?![-\w])((?:[ \t]*,?[ \t]*[A-Za-z][\w-]*)*)(?:[ \t]+--[ \t]*(.*))?/;
// The directive must open a comment: what precedes it on the line ends with a comment
// token (so a string literal holding the text does not suppress anything).
const COMMENT_OPENER = /(?:\/\/+|#+|\/\*+|^\s*\*+|<!--|--|'|;|\bREM|%|\{#|<%--)\s*$/i;
// Comment closers that end a directive written inside a block comment.
const CLOSERS = /\s*(\*\/|-->|\*\)|%>|\?>)\s*$/;

/** What the file is (defaults to what its path says), for its comment syntax. */
export interface SuppressionShape {
  language?: Language;
  format?: ConfigFormat;
}

export function parseSuppressions(file: string, text: string, shape: SuppressionShape = classifyPath(file).cls): SuppressionFact[] {
  if (!text.includes(MARKER)) return []; // keyword prefilter: most files cost one scan
  const syntax = commentSyntaxFor(shape.language, shape.format, file);
  const out: SuppressionFact[] = [];
  const lines = text.split(/\r?\n/);
  let lineStart = 0;
  lines.forEach((lineText, i) => {
    const start = lineStart;
    lineStart += lineText.length + (text[start + lineText.length] === '\r' ? 2 : 1);
    if (!lineText.includes(MARKER)) return;
    const m = DIRECTIVE.exec(lineText);
    if (!m || !COMMENT_OPENER.test(lineText.slice(0, m.index))) return;
    if (syntax && inStringLiteral(text, syntax, start + m.index)) return;
    const targets = (m[1] ?? '')
      .split(/[\s,]+/)
      .map((t) => t.trim())
      .filter(Boolean);
    const reason = (m[2] ?? '').replace(CLOSERS, '').trim();
    const fact: SuppressionFact = { file, line: i + 1, targets };
    if (reason) fact.reason = reason;
    out.push(fact);
  });
  return out;
}

export const suppressionsCollector: Collector = {
  name: 'suppressions',
  appliesTo: () => true,
  collect(files, ctx) {
    const suppressions: SuppressionFact[] = [];
    for (const f of files) {
      ctx.onFile?.(f.path);
      const text = ctx.readText(f.path);
      if (text !== undefined) suppressions.push(...parseSuppressions(f.path, text, f));
    }
    return { suppressions };
  },
};
