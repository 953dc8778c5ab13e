/**
 * What the TypeScript resolver's values are: a string (with provenance), an env/config
 * read, a node (object literal, function, class…), a module namespace, a binding into
 * an external package, an unbound global, an instance of an external class; and the
 * small readers every part of the collector shares (`unwrap`, `propName`, `exprText`).
 */
import { ts } from 'ts-morph';
import type { Location, ResolutionStep } from '../../facts/types.js';
import { uniq, type StrVal } from '../resolution.js';
import type { FileModel } from './model.js';

export const MAX_DEPTH = 8;

export type { StrVal };
/** A value read from the environment or a config service, with no literal default. */
export interface EnvVal {
  t: 'env';
  key: string;
  step: 'env' | 'config';
  keys: string[];
  via: ResolutionStep[];
}
export interface NodeVal {
  t: 'node';
  node: ts.Node;
  file: FileModel;
  via: ResolutionStep[];
  keys: string[];
  def?: Location;
}
export interface NsVal {
  t: 'ns';
  file: FileModel;
  via: ResolutionStep[];
}
/** A binding into an external package (`axios`, `node:https` → spec `https`, `undici`.request …). */
export interface ExtVal {
  t: 'ext';
  spec: string;
  path: string[];
}
/** An unbound global (`fetch`, `axios` from a script tag, `URL`, `Buffer`) and members of it. */
export interface GlobalVal {
  t: 'global';
  name: string;
  path: string[];
}
/** An instance of an external class known only by its type (constructor injection). */
export interface InstVal {
  t: 'inst';
  spec: string;
  cls: string;
  path: string[];
}
export interface EnvObjVal {
  t: 'envobj';
}
export type Val = StrVal | EnvVal | NodeVal | NsVal | ExtVal | GlobalVal | InstVal | EnvObjVal;

export function normSpec(spec: string): string {
  return spec.startsWith('node:') ? spec.slice(5) : spec;
}


const K = ts.SyntaxKind;
const WRAPPER_KINDS = new Set<ts.SyntaxKind>([
  K.ParenthesizedExpression, K.AsExpression, K.NonNullExpression, K.TypeAssertionExpression, K.SatisfiesExpression,
  K.AwaitExpression,
]);

/** Strip parentheses, type assertions, `!` and `await`. */
export function unwrap(e: ts.Expression): ts.Expression {
  while (WRAPPER_KINDS.has(e.kind)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

/** Name of a property (identifier, string/numeric literal, computed literal). */
export function propName(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const e = unwrap(name.expression);
    if (ts.isStringLiteralLike(e)) return e.text;
  }
  return undefined;
}

export function exprText(file: FileModel, e: ts.Node, max = 60): string {
  let t = e.getText(file.sf).replace(/\s+/g, ' ').trim();
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return t;
}

export function withStep(v: Val | undefined, step: ResolutionStep, def?: Location, name?: string): Val | undefined {
  if (!v) return undefined;
  if (v.t === 'str') {
    return { ...v, via: uniq<ResolutionStep>([step, ...v.via]), def: v.def ?? def, names: name ? [...v.names, name] : v.names };
  }
  if (v.t === 'node') return { ...v, via: uniq<ResolutionStep>([step, ...v.via]), def: v.def ?? def };
  if (v.t === 'env') return { ...v, via: uniq<ResolutionStep>([step, ...v.via]) };
  if (v.t === 'ns') return { ...v, via: uniq<ResolutionStep>([step, ...v.via]) };
  return v;
}

export function setDef(v: Val | undefined, def: Location, name?: string): Val | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return { ...v, def: v.def ?? def, names: name ? [...v.names, name] : v.names };
  if (v.t === 'node') return { ...v, def: v.def ?? def };
  return v;
}
