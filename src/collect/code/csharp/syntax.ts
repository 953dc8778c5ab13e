/**
 * How the framework reads C# syntax (`tree-sitter-c-sharp`): names of calls and
 * functions, declarations, loops, string literals (regular, verbatim, raw,
 * interpolated), and value resolution of C# expressions: concatenation, `??`,
 * interpolation, `string.Format`/`string.Concat`, `new Uri(…)`, .NET configuration
 * (`_config["C06:Url"]`, `GetValue<string>("C06:Url")`, `GetSection("C06")["Url"]`,
 * `GetConnectionString`, options classes bound with `Configure<T>`/`Bind`),
 * `Environment.GetEnvironmentVariable`, `ConfigurationManager.AppSettings[…]` /
 * `.ConnectionStrings[…]` (Web.config / App.config), same-file getters.
 */
import { lit } from '../resolve.js';
import type { Assignment, CallInfo, Declaration, LanguageSyntax, Node, StrVal, Val, ValueResolver } from '../types.js';
import type { CsProject } from './project.js';

export const FUNCTION_TYPES = new Set([
  'method_declaration', 'constructor_declaration', 'local_function_statement', 'destructor_declaration', 'operator_declaration', 'property_declaration',
]);
export const CLASS_TYPES = new Set(['class_declaration', 'struct_declaration', 'interface_declaration', 'record_declaration', 'enum_declaration']);

/** Modifier keywords of a declaration (`static`, `const`, `readonly`, `async`…). */
export function modifiers(decl: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  if (!decl) return out;
  for (const c of decl.namedChildren) if (c?.type === 'modifier') out.add(c.text);
  return out;
}

/** Attributes on a declaration (`[EnableRateLimiting("x")]`). */
export function attributesOf(decl: Node | null | undefined): Node[] {
  if (!decl) return [];
  const out: Node[] = [];
  for (const c of decl.namedChildren) {
    if (c?.type !== 'attribute_list') continue;
    for (const a of c.namedChildren) if (a?.type === 'attribute') out.push(a);
  }
  return out;
}

export function attributeName(a: Node): string {
  const t = a.childForFieldName('name')?.text ?? '';
  const simple = t.slice(t.lastIndexOf('.') + 1);
  return simple.replace(/Attribute$/, '');
}

export function attributeArgs(a: Node): Node[] {
  const list = a.namedChildren.find((c) => c?.type === 'attribute_argument_list');
  const out: Node[] = [];
  for (const arg of list?.namedChildren ?? []) {
    const v = arg?.namedChildren[arg.namedChildCount - 1];
    if (v) out.push(v);
  }
  return out;
}

/** The simple name of a type node (and its type arguments). */
export function typeName(t: Node | null | undefined): { type?: string; typeArgs: string[] } {
  if (!t) return { typeArgs: [] };
  switch (t.type) {
    case 'identifier':
    case 'predefined_type':
      return { type: t.text, typeArgs: [] };
    case 'implicit_type':
      return { typeArgs: [] };
    case 'qualified_name': {
      const n = t.childForFieldName('name');
      return n ? typeName(n) : { type: t.text, typeArgs: [] };
    }
    case 'generic_name': {
      const id = t.namedChild(0);
      const list = t.namedChildren.find((c) => c?.type === 'type_argument_list');
      const typeArgs: string[] = [];
      for (const a of list?.namedChildren ?? []) {
        const n = a ? typeName(a).type : undefined;
        if (n) typeArgs.push(n);
      }
      return { type: id?.text ?? t.text, typeArgs };
    }
    case 'nullable_type':
      return typeName(t.namedChild(0));
    case 'array_type':
      return { type: `${typeName(t.childForFieldName('type')).type ?? '?'}[]`, typeArgs: [] };
    default:
      return { type: t.text, typeArgs: [] };
  }
}

function genericArgs(n: Node | null | undefined): string[] | undefined {
  if (!n || n.type !== 'generic_name') return undefined;
  return typeName(n).typeArgs;
}

