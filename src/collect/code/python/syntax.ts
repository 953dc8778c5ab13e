/**
 * How the framework reads Python syntax (`tree-sitter-python`): names of calls
 * (`self.`/`cls.` dropped; a call whose callee starts with an upper-case letter,
 * `httpx.Client(…)`, `Session()`, is an object creation), functions (`__init__` is
 * `<init>`), declarations (every assignment: module-level and class-level ones are
 * fields, `self.x = …` in a method is a field of its class; parameters; `with … as x`),
 * loops (`for`, `while`, comprehensions), string literals (prefixes, escapes, implicit
 * concatenation), and value resolution: `+`, f-strings, `%` and `str.format`,
 * `'/'.join([…])`, `urljoin`, `or` defaults, `os.environ[…]`/`os.environ.get(…)`/
 * `os.getenv(…)` (python-decouple `config(…)`, django-environ `env(…)` too), Django
 * `settings.X` (settings.py constants), same-file getters.
 *
 * Logger builders are left out of a log call's name: `logging.getLogger(__name__).info`
 * is `logging.info`, `structlog.get_logger().info` is `structlog.info`,
 * `log.bind(x=1).info` is `log.info`.
 */
import { lit } from '../resolve.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node, Part, StrVal, Val, ValueResolver } from '../types.js';
import { resolvedToVal } from '../../config/flavours/laravel.js';

