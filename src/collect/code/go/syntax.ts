/**
 * How the framework reads Go syntax (`tree-sitter-go`): names of calls (the method's
 * receiver variable dropped, like `this`: `s.client.Do` → `client.Do`), functions and
 * methods (`Type.Method`), composite literals as object creations (`&http.Client{…}`
 * → `http.Client`), declarations (`var`, `const`, `:=`, function parameters, struct
 * fields), `for` loops, string literals (interpreted and raw), and value resolution:
 * `+`, `fmt.Sprintf`/`fmt.Sprint`, `url.JoinPath`/`path.Join`, `strings.TrimSuffix`…,
 * package-level constants and variables of the file, struct fields set in a composite
 * literal or an assignment of the file, `os.Getenv`/`os.LookupEnv`, a same-file env
 * helper (`getEnv("X", "default")`), `cmp.Or`, Viper (`viper.GetString("dancu.url")`:
 * the config files, else the env var `DANCU_URL`, else `viper.SetDefault` in the file).
 *
 * Logger builders are left out of a log call's name: `log.WithFields(f).Info` is
 * `log.Info`, `logger.With(zap.String(…)).Info` is `logger.Info`, `logger.Sugar().Infow`
 * is `logger.Infow`.
 */
import { lit } from '../resolve.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node, Part, Val, ValueResolver } from '../types.js';
import { resolvedToVal } from '../../config/flavours/laravel.js';

const LOG_METHODS = /^(?:Info|Infof|Infow|Infoln|Warn|Warnf|Warnw|Warning|Warningf|Error|Errorf|Errorw|Debug|Debugf|Debugw|Fatal|Fatalf|Fatalw|Panic|Panicf|Trace|Tracef|Print|Printf|Println|Log|Logf|Msg|Msgf|InfoContext|WarnContext|ErrorContext|DebugContext)$/;
const LOG_BUILDERS = new Set(['WithFields', 'WithField', 'WithError', 'WithContext', 'WithTime', 'With', 'Sugar', 'Named', 'WithGroup']);

export function unparen(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.type === 'parenthesized_expression') {
      const inner = cur.namedChild(0);
      if (!inner) return cur;
      cur = inner;
    } else if (cur.type === 'unary_expression' && cur.child(0)?.type === '&') {
      const inner = cur.childForFieldName('operand');
      if (!inner) return cur;
      cur = inner;
    } else return cur;
  }
}

interface MethodRange {
  start: number;
  end: number;
  node: Node;
  recv?: string;
}

/** The methods of a tree (Go methods are top-level declarations), computed once per tree. */
const methodRanges = new WeakMap<object, MethodRange[]>();

function methodsOf(n: Node): MethodRange[] {
  const tree = n.tree as object;
  let m = methodRanges.get(tree);
  if (!m) {
    m = [];
    for (const c of n.tree.rootNode.namedChildren) {
      if (c?.type !== 'method_declaration') continue;
      const r: MethodRange = { start: c.startIndex, end: c.endIndex, node: c };
      const recv = receiverName(c);
      if (recv) r.recv = recv;
      m.push(r);
    }
    methodRanges.set(tree, m);
  }
  return m;
}

function methodRangeAt(n: Node): MethodRange | undefined {
  const at = n.startIndex;
  for (const r of methodsOf(n)) if (r.start <= at && n.endIndex <= r.end) return r;
  return undefined;
}

/** The method declaration around a node. */
export function enclosingMethod(n: Node): Node | undefined {
  return methodRangeAt(n)?.node;
}

/** The receiver variable of a method (`s` in `func (s *Svc) Lookup()`). */
export function receiverName(method: Node): string | undefined {
  const recv = method.childForFieldName('receiver');
  const p = recv?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  return p?.childForFieldName('name')?.text;
}

/** The receiver's type name (`Svc` for `*Svc`, `Svc[T]`). */
export function receiverType(method: Node): string {
  const recv = method.childForFieldName('receiver');
  const p = recv?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  return typeText(p?.childForFieldName('type')) ?? '<receiver>';
}

function isReceiver(n: Node): boolean {
  if (n.type !== 'identifier') return false;
  const r = methodRangeAt(n);
  return !!r && r.recv === n.text;
}

