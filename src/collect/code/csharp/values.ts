/**
 * Value resolution of C# expressions: concatenation, `??`, interpolation,
 * `string.Format`/`string.Concat`, `new Uri(…)`, .NET configuration
 * (`_config["C06:Url"]`, `GetValue<string>("C06:Url")`, `GetSection("C06")["Url"]`,
 * `GetConnectionString`, options classes bound with `Configure<T>`/`Bind`),
 * `Environment.GetEnvironmentVariable`, `ConfigurationManager.AppSettings[…]` /
 * `.ConnectionStrings[…]` (Web.config / App.config), same-file getters.
 */
import { ABSOLUTE_URL } from '../../resolution.js';
import { binary, concat, eitherBranch, envOf, getterValue, literal, orElse, template } from '../kit/values.js';
import { objectVal } from '../resolve.js';
import type { CallInfo, Node, Val, ValueResolver } from '../types.js';
import { argsOf, chainName, interpolatedText, nameText, stringValue, unwrap } from './nodes.js';
import type { CsProject } from './project.js';

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

/** What a C# expression resolves to (the `evaluate` of the syntax reader). */
export function evaluateCSharp(node: Node, r: ValueResolver): Val | undefined {
  const project = r.fa.project as CsProject | undefined;
  switch (node.type) {
    case 'string_literal':
    case 'verbatim_string_literal':
    case 'raw_string_literal':
      return literal(stringValue(node));
    case 'interpolated_string_expression': {
      const holes: Node[] = [];
      const pieces: Array<string | Node> = [];
      interpolatedText(node, holes).forEach((text, i) => {
        pieces.push(text);
        const h = holes[i];
        if (h) pieces.push(h);
      });
      return template(r, pieces);
    }
    case 'binary_expression': {
      const { op, left, right } = binary(node);
      if (op === '+') return concat(r, left, right);
      if (op === '??' && left && right) return orElse(r, left, right);
      return undefined;
    }
    case 'conditional_expression':
      return eitherBranch(r, node.childForFieldName('consequence'), node.childForFieldName('alternative'));
    case 'identifier':
      return r.identifier(node.text, node);
    case 'member_access_expression':
      return member(node, r, project);
    case 'element_access_expression':
      return elementAccess(node, r);
    default:
      return undefined;
  }
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

/** An object creation: `new Uri(…)`, `new StringBuilder(s)` are their string, other objects themselves. */
export function evaluateCSharpCreation(c: CallInfo, r: ValueResolver): Val | undefined {
  // `new()` (target-typed): its type is not written here.
  if (c.node.type === 'implicit_object_creation_expression') return undefined;
  if (c.method === 'Uri' || c.method === 'String' || c.method === 'StringBuilder') {
    if (c.args.length === 1 || (c.args.length === 2 && c.method === 'Uri' && /UriKind/.test(c.args[1]!.text))) return r.resolve(c.args[0]);
    if (c.method === 'Uri' && c.args.length === 2) {
      const base = r.part(c.args[0]);
      const rel = r.part(c.args[1]);
      if (ABSOLUTE_URL.test(rel.s)) return r.resolve(c.args[1]);
      return r.concat([{ ...base, s: base.s.replace(/\/+$/, '') }, { ...rel, s: `/${rel.s.replace(/^\/+/, '')}` }]);
    }
  }
  return objectVal(c.node);
}

/** What a C# method call resolves to (the `evaluateCall` of the syntax reader). */
export function evaluateCSharpCall(c: CallInfo, r: ValueResolver): Val | undefined {
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
  if (c.name === 'Environment.GetEnvironmentVariable' && a0) return envOf(r, a0);
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
  if (!c.receiver && c.args.length === 0) return getterValue(r, m, { type: 'method_declaration', expressionBody: 'arrow_expression_clause' });
  return undefined;
}