export function unwrap(n: Node): Node {
  let cur = n;
  for (;;) {
    if (cur.type === 'parenthesized_expression' || cur.type === 'await_expression' || cur.type === 'checked_expression') {
      const inner = cur.namedChildren[cur.namedChildCount - 1];
      if (!inner) return cur;
      cur = inner;
    } else if (cur.type === 'cast_expression') {
      const v = cur.childForFieldName('value');
      if (!v) return cur;
      cur = v;
    } else if (cur.type === 'postfix_unary_expression' && cur.text.endsWith('!')) {
      const inner = cur.namedChild(0);
      if (!inner) return cur;
      cur = inner;
    } else return cur;
  }
}

function nameText(n: Node | null | undefined): string {
  if (!n) return '';
  if (n.type === 'generic_name') return n.namedChild(0)?.text ?? '';
  return n.text;
}

/** Normalised name of a receiver chain: `this._http` → `_http`, `_config.GetSection("C06")` → `_config.GetSection`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unwrap(n);
  switch (e.type) {
    case 'identifier':
    case 'predefined_type':
    case 'qualified_name':
      return e.text;
    case 'generic_name':
      return nameText(e);
    case 'this':
    case 'this_expression':
      return '';
    case 'base':
    case 'base_expression':
      return 'base';
    case 'member_access_expression': {
      const left = chainName(e.childForFieldName('expression'));
      const name = nameText(e.childForFieldName('name'));
      return left ? `${left}.${name}` : name;
    }
    case 'invocation_expression':
      return chainName(e.childForFieldName('function'));
    case 'conditional_access_expression': {
      const left = chainName(e.childForFieldName('condition'));
      const binding = e.namedChildren[e.namedChildCount - 1];
      const right = binding && binding.id !== e.childForFieldName('condition')?.id ? chainName(binding) : '';
      return left && right ? `${left}.${right}` : left || right;
    }
    case 'member_binding_expression':
      return nameText(e.childForFieldName('name'));
    case 'element_access_expression':
      return chainName(e.childForFieldName('expression'));
    case 'object_creation_expression':
      return typeName(e.childForFieldName('type')).type ?? '';
    default:
      return '';
  }
}

/** Arguments of an argument list, unwrapped from `argument` (named arguments `name: x` too). */
export function argsOf(list: Node | null | undefined): Node[] {
  const out: Node[] = [];
  for (const a of list?.namedChildren ?? []) {
    if (!a) continue;
    if (a.type === 'argument') {
      const v = a.namedChildren[a.namedChildCount - 1];
      if (v) out.push(v);
    } else if (a.type !== 'comment') out.push(a);
  }
  return out;
}

/** The name of a named argument (`name: value`), if any. */
export function argName(valueNode: Node): string | undefined {
  const p = valueNode.parent;
  if (p?.type !== 'argument') return undefined;
  const first = p.namedChild(0);
  if (first && first.id !== valueNode.id && (first.type === 'identifier' || first.type === 'name_colon')) return first.text.replace(/:$/, '').trim();
  return p.childForFieldName('name')?.text;
}

function unescapeCs(raw: string): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, (_m, e: string) => {
    if (/^[uUx]/.test(e) && e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', "'": "'", '\\': '\\' };
    return map[e] ?? e;
  });
}

export function stringValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal': {
      let out = '';
      for (const c of node.namedChildren) {
        if (!c) continue;
        if (c.type === 'string_literal_content') out += c.text;
        else if (c.type === 'escape_sequence') out += unescapeCs(c.text);
      }
      return out;
    }
    case 'verbatim_string_literal': {
      const t = node.text.replace(/u8$/, '');
      return t.slice(2, -1).replace(/""/g, '"');
    }
    case 'raw_string_literal': {
      let out = '';
      for (const c of node.namedChildren) if (c?.type === 'raw_string_content') out += c.text;
      return rawDedent(out);
    }
    case 'interpolated_string_expression': {
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
      return interpolatedText(node, []).join('');
    }
    default:
      return undefined;
  }
}

