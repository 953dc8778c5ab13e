/**
 * How the framework reads PHP syntax (`tree-sitter-php`): names of calls and functions
 * (`$this->`/`self::`/`static::` dropped, `\` namespaces reduced to the simple name),
 * declarations (properties, class constants, `define()`, parameters, promoted
 * constructor properties, and every `$var = …` / `$this->prop = …` assignment, PHP
 * having no other declarations), loops, string literals (single/double quoted,
 * heredoc, nowdoc), and value resolution: `.` concatenation, interpolation,
 * `sprintf`, `implode`, `rtrim`, `??`, `?:`, `env()`/`getenv()`/`$_ENV[…]`,
 * Laravel `config()` / `Config::get()` (`config/*.php`, then `.env`), class constants
 * (`self::URL`, `Foo::URL` in the file), same-file getters.
 *
 * Laravel log channels are left out of a log call's name: `Log::channel('audit')->info`
 * is `Log.info` (the channel picks where the record goes; the call is a log call), and
 * the `logger('…')` helper is `logger.debug` (what it does).
 */
import { lit } from '../resolve.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node, StrVal, Val, ValueResolver } from '../types.js';
import { resolvedToVal, withDefault } from '../../config/flavours/laravel.js';

export const FUNCTION_TYPES = new Set(['method_declaration', 'function_definition']);
export const LAMBDA_TYPES = new Set(['anonymous_function', 'arrow_function']);
export const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration', 'anonymous_class']);
const CALL_TYPES = new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression']);
const MEMBER_ACCESS = new Set(['member_access_expression', 'nullsafe_member_access_expression']);

/** Log-level methods: a call `X.channel(…).info` is named `X.info`. */
export const LOG_METHODS = /^(?:info|notice|warning|warn|error|debug|critical|alert|emergency|log|write)$/i;
/** Builders between a logger and its level method (`Log::channel('audit')`, `Log::stack([…])`, `->withContext([…])`). */
const LOG_BUILDERS = new Set(['channel', 'stack', 'withContext', 'withName', 'build']);

/** `\GuzzleHttp\Client` → `Client`; `App\Models\X` → `X`. */
export function simpleName(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.slice(t.lastIndexOf('\\') + 1);
}

function unparen(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.type === 'parenthesized_expression') {
      const inner = cur.namedChild(0);
      if (!inner) return cur;
      cur = inner;
    } else if (cur.type === 'cast_expression') {
      const v = cur.childForFieldName('value') ?? cur.namedChild(cur.namedChildCount - 1);
      if (!v) return cur;
      cur = v;
    } else return cur;
  }
}

export { unparen };

/** `$x` → `x` (the `name` inside a `variable_name`). */
export function varName(n: Node | null | undefined): string {
  if (!n || n.type !== 'variable_name') return '';
  return n.namedChild(0)?.text ?? n.text.replace(/^\$/, '');
}

function isSelfScope(n: Node | null | undefined): boolean {
  if (!n) return false;
  if (n.type === 'relative_scope') return true; // self, static, parent
  return n.type === 'name' && /^(self|static)$/i.test(n.text);
}

