/**
 * How the framework reads Java syntax (`tree-sitter-java`): names of calls and
 * functions, declarations, loops, string literals, and value resolution of Java
 * expressions (concatenation, `String.format`, `formatted`, `concat`, `new URL(…)`,
 * `URI.create(…)`, `UriComponentsBuilder` chains, `System.getenv`, Spring
 * `Environment.getProperty`, `@Value` placeholders, `@ConfigurationProperties`
 * getters, same-file getters that return a field).
 */
import { lit } from '../resolve.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node, StrVal, Val, ValueResolver } from '../types.js';
import type { JavaProject } from './project.js';

export const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration']);
export const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration']);

/** Keywords among a declaration's `modifiers` (`public`, `static`, `final`…). */
export function modifierWords(decl: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  const mods = decl ? childOfType(decl, 'modifiers') : undefined;
  if (!mods) return out;
  for (let i = 0; i < mods.childCount; i++) {
    const c = mods.child(i);
    if (c && !c.isNamed) out.add(c.type);
  }
  return out;
}

/** Annotations among a declaration's `modifiers`. */
export function annotationsOf(decl: Node | null | undefined): Node[] {
  const mods = decl ? childOfType(decl, 'modifiers') : undefined;
  if (!mods) return [];
  return mods.namedChildren.filter((c): c is Node => !!c && (c.type === 'annotation' || c.type === 'marker_annotation'));
}

export function childOfType(n: Node, type: string): Node | undefined {
  for (let i = 0; i < n.namedChildCount; i++) {
    const c = n.namedChild(i);
    if (c?.type === type) return c;
  }
  return undefined;
}

/** `@Name` → `Name` (the simple name of `@org.x.Name` too). */
export function annotationName(a: Node): string {
  const n = a.childForFieldName('name');
  const t = n?.text ?? '';
  return t.slice(t.lastIndexOf('.') + 1);
}

/** An annotation's arguments: `value` for a single unnamed one, else by key. */
export function annotationArgs(a: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const args = a.childForFieldName('arguments');
  if (!args) return out;
  for (const c of args.namedChildren) {
    if (!c) continue;
    if (c.type === 'element_value_pair') {
      const k = c.childForFieldName('key')?.text;
      const v = c.childForFieldName('value');
      if (k && v) out.set(k, v);
    } else if (!out.has('value')) out.set('value', c);
  }
  return out;
}

/** Simple type name and type argument names of a type node. */
export function typeName(t: Node | null | undefined): { type?: string; typeArgs: string[] } {
  if (!t) return { typeArgs: [] };
  switch (t.type) {
    case 'type_identifier':
      return t.text === 'var' ? { typeArgs: [] } : { type: t.text, typeArgs: [] };
    case 'scoped_type_identifier': {
      const last = t.namedChildren[t.namedChildCount - 1];
      return last ? typeName(last) : { typeArgs: [] };
    }
    case 'generic_type': {
      const base = t.namedChild(0);
      const args = childOfType(t, 'type_arguments');
      const typeArgs: string[] = [];
      for (const a of args?.namedChildren ?? []) {
        const n = a ? typeName(a).type : undefined;
        if (n) typeArgs.push(n);
      }
      return { type: typeName(base).type ?? base?.text, typeArgs };
    }
    case 'array_type':
      return { type: `${typeName(t.childForFieldName('element')).type ?? '?'}[]`, typeArgs: [] };
    default:
      return { type: t.text, typeArgs: [] };
  }
}

function unparen(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.type === 'parenthesized_expression') {
      const inner = cur.namedChild(0);
      if (!inner) return cur;
      cur = inner;
    } else if (cur.type === 'cast_expression') {
      const v = cur.childForFieldName('value');
      if (!v) return cur;
      cur = v;
    } else return cur;
  }
}

