/** Small syntactic helpers shared by the TypeScript collector's passes. */
import { ts } from 'ts-morph';
import { unwrap } from './values.js';

/**
 * The name of a called expression as written, normalised: `this.` dropped, call
 * parentheses and `?.` removed, element access with a literal turned into `.name`:
 * `this.audit.write` → `audit.write`, `logger.child({}).info` → `logger.child.info`.
 * Empty when the callee has no name (an IIFE, `(0, f)()`).
 */
const K = ts.SyntaxKind;

export function callName(expr: ts.Expression): string {
  const e = unwrap(expr);
  if (e.kind === K.Identifier) return (e as ts.Identifier).text;
  if (ts.isPrivateIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return '';
  if (e.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  if (ts.isPropertyAccessExpression(e)) {
    const left = callName(e.expression);
    return left ? `${left}.${e.name.text}` : e.name.text;
  }
  if (ts.isElementAccessExpression(e)) {
    const a = unwrap(e.argumentExpression);
    const left = callName(e.expression);
    const right = ts.isStringLiteralLike(a) ? a.text : '[]';
    return left ? `${left}.${right}` : right;
  }
  if (ts.isCallExpression(e)) return callName(e.expression);
  if (ts.isNewExpression(e)) return callName(e.expression);
  return '';
}

export function lastSegment(name: string): string {
  const i = name.lastIndexOf('.');
  return i >= 0 ? name.slice(i + 1) : name;
}

export function skipParensUp(n: ts.Node): ts.Node {
  let p = n.parent;
  while (p && ts.isParenthesizedExpression(p)) p = p.parent;
  return p;
}

/** The call (or `new`) an argument node is passed to, if it is an argument. */
export function callOfArgument(n: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  let child: ts.Node = n;
  let p = n.parent;
  while (p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p))) {
    child = p;
    p = p.parent;
  }
  if (p && (ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.some((a) => a === child)) return p;
  return undefined;
}

/** Function-likes that can bound a call's context (constructors and setters too). */
const BOUNDARY_KINDS = new Set<ts.SyntaxKind>([
  K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor,
]);

export function isFunctionLikeBoundaryCandidate(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return BOUNDARY_KINDS.has(n.kind);
}

/** Source text of a node with whitespace collapsed. */
export function flatText(sf: ts.SourceFile, n: ts.Node): string {
  return n.getText(sf).replace(/\s+/g, ' ').trim();
}