/** The normalised name of an expression used as a receiver: `$this->client` → `client`, `Http::withBasicAuth(…)` → `Http.withBasicAuth`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'variable_name': {
      const v = varName(e);
      return v === 'this' ? '' : v;
    }
    case 'name':
      return e.text;
    case 'qualified_name':
      return simpleName(e.text);
    case 'relative_scope':
      return e.text.toLowerCase() === 'parent' ? 'parent' : '';
    case 'member_access_expression':
    case 'nullsafe_member_access_expression': {
      const left = chainName(e.childForFieldName('object'));
      const f = e.childForFieldName('name')?.text ?? '';
      return left ? `${left}.${f}` : f;
    }
    case 'scoped_property_access_expression': {
      const scope = e.childForFieldName('scope');
      const left = isSelfScope(scope) ? '' : chainName(scope);
      const f = varName(e.childForFieldName('name')) || (e.childForFieldName('name')?.text ?? '');
      return left ? `${left}.${f}` : f;
    }
    case 'class_constant_access_expression': {
      const kids = e.namedChildren.filter((c): c is Node => !!c);
      const scope = kids[0];
      const f = kids[1]?.text ?? '';
      const left = isSelfScope(scope) ? '' : chainName(scope);
      return left ? `${left}.${f}` : f;
    }
    case 'member_call_expression':
    case 'nullsafe_member_call_expression':
    case 'scoped_call_expression':
    case 'function_call_expression':
      return callName(e).name;
    case 'object_creation_expression':
      return newTypeName(e);
    default:
      return '';
  }
}

function newTypeName(e: Node): string {
  const t = e.namedChildren.find((c) => c && c.type !== 'arguments');
  if (!t) return '';
  if (t.type === 'anonymous_class') return '';
  if (t.type === 'name' || t.type === 'qualified_name') return simpleName(t.text);
  return '';
}

function callName(e: Node): { name: string; method: string; receiver?: Node } {
  if (e.type === 'function_call_expression') {
    const f = e.childForFieldName('function');
    const name = f && (f.type === 'name' || f.type === 'qualified_name') ? simpleName(f.text) : chainName(f);
    return { name, method: name.slice(name.lastIndexOf('.') + 1) };
  }
  if (e.type === 'scoped_call_expression') {
    const scope = e.childForFieldName('scope');
    const method = e.childForFieldName('name')?.text ?? '';
    const left = isSelfScope(scope) ? '' : chainName(scope);
    const out: { name: string; method: string; receiver?: Node } = { name: left ? `${left}.${method}` : method, method };
    if (scope && !isSelfScope(scope)) out.receiver = scope;
    return out;
  }
  const obj = e.childForFieldName('object');
  const method = e.childForFieldName('name')?.text ?? '';
  let recv = obj ?? undefined;
  // Log::channel('audit')->info(…) → Log.info
  if (recv && LOG_METHODS.test(method)) {
    let inner = recv ? unparen(recv) : undefined;
    while (inner && CALL_TYPES.has(inner.type) && inner.type !== 'function_call_expression') {
      const m = inner.childForFieldName('name')?.text ?? '';
      if (!LOG_BUILDERS.has(m)) break;
      const next: Node | null = inner.type === 'scoped_call_expression' ? inner.childForFieldName('scope') : inner.childForFieldName('object');
      if (!next) break;
      inner = next;
    }
    if (inner && inner.id !== unparen(recv).id) {
      const left = chainName(inner);
      return { name: left ? `${left}.${method}` : method, method, receiver: recv };
    }
  }
  const left = chainName(recv);
  const out: { name: string; method: string; receiver?: Node } = { name: left ? `${left}.${method}` : method, method };
  if (recv) out.receiver = recv;
  return out;
}

/** Argument expressions of a call's `arguments` node (named arguments keep their value). */
export function argsOf(argsNode: Node | null | undefined): Node[] {
  const out: Node[] = [];
  for (const a of argsNode?.namedChildren ?? []) {
    if (!a || a.type === 'comment') continue;
    if (a.type === 'argument') {
      const v = a.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
      const value = v[v.length - 1];
      if (value) out.push(value);
    } else out.push(a);
  }
  return out;
}

/** A named argument (`name: value`) of a call node, if written. */
export function namedArg(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c?.type === 'arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a?.type !== 'argument') continue;
    const n = a.childForFieldName('name');
    if (n?.text === name) return a.namedChild(a.namedChildCount - 1) ?? undefined;
  }
  return undefined;
}

function decodeEscape(e: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"', "'": "'", '0': '\0' };
  const body = e.slice(1);
  if (/^x[0-9a-fA-F]{1,2}$/.test(body)) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (/^u\{[0-9a-fA-F]+\}$/.test(body)) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
  if (/^[0-7]{1,3}$/.test(body)) return String.fromCharCode(parseInt(body, 8));
  return map[body] ?? e;
}