/** `*http.Client` → `http.Client`; `[]T` → undefined. */
export function typeText(t: Node | null | undefined): string | undefined {
  if (!t) return undefined;
  switch (t.type) {
    case 'pointer_type': {
      const inner = t.namedChild(0);
      return inner ? typeText(inner) : undefined;
    }
    case 'qualified_type':
    case 'type_identifier':
      return t.text.replace(/\s+/g, '');
    case 'generic_type':
      return typeText(t.childForFieldName('type'));
    default:
      return undefined;
  }
}

/** The normalised name of an expression: `s.client` → `client`, `resty.New().R()` → `resty.New.R`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'identifier':
      return isReceiver(e) ? '' : e.text;
    case 'selector_expression': {
      const left = chainName(e.childForFieldName('operand'));
      const f = e.childForFieldName('field')?.text ?? '';
      return left ? `${left}.${f}` : f;
    }
    case 'call_expression':
      return callName(e).name;
    case 'composite_literal':
      return typeText(e.childForFieldName('type')) ?? '';
    case 'index_expression':
      return chainName(e.childForFieldName('operand'));
    default:
      return '';
  }
}

function callName(e: Node): { name: string; method: string; receiver?: Node } {
  const f = e.childForFieldName('function');
  if (!f) return { name: '', method: '' };
  const fn = f.type === 'parenthesized_expression' ? unparen(f) : f;
  if (fn.type === 'selector_expression') {
    const method = fn.childForFieldName('field')?.text ?? '';
    const recv = fn.childForFieldName('operand') ?? undefined;
    if (recv && LOG_METHODS.test(method)) {
      let inner: Node | undefined = unparen(recv);
      let elided = false;
      while (inner && inner.type === 'call_expression') {
        const g = inner.childForFieldName('function');
        const m = g?.type === 'selector_expression' ? g.childForFieldName('field')?.text : undefined;
        if (!g || !m || !LOG_BUILDERS.has(m)) break;
        inner = g.childForFieldName('operand') ?? undefined;
        elided = true;
      }
      if (elided && inner) {
        const left = chainName(inner);
        return { name: left ? `${left}.${method}` : method, method, receiver: recv };
      }
    }
    const left = chainName(recv);
    const out: { name: string; method: string; receiver?: Node } = { name: left ? `${left}.${method}` : method, method };
    if (recv && !(recv.type === 'identifier' && isReceiver(recv))) out.receiver = recv;
    return out;
  }
  if (fn.type === 'identifier') return { name: fn.text, method: fn.text };
  if (fn.type === 'index_expression') {
    const name = chainName(fn);
    return { name, method: name.slice(name.lastIndexOf('.') + 1) };
  }
  return { name: '', method: '' };
}

function decodeGo(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[abfnrtv\\'"])/g, (m, e: string) => {
    if (/^[xuU]/.test(e)) return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/^[0-7]{3}$/.test(e)) return String.fromCharCode(parseInt(e, 8));
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };
    return map[e] ?? m;
  });
}

export function stringValue(node: Node): string | undefined {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1).replace(/\r/g, '');
  if (node.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpreted_string_literal_content') out += c.text;
    else if (c.type === 'escape_sequence') out += decodeGo(c.text);
    else return undefined;
  }
  return out;
}

/** Not a package-level declaration (`var`/`const` specs directly under the file are package-level). */
function insideFunction(n: Node): boolean {
  let p = n.parent;
  while (p && (p.type === 'var_declaration' || p.type === 'const_declaration' || p.type === 'var_spec_list' || p.type === 'const_spec_list')) p = p.parent;
  return p?.type !== 'source_file';
}

function exprList(n: Node | null | undefined): Node[] {
  if (!n) return [];
  if (n.type === 'expression_list') return n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return [n];
}

const ITERATION = /^(lo\.(ForEach|Map|FilterMap|FlatMap|Filter|Reduce)|slices\.(IndexFunc|ContainsFunc)|errgroup\.Go)$/;

