/**
 * Normalization of the files behind the integration fingerprint, so that the
 * fingerprint changes with the code and config that reach the population DB and not
 * with comments, blank lines, indentation or line endings.
 *
 * - TypeScript/JavaScript: the TypeScript parser (ts-morph's bundled `ts`) gives every
 *   token; comment trivia and whitespace between tokens are dropped and the tokens of
 *   each source line are joined by one space. Strings, template literals and regular
 *   expressions are tokens, so a `//` inside them is kept.
 * - Other languages: a small tokenizer that knows each language's strings (quotes,
 *   Python triple quotes, Java text blocks, C# verbatim strings, Go raw strings) and
 *   comments (`//` and `/* *\/` for Java, C#, Go, PHP; `#` for Python, shell, PHP,
 *   PowerShell, plus `<# #>`), blanking comments conservatively: a marker inside a
 *   string is never a comment, and `#` counts in shell only at the start of a word.
 * - YAML, `.env`, Dockerfile: `#` comments (at line start or after whitespace,
 *   outside quotes); `.properties`: lines starting with `#` or `!`; JSON: `//` and
 *   `/* *\/` (appsettings allows them).
 * - Everything: line endings normalized to LF, a BOM dropped, trailing whitespace
 *   and blank lines removed. Leading indentation is dropped where block comments
 *   exist (C-like languages, JSON, PowerShell) and kept elsewhere (significant in
 *   Python, YAML, shell heredocs); TS/JS is token-based.
 */
import { languageOfPath } from '../discover/classify.js';
import { ts } from 'ts-morph';
import type { ConfigFormat, Language } from '../facts/types.js';

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

export function unifyLineEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
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

// ---------------------------------------------------------------------------
// Other languages: blank comments out, keeping strings and line structure

export interface CommentSyntax {
  /** Line comment markers. */
  line: string[];
  /** Block comment delimiters. */
  block: Array<[string, string]>;
  /** Quote characters of ordinary strings (backslash escapes). */
  quotes: string[];
  /** `"""`/`'''` (Python) or `"""` (Java text blocks). */
  triple?: string[];
  /** Go raw strings: backquoted, no escapes. */
  rawBacktick?: boolean;
  /** C# verbatim strings `@"…"` with `""` as the escape. */
  verbatimAt?: boolean;
  /** `#` starts a comment only at the start of a word (shell). */
  hashAtWordStart?: boolean;
  /** `#[` is a PHP 8 attribute, not a comment. */
  hashBracketIsCode?: boolean;
  /** Comment markers count only at the start of the line (after indentation). */
  lineStartOnly?: boolean;
  /** Quotes matter only when they open a value (YAML/.env: `'` inside a word is text). */
  quotesAfterSpaceOnly?: boolean;
}