/** The value of a PHP string literal without interpolation; undefined otherwise. */
export function stringValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string': {
      let out = '';
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'string_content') out += c.text;
        else if (c.type === 'escape_sequence') out += c.text === "\\'" ? "'" : c.text === '\\\\' ? '\\' : c.text;
        else return undefined;
      }
      return out;
    }
    case 'encapsed_string':
    case 'heredoc': {
      const holder = node.type === 'heredoc' ? node.childForFieldName('value') : node;
      if (!holder) return node.type === 'heredoc' ? '' : undefined;
      let out = '';
      for (const c of holder.namedChildren) {
        if (!c) continue;
        if (c.type === 'string_content' || c.type === 'string_value') out += c.text;
        else if (c.type === 'escape_sequence') out += decodeEscape(c.text);
        else return undefined;
      }
      return out;
    }
    case 'nowdoc': {
      const body = node.childForFieldName('value');
      return body ? body.namedChildren.map((c) => c?.text ?? '').join('') : '';
    }
    default:
      return undefined;
  }
}

/** Simple type name of a PHP type node (`?Client` → `Client`, `\GuzzleHttp\ClientInterface` → `ClientInterface`). */
export function typeName(t: Node | null | undefined): string | undefined {
  if (!t) return undefined;
  if (t.type === 'optional_type' || t.type === 'named_type') {
    const inner = t.namedChildren.find((c) => !!c);
    return inner ? typeName(inner) : simpleName(t.text);
  }
  if (t.type === 'name' || t.type === 'qualified_name') return simpleName(t.text);
  if (t.type === 'union_type' || t.type === 'intersection_type') {
    const first = t.namedChildren.find((c) => c && c.type !== 'primitive_type');
    return first ? typeName(first) : undefined;
  }
  if (t.type === 'primitive_type') return t.text;
  return simpleName(t.text);
}

function hasModifier(n: Node | null | undefined, word: string): boolean {
  if (!n) return false;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && c.type.endsWith('_modifier') && c.text.toLowerCase() === word) return true;
  }
  return false;
}

function insideFunction(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.type) || LAMBDA_TYPES.has(p.type)) return true;
    if (CLASS_TYPES.has(p.type)) return false;
  }
  return false;
}

const LOOP_KIND: Record<string, string> = { for_statement: 'for', foreach_statement: 'foreach', while_statement: 'while', do_statement: 'do-while' };

/** Helpers whose callback runs once per element. */
const ITERATION_FUNCTIONS = new Set(['array_map', 'array_walk', 'array_walk_recursive', 'array_filter', 'array_reduce', 'iterator_apply', 'usort', 'uasort']);
const ITERATION_METHODS = new Set([
  'each', 'map', 'flatMap', 'filter', 'reject', 'transform', 'chunk', 'chunkById', 'lazyById', 'eachSpread', 'mapWithKeys', 'mapSpread',
  'mapInto', 'flatMapWithKeys', 'sortBy', 'groupBy', 'keyBy', 'every', 'partition', 'reduce', 'forEach', 'pipe', 'tap',
]);
/** `pipe`/`tap` run once: not iterations after all. */
const ONCE_METHODS = new Set(['pipe', 'tap']);

