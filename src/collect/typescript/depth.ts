/**
 * Parsing hostile shapes without losing the file: TypeScript's parser and every walk over
 * its tree recurse, so ~800 nested parentheses, or the long `+`, `.then()` and `else if`
 * chains code generators write, overflow the stack and the whole file's facts were lost.
 *
 * `parseBounded` keeps the rest of the file instead:
 *
 * 1. brackets nested deeper than `BRACKET_LIMIT` are emptied in the text (a linear pass
 *    with TypeScript's own scanner, iterative);
 * 2. if the parser still overflows (chains without brackets: `a ? b : a ? b : …`,
 *    `!!!!…`, huge `else if` ladders), each top-level stretch of lines that overflows on
 *    its own is blanked;
 * 3. in the tree, every node deeper than `AST_LIMIT` (an iterative walk) is blanked and
 *    the text parsed again, so no later walk, recursive or not, meets a deep tree.
 *
 * Blanking keeps every line break (and so every line number) and the text's length, and
 * each blanked region is reported (`not-analysed`): what was in it was not analysed.
 */
import { ts } from 'ts-morph';
import { lineIndex } from '../lines.js';

/** Deepest bracket nesting kept as written: real code stays far below it. */
export const BRACKET_LIMIT = 100;
/** Deepest syntax-tree node kept: recursive walks over the tree stay well inside the stack. */
export const AST_LIMIT = 400;

/** A stretch of the text that was blanked, 1-based lines. */
export interface BlankedRegion {
  line: number;
  endLine: number;
  why: string;
}

export interface BoundedParse {
  sf: ts.SourceFile;
  /** The text `sf` holds: the input with the blanked regions replaced (same length, same lines). */
  text: string;
  blanked: BlankedRegion[];
}

type Create = (text: string) => ts.SourceFile;

/** Parse `text`, blanking what is too deep to parse or walk. Throws only if even the blanked text cannot be parsed. */
export function parseBounded(text: string, create: Create): BoundedParse {
  const blanked: BlankedRegion[] = [];
  let current = text;
  const brackets = flattenBrackets(current, BRACKET_LIMIT);
  if (brackets.regions.length > 0) {
    current = brackets.text;
    blanked.push(...brackets.regions.map((r) => ({ ...r, why: `brackets nested deeper than ${BRACKET_LIMIT} levels` })));
  }
  let sf: ts.SourceFile;
  try {
    sf = create(current);
  } catch (err) {
    if (!isStackOverflow(err)) throw err;
    const seg = blankOverflowingSegments(current, create);
    current = seg.text;
    blanked.push(...seg.regions.map((r) => ({ ...r, why: 'expression or statement chain too deep to parse' })));
    sf = create(current);
  }
  const deep = deepNodes(sf, AST_LIMIT);
  if (deep.length > 0) {
    const out = blankNodes(current, sf, deep);
    blanked.push(...out.regions.map((r) => ({ ...r, why: `syntax nested deeper than ${AST_LIMIT} levels` })));
    current = out.text;
    sf = create(current);
  }
  return { sf, text: current, blanked: mergeRegions(blanked) };
}

export function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

/** `text` with [start, end) replaced by `fill` then spaces, line breaks kept. */
function blankRange(chars: string[], start: number, end: number, fill = ''): void {
  let f = 0;
  for (let i = start; i < end; i++) {
    const c = chars[i];
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') continue;
    chars[i] = f < fill.length ? fill[f++]! : ' ';
  }
}

/** 1-based line of each offset. */
function lineTable(text: string): (pos: number) => number {
  const at = lineIndex(text);
  return (pos) => at(pos).line;
}

const OPEN = new Set([ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.OpenBraceToken]);
const CLOSE = new Set([ts.SyntaxKind.CloseParenToken, ts.SyntaxKind.CloseBracketToken, ts.SyntaxKind.CloseBraceToken]);
/** Tokens after which `/` divides (else it starts a regular expression). */
const VALUE_END = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

/**
 * Empty every bracket group that opens deeper than `limit`: the group's brackets and
 * everything between them become spaces (an emptied group leaves `()`, `[]` or `{}` one
 * level up). One pass of TypeScript's scanner: strings, comments, templates and regular
 * expressions are skipped as tokens.
 */
