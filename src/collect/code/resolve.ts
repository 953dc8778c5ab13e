/**
 * Same-file value resolution: what string (URL, envelope, header) an expression stands
 * for, following string literals, constants and fields (`static final`, `const`,
 * `readonly`, locals, a field assigned once in a constructor), concatenation,
 * `String.format`/`string.Format`, interpolated strings, and config/env lookups
 * through the per-scan `ConfigIndex`. Unresolved parts are kept as `${expression}`.
 *
 * The language's `LanguageSyntax.evaluate` reads its own expression syntax and calls
 * back into this class for names (`identifier`, `member`), pieces (`part`, `join`,
 * `format`) and config (`config`, `env`, `springPlaceholders`). Bounded (depth ≤ 10)
 * and cycle-safe; nothing is executed.
 */
import { asDefault, joinParts, litPart, uniq, type Part } from '../resolution.js';
import type { Location, ResolutionStep } from '../../facts/types.js';
import { replacePlaceholders, type ResolvedConfig } from '../config/values.js';
import type { ConfigFlavorName, Declaration, Node, NodeVal, ParsedFile, StrVal, Val, ValueResolver } from './types.js';

export const MAX_DEPTH = 10;

export function lit(s: string): StrVal {
  return { t: 'str', s, via: ['literal'], keys: [], lit: true, complete: true, names: [] };
}

/** An expression that is an object, not a string. */
export function objectVal(node: Node): NodeVal {
  return { t: 'node', node, via: [] };
}

/** Prepend a resolution step (and where the value was written, when not known yet). */
export function withStep(v: Val | undefined, step: ResolutionStep, def?: Location, name?: string): Val | undefined {
  if (!v) return undefined;
  if (v.t === 'str') {
    const out: StrVal = { ...v, via: uniq<ResolutionStep>([step, ...v.via]), names: name ? [...v.names, name] : v.names };
    if (!out.def && def) out.def = def;
    return out;
  }
  if (v.t === 'node') {
    const out: NodeVal = { ...v, via: uniq<ResolutionStep>([step, ...v.via]) };
    if (!out.def && def) out.def = def;
    return out;
  }
  return { ...v, via: uniq<ResolutionStep>([step, ...v.via]) };
}

export class Resolver implements ValueResolver {
  private readonly memo = new Map<number, Val | null>();
  private readonly declMemo = new Map<number, Val | null>();
  private readonly active = new Set<number>();
  private depth = 0;

  constructor(readonly fa: ParsedFile) {}

  /** What an expression resolves to (memoised per node). */
  resolve(node: Node | null | undefined): Val | undefined {
    if (!node) return undefined;
    const id = node.id;
    const m = this.memo.get(id);
    if (m !== undefined) return m ?? undefined;
    if (this.active.has(id) || this.depth >= MAX_DEPTH) return undefined;
    this.active.add(id);
    this.depth++;
    let v: Val | undefined;
    try {
      const syntax = this.fa.syntax;
      const call = this.fa.callInfo(node);
      if (call?.isNew) v = syntax.evaluateCreation ? syntax.evaluateCreation(call, this) : objectVal(node);
      else if (call) v = syntax.evaluateCall(call, this);
      else if (syntax.objectTypes.has(node.type)) v = objectVal(node);
      else {
        const inner = syntax.unwrap(node);
        v = inner.id !== node.id ? this.resolve(inner) : syntax.evaluate(node, this);
      }
    } catch {
      v = undefined;
    } finally {
      this.depth--;
      this.active.delete(id);
    }
    // A value found inside a cycle may be partial: memoise only at the top.
    if (this.active.size === 0 || v !== undefined) this.memo.set(id, v ?? null);
    return v;
  }

  /** The string an expression resolves to, if it does. */
  str(node: Node | null | undefined): StrVal | undefined {
    const v = this.resolve(node);
    return v?.t === 'str' ? v : undefined;
  }

  /** A string part: the resolved string, or `${expression}` when it does not resolve. */
  part(node: Node | null | undefined): Part {
    const v = this.resolve(node);
    return this.toPart(v, node);
  }

  toPart(v: Val | undefined, node: Node | null | undefined): Part {
    if (v?.t === 'str') {
      const p: Part = { s: v.s, via: v.via, keys: v.keys, lit: v.lit, complete: v.complete, names: v.names };
      if (v.def) p.def = v.def;
      return p;
    }
    const text = '${' + (node ? exprText(node) : '?') + '}';
    if (v?.t === 'ref') return { s: text, via: v.via, keys: v.keys, lit: false, complete: false, names: [] };
    return { s: text, via: [], keys: [], lit: false, complete: false, names: [] };
  }

  /** Join parts into one string (concatenation, interpolation, format). */
  join(parts: Part[], step: ResolutionStep): StrVal {
    return joinParts(parts, step);
  }