export const FUNCTION_TYPES = new Set(['function_definition']);
export const LAMBDA_TYPES = new Set(['lambda']);
export const CLASS_TYPES = new Set(['class_definition']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

const LOG_METHODS = /^(?:info|warning|warn|error|debug|critical|exception|log|fatal|msg|success|trace|audit)$/i;
const LOG_BUILDERS = new Set(['getLogger', 'get_logger', 'getChild', 'bind', 'opt', 'new', 'with_fields', 'patch', 'contextualize']);

export function unparen(n: Node): Node {
  let cur = n;
  while (cur.type === 'parenthesized_expression' || cur.type === 'await') {
    const inner = cur.namedChildren.find((c) => c && c.type !== 'comment');
    if (!inner) return cur;
    cur = inner;
  }
  return cur;
}

/** The normalised name of an expression: `self.session` → `session`, `requests.Session().post` → `requests.Session.post`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'identifier':
      return e.text === 'self' || e.text === 'cls' ? '' : e.text;
    case 'attribute': {
      const left = chainName(e.childForFieldName('object'));
      const a = e.childForFieldName('attribute')?.text ?? '';
      return left ? `${left}.${a}` : a;
    }
    case 'call':
      return callName(e).name;
    default:
      return '';
  }
}

function callName(e: Node): { name: string; method: string; receiver?: Node } {
  const f = e.childForFieldName('function');
  if (!f) return { name: '', method: '' };
  const fn = unparen(f);
  if (fn.type === 'attribute') {
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const recv = fn.childForFieldName('object') ?? undefined;
    if (recv && LOG_METHODS.test(method)) {
      let inner: Node | undefined = unparen(recv);
      let elided = false;
      while (inner && inner.type === 'call') {
        const g: Node | null = inner.childForFieldName('function');
        const gf: Node | undefined = g ? unparen(g) : undefined;
        const m = gf?.type === 'attribute' ? gf.childForFieldName('attribute')?.text : undefined;
        if (!gf || gf.type !== 'attribute' || !m || !LOG_BUILDERS.has(m)) break;
        inner = gf.childForFieldName('object') ?? undefined;
        elided = true;
      }
      if (elided && inner) {
        const left = chainName(inner);
        return { name: left ? `${left}.${method}` : method, method, receiver: recv };
      }
    }
    const left = chainName(recv);
    const out: { name: string; method: string; receiver?: Node } = { name: left ? `${left}.${method}` : method, method };
    if (recv) out.receiver = recv;
    return out;
  }
  const name = chainName(fn);
  return { name, method: name.slice(name.lastIndexOf('.') + 1) };
}

/** Positional arguments of a call (keyword arguments and splats left out). */
export function positional(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type === 'generator_expression') return args ? [args] : [];
  return args.namedChildren.filter((a): a is Node => !!a && a.type !== 'keyword_argument' && a.type !== 'comment' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

/** A keyword argument's value. */
export function kwarg(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) return a.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The argument at `index`, else the keyword argument `name`. */
export function argOr(c: CallInfo, index: number, name: string): Node | undefined {
  return c.args[index] ?? kwarg(c.node, name);
}

function decodeEscapes(s: string): string {
  return s.replace(/\\(N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\n|[\\'"abfnrtv])/g, (m, e: string) => {
    if (e === '\n') return '';
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    if (e.startsWith('N{')) return m;
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    return map[e] ?? m;
  });
}

function prefixOf(str: Node): string {
  const start = str.namedChildren.find((c) => c?.type === 'string_start');
  return (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
}

/** The value of a plain string literal (no interpolation); implicit concatenation too. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const c of node.namedChildren) {
      if (!c) continue;
      const v = stringValue(c);
      if (v === undefined) return undefined;
      out += v;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const raw = prefixOf(node).includes('r');
  let out = '';
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'string_content') out += raw ? c.text : decodeEscapes(c.text);
    else if (c.type === 'escape_sequence') out += raw ? c.text : decodeEscapes(c.text);
    else return undefined;
  }
  return out;
}

function insideFunction(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (FUNCTION_TYPES.has(p.type) || LAMBDA_TYPES.has(p.type)) return true;
    if (CLASS_TYPES.has(p.type)) return false;
  }
  return false;
}

function typeText(t: Node | null | undefined): string | undefined {
  if (!t) return undefined;
  const s = t.text.replace(/\s+/g, '');
  const base = s.replace(/\[.*$/, '').replace(/^Optional\[/, '');
  return base.slice(base.lastIndexOf('.') + 1) || undefined;
}

/** Declarations of a `parameters` / `lambda_parameters` node. */
function parameterDecls(node: Node): Declaration[] {
  const out: Declaration[] = [];
  for (const p of node.namedChildren) {
    if (!p) continue;
    let nameNode: Node | undefined;
    let value: Node | undefined;
    let type: string | undefined;
    if (p.type === 'identifier') nameNode = p;
    else if (p.type === 'typed_parameter') {
      nameNode = p.namedChildren.find((c) => c?.type === 'identifier') ?? undefined;
      type = typeText(p.childForFieldName('type'));
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      nameNode = p.childForFieldName('name') ?? undefined;
      value = p.childForFieldName('value') ?? undefined;
      type = typeText(p.childForFieldName('type'));
    }
    if (!nameNode || nameNode.type !== 'identifier' || nameNode.text === 'self' || nameNode.text === 'cls') continue;
    const d: Declaration = { name: nameNode.text, nameNode, kind: 'parameter', constant: false, annotations: [] };
    if (value) d.value = value;
    if (type) d.type = type;
    out.push(d);
  }
  return out;
}

const ITERATION = new Set(['map', 'filter', 'starmap', 'imap', 'imap_unordered', 'map_async', 'starmap_async', 'foreach', 'for_each', 'apply_async']);

export const PY_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: LAMBDA_TYPES,
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const name = n?.text ?? '<lambda>';
    return { name: name === '__init__' ? '<init>' : name, line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type !== 'call') return undefined;
    const { name, method, receiver } = callName(node);
    const args = positional(node);
    const isNew = /^[A-Z]/.test(method) && !/^[A-Z0-9_]+$/.test(method);
    const c: CallInfo = { node, name, method, args, isNew };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'for_statement') return loop.childForFieldName('body')?.id === child.id ? 'for' : undefined;
    if (COMPREHENSIONS.has(loop.type)) {
      // The element expression and `if` clauses run per element; the first iterable once.
      if (loop.childForFieldName('body')?.id === child.id) return 'comprehension';
      if (child.type === 'if_clause') return 'comprehension';
      if (child.type === 'for_in_clause' && loop.namedChildren.filter((c) => c?.type === 'for_in_clause')[0]?.id !== child.id) return 'comprehension';
      return undefined;
    }
    return undefined;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (!call.receiver && (call.name === 'map' || call.name === 'filter')) return call.name;
    if (call.receiver && ITERATION.has(call.method)) return call.method;
    return undefined;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'parameters' || node.type === 'lambda_parameters') return parameterDecls(node);
    if (node.type === 'with_item') {
      const v = node.childForFieldName('value');
      if (v?.type !== 'as_pattern') return [];
      const value = v.namedChild(0);
      const target = v.childForFieldName('alias')?.namedChild(0);
      if (!value || target?.type !== 'identifier') return [];
      return [{ name: target.text, nameNode: target, kind: insideFunction(node) ? 'local' : 'field', constant: false, annotations: [], value }];
    }
    if (node.type !== 'assignment') return [];
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right') ?? undefined;
    if (!left) return [];
    const type = typeText(node.childForFieldName('type'));
    if (left.type === 'identifier') {
      const local = insideFunction(node);
      const d: Declaration = {
        name: left.text,
        nameNode: left,
        kind: local ? 'local' : 'field',
        constant: !local && /^[A-Z][A-Z0-9_]*$/.test(left.text),
        annotations: [],
      };
      if (value) d.value = value;
      if (type) d.type = type;
      return [d];
    }
    if (left.type === 'attribute' && left.childForFieldName('object')?.text === 'self') {
      const nameNode = left.childForFieldName('attribute');
      if (!nameNode) return [];
      const d: Declaration = { name: nameNode.text, nameNode, kind: 'field', constant: false, annotations: [] };
      if (value) d.value = value;
      if (type) d.type = type;
      return [d];
    }
    if ((left.type === 'pattern_list' || left.type === 'tuple_pattern') && value && (value.type === 'expression_list' || value.type === 'tuple')) {
      const names = left.namedChildren.filter((c): c is Node => !!c);
      const values = value.namedChildren.filter((c): c is Node => !!c);
      const out: Declaration[] = [];
      const local = insideFunction(node);
      names.forEach((n, i) => {
        if (n.type !== 'identifier' || !values[i]) return;
        out.push({ name: n.text, nameNode: n, kind: local ? 'local' : 'field', constant: !local && /^[A-Z][A-Z0-9_]*$/.test(n.text), annotations: [], value: values[i] });
      });
      return out;
    }
    return [];
  },

  assignment(node): Assignment | undefined {
    const left = node.childForFieldName('left');
    const value = node.childForFieldName('right');
    if (!left || !value) return undefined;
    const op = node.type === 'augmented_assignment' ? (node.childForFieldName('operator')?.text ?? '+=') : '=';
    if (left.type === 'identifier') return { node, name: left.text, value, operator: op };
    if (left.type === 'attribute') {
      const obj = left.childForFieldName('object');
      const name = left.childForFieldName('attribute')?.text ?? '';
      const q = obj?.text === 'self' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (left.type === 'subscript') {
      // headers['Authorization'] = '…'
      const key = left.childForFieldName('subscript');
      const k = key ? stringValue(key) : undefined;
      if (k !== undefined) return { node, name: k, qualifier: chainName(left.childForFieldName('value')), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'identifier') return e.text === 'self' || e.text === 'cls' ? '' : e.text;
    if (e.type === 'attribute') return chainName(e);
    return '';
  },

  evaluate(node, r) {
    return evaluate(node, r);
  },
};

// ---------------------------------------------------------------------------
// Values

export function enclosingClassNode(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (CLASS_TYPES.has(p.type)) return p;
  return undefined;
}

function selfMember(r: ValueResolver, name: string, at: Node): Val | undefined {
  const cls = enclosingClassNode(at);
  if (!cls) return undefined;
  const d = r.fa.decls.inClass(PY_SYNTAX.className(cls), name);
  return d ? r.declaration(d) : undefined;
}

const litPart = (s: string): Part => ({ s, via: [], keys: [], lit: true, complete: true, names: [] });

function interpolated(r: ValueResolver, node: Node): Val | undefined {
  const raw = prefixOf(node).includes('r');
  const ps: Part[] = [];
  let plain = true;
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'string_content' || c.type === 'escape_sequence') ps.push(litPart(raw ? c.text : decodeEscapes(c.text)));
    else if (c.type === 'interpolation') {
      plain = false;
      ps.push(r.part(c.childForFieldName('expression') ?? c.namedChild(0)));
    } else return undefined;
  }
  if (plain) return lit(ps.map((p) => p.s).join(''));
  return r.join(ps, 'template');
}