function rawDedent(s: string): string {
  if (!s.includes('\n')) return s;
  const lines = s.replace(/^\r?\n/, '').split(/\r?\n/);
  const last = lines[lines.length - 1] ?? '';
  const indent = /^\s*$/.test(last) ? last.length : 0;
  if (/^\s*$/.test(last)) lines.pop();
  return lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
}

/** The literal pieces of an interpolated string (interpolations as they come, for the caller to fill). */
function interpolatedText(node: Node, holes: Node[]): string[] {
  const start = node.namedChildren.find((c) => c?.type === 'interpolation_start')?.text ?? '$';
  const verbatim = start.includes('@');
  const raw = node.namedChildren.some((c) => c?.type === 'interpolation_quote' && c.text.startsWith('"""'));
  const out: string[] = [];
  let buf = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content') {
      let t = c.text;
      if (!raw) t = t.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      buf += verbatim ? t.replace(/""/g, '"') : raw ? t : unescapeCs(t);
    } else if (c.type === 'escape_sequence') buf += unescapeCs(c.text);
    else if (c.type === 'interpolation') {
      out.push(buf);
      buf = '';
      const expr = c.namedChildren.find((x) => x && x.type !== 'interpolation_brace' && x.type !== 'interpolation_alignment_clause' && x.type !== 'interpolation_format_clause');
      if (expr) holes.push(expr);
    }
  }
  out.push(buf);
  return out;
}

const LOOP_BODY: Record<string, string> = { for_statement: 'for', foreach_statement: 'foreach' };
const ITERATION = new Set([
  'ForEach', 'ForEachAsync', 'Select', 'SelectMany', 'Where', 'Any', 'All', 'Aggregate', 'For', 'Invoke', 'ToDictionary', 'ToLookup',
]);

const TRANSPARENT_MEMBERS = new Set(['AbsoluteUri', 'OriginalString', 'ToString', 'Trim', 'TrimEnd', 'TrimStart', 'Value', 'ConnectionString']);
const CONFIG_TYPES = /^(IConfiguration|IConfigurationRoot|IConfigurationSection|ConfigurationManager|IConfigurationManager|ConfigurationBuilder)$/;

function isConfigReceiver(r: ValueResolver, recv: Node): boolean {
  const t = r.fa.typeOf(recv)?.type;
  if (t) return CONFIG_TYPES.test(t);
  const name = chainName(recv);
  return /(^|\.)(_?config|_?configuration|Configuration|configuration|config)$/i.test(name);
}

/** The config path a receiver stands for: `_config` → '', `_config.GetSection("C06")` → 'C06'. */
function sectionPath(r: ValueResolver, recv: Node): string | undefined {
  const e = unwrap(recv);
  if (e.type === 'invocation_expression') {
    const c = r.fa.callInfo(e);
    if (c && (c.method === 'GetSection' || c.method === 'GetRequiredSection') && c.receiver && c.args[0]) {
      const parent = sectionPath(r, c.receiver);
      const k = r.str(c.args[0])?.s;
      if (parent === undefined || k === undefined) return undefined;
      return parent ? `${parent}:${k}` : k;
    }
    return undefined;
  }
  if (e.type === 'element_access_expression') return undefined;
  if (isConfigReceiver(r, e)) return '';
  // A local holding a section: `var s = _config.GetSection("C06"); s["Url"]`.
  const o = r.origin(e);
  if (o.id !== e.id) return sectionPath(r, o);
  return undefined;
}

function subscriptArg(n: Node): Node | undefined {
  const sub = n.childForFieldName('subscript');
  return argsOf(sub)[0];
}