export const GO_SYNTAX: LanguageSyntax = {
  functionTypes: new Set(['function_declaration', 'method_declaration']),
  lambdaTypes: new Set(['func_literal']),
  classTypes: new Set(['method_declaration']),
  argumentWrapperTypes: new Set(['argument_list']),

  functionName(fn) {
    const holder = fn.type === 'block' ? fn.parent : fn;
    const n = holder?.childForFieldName('name');
    return { name: n?.text ?? '<func>', line: n ? n.startPosition.row + 1 : fn.startPosition.row + 1 };
  },

  className(cls) {
    return cls.type === 'method_declaration' ? receiverType(cls) : '<type>';
  },

  call(node) {
    if (node.type === 'composite_literal') {
      const name = typeText(node.childForFieldName('type'));
      if (!name) return undefined;
      return { node, name, method: name.slice(name.lastIndexOf('.') + 1), args: [], isNew: true };
    }
    if (node.type !== 'call_expression') return undefined;
    const { name, method, receiver } = callName(node);
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is Node => !!a && a.type !== 'comment');
    const c: CallInfo = { node, name, method, args, isNew: false };
    if (receiver) c.receiver = receiver;
    return c;
  },

  loopKind(loop, child) {
    if (loop.type !== 'for_statement') return undefined;
    if (loop.childForFieldName('body')?.id !== child.id) return undefined;
    return loop.namedChildren.some((c) => c?.type === 'range_clause') ? 'for-range' : 'for';
  },

  iterationKind(call) {
    return !call.isNew && ITERATION.test(call.name) ? call.name : undefined;
  },

  stringValue,

  declarations(node) {
    const out: Declaration[] = [];
    switch (node.type) {
      case 'var_spec':
      case 'const_spec': {
        const names = node.childrenForFieldName('name').filter((c): c is Node => !!c);
        const values = exprList(node.childForFieldName('value'));
        const type = typeText(node.childForFieldName('type'));
        const local = insideFunction(node);
        names.forEach((n, i) => {
          if (n.text === '_') return;
          const d: Declaration = { name: n.text, nameNode: n, kind: local ? 'local' : 'field', constant: node.type === 'const_spec', annotations: [] };
          const v = values.length === names.length ? values[i] : i === 0 ? values[0] : undefined;
          if (v) d.value = v;
          if (type) d.type = type;
          out.push(d);
        });
        return out;
      }
      case 'short_var_declaration': {
        const names = exprList(node.childForFieldName('left'));
        const values = exprList(node.childForFieldName('right'));
        names.forEach((n, i) => {
          if (n.type !== 'identifier' || n.text === '_') return;
          const v = values.length === names.length ? values[i] : i === 0 ? values[0] : undefined;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'local', constant: false, annotations: [] };
          if (v) d.value = v;
          out.push(d);
        });
        return out;
      }
      case 'parameter_declaration':
      case 'variadic_parameter_declaration': {
        // Method parameters sit outside the method's body (its @function): they are left
        // out rather than seen file-wide.
        if (node.parent?.parent?.type === 'method_declaration') return [];
        const type = typeText(node.childForFieldName('type'));
        for (const n of node.childrenForFieldName('name')) {
          if (!n || n.text === '_') continue;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'parameter', constant: false, annotations: [] };
          if (type) d.type = type;
          out.push(d);
        }
        return out;
      }
      case 'field_declaration': {
        const type = typeText(node.childForFieldName('type'));
        for (const n of node.childrenForFieldName('name')) {
          if (!n) continue;
          const d: Declaration = { name: n.text, nameNode: n, kind: 'property', constant: false, annotations: [] };
          if (type) d.type = type;
          out.push(d);
        }
        return out;
      }
      default:
        return [];
    }
  },

  declarationValue(d, r) {
    // A struct field: the value given to it in a composite literal of the file (`&Svc{baseURL: x}`).
    if (d.kind !== 'property' || d.value) return undefined;
    for (const k of r.fa.captures('keyed')) {
      const key = k.childForFieldName('key');
      const keyId = key?.namedChild(0);
      if (keyId?.type !== 'identifier' || keyId.text !== d.name) continue;
      const v = k.childForFieldName('value')?.namedChild(0);
      const val = v ? r.resolve(v) : undefined;
      if (val) return val;
    }
    return undefined;
  },

  assignment(node): Assignment | undefined {
    const left = exprList(node.childForFieldName('left'))[0];
    const value = exprList(node.childForFieldName('right'))[0];
    if (!left || !value) return undefined;
    const op = node.childForFieldName('operator')?.text ?? '=';
    if (left.type === 'identifier') return { node, name: left.text, value, operator: op };
    if (left.type === 'selector_expression') {
      const obj = left.childForFieldName('operand');
      const name = left.childForFieldName('field')?.text ?? '';
      return { node, name, qualifier: chainName(obj), value, operator: op };
    }
    return undefined;
  },

  exprName(node) {
    const e = unparen(node);
    if (e.type === 'identifier') return isReceiver(e) ? '' : e.text;
    if (e.type === 'selector_expression') return chainName(e);
    return '';
  },

  evaluate(node, r) {
    return evaluate(node, r);
  },
};