/** The normalised name of a receiver chain: `this.rest` → `rest`, `LoggerFactory.getLogger(X.class)` → `LoggerFactory.getLogger`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'identifier':
      return e.text;
    case 'this':
      return '';
    case 'super':
      return 'super';
    case 'field_access': {
      const left = chainName(e.childForFieldName('object'));
      const f = e.childForFieldName('field')?.text ?? '';
      return left ? `${left}.${f}` : f;
    }
    case 'method_invocation': {
      const left = chainName(e.childForFieldName('object'));
      const m = e.childForFieldName('name')?.text ?? '';
      return left ? `${left}.${m}` : m;
    }
    case 'object_creation_expression':
      return newTypeName(e);
    case 'scoped_identifier':
      return e.text;
    default:
      return '';
  }
}

function newTypeName(e: Node): string {
  const t = e.childForFieldName('type');
  if (!t) return '';
  if (t.type === 'generic_type') return t.namedChild(0)?.text ?? t.text;
  return t.text.replace(/\s+/g, '');
}

/** The root of a call chain (`webClient` in `webClient.post().uri(…)`). */
export function chainRoot(n: Node): Node {
  let cur = unparen(n);
  for (;;) {
    if (cur.type === 'method_invocation') {
      const o = cur.childForFieldName('object');
      if (!o) return cur;
      cur = unparen(o);
    } else if (cur.type === 'field_access') {
      const o = cur.childForFieldName('object');
      if (!o || o.type === 'this') return cur;
      cur = unparen(o);
    } else return cur;
  }
}

/** Decode a Java string literal's escapes. */
function unescapeJava(raw: string): string {
  return raw.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    if (e.startsWith('u')) return String.fromCharCode(parseInt(e.replace(/^u+/, ''), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\', '\n': '' };
    return map[e] ?? e;
  });
}

/** A text block's content with incidental indentation removed. */
function textBlock(raw: string): string {
  const lines = raw.replace(/^[ \t]*\r?\n/, '').split(/\r?\n/);
  let indent = Infinity;
  for (const l of lines) if (l.trim() !== '') indent = Math.min(indent, l.length - l.trimStart().length);
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((l) => l.slice(indent).replace(/[ \t]+$/, '')).join('\n');
}

export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  let block = false;
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (!c) continue;
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'multiline_string_fragment') {
      out += c.text;
      block = true;
    } else if (c.type === 'escape_sequence') out += unescapeJava(c.text);
    else return undefined; // string templates
  }
  if (node.namedChildCount === 0 && node.text.startsWith('"""')) block = true;
  return block ? textBlock(out) : out;
}

const LOOP_BODY: Record<string, string> = { for_statement: 'for', enhanced_for_statement: 'for-each' };
const ITERATION = new Set([
  'forEach', 'forEachOrdered', 'map', 'flatMap', 'filter', 'peek', 'mapToObj', 'mapToInt', 'mapToLong', 'anyMatch',
  'allMatch', 'noneMatch', 'concatMap', 'flatMapSequential', 'flatMapIterable', 'replaceAll',
]);
/** `optional.map(…)` / `mono.map(…)` run once, not per element: only stream-ish receivers count for these. */
const ONCE_ON = /(?:^|\.)(?:Optional\.\w+|\w*[Oo]ptional\w*|\w*[Mm]ono\w*|\w*(?:Future|Promise)\w*|bodyToMono|retrieve|exchangeToMono|toEntity|block)$/;

/** Receivers whose `map`/`flatMap`/`filter` run at most once. */
const ONCE_TYPES = /^(Optional\w*|Mono|CompletableFuture|CompletionStage|Future|ListenableFuture|ResponseEntity|Try|Either)$/;

const TRANSPARENT_WRAPPERS = new Set([
  'toString', 'trim', 'strip', 'toUri', 'toUriString', 'toURL', 'toURI', 'intern', 'getBytes', 'toCharArray', 'encode',
  'build', 'normalize', 'toExternalForm',
]);
const STATIC_WRAPPERS = new Set(['String.valueOf', 'URI.create', 'Objects.requireNonNull', 'Objects.toString', 'URLDecoder.decode', 'StringUtils.trim', 'String.copyValueOf']);

