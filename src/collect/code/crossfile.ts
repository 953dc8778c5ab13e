/**
 * Values and functions of *another* file, for the tree-sitter languages: constants
 * (`DanCuConstants.URL`, a Java `import static`, a Python `from x import NAME`, a Go
 * package constant), object properties written elsewhere and read back as `x.Prop`
 * (`new GetCSDLDanCuQuery { Url = … }` in a controller, `request.Url` in a MediatR
 * handler: keyed by the declared type), and the calls a helper function makes (an
 * audit helper in another file).
 *
 * A first cheap pass indexes, by text alone, the names each file declares; a lookup
 * then parses the few candidate files on demand with the language's own parser and
 * query, reads the declaration with that file's resolver (so config keys, constants and
 * concatenation resolve there too) and keeps only strings and references: no node of
 * another tree outlives its parse. Bounded (nested lookups ≤ 3, candidates per lookup
 * ≤ 8, parses per scan ≤ 400), cached, cycle-safe, never throws.
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { ResolutionStep } from '../../facts/types.js';
import type { CollectContext } from '../types.js';
import { uniq } from '../resolution.js';
import type { FileAnalysis } from './analysis.js';
import { readSource } from './kit/files.js';
import { escapeRe } from './kit/strings.js';
import type { Node, Parser } from './runtime.js';
import type { CrossFileLookup, RefVal, StrVal, Val } from './types.js';

/** How a language declares things, for the text index (a superset is fine: candidates are checked by parsing). */
export interface CrossFileShapes {
  /** Names of constants/fields a file declares (the first capture group that matched), a `g` regex. */
  constants: RegExp;
  /** Whether a file declares the type/module/package `qualifier` (class, interface, enum, struct, package…). */
  declaresQualifier(text: string, path: string, qualifier: string): boolean;
  /** The unqualified `name` used in `text` comes from elsewhere: the qualifier to look it up under ('' = any/same package). */
  importedName?(text: string, path: string, name: string): string | undefined;
  /** Files a same-package/module name may come from (Go: the same directory). */
  samePackage?(from: string, candidate: string): boolean;
  /** Names of functions/methods a file defines (capture group 1), a `g` regex; keywords (`if (…) {`) are left out by the reader. */
  functions: RegExp;
}

export type CrossVal = StrVal | RefVal;

const MAX_NESTING = 3;
const KEYWORDS = new Set(['if', 'for', 'foreach', 'while', 'switch', 'catch', 'using', 'lock', 'synchronized', 'fixed', 'return', 'new', 'else', 'try', 'do', 'when', 'with', 'function', 'elif', 'except']);
const MAX_CANDIDATES = 8;
const MAX_PARSES = 400;
/** Files read for a property lookup: the nearest by path (see `neighbourhood`). */
const NEIGHBOURHOOD = 400;

function keep(v: Val | undefined): CrossVal | undefined {
  if (!v) return undefined;
  if (v.t === 'str') return { ...v, via: uniq<ResolutionStep>(['import', ...v.via]) };
  if (v.t === 'ref') return { ...v, via: uniq<ResolutionStep>(['import', ...v.via]) };
  return undefined;
}

function stem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.[^.]+$/, '');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Which files declare each constant/field name, and define each function name: numbers
 * into `paths`, each path held once. The index is copied to every worker of a scan, and
 * a path per mention made it the largest thing a worker held (36 MB serialised for 10,000
 * Java files; numbers: a tenth of that).
 */
export interface CrossIndex {
  paths: string[];
  constants: Map<string, number[]>;
  functions: Map<string, number[]>;
}

/**
 * The cheap first pass: by text alone, the names each of `files` declares. The pipeline
 * runs it once over the repository (the tree-sitter collector's `prepare`), so a chunk
 * finds a constant declared in a file of another chunk; maps survive `structuredClone`.
 */
export function buildCrossIndex(shapes: CrossFileShapes | undefined, files: readonly DiscoveredFile[], read: (path: string) => string | undefined): CrossIndex {
  const index: CrossIndex = { paths: [], constants: new Map(), functions: new Map() };
  if (!shapes) return index;
  const add = (m: Map<string, number[]>, name: string, file: number) => {
    const list = m.get(name);
    if (!list) m.set(name, [file]);
    else if (list[list.length - 1] !== file) list.push(file);
  };
  for (const f of files) {
    const text = read(f.path);
    if (!text || text.length > 2_000_000) continue;
    const file = index.paths.length;
    let named = false;
    for (const m of text.matchAll(shapes.constants)) {
      const n = m.slice(1).find(Boolean);
      if (n) {
        add(index.constants, n, file);
        named = true;
      }
    }
    for (const m of text.matchAll(shapes.functions)) {
      const n = m[1];
      if (n && !KEYWORDS.has(n)) {
        add(index.functions, n, file);
        named = true;
      }
    }
    if (named) index.paths.push(f.path);
  }
  return index;
}

