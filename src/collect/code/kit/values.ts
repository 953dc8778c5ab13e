/**
 * Value resolution helpers shared by the languages' `evaluate`: literals, defaults
 * (`a ?? b`, `a or b`, `orElse`), templates and joins, environment reads, a class's own
 * members, and same-file getters. Each takes the `ValueResolver` the framework hands
 * to `evaluate`.
 */
import type { Location, ResolutionStep } from '../../../facts/types.js';
import type { ResolvedConfig } from '../../config/values.js';
import { asDefault, litPart } from '../../resolution.js';
import { lit } from '../resolve.js';
import { enclosing } from './names.js';
import type { Node, Part, StrVal, Val, ValueResolver } from '../types.js';

/** A literal's value as a `Val` (undefined when the literal could not be read). */
export function literal(s: string | undefined): StrVal | undefined {
  return s === undefined ? undefined : lit(s);
}

/** The string of a node, if it resolves to one. */
export function strOf(r: ValueResolver, n: Node | null | undefined): string | undefined {
  return n ? r.str(n)?.s : undefined;
}

/** An environment variable named by `key` (a string expression), with `def` as its default. */
export function envOf(r: ValueResolver, key: Node | null | undefined, def?: StrVal): Val | undefined {
  const k = strOf(r, key);
  return k ? r.env(k, def) : undefined;
}

/**
 * `a ?? b` (and `a or b`, `orElse`, `cmp.Or`): a's string; else, when a is a config/env
 * read with no value in the repository, b as its default; else b's string.
 * `emptyIsMissing`: an empty string counts as no value (Go's zero value).
 */
export function orElse(r: ValueResolver, a: Node, b: Node, emptyIsMissing = false): Val | undefined {
  const left = r.resolve(a);
  if (left?.t === 'str' && !(emptyIsMissing && left.s === '')) return left;
  const def = r.str(b);
  if (left?.t === 'ref') return def ? asDefault(left.keys, def) : left;
  return def ?? left;
}

/** A binary expression's operator and operands (`left`/`operator`/`right` fields). */
export function binary(node: Node): { op: string | undefined; left: Node | null; right: Node | null } {
  return { op: node.childForFieldName('operator')?.text, left: node.childForFieldName('left'), right: node.childForFieldName('right') };
}

/** `a + b` on strings. */
export function concat(r: ValueResolver, a: Node | null, b: Node | null): StrVal | undefined {
  return r.concat([r.part(a), r.part(b)]);
}

/** `c ? a : b`: a when it is a string, else b (else a, whatever it is). */
export function eitherBranch(r: ValueResolver, a: Node | null | undefined, b: Node | null | undefined): Val | undefined {
  const va = r.resolve(a);
  if (va?.t === 'str') return va;
  return r.resolve(b) ?? va;
}

/** Literal text and expressions in a row (an interpolated string): a literal when there are no expressions. */
export function template(r: ValueResolver, pieces: ReadonlyArray<string | Node>): StrVal {
  if (pieces.every((p) => typeof p === 'string')) return lit(pieces.join(''));
  return r.join(
    pieces.map((p) => (typeof p === 'string' ? litPart(p) : r.part(p))),
    'template',
  );
}

/** `sep.join([a, b])`, `implode(sep, [a, b])`: the items with `sep` between them. */
export function joinWith(r: ValueResolver, sep: string, items: readonly Node[]): StrVal | undefined {
  const parts: Part[] = [];
  items.forEach((it, i) => {
    if (i > 0) parts.push(litPart(sep));
    parts.push(r.part(it));
  });
  return r.concat(parts);
}

/** A property or constant of the class around `at` (`$this->url`, `self.url`, `self::URL`). */
export function ownMember(r: ValueResolver, name: string, at: Node): Val | undefined {
  const syntax = r.fa.syntax;
  const cls = enclosing(at, syntax.classTypes);
  if (!cls) return undefined;
  const d = r.fa.decls.inClass(syntax.className(cls), name);
  return d ? r.declaration(d) : undefined;
}

/** Where a language's functions differ when read as getters. */
export interface GetterShape {
  /** The only function node type that can be a getter (default: any `@function`). */
  type?: string;
  /** How many parameters count (default: the named children of the `parameters` field). */
  paramCount?(fn: Node): number;
  /** A body that is an expression (`=> expr`): its node type. */
  expressionBody?: string;
  /** The statements of a body (default: its named children). */
  statements?(body: Node): ReadonlyArray<Node | null>;
  /** The value of a `return_statement` (default: its first named child). */
  returned?(ret: Node): Node | null | undefined;
}

/** The expression a same-file function named `name` with no parameters returns (its first `return`). */
export function returnedExpression(r: ValueResolver, name: string, shape: GetterShape = {}): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (shape.type !== undefined && fn.type !== shape.type) continue;
    if (fn.childForFieldName('name')?.text !== name) continue;
    const params = shape.paramCount ? shape.paramCount(fn) : (fn.childForFieldName('parameters')?.namedChildCount ?? 0);
    if (params > 0) continue;
    const body = fn.childForFieldName('body');
    if (!body) continue;
    if (shape.expressionBody !== undefined && body.type === shape.expressionBody) return body.namedChild(0) ?? undefined;
    for (const st of shape.statements ? shape.statements(body) : body.namedChildren) {
      if (st?.type === 'return_statement') return (shape.returned ? shape.returned(st) : st.namedChild(0)) ?? undefined;
    }
  }
  return undefined;
}

/** A same-file getter called with no arguments: the value of what it returns. */
export function getterValue(r: ValueResolver, name: string, shape?: GetterShape): Val | undefined {
  const ret = returnedExpression(r, name, shape);
  return ret ? r.resolve(ret) : undefined;
}

/**
 * A config value read with its env placeholders followed (`ConfigIndex.withEnv`): its
 * string and where it is written, or a reference when all that is left is an
 * unresolved `${NAME}`.
 */
export function configHit(hit: ResolvedConfig): Val {
  if (!hit.complete && /^\$\{[^}]*\}$/.test(hit.value)) return { t: 'ref', keys: hit.keys, via: hit.via };
  const def: Location = { file: hit.at.file, line: hit.at.line };
  if (hit.at.column !== undefined) def.column = hit.at.column;
  return { t: 'str', s: hit.value, via: hit.via, keys: hit.keys, def, lit: false, complete: hit.complete, names: [] };
}

/** A key read at run time that the repository does not set: `def` as its default, else a reference to it. */
export function defaultOrRef(key: string, def: StrVal | undefined, via: ResolutionStep = 'config'): Val {
  return def ? asDefault([key], def) : { t: 'ref', keys: [key], via: [via] };
}
