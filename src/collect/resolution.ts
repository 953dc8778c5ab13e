/**
 * The value every collector's resolver produces for a string expression (a URL, a
 * SOAP namespace, a config key…), and how parts of one are joined. Shared by the
 * TypeScript and tree-sitter collectors so both report provenance the same way.
 */
import type { Location, ResolutionStep } from '../facts/types.js';
import type { Node } from './code/runtime.js';

/** A string (with its provenance) an expression resolves to. */
export interface StrVal {
  t: 'str';
  s: string;
  via: ResolutionStep[];
  keys: string[];
  def?: Location;
  /** Every part came from a literal (no config/env, no unresolved part). */
  lit: boolean;
  /** No `${…}` placeholder left. */
  complete: boolean;
  /** Names of the constants / properties the value passed through (innermost last). */
  names: string[];
}

/** A config/env key read at run time whose value is not in the repository. */
export interface RefVal {
  t: 'ref';
  keys: string[];
  via: ResolutionStep[];
}

/** An expression that is not a string (an object creation, a lambda…), after following names. */
export interface NodeVal {
  t: 'node';
  node: Node;
  via: ResolutionStep[];
  def?: Location;
}

export type Val = StrVal | RefVal | NodeVal;

/** One piece of a concatenation, template or format string. */
export interface Part {
  s: string;
  via: ResolutionStep[];
  keys: string[];
  lit: boolean;
  complete: boolean;
  def?: Location;
  names: string[];
}

export function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Join parts into one string; `step` says how (concatenation, template, format…). */
export function joinParts(parts: readonly Part[], step: ResolutionStep): StrVal {
  const via: ResolutionStep[] = [step];
  const keys: string[] = [];
  const names: string[] = [];
  let s = '';
  let lit = true;
  let complete = true;
  let def: Location | undefined;
  for (const p of parts) {
    // Where the first part that came from elsewhere was written (the base URL, usually).
    def ??= p.def;
    s += p.s;
    via.push(...p.via);
    keys.push(...p.keys);
    names.push(...p.names);
    lit &&= p.lit;
    complete &&= p.complete;
  }
  const out: StrVal = { t: 'str', s, via: uniq(via), keys: uniq(keys), lit, complete, names };
  if (def) out.def = def;
  return out;
}

/** A URL with a scheme and an authority (`https://…`): a path that is one replaces its base. */
export const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A base URL and a path joined with exactly one `/` between them (an empty path leaves the base as is). */
export function joinUrl(base: string, path: string): string {
  return path === '' ? base : `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A literal piece of a string being built (no provenance). */
export function litPart(s: string): Part {
  return { s, via: [], keys: [], lit: true, complete: true, names: [] };
}

/**
 * `def` used as the default of a config/env read whose value is not in the repository
 * (`a ?? 'x'`, `getenv('A', 'x')`): the default's string, marked `env-default`, with
 * the keys of the read.
 */
export function asDefault(keys: readonly string[], def: StrVal): StrVal {
  return { ...def, via: uniq<ResolutionStep>(['env-default', ...def.via.filter((s) => s !== 'literal')]), keys: uniq([...keys, ...def.keys]), lit: false };
}