export const JAVA_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: new Set(['lambda_expression']),
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const line = fn.startPosition.row + 1;
    if (fn.type === 'constructor_declaration' || fn.type === 'compact_constructor_declaration') {
      const n = fn.childForFieldName('name');
      return { name: '<init>', line: n ? n.startPosition.row + 1 : line };
    }
    const n = fn.childForFieldName('name');
    return { name: n?.text ?? '<anonymous>', line: n ? n.startPosition.row + 1 : line };
  },

  className(cls) {
    if (cls.type === 'object_creation_expression') return `<anonymous ${newTypeName(cls)}>`;
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'method_invocation') {
      const method = node.childForFieldName('name')?.text ?? '';
      const obj = node.childForFieldName('object');
      const left = obj ? chainName(obj) : '';
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'line_comment' && a.type !== 'block_comment');
      const c: CallInfo = { node, name: left ? `${left}.${method}` : method, method, args, isNew: false };
      if (obj) c.receiver = obj;
      return c;
    }
    if (node.type === 'object_creation_expression') {
      const name = newTypeName(node);
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'line_comment' && a.type !== 'block_comment');
      return { node, name, method: name.slice(name.lastIndexOf('.') + 1), args, isNew: true };
    }
    return undefined;
  },

  loopKind(loop, child) {
    const body = LOOP_BODY[loop.type];
    if (body) return loop.childForFieldName('body')?.id === child.id ? body : undefined;
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'do_statement') return 'do-while';
    return undefined;
  },

  iterationKind(call, typeOf) {
    if (call.isNew || !ITERATION.has(call.method)) return undefined;
    const recv = call.name.slice(0, Math.max(0, call.name.length - call.method.length - 1));
    if (ONCE_ON.test(recv)) return undefined;
    const t = call.receiver && typeOf ? typeOf(call.receiver) : undefined;
    if (t && ONCE_TYPES.test(t)) return undefined;
    return call.method;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'variable_declarator') {
      const holder = node.parent;
      if (!holder) return [];
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      const kind: Declaration['kind'] = holder.type === 'local_variable_declaration' ? 'local' : 'field';
      const words = modifierWords(holder);
      const { type, typeArgs } = typeName(holder.childForFieldName('type'));
      const d: Declaration = {
        name: nameNode.text,
        nameNode,
        kind,
        constant: words.has('final') || holder.type === 'constant_declaration',
        annotations: annotationsOf(holder),
      };
      const value = node.childForFieldName('value');
      if (value) d.value = value;
      if (type) d.type = type;
      if (typeArgs.length) d.typeArgs = typeArgs;
      return [d];
    }
    if (node.type === 'formal_parameter' || node.type === 'spread_parameter') {
      const nameNode = node.childForFieldName('name') ?? node.namedChildren.find((c) => c?.type === 'variable_declarator')?.childForFieldName('name');
      if (!nameNode) return [];
      const record = node.parent?.parent?.type === 'record_declaration';
      const { type, typeArgs } = typeName(node.childForFieldName('type'));
      const d: Declaration = {
        name: nameNode.text,
        nameNode,
        kind: record ? 'field' : 'parameter',
        constant: record || modifierWords(node).has('final'),
        annotations: annotationsOf(node),
      };
      if (type) d.type = type;
      if (typeArgs.length) d.typeArgs = typeArgs;
      return [d];
    }
    return [];
  },

  assignment(node): Assignment | undefined {
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    const op = node.childForFieldName('operator')?.text ?? '=';
    if (!left || !value) return undefined;
    if (left.type === 'identifier') return { node, name: left.text, value, operator: op };
    if (left.type === 'field_access') {
      const obj = left.childForFieldName('object');
      const name = left.childForFieldName('field')?.text ?? '';
      const q = obj?.type === 'this' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'identifier') return e.text;
    if (e.type === 'field_access') return chainName(e);
    return '';
  },

  reference(node) {
    const ids = node.namedChildren.filter((c) => c?.type === 'identifier');
    return ids[ids.length - 1]?.text;
  },

  evaluate(node, r) {
    return evaluate(node, r, r.fa.project as JavaProject | undefined);
  },

  declarationValue(d, r) {
    for (const a of d.annotations) {
      if (annotationName(a) !== 'Value') continue;
      const arg = annotationArgs(a).get('value');
      const s = arg ? r.str(arg) : undefined;
      if (s) return r.springPlaceholders(s.s);
    }
    return undefined;
  },
};