// ---------------------------------------------------------------------------
// Values

const importCache = new WeakMap<object, Map<string, string>>();
const fieldCache = new WeakMap<object, Map<string, Declaration>>();

/** Struct fields of the file by name (the first one of a name). */
export function structField(fa: { decls: { all(): Declaration[] } }, name: string): Declaration | undefined {
  let m = fieldCache.get(fa);
  if (!m) {
    m = new Map();
    for (const d of fa.decls.all()) if (d.kind === 'property' && !m.has(d.name)) m.set(d.name, d);
    fieldCache.set(fa, m);
  }
  return m.get(name);
}

/** Local names of imported packages (`http` for "net/http", the alias when given). */
export function importNames(fa: { captures(name: string): Node[] }): Map<string, string> {
  const cached = importCache.get(fa);
  if (cached) return cached;
  const out = new Map<string, string>();
  importCache.set(fa, out);
  for (const spec of fa.captures('import')) {
    const path = stringValue(spec.childForFieldName('path') ?? spec) ?? '';
    const alias = spec.childForFieldName('name')?.text;
    const last = path.split('/').filter((s) => !/^v\d+$/.test(s)).pop() ?? path;
    out.set(alias && alias !== '_' && alias !== '.' ? alias : last.replace(/^go-/, ''), path);
  }
  return out;
}

const litPart = (s: string): Part => ({ s, via: [], keys: [], lit: true, complete: true, names: [] });

function orElse(r: ValueResolver, a: Node, b: Node): Val | undefined {
  const left = r.resolve(a);
  if (left?.t === 'str' && left.s !== '') return left;
  const def = r.str(b);
  if (left?.t === 'ref') {
    if (!def) return left;
    return { ...def, via: [...new Set(['env-default' as const, ...def.via.filter((s) => s !== 'literal')])], keys: [...new Set([...left.keys, ...def.keys])], lit: false };
  }
  return def ?? left;
}

/** Viper: config files, else the env var (`dancu.url` → `DANCU_URL`), else `SetDefault` in the file. */
export function viperValue(r: ValueResolver, key: string): Val {
  const hit = r.fa.config.withEnv('viper', key, r.fa.path);
  if (hit) return resolvedToVal(hit);
  const envName = key.toUpperCase().replace(/[.-]/g, '_');
  const env = r.fa.config.env(envName, r.fa.path);
  if (env) return resolvedToVal({ ...env, keys: [key, ...env.keys], via: ['config', ...env.via] });
  for (const c of r.fa.calls) {
    if (c.method !== 'SetDefault' || c.args.length < 2 || !/(^|\.)?viper|^v$|config/i.test(c.name)) continue;
    if (r.str(c.args[0])?.s.toLowerCase() !== key.toLowerCase()) continue;
    const v = r.str(c.args[1]);
    if (v) return { ...v, via: [...new Set(['config' as const, ...v.via])], keys: [key, ...v.keys], lit: false };
  }
  return { t: 'ref', keys: [key], via: ['config'] };
}

const VIPER_GETTERS = /^(Get|GetString|GetStringSlice|GetStringMapString)$/;