export const CSHARP_SYNTAX: LanguageSyntax = {
  functionTypes: FUNCTION_TYPES,
  lambdaTypes: new Set(['lambda_expression', 'anonymous_method_expression']),
  classTypes: CLASS_TYPES,
  argumentWrapperTypes: new Set(['argument', 'argument_list']),

  functionName(fn) {
    const n = fn.childForFieldName('name');
    const line = (n ?? fn).startPosition.row + 1;
    if (fn.type === 'constructor_declaration') return { name: '<init>', line };
    if (fn.type === 'destructor_declaration') return { name: '<finalize>', line };
    if (fn.type === 'operator_declaration') return { name: 'operator', line };
    return { name: n?.text ?? '<anonymous>', line };
  },

  className(cls) {
    return cls.childForFieldName('name')?.text ?? '<class>';
  },

  call(node) {
    if (node.type === 'invocation_expression') {
      const fn = node.childForFieldName('function');
      if (!fn) return undefined;
      const args = argsOf(node.childForFieldName('arguments'));
      const f = unwrap(fn);
      let method = '';
      let receiver: Node | undefined;
      let typeArgs: string[] | undefined;
      if (f.type === 'identifier') method = f.text;
      else if (f.type === 'generic_name') {
        method = nameText(f);
        typeArgs = genericArgs(f);
      } else if (f.type === 'member_access_expression') {
        const nm = f.childForFieldName('name');
        method = nameText(nm);
        typeArgs = genericArgs(nm);
        receiver = f.childForFieldName('expression') ?? undefined;
        if (receiver && (receiver.type === 'this' || receiver.type === 'this_expression')) receiver = undefined;
      } else if (f.type === 'conditional_access_expression') {
        receiver = f.childForFieldName('condition') ?? undefined;
        const b = f.namedChildren[f.namedChildCount - 1];
        if (b?.type === 'member_binding_expression') {
          const nm = b.childForFieldName('name');
          method = nameText(nm);
          typeArgs = genericArgs(nm);
        }
      } else return undefined;
      const left = receiver ? chainName(receiver) : '';
      const c: CallInfo = { node, name: left ? `${left}.${method}` : method, method, args, isNew: false };
      if (receiver) c.receiver = receiver;
      if (typeArgs?.length) c.typeArgs = typeArgs;
      return c;
    }
    if (node.type === 'object_creation_expression') {
      const t = node.childForFieldName('type');
      const { type, typeArgs } = typeName(t);
      const name = t?.type === 'qualified_name' ? t.text : (type ?? '');
      const c: CallInfo = { node, name, method: type ?? '', args: argsOf(node.childForFieldName('arguments')), isNew: true };
      if (typeArgs.length) c.typeArgs = typeArgs;
      return c;
    }
    if (node.type === 'implicit_object_creation_expression') {
      const list = node.namedChildren.find((c) => c?.type === 'argument_list');
      return { node, name: 'new', method: 'new', args: argsOf(list), isNew: true };
    }
    return undefined;
  },

  loopKind(loop, child) {
    const body = LOOP_BODY[loop.type];
    if (body) return loop.childForFieldName('body')?.id === child.id ? (loop.text.startsWith('await') ? 'await foreach' : body) : undefined;
    if (loop.type === 'while_statement') return 'while';
    if (loop.type === 'do_statement') return 'do-while';
    return undefined;
  },

  iterationKind(call) {
    if (call.isNew) return undefined;
    if (/^Parallel\.(ForEach|ForEachAsync|For|Invoke)$/.test(call.name)) return call.name;
    if (!ITERATION.has(call.method) || call.method === 'Invoke' || call.method === 'For') return undefined;
    return call.method;
  },

  stringValue,

  declarations(node) {
    if (node.type === 'variable_declarator') {
      const nameNode = node.childForFieldName('name');
      const vd = node.parent;
      if (!nameNode || !vd) return [];
      const holder = vd.parent;
      const kind: Declaration['kind'] = holder?.type === 'field_declaration' || holder?.type === 'event_field_declaration' ? 'field' : 'local';
      const mods = modifiers(holder);
      const { type, typeArgs } = typeName(vd.childForFieldName('type'));
      const d: Declaration = {
        name: nameNode.text,
        nameNode,
        kind,
        constant: mods.has('const') || mods.has('readonly'),
        annotations: attributesOf(holder),
      };
      const value = node.namedChildren.find((c) => c && c.id !== nameNode.id && c.type !== 'bracketed_argument_list');
      if (value) d.value = value.type === 'equals_value_clause' ? (value.namedChild(0) ?? value) : value;
      if (type && type !== 'var') d.type = type;
      if (typeArgs.length) d.typeArgs = typeArgs;
      return [d];
    }
    if (node.type === 'parameter') {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      const { type, typeArgs } = typeName(node.childForFieldName('type'));
      const d: Declaration = { name: nameNode.text, nameNode, kind: 'parameter', constant: false, annotations: attributesOf(node) };
      const value = node.namedChildren.find((c) => c && c.id !== nameNode.id && c.id !== node.childForFieldName('type')?.id && c.type !== 'attribute_list' && c.type !== 'modifier');
      if (value) d.value = value.type === 'equals_value_clause' ? (value.namedChild(0) ?? value) : value;
      if (type) d.type = type;
      if (typeArgs.length) d.typeArgs = typeArgs;
      return [d];
    }
    if (node.type === 'property_declaration') {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return [];
      const { type, typeArgs } = typeName(node.childForFieldName('type'));
      const mods = modifiers(node);
      const d: Declaration = { name: nameNode.text, nameNode, kind: 'property', constant: mods.has('const'), annotations: attributesOf(node) };
      let value = node.childForFieldName('value');
      if (value?.type === 'arrow_expression_clause') value = value.namedChild(0);
      if (value) d.value = value;
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
    const l = unwrap(left);
    if (l.type === 'identifier') return { node, name: l.text, value, operator: op };
    if (l.type === 'member_access_expression') {
      const obj = l.childForFieldName('expression');
      const name = nameText(l.childForFieldName('name'));
      const q = !obj || obj.type === 'this' || obj.type === 'this_expression' ? 'this' : chainName(obj);
      return { node, name, qualifier: q, value, operator: op };
    }
    if (l.type === 'element_binding_expression' || l.type === 'element_access_expression') {
      const k = argsOf(l.type === 'element_access_expression' ? l.childForFieldName('subscript') : l)[0];
      const s = k ? stringValue(k) : undefined;
      if (s !== undefined) {
        const a: Assignment = { node, name: s, value, operator: op };
        if (l.type === 'element_access_expression') a.qualifier = chainName(l.childForFieldName('expression'));
        return a;
      }
    }
    return undefined;
  },

  exprName(node) {
    const e = unwrap(node);
    if (e.type === 'identifier') return e.text;
    if (e.type === 'member_access_expression') return chainName(e);
    return '';
  },

  evaluate(node, r) {
    return evaluate(node, r, r.fa.project as CsProject | undefined);
  },
};

function evaluate(node: Node, r: ValueResolver, project: CsProject | undefined): Val | undefined {
  switch (node.type) {
    case 'string_literal':
    case 'verbatim_string_literal':
    case 'raw_string_literal': {
      const s = stringValue(node);
      return s === undefined ? undefined : lit(s);
    }
    case 'interpolated_string_expression': {
      const holes: Node[] = [];
      const pieces = interpolatedText(node, holes);
      const parts = [];
      for (let i = 0; i < pieces.length; i++) {
        if (pieces[i]) parts.push({ s: pieces[i]!, via: [], keys: [], lit: true, complete: true, names: [] });
        const h = holes[i];
        if (h) parts.push(r.part(h));
      }
      if (holes.length === 0) return lit(pieces.join(''));
      return r.join(parts, 'template');
    }
    case 'parenthesized_expression':
    case 'cast_expression':
    case 'await_expression':
    case 'checked_expression':
    case 'postfix_unary_expression': {
      const u = unwrap(node);
      return u.id === node.id ? undefined : r.resolve(u);
    }
    case 'binary_expression': {
      const op = node.childForFieldName('operator')?.text;
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (op === '+') return r.concat([r.part(left), r.part(right)]);
      if (op === '??' && left && right) return coalesce(r, left, right);
      return undefined;
    }
    case 'conditional_expression': {
      const a = r.resolve(node.childForFieldName('consequence'));
      if (a?.t === 'str') return a;
      return r.resolve(node.childForFieldName('alternative')) ?? a;
    }
    case 'identifier':
      return r.identifier(node.text, node);
    case 'member_access_expression':
      return member(node, r, project);
    case 'element_access_expression':
      return elementAccess(node, r);
    case 'object_creation_expression': {
      const c = r.fa.callInfo(node);
      if (!c) return undefined;
      if (c.method === 'Uri' || c.method === 'String' || c.method === 'StringBuilder') {
        if (c.args.length === 1 || (c.args.length === 2 && c.method === 'Uri' && /UriKind/.test(c.args[1]!.text))) return r.resolve(c.args[0]);
        if (c.method === 'Uri' && c.args.length === 2) {
          const base = r.part(c.args[0]);
          const rel = r.part(c.args[1]);
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rel.s)) return r.resolve(c.args[1]);
          return r.concat([{ ...base, s: base.s.replace(/\/+$/, '') }, { ...rel, s: `/${rel.s.replace(/^\/+/, '')}` }]);
        }
      }
      return { t: 'node', node, via: [] };
    }
    case 'invocation_expression':
      return invocation(node, r);
    case 'lambda_expression':
    case 'anonymous_method_expression':
      return { t: 'node', node, via: [] };
    default:
      return undefined;
  }
}

