/**
 * Value resolution of Go expressions: `+`, `fmt.Sprintf`/`fmt.Sprint`,
 * `url.JoinPath`/`path.Join`, `strings.TrimSuffix`…, package-level constants and
 * variables of the file, struct fields set in a composite literal or an assignment of
 * the file, `os.Getenv`/`os.LookupEnv`, a same-file env helper (`getEnv("X", "default")`),
 * `cmp.Or`, Viper (`viper.GetString("dancu.url")`: the config files, else the env var
 * `DANCU_URL`, else `viper.SetDefault` in the file).
 */
import { litPart } from '../../resolution.js';
import { binary, concat, configHit, defaultOrRef, envOf, getterValue, literal, orElse, type GetterShape } from '../kit/values.js';
import type { CallInfo, Node, Part, Val, ValueResolver } from '../types.js';
import { chainName, exprList, importNames, isReceiver, stringValue, structField, unparen } from './nodes.js';

/** A getter is a package-level function; its body's statements sit in a `statement_list`. */
const FUNCTION_GETTER: GetterShape = {
  type: 'function_declaration',
  statements: (body) => body.namedChildren.find((c) => c?.type === 'statement_list')?.namedChildren ?? body.namedChildren,
  returned: (ret) => exprList(ret.namedChild(0))[0],
};

/** Viper: config files, else the env var (`dancu.url` → `DANCU_URL`), else `SetDefault` in the file. */
function viperValue(r: ValueResolver, key: string): Val {
  const hit = r.fa.config.withEnv('viper', key, r.fa.path);
  if (hit) return configHit(hit);
  const envName = key.toUpperCase().replace(/[.-]/g, '_');
  const env = r.fa.config.env(envName, r.fa.path);
  if (env) return configHit({ ...env, keys: [key, ...env.keys], via: ['config', ...env.via] });
  for (const c of r.fa.calls) {
    if (c.method !== 'SetDefault' || c.args.length < 2 || !/(^|\.)?viper|^v$|config/i.test(c.name)) continue;
    if (r.str(c.args[0])?.s.toLowerCase() !== key.toLowerCase()) continue;
    const v = r.str(c.args[1]);
    if (v) return { ...v, via: [...new Set(['config' as const, ...v.via])], keys: [key, ...v.keys], lit: false };
  }
  return defaultOrRef(key, undefined);
}

const VIPER_GETTERS = /^(Get|GetString|GetStringSlice|GetStringMapString)$/;

/** What a Go expression resolves to (the `evaluate` of the syntax reader). */
export function evaluateGo(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'interpreted_string_literal':
    case 'raw_string_literal':
      return literal(stringValue(node));
    case 'binary_expression': {
      const { op, left, right } = binary(node);
      return op === '+' ? concat(r, left, right) : undefined;
    }
    case 'identifier': {
      if (isReceiver(node)) return undefined;
      const d = r.fa.decls.lookup(node.text, node);
      if (!d) return r.fa.cross?.constant(undefined, node.text, r.fa.path); // another file of the package
      if (d.kind === 'property') return undefined;
      return r.declaration(d);
    }
    case 'selector_expression': {
      const operand = node.childForFieldName('operand');
      const field = node.childForFieldName('field')?.text;
      if (!operand || !field) return undefined;
      if (operand.type === 'identifier' && !isReceiver(operand) && importNames(r.fa).has(operand.text)) {
        return r.fa.cross?.constant(operand.text, field, r.fa.path); // another package
      }
      const d = structField(r.fa, field);
      return d ? r.declaration(d) : undefined;
    }
    case 'type_conversion_expression': {
      const operand = node.childForFieldName('operand');
      return operand ? r.resolve(operand) : undefined;
    }
    default:
      return undefined;
  }
}

/** What a Go function or method call resolves to (the `evaluateCall` of the syntax reader). */
export function evaluateGoCall(c: CallInfo, r: ValueResolver): Val | undefined {
  const name = c.name;
  const a0 = c.args[0];
  if ((name === 'os.Getenv' || name === 'os.LookupEnv' || name === 'syscall.Getenv') && a0) return envOf(r, a0);
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
  if (name === 'cmp.Or' && c.args.length >= 2) return orElse(r, c.args[0]!, c.args[1]!, true);
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
  if (!c.receiver && c.args.length === 0) return getterValue(r, c.method, FUNCTION_GETTER);
  return undefined;
}

function definedInFile(r: ValueResolver, name: string): boolean {
  return r.fa.captures('function').some((f) => f.type === 'function_declaration' && f.childForFieldName('name')?.text === name);
}
