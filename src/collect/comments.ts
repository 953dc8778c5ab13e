/**
 * The comment lexer every collector and the fingerprint share: for each language or
 * config format, which markers open comments and which open strings, and one pass that
 * finds the comments and strings of a file.
 *
 * It knows each language's strings (quotes, Python triple quotes, Java text blocks, C#
 * verbatim strings, Go raw strings) and comments (`//` and `/* *\/` for Java, C#, Go,
 * PHP, TS/JS; `#` for Python, shell, PHP, PowerShell, plus `<# #>`; `#` in YAML, `.env`,
 * Dockerfile; `#`/`!` at line start in `.properties`; `//` and `/* *\/` in JSON, as
 * appsettings allows them), and is conservative: a marker inside a string is never a
 * comment, and `#` counts in shell only at the start of a word.
 *
 * Users: `blankComments` (the limiter scan, the integration fingerprint) and the inline
 * suppression collector (a directive inside a string literal is not a directive).
 */
import type { ConfigFormat, Language } from '../facts/types.js';

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
const HASH_CONFIG: CommentSyntax = { line: ['#'], block: [], quotes: ['"', "'"], hashAtWordStart: true, quotesAfterSpaceOnly: true };
const PROPERTIES: CommentSyntax = { line: ['#', '!'], block: [], quotes: [], lineStartOnly: true };

/** The comment syntax of a file, by language (source), else config format, else path; undefined when unknown. */
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
      return { ...HASH_CONFIG };
    case 'properties':
      return { ...PROPERTIES };
    case 'spring':
      return lower.endsWith('.properties') ? { ...PROPERTIES } : { ...HASH_CONFIG };
    case 'appsettings':
    case 'json':
      return { ...C_LIKE, quotes: ['"'] };
    default:
      break;
  }
  if (/\.(ya?ml|env)$/.test(lower) || lower.startsWith('.env') || lower.includes('/.env')) return { ...HASH_CONFIG };
  if (lower.endsWith('.properties')) return { ...PROPERTIES };
  return undefined;
}

/** A comment or a string literal: `[start, end)` offsets in the text. */
export interface Span {
  kind: 'comment' | 'string';
  start: number;
  end: number;
}

/**
 * The comments and strings of `text`, in order. Strings are matched first, so a comment
 * marker inside one is text; an unterminated string or block comment runs to the end
 * (an ordinary string stops at the line end, so an apostrophe in prose cannot swallow
 * the file).
 */
export function* lexSpans(text: string, syntax: CommentSyntax): Generator<Span> {
  const n = text.length;
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
    const triple = syntax.triple?.find((t) => text.startsWith(t, i));
    if (triple) {
      const end = text.indexOf(triple, i + triple.length);
      const stop = end < 0 ? n : end + triple.length;
      yield { kind: 'string', start: i, end: stop };
      i = stop;
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
      yield { kind: 'string', start: i, end: Math.min(n, k + 1) };
      i = k + 1;
      continue;
    }
    if (syntax.rawBacktick && c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? n : end + 1;
      yield { kind: 'string', start: i, end: stop };
      i = stop;
      continue;
    }
    if (syntax.quotes.includes(c) && (!syntax.quotesAfterSpaceOnly || i === 0 || /[\s:=,[{(-]/.test(text[i - 1]!))) {
      let k = i + 1;
      // Backslash escapes, except YAML/.env single quotes; a line end closes an unterminated
      // ordinary string.
      const escapes = !(syntax.quotesAfterSpaceOnly && c === "'");
      while (k < n && text[k] !== c) {
        if (text[k] === '\n' && c !== '`') break;
        if (escapes && text[k] === '\\') k++;
        k++;
      }
      yield { kind: 'string', start: i, end: Math.min(n, k + 1) };
      i = k + 1;
      continue;
    }
    const block = syntax.block.find(([open]) => text.startsWith(open, i));
    if (block && (!syntax.lineStartOnly || atLineStart(i))) {
      const end = text.indexOf(block[1], i + block[0].length);
      const stop = end < 0 ? n : end + block[1].length;
      yield { kind: 'comment', start: i, end: stop };
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
        yield { kind: 'comment', start: i, end };
        i = end;
        continue;
      }
    }
    i++;
  }
}

/**
 * Replace every comment character with a space (newlines kept), leaving strings and
 * code untouched, so line numbers and columns survive (the limiter scan relies on it).
 */
export function blankComments(text: string, syntax: CommentSyntax): string {
  let out = '';
  let last = 0;
  for (const s of lexSpans(text, syntax)) {
    if (s.kind !== 'comment') continue;
    out += text.slice(last, s.start) + text.slice(s.start, s.end).replace(/[^\n]/g, ' ');
    last = s.end;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Whether `offset` lies inside a string literal of `text` (per `syntax`). */
export function inStringLiteral(text: string, syntax: CommentSyntax, offset: number): boolean {
  for (const s of lexSpans(text, syntax)) {
    if (s.start > offset) return false;
    if (s.kind === 'string' && offset < s.end) return true;
  }
  return false;
}