/** Python `str.format`: `{}`, `{0}`, `{name}`, `{{`/`}}`, format specs ignored. */
function pyFormat(r: ValueResolver, template: StrVal, call: Node, args: Node[]): StrVal {
  const t = template.s;
  const ps: Part[] = [{ s: '', via: template.via, keys: template.keys, lit: template.lit, complete: true, names: template.names }];
  let buf = '';
  let next = 0;
  let i = 0;
  while (i < t.length) {
    const ch = t[i]!;
    if (ch === '{' && t[i + 1] === '{') {
      buf += '{';
      i += 2;
      continue;
    }
    if (ch === '}' && t[i + 1] === '}') {
      buf += '}';
      i += 2;
      continue;
    }
    if (ch === '{') {
      const end = t.indexOf('}', i);
      if (end < 0) break;
      const field = t.slice(i + 1, end).replace(/[!:].*$/, '');
      if (buf) ps.push(litPart(buf));
      buf = '';
      let arg: Node | undefined;
      if (field === '') arg = args[next++];
      else if (/^\d+$/.test(field)) arg = args[Number(field)];
      else arg = kwarg(call, field.replace(/[.[].*$/, ''));
      ps.push(arg ? r.part(arg) : litPart(`\${${field}}`));
      i = end + 1;
      continue;
    }
    buf += ch;
    i++;
  }
  if (buf) ps.push(litPart(buf));
  return r.join(ps, 'template');
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

/** `settings.X` (Django): settings.py constants, their env reads followed. */
export function djangoSetting(r: ValueResolver, name: string): Val {
  const hit = r.fa.config.withEnv('django', name, r.fa.path);
  if (hit) return resolvedToVal(hit);
  return { t: 'ref', keys: [name], via: ['config'] };
}

const ENV_GETTERS = /^(?:os\.environ\.get|os\.getenv|getenv|environ\.get|os\.environ\.setdefault|environ\.setdefault)$/;
/** python-decouple `config('X', default=…)`, django-environ / environs `env('X', default=…)`, `env.str(…)`. */
const CONFIG_GETTERS = /^(?:config|decouple\.config|env|env\.(?:str|url|get_value))$/;

/** python-decouple, django-environ or environs imported in the file. */
function importsEnvLibrary(r: ValueResolver): boolean {
  return r.fa.captures('import').some((i) => /\b(decouple|environ|environs)\b/.test(i.text));
}

function envCall(r: ValueResolver, c: CallInfo): Val | undefined {
  const keyNode = argOr(c, 0, 'key') ?? kwarg(c.node, 'var');
  const k = keyNode ? r.str(keyNode)?.s : undefined;
  if (!k) return undefined;
  const d = argOr(c, 1, 'default');
  const def = d ? r.str(d) : undefined;
  return r.env(k, def);
}

function evaluate(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'string':
      return interpolated(r, node);
    case 'concatenated_string': {
      const ps: Part[] = [];
      for (const c of node.namedChildren) if (c) ps.push(r.part(c));
      return r.concat(ps) ?? (ps.every((p) => p.lit) ? lit(ps.map((p) => p.s).join('')) : undefined);
    }
    case 'parenthesized_expression':
    case 'await': {
      const inner = unparen(node);
      return inner.id === node.id ? undefined : r.resolve(inner);
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === '+') return r.concat([r.part(left), r.part(right)]);
      if (op === '%' && left && right) {
        const fmt = r.str(left);
        if (!fmt) return undefined;
        const rr = unparen(right);
        const args = rr.type === 'tuple' ? rr.namedChildren.filter((c): c is Node => !!c) : [right];
        return r.format(fmt, args, 'printf');
      }
      return undefined;
    }
    case 'boolean_operator': {
      const op = node.childForFieldName('operator')?.text ?? node.child(1)?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === 'or' && left && right) return orElse(r, left, right);
      return undefined;
    }
    case 'conditional_expression': {
      const [a, , b] = node.namedChildren;
      const va = a ? r.resolve(a) : undefined;
      if (va?.t === 'str') return va;
      return (b ? r.resolve(b) : undefined) ?? va;
    }
    case 'identifier': {
      const d = r.fa.decls.lookup(node.text, node);
      if (!d) return undefined;
      if (d.kind === 'field') {
        // A class attribute is in scope in its class body only (in methods it is `self.x`).
        const dc = enclosingClassNode(d.nameNode);
        if (dc && (insideFunction(node) || enclosingClassNode(node)?.id !== dc.id)) return undefined;
      }
      return r.declaration(d);
    }
    case 'attribute': {
      const obj = node.childForFieldName('object');
      const a = node.childForFieldName('attribute')?.text;
      if (!obj || !a) return undefined;
      if (obj.type === 'identifier' && (obj.text === 'self' || obj.text === 'cls')) return selfMember(r, a, node);
      const q = chainName(obj);
      if (q === 'settings' || q === 'django.conf.settings' || q === 'conf.settings') return djangoSetting(r, a);
      return r.member(q, a, node);
    }
    case 'subscript': {
      const base = node.childForFieldName('value');
      const idx = node.childForFieldName('subscript');
      const b = base ? chainName(base) : '';
      if ((b === 'os.environ' || b === 'environ') && idx) {
        const k = r.str(idx)?.s;
        return k ? r.env(k) : undefined;
      }
      return undefined;
    }
    case 'lambda':
    case 'dictionary':
    case 'tuple':
    case 'list':
      return { t: 'node', node, via: [] };
    case 'call':
      return invocation(node, r);
    default:
      return undefined;
  }
}