export const PHP_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: LAMBDA_TYPES,
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument', 'arguments']),

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const name = n?.text ?? '<anonymous>';
    return { name: name.toLowerCase() === '__construct' ? '<init>' : name, line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    if (cls.type === 'anonymous_class') {
      const base = cls.namedChildren.find((c) => c?.type === 'base_clause')?.namedChild(0);
      return `<anonymous ${base ? simpleName(base.text) : 'class'}>`;
    }
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'object_creation_expression') {
      const name = newTypeName(node);
      const args = argsOf(node.namedChildren.find((c) => c?.type === 'arguments'));
      return { node, name, method: name, args, isNew: true };
    }
    if (!CALL_TYPES.has(node.type)) return undefined;
    const { name, method, receiver } = callName(node);
    const args = argsOf(node.childForFieldName('arguments'));
    // The `logger('message')` helper logs at debug level.
    if (node.type === 'function_call_expression' && name === 'logger' && args.length > 0) {
      return { node, name: 'logger.debug', method: 'debug', args, isNew: false };
    }
    const c: CallInfo = { node, name, method, args, isNew: false };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    const kind = LOOP_KIND[loop.type];
    if (!kind) return undefined;
    if (loop.type === 'for_statement') {
      // `for (init; cond; update)`: the initialiser runs once.
      const init = loop.childForFieldName('initialize');
      return init && init.id === child.id ? undefined : kind;
    }
    if (loop.type === 'foreach_statement') {
      // The collection expression is evaluated once.
      return loop.namedChild(0)?.id === child.id ? undefined : kind;
    }
    return kind;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (!call.receiver && ITERATION_FUNCTIONS.has(call.name)) return call.name;
    if (call.receiver && ITERATION_METHODS.has(call.method) && !ONCE_METHODS.has(call.method)) return call.method;
    return undefined;
  },

  stringValue,

  declarations(node) {
    switch (node.type) {
      case 'property_element': {
        const holder = node.parent;
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        const d: Declaration = {
          name: varName(nameNode),
          nameNode,
          kind: 'field',
          constant: hasModifier(holder, 'readonly'),
          annotations: [],
        };
        const v = node.childForFieldName('default_value');
        if (v) d.value = v;
        const t = typeName(holder?.childForFieldName('type'));
        if (t) d.type = t;
        return [d];
      }
      case 'const_element': {
        const kids = node.namedChildren.filter((c): c is Node => !!c);
        const nameNode = kids.find((c) => c.type === 'name');
        if (!nameNode) return [];
        const value = kids.find((c) => c.id !== nameNode.id);
        const d: Declaration = { name: nameNode.text, nameNode, kind: 'field', constant: true, annotations: [] };
        if (value) d.value = value;
        return [d];
      }
      case 'simple_parameter':
      case 'variadic_parameter':
      case 'property_promotion_parameter': {
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        const promoted = node.type === 'property_promotion_parameter';
        const d: Declaration = {
          name: varName(nameNode),
          nameNode,
          kind: promoted ? 'field' : 'parameter',
          constant: promoted && hasModifier(node, 'readonly'),
          annotations: [],
        };
        const v = node.childForFieldName('default_value');
        if (v) d.value = v;
        const t = typeName(node.childForFieldName('type'));
        if (t) d.type = t;
        return [d];
      }
      case 'static_variable_declaration': {
        const nameNode = node.childForFieldName('name');
        if (!nameNode) return [];
        const d: Declaration = { name: varName(nameNode), nameNode, kind: 'local', constant: false, annotations: [] };
        const v = node.childForFieldName('value');
        if (v) d.value = v;
        return [d];
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const value = node.childForFieldName('right');
        if (!left || !value) return [];
        if (left.type === 'variable_name') {
          const name = varName(left);
          if (!name || name === 'this') return [];
          // Top-level script variables are visible in the whole file (a "global").
          return [{ name, nameNode: left, kind: insideFunction(node) ? 'local' : 'field', constant: false, annotations: [], value }];
        }
        if (MEMBER_ACCESS.has(left.type) && varName(left.childForFieldName('object')) === 'this') {
          const nameNode = left.childForFieldName('name');
          if (!nameNode || nameNode.type !== 'name') return [];
          return [{ name: nameNode.text, nameNode, kind: 'field', constant: false, annotations: [], value }];
        }
        return [];
      }
      case 'function_call_expression': {
        // define('NAME', value)
        const args = argsOf(node.childForFieldName('arguments'));
        const k = args[0];
        const name = k ? stringValue(k) : undefined;
        if (!k || !name || !/^[A-Za-z_]\w*$/.test(name)) return [];
        const d: Declaration = { name, nameNode: k, kind: 'field', constant: true, annotations: [] };
        if (args[1]) d.value = args[1];
        return [d];
      }
      default:
        return [];
    }
  },

  assignment(node): Assignment | undefined {
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    if (!left || !value) return undefined;
    let op = '=';
    if (node.type === 'augmented_assignment_expression') op = node.childForFieldName('operator')?.text ?? node.child(1)?.text ?? '.=';
    if (left.type === 'variable_name') return { node, name: varName(left), value, operator: op };
    if (MEMBER_ACCESS.has(left.type)) {
      const obj = left.childForFieldName('object');
      const name = left.childForFieldName('name')?.text ?? '';
      const q = varName(obj) === 'this' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (left.type === 'scoped_property_access_expression') {
      const scope = left.childForFieldName('scope');
      const name = varName(left.childForFieldName('name'));
      return { node, name, qualifier: isSelfScope(scope) ? 'this' : chainName(scope), value, operator: op };
    }
    if (left.type === 'subscript_expression') {
      // $headers['Authorization'] = '…'
      const base = left.namedChild(0);
      const idx = left.namedChild(1);
      const key = idx ? stringValue(idx) : undefined;
      if (key !== undefined) return { node, name: key, qualifier: chainName(base), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'variable_name') {
      const v = varName(e);
      return v === 'this' ? '' : v;
    }
    if (MEMBER_ACCESS.has(e.type) || e.type === 'scoped_property_access_expression') return chainName(e);
    return '';
  },

  evaluate(node, r) {
    return evaluate(node, r);
  },
};

// ---------------------------------------------------------------------------
// Values

/** The class (node) around a node. */
export function enclosingClassNode(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (CLASS_TYPES.has(p.type)) return p;
  return undefined;
}

/** A property/constant of the class around `at` (`$this->url`, `self::URL`). */
function ownMember(r: ValueResolver, name: string, at: Node): Val | undefined {
  const cls = enclosingClassNode(at);
  if (!cls) return undefined;
  const d = r.fa.decls.inClass(PHP_SYNTAX.className(cls), name);
  return d ? r.declaration(d) : undefined;
}

function parts(r: ValueResolver, holder: Node): Val | undefined {
  const ps = [];
  let allLit = true;
  let s = '';
  for (const c of holder.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content' || c.type === 'string_value' || c.type === 'nowdoc_string') {
      ps.push({ s: c.text, via: [], keys: [], lit: true, complete: true, names: [] });
      s += c.text;
    } else if (c.type === 'escape_sequence') {
      const v = decodeEscape(c.text);
      ps.push({ s: v, via: [], keys: [], lit: true, complete: true, names: [] });
      s += v;
    } else if (c.type === 'heredoc_start' || c.type === 'heredoc_end') {
      continue;
    } else {
      allLit = false;
      ps.push(r.part(c));
    }
  }
  if (allLit) return lit(s);
  return r.join(ps, 'template');
}