function evaluate(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal': {
      const s = stringValue(node);
      return s === undefined ? undefined : lit(s);
    }
    case 'parenthesized_expression': {
      const inner = node.namedChild(0);
      return inner ? r.resolve(inner) : undefined;
    }
    case 'unary_expression': {
      const inner = unparen(node);
      return inner.id === node.id ? undefined : r.resolve(inner);
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      if (op !== '+') return undefined;
      return r.concat([r.part(node.childForFieldName('left')), r.part(node.childForFieldName('right'))]);
    }
    case 'identifier': {
      if (isReceiver(node)) return undefined;
      const d = r.fa.decls.lookup(node.text, node);
      if (!d || d.kind === 'property') return undefined;
      return r.declaration(d);
    }
    case 'selector_expression': {
      const operand = node.childForFieldName('operand');
      const field = node.childForFieldName('field')?.text;
      if (!operand || !field) return undefined;
      if (operand.type === 'identifier' && !isReceiver(operand) && importNames(r.fa).has(operand.text)) return undefined; // another package
      const d = structField(r.fa, field);
      return d ? r.declaration(d) : undefined;
    }
    case 'type_conversion_expression': {
      const operand = node.childForFieldName('operand');
      return operand ? r.resolve(operand) : undefined;
    }
    case 'composite_literal':
    case 'func_literal':
      return { t: 'node', node, via: [] };
    case 'call_expression':
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
  if ((name === 'os.Getenv' || name === 'os.LookupEnv' || name === 'syscall.Getenv') && a0) {
    const k = r.str(a0)?.s;
    return k ? r.env(k) : undefined;
  }
  if ((name === 'fmt.Sprintf' || name === 'fmt.Errorf') && a0) {
    const fmt = r.str(a0);
    return fmt ? r.format(fmt, c.args.slice(1), 'printf') : undefined;
  }
  if (name === 'fmt.Sprint' && c.args.length > 0) return r.concat(c.args.map((a) => r.part(a)));
  if ((name === 'url.JoinPath' || name === 'path.Join') && c.args.length > 0) {
    const ps: Part[] = [];
    c.args.forEach((a, i) => {
      const p = r.part(a);
      if (i === 0) ps.push({ ...p, s: p.s.replace(/\/+$/, '') });
      else ps.push(litPart('/'), { ...p, s: p.s.replace(/^\/+/, '').replace(/\/+$/, '') });
    });
    return r.concat(ps);
  }
  if (/^strings\.(TrimSuffix|TrimRight|TrimSpace|TrimPrefix|TrimLeft|Trim|ToLower)$/.test(name) && a0) {
    const v = r.resolve(a0);
    if (v?.t !== 'str') return v;
    const arg = c.args[1] ? r.str(c.args[1])?.s : undefined;
    let s = v.s;
    if (c.method === 'TrimSuffix' && arg !== undefined && s.endsWith(arg)) s = s.slice(0, s.length - arg.length);
    else if (c.method === 'TrimRight' && arg !== undefined) while (s.length && arg.includes(s[s.length - 1]!)) s = s.slice(0, -1);
    else if (c.method === 'TrimSpace') s = s.trim();
    return { ...v, s };
  }
  if (name === 'cmp.Or' && c.args.length >= 2) return orElse(r, c.args[0]!, c.args[1]!);
  // Viper: viper.GetString("k"), v.GetString("k") on a viper.New() instance.
  if (VIPER_GETTERS.test(c.method) && c.receiver && a0) {
    const recv = chainName(c.receiver);
    const origin = r.fa.callInfo(unparen(r.origin(unparen(c.receiver))));
    if (/^viper$/i.test(recv) || /(^|\.)viper\.New$/i.test(origin?.name ?? '') || (importNames(r.fa).get(recv) ?? '').includes('spf13/viper')) {
      const k = r.str(a0)?.s;
      return k ? viperValue(r, k) : undefined;
    }
  }
  // A same-file env helper: getEnv("X", "default"), envOr("X", "d"), mustEnv("X").
  if (!c.receiver && /env/i.test(c.method) && a0 && c.args.length <= 2 && definedInFile(r, c.method)) {
    const k = r.str(a0)?.s;
    if (k && /^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) return r.env(k, c.args[1] ? r.str(c.args[1]) : undefined);
  }
  // A same-file function with no parameters: its first return value.
  if (!c.receiver && c.args.length === 0) {
    const ret = returnedExpression(r, c.method);
    if (ret) return r.resolve(ret);
  }
  return undefined;
}

function definedInFile(r: ValueResolver, name: string): boolean {
  return r.fa.captures('function').some((f) => f.type === 'function_declaration' && f.childForFieldName('name')?.text === name);
}

function returnedExpression(r: ValueResolver, name: string): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (fn.type !== 'function_declaration' || fn.childForFieldName('name')?.text !== name) continue;
    if ((fn.childForFieldName('parameters')?.namedChildCount ?? 0) > 0) continue;
    const body = fn.childForFieldName('body');
    const stmts = body?.namedChildren.find((c) => c?.type === 'statement_list')?.namedChildren ?? body?.namedChildren ?? [];
    for (const st of stmts) {
      if (st?.type === 'return_statement') return exprList(st.namedChild(0))[0];
    }
  }
  return undefined;
}