function coalesce(r: ValueResolver, left: Node, right: Node): Val | undefined {
  const l = r.resolve(left);
  if (l?.t === 'str') return l;
  const def = r.str(right);
  if (l?.t === 'ref') {
    if (!def) return l;
    const out: StrVal = { ...def, via: [...new Set(['env-default' as const, ...def.via.filter((s) => s !== 'literal')])], keys: [...new Set([...l.keys, ...def.keys])], lit: false };
    return out;
  }
  return def ?? l;
}

function elementAccess(node: Node, r: ValueResolver): Val | undefined {
  const recv = node.childForFieldName('expression');
  const arg = subscriptArg(node);
  if (!recv || !arg) return undefined;
  const key = r.str(arg)?.s;
  if (key === undefined) return undefined;
  const recvName = chainName(recv);
  if (/(^|\.)(ConfigurationManager|WebConfigurationManager)\.AppSettings$/.test(recvName)) return r.config('netfx-appsettings', key);
  if (/(^|\.)(ConfigurationManager|WebConfigurationManager)\.ConnectionStrings$/.test(recvName)) return r.config('netfx-connection-strings', key);
  const section = sectionPath(r, recv);
  if (section !== undefined) return r.config('dotnet', section ? `${section}:${key}` : key);
  return undefined;
}