  /** Parts joined, unless none of them resolved to anything (then undefined). */
  concat(parts: Part[], step: ResolutionStep = 'concatenation'): StrVal | undefined {
    if (parts.every((p) => p.via.length === 0 && p.keys.length === 0)) return undefined;
    return this.join(parts, step);
  }

  /**
   * A format string with arguments: `printf` (`%s`, `%d`, `%1$s`, `%%`) or `dotnet`
   * (`{0}`, `{1:N2}`, `{{`/`}}`). Unresolved arguments are kept as `${expression}`.
   */
  format(template: StrVal, args: Node[], style: 'printf' | 'dotnet'): StrVal {
    const parts: Part[] = [];
    const t = template.s;
    let i = 0;
    let buf = '';
    let next = 0;
    const argPart = (index: number): Part => {
      const a = args[index];
      return a ? this.part(a) : litPart('');
    };
    while (i < t.length) {
      const c = t[i];
      if (style === 'printf' && c === '%') {
        if (t[i + 1] === '%') {
          buf += '%';
          i += 2;
          continue;
        }
        const m = /^%(?:(\d+)\$)?[-#+ 0,(]*\d*(?:\.\d+)?([a-zA-Z])/.exec(t.slice(i));
        if (m) {
          if (buf) parts.push(litPart(buf));
          buf = '';
          const idx = m[1] !== undefined ? Number(m[1]) - 1 : next++;
          parts.push(m[2] === 'n' ? litPart('\n') : argPart(idx));
          i += m[0].length;
          continue;
        }
      } else if (style === 'dotnet' && c === '{') {
        if (t[i + 1] === '{') {
          buf += '{';
          i += 2;
          continue;
        }
        const m = /^\{(\d+)(?:,[-\d\s]+)?(?::[^}]*)?\}/.exec(t.slice(i));
        if (m) {
          if (buf) parts.push(litPart(buf));
          buf = '';
          parts.push(argPart(Number(m[1])));
          i += m[0].length;
          continue;
        }
      } else if (style === 'dotnet' && c === '}' && t[i + 1] === '}') {
        buf += '}';
        i += 2;
        continue;
      }
      buf += c;
      i++;
    }
    if (buf) parts.push(litPart(buf));
    const tp: Part = { s: '', via: template.via, keys: template.keys, lit: template.lit, complete: true, names: template.names };
    if (template.def) tp.def = template.def;
    return this.join([tp, ...parts], 'template');
  }

  // -------------------------------------------------------------------------
  // Names

  /** A name at a position: local, parameter, field of the enclosing class, or a field elsewhere in the file. */
  identifier(name: string, at: Node): Val | undefined {
    const d = this.fa.decls.lookup(name, at);
    if (!d) return this.fa.cross?.constant(undefined, name, this.fa.path);
    return this.declaration(d);
  }

  /**
   * `Qualifier.NAME`: a field of a class of this file (`this.x` → the enclosing class's
   * field); `x.Prop` of an object whose type is known: the value its creation or an
   * assignment gives `Prop` here, else where objects of that type get it in other files;
   * a constant of a class, module or package of another file.
   */
  member(qualifier: string, name: string, at: Node): Val | undefined {
    if (qualifier === '' || qualifier === 'this' || qualifier === 'self' || qualifier === 'base') return this.identifier(name, at);
    const simpleQ = qualifier.slice(qualifier.lastIndexOf('.') + 1);
    const d = this.fa.decls.inClass(simpleQ, name) ?? (/^[A-Z]/.test(simpleQ) ? this.fa.decls.anyConstant(name) : undefined);
    if (d) return this.declaration(d);
    const local = qualifier.includes('.') ? undefined : this.fa.decls.lookup(qualifier, at);
    if (local) return this.property(local, qualifier, name, at);
    return this.fa.cross?.constant(qualifier, name, this.fa.path);
  }

  /** `x.Prop` where `x` is declared here: its creation's initialiser, an assignment in the file, else other files by type. */
  private property(d: Declaration, qualifier: string, name: string, at: Node): Val | undefined {
    const origin = d.value ? this.origin(d.value) : undefined;
    const created = origin ? this.fa.callInfo(origin) : undefined;
    const init = created?.isNew ? this.fa.syntax.creationInitializer?.(created.node, name) : undefined;
    if (init) return withStep(this.resolve(init), 'property', this.fa.loc(init), name);
    const scope = d.kind === 'local' || d.kind === 'parameter' ? this.fa.decls.scopeOf(d) : undefined;
    for (const a of this.fa.assignments) {
      if (a.name !== name || a.qualifier !== qualifier || a.operator !== '=') continue;
      if (scope && (a.node.startIndex < scope.start || a.node.endIndex > scope.end)) continue;
      if (a.node.startIndex > at.startIndex) continue;
      const v = withStep(this.resolve(a.value), 'property', this.fa.loc(a.node), name);
      if (v && v.t !== 'node') return v;
    }
    const type = d.type ?? (created?.isNew ? created.method : undefined);
    if (!type || /^(string|String|str|var|object|Object|dynamic|any|int|long|bool|boolean)$/.test(type)) return undefined;
    const v = this.fa.cross?.property(type, name, this.fa.path);
    return v ? withStep(v, 'property') : undefined;
  }