export class CrossFile implements CrossFileLookup {
  private index?: CrossIndex;
  private readonly constMemo = new Map<string, CrossVal | null>();
  private readonly propMemo = new Map<string, CrossVal | null>();
  private readonly fnMemo = new Map<string, string[] | null>();
  private readonly active = new Set<string>();
  private nesting = 0;
  private parses = 0;

  constructor(
    private readonly shapes: CrossFileShapes | undefined,
    private readonly files: readonly DiscoveredFile[],
    private readonly ctx: CollectContext,
    private readonly parser: Parser,
    /** The names index of the whole repository (the collector's `prepare`), when the pipeline built one. */
    private readonly prebuilt?: CrossIndex,
  ) {}

  /** A file's text (the context caches what it reads); files over 2 MB are not read across. */
  private text(path: string): string | undefined {
    const t = readSource(this.ctx, path);
    return t !== undefined && t.length <= 2_000_000 ? t : undefined;
  }

  /** The cheap first pass (on first use), unless the repository-wide one was handed in. */
  private built(): CrossIndex {
    this.index ??= this.prebuilt ?? buildCrossIndex(this.shapes, this.files, (path) => this.text(path));
    return this.index;
  }

  /** Files declaring a constant/field `name`. */
  private declared(name: string): string[] {
    const index = this.built();
    return (index.constants.get(name) ?? []).map((i) => index.paths[i]!);
  }

  /** Files defining a function/method `name`. */
  private defining(name: string): string[] {
    const index = this.built();
    return (index.functions.get(name) ?? []).map((i) => index.paths[i]!);
  }

  /** Parse `path` and run `fn` on it; undefined when over budget or unreadable. The tree is freed after `fn`. */
  private withFile<T>(path: string, fn: (fa: FileAnalysis<unknown>) => T): T | undefined {
    if (this.parses >= MAX_PARSES) return undefined;
    this.byPath ??= new Map(this.files.map((f) => [f.path, f]));
    const file = this.byPath.get(path);
    const text = file ? this.text(path) : undefined;
    if (!file || text === undefined) return undefined;
    this.parses++;
    let tree;
    try {
      tree = this.parser.parse(text);
    } catch {
      this.parser.reset();
      return undefined;
    }
    if (!tree) return undefined;
    try {
      // Imported lazily: analysis.ts imports this module's types only.
      const fa = this.makeAnalysis(file, text, tree.rootNode);
      return fn(fa);
    } catch {
      return undefined;
    } finally {
      tree.delete();
    }
  }

  /** Set by collector.ts (avoids an import cycle with analysis.ts). */
  makeAnalysis: (file: DiscoveredFile, text: string, root: Node) => FileAnalysis<unknown> = () => {
    throw new Error('CrossFile.makeAnalysis not set');
  };

  private guarded<T>(key: string, memo: Map<string, T | null>, compute: () => T | undefined): T | undefined {
    const m = memo.get(key);
    if (m !== undefined) return m ?? undefined;
    if (this.active.has(key) || this.nesting >= MAX_NESTING) return undefined;
    this.active.add(key);
    this.nesting++;
    let v: T | undefined;
    try {
      v = compute();
    } catch {
      v = undefined;
    } finally {
      this.nesting--;
      this.active.delete(key);
    }
    memo.set(key, v ?? null);
    return v;
  }

  /** Candidate files, nearest to `from` first, `from` itself left out. */
  private byPath?: Map<string, DiscoveredFile>;
  private readonly hoods = new Map<string, string[]>();

  /** The NEIGHBOURHOOD files whose paths share the longest prefix with `from` (memoised per directory). */
  private neighbourhood(from: string): string[] {
    const dir = from.slice(0, from.lastIndexOf('/') + 1);
    let hood = this.hoods.get(dir);
    if (!hood) {
      hood = this.files
        .map((f) => f.path)
        .sort((a, b) => commonPrefix(b, dir) - commonPrefix(a, dir) || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, NEIGHBOURHOOD);
      this.hoods.set(dir, hood);
    }
    return hood;
  }

  private nearest(paths: string[], from: string): string[] {
    return paths
      .filter((p) => p !== from)
      .sort((a, b) => commonPrefix(b, from) - commonPrefix(a, from) || a.localeCompare(b))
      .slice(0, MAX_CANDIDATES);
  }