function member(node: Node, r: ValueResolver, project: CsProject | undefined): Val | undefined {
  const obj = node.childForFieldName('expression');
  const name = nameText(node.childForFieldName('name'));
  if (!obj) return undefined;
  if (obj.type === 'this' || obj.type === 'this_expression') return r.identifier(name, node);
  // `ConfigurationManager.ConnectionStrings["X"].ConnectionString`, `uri.AbsoluteUri`, `section.Value`.
  if (TRANSPARENT_MEMBERS.has(name)) {
    if (name === 'Value') {
      const sp = sectionPath(r, obj);
      if (sp) return r.config('dotnet', sp);
    }
    const inner = r.resolve(obj);
    if (inner?.t === 'str' || inner?.t === 'ref') return inner;
  }
  // Options: `_options.Value.Url`, `_opts.Url` (IOptions<T> / T bound to a section).
  const opt = optionsKey(r, obj, project);
  if (opt !== undefined) return r.config('dotnet', opt ? `${opt}:${name}` : name);
  const qual = chainName(obj);
  if (qual) return r.member(qual, name, node);
  return undefined;
}

/** The config section an options object is bound to, if `obj` is one. */
function optionsKey(r: ValueResolver, obj: Node, project: CsProject | undefined): string | undefined {
  const e = unwrap(obj);
  let optType: string | undefined;
  if (e.type === 'member_access_expression') {
    const n = nameText(e.childForFieldName('name'));
    if (n === 'Value' || n === 'CurrentValue') {
      const inner = e.childForFieldName('expression');
      const t = inner ? r.fa.typeOf(inner) : undefined;
      if (t && /^IOptions(Monitor|Snapshot)?$/.test(t.type)) optType = t.typeArgs[0];
    }
  }
  if (!optType) {
    const t = r.fa.typeOf(e);
    if (t && /^IOptions(Monitor|Snapshot)?$/.test(t.type)) return undefined;
    if (t && (project?.optionsSections.has(t.type) || /(Options|Settings|Config|Configuration)$/.test(t.type))) optType = t.type;
    else if (!t) {
      // `_opts = options.Value` in a constructor.
      const o = r.origin(e);
      if (o.id !== e.id) return optionsKey(r, o, project);
    }
  }
  if (!optType) return undefined;
  const bound = project?.optionsSections.get(optType);
  if (bound !== undefined) return bound;
  const stem = optType.replace(/(Options|Settings|Configuration|Config)$/, '');
  const idx = r.fa.config;
  for (const candidate of [stem, optType]) {
    if (candidate && idx.all('dotnet').some((v) => v.key.toLowerCase().startsWith(`${candidate.toLowerCase()}:`))) return candidate;
  }
  return stem || optType;
}