/** Laravel `config('dancu.url'[, default])`: `config/*.php`, its `env()` through the env files. */
export function laravelConfig(r: ValueResolver, key: string, def: StrVal | undefined): Val {
  const hit = r.fa.config.withEnv('laravel', key, r.fa.path);
  if (hit) {
    const v = resolvedToVal(hit);
    if (v.t === 'ref' && def) return withDefault(key, def, 'config');
    return v;
  }
  return withDefault(key, def, 'config');
}

/** `env('X', 'default')`: the env files, else the default. */
export function phpEnv(r: ValueResolver, name: string, def: StrVal | undefined): Val {
  return r.env(name, def);
}

function orElse(r: ValueResolver, a: Node, b: Node): Val | undefined {
  const left = r.resolve(a);
  if (left?.t === 'str') return left;
  const def = r.str(b);
  if (left?.t === 'ref') {
    if (!def) return left;
    return { ...def, via: [...new Set(['env-default' as const, ...def.via.filter((s) => s !== 'literal')])], keys: [...new Set([...left.keys, ...def.keys])], lit: false };
  }
  return def ?? left;
}

function evaluate(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'string':
    case 'nowdoc': {
      const s = stringValue(node);
      return s === undefined ? undefined : lit(s);
    }
    case 'encapsed_string':
      return parts(r, node);
    case 'heredoc': {
      const body = node.childForFieldName('value');
      return body ? parts(r, body) : lit('');
    }
    case 'parenthesized_expression':
    case 'cast_expression': {
      const inner = unparen(node);
      return inner.id === node.id ? undefined : r.resolve(inner);
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === '.') return r.concat([r.part(left), r.part(right)]);
      if (op === '??' && left && right) return orElse(r, left, right);
      if ((op === '?:' || op === '||' || op === 'or') && left && right) return orElse(r, left, right);
      return undefined;
    }
    case 'conditional_expression': {
      const body = node.childForFieldName('body');
      const alt = node.childForFieldName('alternative');
      const cond = node.childForFieldName('condition');
      if (!body && cond && alt) return orElse(r, cond, alt); // $a ?: 'b'
      const a = r.resolve(body);
      if (a?.t === 'str') return a;
      return r.resolve(alt) ?? a;
    }
    case 'variable_name': {
      const name = varName(node);
      if (!name || name === 'this') return undefined;
      const d = r.fa.decls.lookup(name, node);
      // `$url` never means a property: only variables, parameters and script "globals".
      if (!d) return undefined;
      if (d.kind === 'field' && (d.nameNode.type !== 'variable_name' || enclosingClassNode(d.nameNode))) return undefined;
      return r.declaration(d);
    }
    case 'member_access_expression':
    case 'nullsafe_member_access_expression': {
      const obj = node.childForFieldName('object');
      const f = node.childForFieldName('name');
      if (!obj || !f || f.type !== 'name') return undefined;
      if (varName(obj) === 'this') return ownMember(r, f.text, node);
      return undefined;
    }
    case 'scoped_property_access_expression': {
      const scope = node.childForFieldName('scope');
      const name = varName(node.childForFieldName('name'));
      if (!name) return undefined;
      if (isSelfScope(scope)) return ownMember(r, name, node);
      return r.member(chainName(scope), name, node);
    }
    case 'class_constant_access_expression': {
      const kids = node.namedChildren.filter((c): c is Node => !!c);
      const scope = kids[0];
      const name = kids[1]?.text;
      if (!name || name === 'class') return scope && name === 'class' ? lit(simpleName(scope.text)) : undefined;
      if (isSelfScope(scope)) return ownMember(r, name, node);
      return r.member(chainName(scope), name, node);
    }
    case 'name': {
      // A global constant: define('NAME', …) or a top-level `const NAME = …`.
      if (/^(true|false|null)$/i.test(node.text)) return undefined;
      const d = r.fa.decls.anyConstant(node.text);
      return d ? r.declaration(d) : undefined;
    }
    case 'subscript_expression': {
      // $_ENV['X'], $_SERVER['X'], getenv()
      const base = node.namedChild(0);
      const idx = node.namedChild(1);
      const b = varName(base);
      if ((b === '_ENV' || b === '_SERVER') && idx) {
        const k = r.str(idx)?.s;
        return k ? r.env(k) : undefined;
      }
      return undefined;
    }
    case 'object_creation_expression':
    case 'array_creation_expression':
    case 'anonymous_function':
    case 'arrow_function':
      return { t: 'node', node, via: [] };
    case 'function_call_expression':
    case 'member_call_expression':
    case 'nullsafe_member_call_expression':
    case 'scoped_call_expression':
      return invocation(node, r);
    default:
      return undefined;
  }
}