function evaluate(node: Node, r: ValueResolver, project: JavaProject | undefined): Val | undefined {
  const syntax = r.fa.syntax;
  switch (node.type) {
    case 'string_literal': {
      const s = stringValue(node);
      return s === undefined ? undefined : lit(s);
    }
    case 'parenthesized_expression':
    case 'cast_expression':
      return r.resolve(unparen(node) === node ? undefined : unparen(node));
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      if (op !== '+') return undefined;
      return r.concat([r.part(node.childForFieldName('left')), r.part(node.childForFieldName('right'))]);
    }
    case 'ternary_expression': {
      const a = r.resolve(node.childForFieldName('consequence'));
      if (a?.t === 'str') return a;
      return r.resolve(node.childForFieldName('alternative')) ?? a;
    }
    case 'identifier':
      return r.identifier(node.text, node);
    case 'field_access': {
      const obj = node.childForFieldName('object');
      const f = node.childForFieldName('field')?.text;
      if (!obj || !f) return undefined;
      if (obj.type === 'this') return r.identifier(f, node);
      return r.member(chainName(obj), f, node);
    }
    case 'object_creation_expression': {
      const c = r.fa.callInfo(node);
      if (!c) return undefined;
      if ((c.method === 'URL' || c.method === 'URI' || c.method === 'String' || c.method === 'StringBuilder') && c.args.length === 1) {
        return r.resolve(c.args[0]);
      }
      if (c.method === 'URL' && c.args.length === 2) {
        const base = r.part(c.args[0]);
        const spec = r.part(c.args[1]);
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec.s)) return r.resolve(c.args[1]);
        return r.concat([base, { ...spec, s: spec.s.startsWith('/') ? spec.s : `/${spec.s}` }]);
      }
      return { t: 'node', node, via: [] };
    }
    case 'method_invocation':
      return invocation(node, r, project);
    case 'lambda_expression':
      return { t: 'node', node, via: [] };
    default:
      void syntax;
      return undefined;
  }
}

function strArg(r: ValueResolver, n: Node | undefined): string | undefined {
  return n ? r.str(n)?.s : undefined;
}