function invocation(node: Node, r: ValueResolver): Val | undefined {
  const c = r.fa.callInfo(node);
  if (!c) return undefined;
  const name = c.name;
  const a0 = c.args[0];
  if (ENV_GETTERS.test(name)) return envCall(r, c);
  if (CONFIG_GETTERS.test(name) && importsEnvLibrary(r)) {
    const v = envCall(r, c);
    if (v) return v;
  }
  if (c.isNew) return { t: 'node', node, via: [] };
  // "{}/x".format(a), "%s" % … handled above, '/'.join([...])
  if (c.method === 'format' && c.receiver) {
    const fmt = r.str(c.receiver);
    return fmt ? pyFormat(r, fmt, node, c.args) : undefined;
  }
  if (c.method === 'join' && c.receiver && a0) {
    const sep = r.str(c.receiver)?.s;
    const list = unparen(a0);
    if (sep === undefined || (list.type !== 'list' && list.type !== 'tuple')) return undefined;
    const items = list.namedChildren.filter((x): x is Node => !!x);
    const ps: Part[] = [];
    items.forEach((it, i) => {
      if (i > 0) ps.push(litPart(sep));
      ps.push(r.part(it));
    });
    return r.concat(ps);
  }
  if ((name === 'urljoin' || name === 'parse.urljoin' || name === 'urllib.parse.urljoin') && c.args.length === 2) {
    const base = r.part(c.args[0]);
    const p = r.part(c.args[1]);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p.s)) return r.resolve(c.args[1]);
    const b = p.s.startsWith('/') ? base.s.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/]*).*$/i, '$1') : base.s.replace(/[^/]*$/, '');
    return r.concat([{ ...base, s: b }, p]);
  }
  if ((c.method === 'rstrip' || c.method === 'strip' || c.method === 'lstrip') && c.receiver) {
    const v = r.resolve(c.receiver);
    if (v?.t !== 'str') return v;
    const chars = a0 ? (r.str(a0)?.s ?? '') : ' \t\n\r';
    const set = new Set(chars.split(''));
    let s = v.s;
    if (c.method !== 'lstrip') while (s.length && set.has(s[s.length - 1]!)) s = s.slice(0, -1);
    if (c.method !== 'rstrip') while (s.length && set.has(s[0]!)) s = s.slice(1);
    return { ...v, s };
  }
  if (name === 'str' && a0 && c.args.length === 1) return r.resolve(a0);
  if ((c.method === 'encode' || c.method === 'decode') && c.receiver) return r.resolve(c.receiver);
  // A same-file getter: `self._base_url()`, `base_url()`.
  if (c.args.length === 0 && (!c.receiver || c.receiver.text === 'self' || c.receiver.text === 'cls')) {
    const ret = returnedExpression(r, c.method);
    if (ret) return r.resolve(ret);
  }
  return undefined;
}

function returnedExpression(r: ValueResolver, method: string): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (fn.childForFieldName('name')?.text !== method) continue;
    const params = (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p && p.text !== 'self' && p.text !== 'cls');
    if (params.length > 0) continue;
    const body = fn.childForFieldName('body');
    for (const st of body?.namedChildren ?? []) {
      if (st?.type === 'return_statement') return st.namedChild(0) ?? undefined;
    }
  }
  return undefined;
}