  /** The value of a declaration: its special value (annotations, bindings), its initialiser, or its one assignment. */
  declaration(d: Declaration): Val | undefined {
    const id = d.nameNode.id;
    const m = this.declMemo.get(id);
    if (m !== undefined) return m ?? undefined;
    if (this.active.has(-id - 1)) return undefined;
    this.active.add(-id - 1);
    let v: Val | undefined;
    try {
      const def = this.fa.loc(d.nameNode);
      const special = this.fa.syntax.declarationValue?.(d, this);
      if (special) v = withStep(special, 'constant', def, d.name);
      else if (d.value) v = withStep(this.resolve(d.value), 'constant', def, d.name);
      else if (d.kind !== 'parameter') {
        const a = this.fa.assignmentsTo(d);
        if (a) v = withStep(this.resolve(a.value), 'constant', this.fa.loc(a.node), d.name);
      }
    } finally {
      this.active.delete(-id - 1);
    }
    this.declMemo.set(id, v ?? null);
    return v;
  }

  /**
   * Follow a name to the expression it was initialised with (`rest` → `new RestTemplate()`,
   * `req` → `new HttpRequestMessage(…)`), through at most a few hops.
   */
  origin(node: Node, hops = 4): Node {
    let cur = node;
    for (let i = 0; i < hops; i++) {
      const name = this.fa.syntax.exprName(cur);
      if (!name || name.includes('.')) return cur;
      const d = this.fa.decls.lookup(name, cur);
      if (!d) return cur;
      const next = d.value ?? this.fa.assignmentsTo(d)?.value;
      if (!next) return cur;
      cur = next;
    }
    return cur;
  }

  // -------------------------------------------------------------------------
  // Config

  private fromConfig(r: ResolvedConfig): StrVal {
    const def: Location = { file: r.at.file, line: r.at.line };
    if (r.at.column !== undefined) def.column = r.at.column;
    return { t: 'str', s: r.value, via: r.via, keys: r.keys, def, lit: false, complete: r.complete, names: [] };
  }

  /**
   * A config key read at run time: its value from the repository's config when there
   * is one (via `config`, with where it is written), else `def` (via `env-default`),
   * else a reference (keys only).
   */
  config(flavor: ConfigFlavorName, key: string, def?: StrVal): Val {
    const idx = this.fa.config;
    const from = this.fa.path;
    let r: ResolvedConfig | undefined;
    if (flavor === 'spring') r = idx.spring(key, from);
    else if (flavor === 'dotnet') r = idx.dotnet(key, from);
    else if (flavor === 'env') r = idx.env(key, from);
    else r = idx.simple(flavor, key, from);
    if (r) return this.fromConfig(r);
    if (def) return asDefault([key], def);
    return { t: 'ref', keys: [key], via: [flavor === 'env' ? 'env' : 'config'] };
  }

  /** An environment variable (`System.getenv`, `Environment.GetEnvironmentVariable`). */
  env(name: string, def?: StrVal): Val {
    return this.config('env', name, def);
  }

  /**
   * A Spring value expression with placeholders (`${dancu.url}`, `${dancu.url:https://…}`,
   * `${dancu.base}/TraCuu`): each placeholder from the Spring config / env, else its
   * default, else kept as `${name}`.
   */
  springPlaceholders(text: string): Val {
    if (!text.includes('${')) return lit(text);
    const keys: string[] = [];
    const via: ResolutionStep[] = [];
    let def: Location | undefined;
    let complete = true;
    let found = false;
    const whole = /^\$\{([^}:]+)(?::([\s\S]*))?\}$/.exec(text);
    const s = replacePlaceholders(text, (name, dflt) => {
      keys.push(name);
      const r = this.fa.config.spring(name, this.fa.path);
      if (r) {
        found = true;
        via.push(...r.via);
        keys.push(...r.keys);
        def ??= { file: r.at.file, line: r.at.line, ...(r.at.column !== undefined ? { column: r.at.column } : {}) };
        complete &&= r.complete;
        return r.value;
      }
      if (dflt !== undefined) {
        found = true;
        via.push('env-default');
        return dflt;
      }
      via.push('config');
      complete = false;
      return undefined;
    });
    if (!found && whole) return { t: 'ref', keys: uniq(keys), via: ['config'] };
    const out: StrVal = { t: 'str', s, via: uniq<ResolutionStep>(via.length ? via : ['config']), keys: uniq(keys), lit: false, complete, names: [] };
    if (def) out.def = def;
    return out;
  }
}

/** Source text of a node, whitespace collapsed, at most `max` characters. */
export function exprText(node: Node, max = 60): string {
  let t = node.text.replace(/\s+/g, ' ').trim();
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return t;
}