  /**
   * A constant `qualifier.name` (or an unqualified `name` imported into `from`) declared
   * in another file: its value there.
   */
  constant(qualifier: string | undefined, name: string, from: string): CrossVal | undefined {
    const shapes = this.shapes;
    if (!shapes) return undefined;
    let q = qualifier;
    if (q === undefined) {
      const text = this.text(from);
      q = text !== undefined ? shapes.importedName?.(text, from, name) : undefined;
      if (q === undefined && !shapes.samePackage) return undefined;
    }
    const simpleQ = q ? q.slice(q.lastIndexOf('.') + 1) : '';
    const key = `${simpleQ}\0${name}\0${q === undefined ? from : ''}`;
    return this.guarded(key, this.constMemo, () => {
      let paths = this.declared(name);
      if (simpleQ) paths = paths.filter((p) => stem(p) === simpleQ || shapes.declaresQualifier(this.text(p) ?? '', p, simpleQ));
      else if (q === undefined) paths = paths.filter((p) => shapes.samePackage?.(from, p) ?? false);
      for (const p of this.nearest(paths, from)) {
        const v = this.withFile(p, (fa) => {
          const d = (simpleQ ? fa.decls.inClass(simpleQ, name) : undefined) ?? fa.decls.anyConstant(name) ?? fa.decls.all().find((x) => x.name === name && (x.kind === 'field' || x.kind === 'property') && !!x.value);
          return d ? keep(fa.resolver.declaration(d)) : undefined;
        });
        if (v) return v;
      }
      return undefined;
    });
  }

  /**
   * A property `prop` of objects of type `type` as written elsewhere: `new T { Prop = v }`,
   * `x.Prop = v` and `x.setProp(v)` where `x` is a `T`. The first value that resolves.
   */
  property(type: string, prop: string, from: string): CrossVal | undefined {
    const key = `${type}\0${prop}`;
    return this.guarded(key, this.propMemo, () => {
      const word = new RegExp(`\\b${escapeRe(prop)}\\b`);
      const setter = `set${prop.charAt(0).toUpperCase()}${prop.slice(1)}`;
      // Read across the files nearest to `from` (a bounded, deterministic neighbourhood:
      // the whole repository would be read for every lookup).
      const candidates = this.neighbourhood(from)
        .filter((p) => {
          const t = this.text(p);
          return !!t && t.includes(type) && (word.test(t) || t.includes(setter));
        });
      const ordered = [...(candidates.includes(from) ? [from] : []), ...this.nearest(candidates, from)];
      for (const p of ordered) {
        const v = this.withFile(p, (fa) => propertyIn(fa, type, prop, setter));
        if (v) return v;
      }
      return undefined;
    });
  }

  /** The calls a function named `name` makes, in the first other file that defines it (names as written). */
  functionCalls(name: string, from: string): string[] | undefined {
    const shapes = this.shapes;
    if (!shapes || name.length < 3) return undefined;
    return this.guarded(name, this.fnMemo, () => {
      const paths = this.defining(name).filter((p) => p !== from);
      if (paths.length > 20) return undefined; // a name every other class defines (`get`, `Add`) says nothing
      for (const p of this.nearest(paths, from).slice(0, 3)) {
        const calls = this.withFile(p, (fa) => {
          const info = fa.fns.all().find((f) => f.simple === name);
          return info ? [...info.calls] : undefined;
        });
        if (calls) return calls;
      }
      return undefined;
    });
  }
}

/** The first resolved value of `type.prop` written in this file. */
function propertyIn(fa: FileAnalysis<unknown>, type: string, prop: string, setter: string): CrossVal | undefined {
  const r = fa.resolver;
  const initializer = fa.syntax.creationInitializer;
  if (initializer) {
    for (const c of fa.calls) {
      if (!c.isNew || c.method !== type) continue;
      const v = initializer(c.node, prop);
      const got = v ? keep(r.resolve(v)) : undefined;
      if (got) return got;
    }
  }
  for (const a of fa.assignments) {
    if (a.name !== prop || a.operator !== '=' || !a.qualifier) continue;
    if (typeOfName(fa, a.qualifier, a.node) !== type) continue;
    const got = keep(r.resolve(a.value));
    if (got) return got;
  }
  for (const c of fa.calls) {
    if (c.isNew || c.method !== setter || !c.receiver || c.args.length !== 1) continue;
    if (fa.typeOf(c.receiver)?.type !== type) continue;
    const got = keep(r.resolve(c.args[0]));
    if (got) return got;
  }
  return undefined;
}

/** The declared (or created) type of a simple name at a position. */
export function typeOfName(fa: FileAnalysis<unknown>, name: string, at: Node): string | undefined {
  if (!name || name.includes('.')) return undefined;
  const d = fa.decls.lookup(name, at);
  if (!d) return undefined;
  if (d.type) return d.type;
  const v = d.value ? fa.callInfo(fa.resolver.origin(d.value)) : undefined;
  return v?.isNew ? v.method : undefined;
}