const C_LIKE: CommentSyntax = { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'"] };

export function commentSyntaxFor(lang: Language | undefined, format: ConfigFormat | undefined, path: string): CommentSyntax | undefined {
  switch (lang) {
    case 'java':
      return { ...C_LIKE, triple: ['"""'] };
    case 'csharp':
      return { ...C_LIKE, verbatimAt: true };
    case 'go':
      return { ...C_LIKE, rawBacktick: true };
    case 'php':
      return { line: ['//', '#'], block: [['/*', '*/']], quotes: ['"', "'"], hashBracketIsCode: true };
    case 'python':
      return { line: ['#'], block: [], quotes: ['"', "'"], triple: ['"""', "'''"] };
    case 'shell':
      return { line: ['#'], block: [], quotes: ['"', "'"], hashAtWordStart: true };
    case 'powershell':
      return { line: ['#'], block: [['<#', '#>']], quotes: ['"', "'"], hashAtWordStart: true };
    case 'typescript':
    case 'javascript':
      return { ...C_LIKE, quotes: ['"', "'", '`'] };
    default:
      break;
  }
  const lower = path.toLowerCase();
  switch (format) {
    case 'k8s':
    case 'helm-values':
    case 'compose':
    case 'github-workflow':
    case 'yaml':
    case 'dotenv':
    case 'dockerfile':
      return { line: ['#'], block: [], quotes: ['"', "'"], hashAtWordStart: true, quotesAfterSpaceOnly: true };
    case 'properties':
      return { line: ['#', '!'], block: [], quotes: [], lineStartOnly: true };
    case 'spring':
      return lower.endsWith('.properties')
        ? { line: ['#', '!'], block: [], quotes: [], lineStartOnly: true }
        : { line: ['#'], block: [], quotes: ['"', "'"], hashAtWordStart: true, quotesAfterSpaceOnly: true };
    case 'appsettings':
    case 'json':
      return { ...C_LIKE, quotes: ['"'] };
    default:
      break;
  }
  if (/\.(ya?ml|env)$/.test(lower) || lower.startsWith('.env') || lower.includes('/.env')) {
    return { line: ['#'], block: [], quotes: ['"', "'"], hashAtWordStart: true, quotesAfterSpaceOnly: true };
  }
  if (lower.endsWith('.properties')) return { line: ['#', '!'], block: [], quotes: [], lineStartOnly: true };
  return undefined;
}

/**
 * Replace every comment character with a space (newlines kept), leaving strings and
 * code untouched, so line numbers and columns survive (the limiter scan relies on it).
 */
export function blankComments(text: string, syntax: CommentSyntax): string {
  const out = text.split('');
  const n = text.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < n; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const atLineStart = (i: number): boolean => {
    for (let k = i - 1; k >= 0; k--) {
      const c = text[k];
      if (c === '\n') return true;
      if (c !== ' ' && c !== '\t') return false;
    }
    return true;
  };
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    // Strings first: a comment marker inside one is text.
    const triple = syntax.triple?.find((t) => text.startsWith(t, i));
    if (triple) {
      const end = text.indexOf(triple, i + triple.length);
      i = end < 0 ? n : end + triple.length;
      continue;
    }
    if (syntax.verbatimAt && c === '@' && text[i + 1] === '"') {
      let k = i + 2;
      while (k < n) {
        if (text[k] === '"') {
          if (text[k + 1] === '"') k += 2;
          else break;
        } else k++;
      }
      i = k + 1;
      continue;
    }
    if (syntax.rawBacktick && c === '`') {
      const end = text.indexOf('`', i + 1);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (syntax.quotes.includes(c) && (!syntax.quotesAfterSpaceOnly || i === 0 || /[\s:=,[{(-]/.test(text[i - 1]!))) {
      let k = i + 1;
      // Backslash escapes, except YAML/.env single quotes; a line end closes an unterminated
      // ordinary string (apostrophes in prose must not swallow the file).
      const escapes = !(syntax.quotesAfterSpaceOnly && c === "'");
      while (k < n && text[k] !== c) {
        if (text[k] === '\n' && c !== '`') break;
        if (escapes && text[k] === '\\') k++;
        k++;
      }
      i = k + 1;
      continue;
    }
    const block = syntax.block.find(([open]) => text.startsWith(open, i));
    if (block && (!syntax.lineStartOnly || atLineStart(i))) {
      const end = text.indexOf(block[1], i + block[0].length);
      const stop = end < 0 ? n : end + block[1].length;
      blank(i, stop);
      i = stop;
      continue;
    }
    const line = syntax.line.find((m) => text.startsWith(m, i));
    if (line) {
      const isHash = line === '#';
      const skip =
        (syntax.lineStartOnly && !atLineStart(i)) ||
        (isHash && syntax.hashBracketIsCode && text[i + 1] === '[') ||
        (isHash && syntax.hashAtWordStart && i > 0 && !/\s/.test(text[i - 1]!));
      if (!skip) {
        let end = text.indexOf('\n', i);
        if (end < 0) end = n;
        blank(i, end);
        i = end;
        continue;
      }
    }
    i++;
  }
  return out.join('');
}