export function flattenBrackets(text: string, limit: number): { text: string; regions: Array<Omit<BlankedRegion, 'why'>> } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  // Per open group: is it a template's `${`?
  const stack: boolean[] = [];
  const ranges: Array<[number, number]> = [];
  let deepStart = -1;
  let prev: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) {
      if (!VALUE_END.has(prev)) kind = scanner.reScanSlashToken();
    }
    if (kind === ts.SyntaxKind.CloseBraceToken && stack[stack.length - 1] === true) {
      kind = scanner.reScanTemplateToken(false);
    }
    if (OPEN.has(kind) || kind === ts.SyntaxKind.TemplateHead) {
      stack.push(kind === ts.SyntaxKind.TemplateHead);
      if (stack.length === limit + 1 && deepStart < 0) deepStart = scanner.getTokenStart();
    } else if (CLOSE.has(kind) || kind === ts.SyntaxKind.TemplateTail) {
      if (stack.length === limit + 1 && deepStart >= 0) {
        ranges.push([deepStart, scanner.getTokenEnd()]);
        deepStart = -1;
      }
      stack.pop();
    }
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia) prev = kind;
  }
  if (deepStart >= 0) ranges.push([deepStart, text.length]);
  if (ranges.length === 0) return { text, regions: [] };
  const chars = text.split('');
  const lineOf = lineTable(text);
  for (const [s, e] of ranges) blankRange(chars, s, e);
  return { text: chars.join(''), regions: ranges.map(([s, e]) => ({ line: lineOf(s), endLine: lineOf(Math.max(s, e - 1)) })) };
}

/**
 * Lines grouped into top-level stretches (a new stretch starts on a line that begins at
 * bracket depth 0); each stretch that overflows the parser on its own is blanked.
 */
function blankOverflowingSegments(text: string, create: Create): { text: string; regions: Array<Omit<BlankedRegion, 'why'>> } {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const starts: number[] = [0];
  let depth = 0;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.NewLineTrivia && depth === 0) starts.push(scanner.getTokenEnd());
    else if (OPEN.has(kind)) depth++;
    else if (CLOSE.has(kind)) depth = Math.max(0, depth - 1);
  }
  starts.push(text.length);
  const chars = text.split('');
  const lineOf = lineTable(text);
  const regions: Array<Omit<BlankedRegion, 'why'>> = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    const s = starts[i]!;
    const e = starts[i + 1]!;
    if (e <= s) continue;
    try {
      create(text.slice(s, e));
    } catch (err) {
      if (!isStackOverflow(err)) throw err;
      blankRange(chars, s, e);
      regions.push({ line: lineOf(s), endLine: lineOf(Math.max(s, e - 1)) });
    }
  }
  return { text: chars.join(''), regions };
}

/** Nodes at exactly depth `limit` (the root is depth 0) that have children, found without recursion. */
function deepNodes(sf: ts.SourceFile, limit: number): ts.Node[] {
  const out: ts.Node[] = [];
  const stack: Array<[ts.Node, number]> = [[sf, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth === limit) {
      let hasChild = false;
      ts.forEachChild(node, () => {
        hasChild = true;
        return true;
      });
      if (hasChild) out.push(node);
      continue;
    }
    ts.forEachChild(node, (child) => {
      stack.push([child, depth + 1]);
    });
  }
  return out;
}

function isStatementLike(node: ts.Node): boolean {
  const p = node.parent;
  return !p || ts.isSourceFile(p) || ts.isBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p) || ts.isModuleBlock(p) ||
    (ts.isIfStatement(p) && node !== p.expression) || (ts.isIterationStatement(p, false) && node === p.statement);
}

/** Blank each node's text: a statement becomes `;`, anything else `0` (an expression the parser accepts). */
function blankNodes(text: string, sf: ts.SourceFile, nodes: readonly ts.Node[]): { text: string; regions: Array<Omit<BlankedRegion, 'why'>> } {
  const chars = text.split('');
  const regions: Array<Omit<BlankedRegion, 'why'>> = [];
  for (const n of nodes) {
    const start = n.getStart(sf);
    blankRange(chars, start, n.end, isStatementLike(n) ? ';' : '0');
    regions.push({ line: sf.getLineAndCharacterOfPosition(start).line + 1, endLine: sf.getLineAndCharacterOfPosition(Math.max(start, n.end - 1)).line + 1 });
  }
  return { text: chars.join(''), regions };
}

/** Overlapping or touching regions with the same reason, merged; sorted by line. */
function mergeRegions(regions: BlankedRegion[]): BlankedRegion[] {
  const sorted = [...regions].sort((a, b) => a.line - b.line || a.endLine - b.endLine);
  const out: BlankedRegion[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.why === r.why && r.line <= last.endLine + 1) last.endLine = Math.max(last.endLine, r.endLine);
    else out.push({ ...r });
  }
  return out;
}