function strArg(r: ValueResolver, n: Node | undefined): string | undefined {
  return n ? r.str(n)?.s : undefined;
}

function invocation(node: Node, r: ValueResolver): Val | undefined {
  const c = r.fa.callInfo(node);
  if (!c) return undefined;
  const name = c.name;
  const a0 = c.args[0];
  const a1 = c.args[1];
  if ((name === 'config' && !c.receiver) || name === 'Config.get' || name === 'Config.string') {
    if (!a0) return undefined;
    const k = strArg(r, a0);
    if (!k) return undefined;
    return laravelConfig(r, k, a1 ? r.str(a1) : undefined);
  }
  if ((name === 'env' || name === 'getenv' || name === 'Env.get') && !c.receiver && a0) {
    const k = strArg(r, a0);
    if (!k) return undefined;
    return phpEnv(r, k, name === 'getenv' ? undefined : a1 ? r.str(a1) : undefined);
  }
  if (name === 'Env.get' && a0) {
    const k = strArg(r, a0);
    return k ? phpEnv(r, k, a1 ? r.str(a1) : undefined) : undefined;
  }
  if ((name === 'sprintf' || name === 'vsprintf') && a0) {
    const fmt = r.str(a0);
    if (!fmt) return undefined;
    let args = c.args.slice(1);
    if (name === 'vsprintf' && a1?.type === 'array_creation_expression') args = arrayValues(a1);
    return r.format(fmt, args, 'printf');
  }
  if ((name === 'implode' || name === 'join') && c.args.length === 2) {
    const sep = r.str(a0)?.s;
    const arr = a1 && unparen(a1).type === 'array_creation_expression' ? arrayValues(unparen(a1)) : undefined;
    if (sep === undefined || !arr) return undefined;
    const ps = [];
    for (let i = 0; i < arr.length; i++) {
      if (i > 0) ps.push({ s: sep, via: [], keys: [], lit: true, complete: true, names: [] });
      ps.push(r.part(arr[i]));
    }
    return r.concat(ps);
  }
  if ((name === 'rtrim' || name === 'trim' || name === 'ltrim') && a0) {
    const v = r.resolve(a0);
    if (v?.t !== 'str') return v;
    const chars = a1 ? (r.str(a1)?.s ?? ' ') : ' \t\n\r\0\x0B';
    const set = new Set(chars.split(''));
    let s = v.s;
    if (name !== 'ltrim') while (s.length && set.has(s[s.length - 1]!)) s = s.slice(0, -1);
    if (name !== 'rtrim') while (s.length && set.has(s[0]!)) s = s.slice(1);
    return { ...v, s };
  }
  if ((name === 'strval' || name === 'urldecode' || name === 'Str.finish' || name === 'url') && a0 && c.args.length === 1) return r.resolve(a0);
  // A same-file getter: `$this->getBaseUrl()`, `self::baseUrl()`, `baseUrl()`.
  if (c.args.length === 0 && (!c.receiver || varName(c.receiver) === 'this')) {
    const ret = returnedExpression(r, c.method);
    if (ret) return r.resolve(ret);
  }
  return undefined;
}