function invocation(node: Node, r: ValueResolver, project: JavaProject | undefined): Val | undefined {
  const c = r.fa.callInfo(node);
  if (!c) return undefined;
  const m = c.method;
  const name = c.name;
  const a0 = c.args[0];
  // String building.
  if (name === 'String.format' && a0) {
    const fmt = r.str(a0);
    if (fmt) return r.format(fmt, c.args.slice(1), 'printf');
    return undefined;
  }
  if (m === 'formatted' && c.receiver) {
    const fmt = r.str(c.receiver);
    if (fmt) return r.format(fmt, c.args, 'printf');
    return undefined;
  }
  if (m === 'concat' && c.receiver && a0) return r.concat([r.part(c.receiver), r.part(a0)]);
  if (STATIC_WRAPPERS.has(name) && a0) return r.resolve(a0);
  if (TRANSPARENT_WRAPPERS.has(m) && c.receiver && c.args.length === 0) return r.resolve(c.receiver);
  if ((m === 'encode' || m === 'toString') && c.receiver && c.args.length <= 1) return r.resolve(c.receiver);
  // Env / system properties / Spring Environment.
  if (name === 'System.getenv' && a0) {
    const k = strArg(r, a0);
    return k ? r.env(k) : undefined;
  }
  if (name === 'System.getProperty' && a0) {
    const k = strArg(r, a0);
    if (!k) return undefined;
    const def = c.args[1] ? r.str(c.args[1]) : undefined;
    return r.config('spring', k, def);
  }
  if ((m === 'getProperty' || m === 'getRequiredProperty') && c.receiver && a0) {
    const recvType = r.fa.typeOf(c.receiver)?.type;
    const recvName = syntaxName(c.receiver);
    if (recvType === 'Environment' || recvType === 'ConfigurableEnvironment' || recvType === 'PropertyResolver' || /env/i.test(recvName)) {
      const k = strArg(r, a0);
      if (!k) return undefined;
      const def = c.args[1] ? r.str(c.args[1]) : undefined;
      return r.config('spring', k, def);
    }
    return undefined;
  }
  if ((name === 'Objects.requireNonNullElse' || name === 'StringUtils.defaultIfBlank' || name === 'StringUtils.defaultIfEmpty' || name === 'StringUtils.defaultString') && c.args.length === 2) {
    return orElse(r, c.args[0]!, c.args[1]!);
  }
  if ((m === 'orElse' || m === 'orElseGet') && c.receiver && a0) {
    const inner = r.fa.callInfo(c.receiver);
    if (inner && (inner.name === 'Optional.ofNullable' || inner.name === 'Optional.of') && inner.args[0]) return orElse(r, inner.args[0], a0);
    return undefined;
  }
  // UriComponentsBuilder / UriBuilder chains.
  if ((m === 'fromHttpUrl' || m === 'fromUriString' || m === 'fromUri' || m === 'fromPath') && a0) return r.resolve(a0);
  if ((m === 'path' || m === 'pathSegment') && c.receiver && a0) {
    const base = r.part(c.receiver);
    const p = r.part(a0);
    return r.concat([base, { ...p, s: base.s.endsWith('/') || p.s.startsWith('/') ? p.s : `/${p.s}` }]);
  }
  if ((m === 'queryParam' || m === 'queryParams' || m === 'buildAndExpand' || m === 'expand' || m === 'encode' || m === 'build') && c.receiver) {
    return r.resolve(c.receiver);
  }
  // @ConfigurationProperties getters and record accessors: props.getUrl(), props.url().
  if (c.receiver && c.args.length === 0 && project) {
    const t = r.fa.typeOf(c.receiver)?.type;
    const prefix = t ? project.configProps.get(t) : undefined;
    if (prefix !== undefined) {
      const prop = /^(get|is)[A-Z]/.test(m) ? m.replace(/^(get|is)/, '').replace(/^./, (ch) => ch.toLowerCase()) : m;
      return r.config('spring', prefix ? `${prefix}.${prop}` : prop, undefined);
    }
  }
  // A same-file getter: `getBaseUrl()` / `this.getBaseUrl()` returning an expression.
  if ((!c.receiver || c.receiver.type === 'this') && c.args.length === 0) {
    const ret = returnedExpression(r, m);
    if (ret) return r.resolve(ret);
  }
  return undefined;
}

function syntaxName(n: Node): string {
  return chainName(n);
}

/** `a ?? b` in Java clothing: a's config/env value, else b as its default. */
function orElse(r: ValueResolver, a: Node, b: Node): Val | undefined {
  const left = r.resolve(a);
  if (left?.t === 'str') return left;
  const def = r.str(b);
  if (left?.t === 'ref') {
    if (!def) return left;
    const out: StrVal = { ...def, via: [...new Set(['env-default' as const, ...def.via.filter((s) => s !== 'literal')])], keys: [...new Set([...left.keys, ...def.keys])], lit: false };
    return out;
  }
  return def ?? left;
}

/** The expression a same-file method with no parameters returns (its first `return`). */
function returnedExpression(r: ValueResolver, method: string): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (fn.type !== 'method_declaration' || fn.childForFieldName('name')?.text !== method) continue;
    const params = fn.childForFieldName('parameters');
    if (params && params.namedChildCount > 0) continue;
    const body = fn.childForFieldName('body');
    if (!body) continue;
    for (const st of body.namedChildren) {
      if (st?.type === 'return_statement') return st.namedChild(0) ?? undefined;
    }
  }
  return undefined;
}
