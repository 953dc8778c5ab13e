/** Reading functions and classes: what a function returns, `this.x = …` in a class, `Buffer.from(…)`. */
import { ts } from 'ts-morph';
import { unwrap } from './values.js';

const K = ts.SyntaxKind;

export function isBufferFrom(e: ts.CallExpression): boolean {
  const c = unwrap(e.expression);
  return (
    ts.isPropertyAccessExpression(c) &&
    c.name.text === 'from' &&
    ts.isIdentifier(c.expression) &&
    c.expression.text === 'Buffer' &&
    e.arguments.length >= 1
  );
}

/** Functions whose return value the resolver follows. */
const FUNCTION_KINDS = new Set<ts.SyntaxKind>([K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.GetAccessor]);

export function isFunctionNode(n: ts.Node): n is ts.FunctionLikeDeclaration {
  return FUNCTION_KINDS.has(n.kind);
}

const returnsCache = new WeakMap<ts.Node, ts.Expression[]>();

/** The expressions a function returns (not those of nested functions). Cached per function. */
export function returnExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const cached = returnsCache.get(fn);
  if (cached) return cached;
  const out: ts.Expression[] = [];
  const body = fn.body;
  if (body && !ts.isBlock(body)) out.push(body);
  else if (body) {
    const visit = (n: ts.Node): void => {
      if (n.kind === K.ReturnStatement) {
        const e = (n as ts.ReturnStatement).expression;
        if (e) out.push(e);
        return;
      }
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      ts.forEachChild(n, visit);
    };
    ts.forEachChild(body, visit);
  }
  returnsCache.set(fn, out);
  return out;
}

const thisAssignCache = new WeakMap<ts.Node, Map<string, ts.Expression>>();

/** `this.name = expr` inside a class (constructor assignments win). Indexed once per class. */
export function findThisAssignment(cls: ts.ClassLikeDeclaration, name: string): ts.Expression | undefined {
  let index = thisAssignCache.get(cls);
  if (!index) {
    const idx = new Map<string, ts.Expression>();
    const visit = (n: ts.Node): void => {
      if (
        n.kind === K.BinaryExpression &&
        (n as ts.BinaryExpression).operatorToken.kind === K.EqualsToken &&
        ts.isPropertyAccessExpression((n as ts.BinaryExpression).left)
      ) {
        const left = (n as ts.BinaryExpression).left as ts.PropertyAccessExpression;
        if (left.expression.kind === K.ThisKeyword && !idx.has(left.name.text)) idx.set(left.name.text, (n as ts.BinaryExpression).right);
      }
      if (ts.isClassLike(n) && n !== cls) return;
      ts.forEachChild(n, visit);
    };
    const ctor = cls.members.find(ts.isConstructorDeclaration);
    if (ctor) visit(ctor);
    ts.forEachChild(cls, visit);
    index = idx;
    thisAssignCache.set(cls, index);
  }
  return index.get(name);
}