function invocation(node: Node, r: ValueResolver): Val | undefined {
  const c = r.fa.callInfo(node);
  if (!c) return undefined;
  const m = c.method;
  const a0 = c.args[0];
  if (/^(string|String)\.Format$/.test(c.name) && a0) {
    const first = r.str(a0);
    if (first) return r.format(first, c.args.slice(1), 'dotnet');
    const second = c.args[1] ? r.str(c.args[1]) : undefined;
    if (second) return r.format(second, c.args.slice(2), 'dotnet');
    return undefined;
  }
  if (/^(string|String)\.Concat$/.test(c.name)) return r.concat(c.args.map((a) => r.part(a)));
  if (c.name === 'Environment.GetEnvironmentVariable' && a0) {
    const k = r.str(a0)?.s;
    return k ? r.env(k) : undefined;
  }
  if ((m === 'ToString' || m === 'Trim' || m === 'TrimEnd' || m === 'TrimStart' || m === 'ToLowerInvariant') && c.receiver) return r.resolve(c.receiver);
  if ((m === 'GetValue' || m === 'GetRequiredValue') && c.receiver && a0) {
    const section = sectionPath(r, c.receiver);
    const k = r.str(a0)?.s;
    if (section !== undefined && k !== undefined) {
      const def = c.args[1] ? r.str(c.args[1]) : undefined;
      return r.config('dotnet', section ? `${section}:${k}` : k, def);
    }
    return undefined;
  }
  if (m === 'GetConnectionString' && c.receiver && a0) {
    const k = r.str(a0)?.s;
    return k ? r.config('dotnet', `ConnectionStrings:${k}`) : undefined;
  }
  if (!c.receiver && c.args.length === 0) {
    const ret = returnedExpression(r, m);
    if (ret) return r.resolve(ret);
  }
  return undefined;
}

/** What a same-file parameterless method returns (`string Url() => _url;`, `{ return _url; }`). */
function returnedExpression(r: ValueResolver, method: string): Node | undefined {
  for (const fn of r.fa.captures('function')) {
    if (fn.type !== 'method_declaration' || fn.childForFieldName('name')?.text !== method) continue;
    const params = fn.childForFieldName('parameters');
    if (params && params.namedChildCount > 0) continue;
    const body = fn.childForFieldName('body');
    if (!body) continue;
    if (body.type === 'arrow_expression_clause') return body.namedChild(0) ?? undefined;
    for (const st of body.namedChildren) if (st?.type === 'return_statement') return st.namedChild(0) ?? undefined;
  }
  return undefined;
}