/** The values of a PHP array literal, in order. */
export function arrayValues(arr: Node): Node[] {
  const out: Node[] = [];
  for (const el of arr.namedChildren) {
    if (el?.type !== 'array_element_initializer') continue;
    const kids = el.namedChildren.filter((k): k is Node => !!k && k.type !== 'comment');
    const v = kids[kids.length - 1];
    if (v) out.push(v);
  }
  return out;
}

/** `key => value` of an array literal: the value node of a string key. */
export function arrayGet(arr: Node | undefined, key: string): Node | undefined {
  if (!arr) return undefined;
  const a = unparen(arr);
  if (a.type !== 'array_creation_expression') return undefined;
  for (const el of a.namedChildren) {
    if (el?.type !== 'array_element_initializer') continue;
    const kids = el.namedChildren.filter((k): k is Node => !!k && k.type !== 'comment');
    if (kids.length !== 2) continue;
    const k = kids[0]!;
    const kt = stringValue(k) ?? (k.type === 'class_constant_access_expression' || k.type === 'name' ? k.text.replace(/^.*::/, '') : undefined);
    if (kt !== undefined && kt.toLowerCase() === key.toLowerCase()) return kids[1];
  }
  return undefined;
}

function returnedExpression(r: ValueResolver, method: string): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (fn.childForFieldName('name')?.text !== method) continue;
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
