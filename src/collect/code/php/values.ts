/**
 * Value resolution of PHP expressions: `.` concatenation, interpolation (double quotes,
 * heredoc), `sprintf`, `implode`, `rtrim`, `??`, `?:`, `env()`/`getenv()`/`$_ENV[…]`,
 * Laravel `config()` / `Config::get()` (`config/*.php`, then `.env`), class constants
 * (`self::URL`, `Foo::URL` in the file), same-file getters.
 */
import { enclosing } from '../kit/names.js';
import { trimChars } from '../kit/strings.js';
import * as kit from '../kit/values.js';
import type { CallInfo, Node, StrVal, Val, ValueResolver } from '../types.js';
import { arrayValues, chainName, CLASS_TYPES, decodeEscape, isSelfScope, simpleName, stringValue, unparen, varName } from './nodes.js';

/** A double-quoted string or heredoc body: its literal text and interpolated expressions. */
function interpolated(r: ValueResolver, holder: Node): Val {
  const pieces: Array<string | Node> = [];
  for (const c of holder.namedChildren) {
    if (!c || c.type === 'heredoc_start' || c.type === 'heredoc_end') continue;
    if (c.type === 'string_content' || c.type === 'string_value' || c.type === 'nowdoc_string') pieces.push(c.text);
    else if (c.type === 'escape_sequence') pieces.push(decodeEscape(c.text));
    else pieces.push(c);
  }
  return kit.template(r, pieces);
}

/** Laravel `config('dancu.url'[, default])`: `config/*.php`, its `env()` through the env files. */
function laravelConfig(r: ValueResolver, key: string, def: StrVal | undefined): Val {
  const hit = r.fa.config.withEnv('laravel', key, r.fa.path);
  const v = hit ? kit.configHit(hit) : undefined;
  return v && !(v.t === 'ref' && def) ? v : kit.defaultOrRef(key, def);
}

/** What a PHP expression resolves to (the `evaluate` of the syntax reader). */
export function evaluatePhp(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'string':
    case 'nowdoc':
      return kit.literal(stringValue(node));
    case 'encapsed_string':
      return interpolated(r, node);
    case 'heredoc': {
      const body = node.childForFieldName('value');
      return body ? interpolated(r, body) : kit.literal('');
    }
    case 'binary_expression': {
      const { op, left, right } = kit.binary(node);
      if (op === '.') return kit.concat(r, left, right);
      if (op === '??' && left && right) return kit.orElse(r, left, right);
      if ((op === '?:' || op === '||' || op === 'or') && left && right) return kit.orElse(r, left, right);
      return undefined;
    }
    case 'conditional_expression': {
      const body = node.childForFieldName('body');
      const alt = node.childForFieldName('alternative');
      const cond = node.childForFieldName('condition');
      if (!body && cond && alt) return kit.orElse(r, cond, alt); // $a ?: 'b'
      return kit.eitherBranch(r, body, alt);
    }
    case 'variable_name': {
      const name = varName(node);
      if (!name || name === 'this') return undefined;
      const d = r.fa.decls.lookup(name, node);
      // `$url` never means a property: only variables, parameters and script "globals".
      if (!d) return undefined;
      if (d.kind === 'field' && (d.nameNode.type !== 'variable_name' || enclosing(d.nameNode, CLASS_TYPES))) return undefined;
      return r.declaration(d);
    }
    case 'member_access_expression':
    case 'nullsafe_member_access_expression': {
      const obj = node.childForFieldName('object');
      const f = node.childForFieldName('name');
      if (!obj || !f || f.type !== 'name') return undefined;
      if (varName(obj) === 'this') return kit.ownMember(r, f.text, node);
      return undefined;
    }
    case 'scoped_property_access_expression': {
      const scope = node.childForFieldName('scope');
      const name = varName(node.childForFieldName('name'));
      if (!name) return undefined;
      if (isSelfScope(scope)) return kit.ownMember(r, name, node);
      return r.member(chainName(scope), name, node);
    }
    case 'class_constant_access_expression': {
      const kids = node.namedChildren.filter((c): c is Node => !!c);
      const scope = kids[0];
      const name = kids[1]?.text;
      if (!name || name === 'class') return scope && name === 'class' ? kit.literal(simpleName(scope.text)) : undefined;
      if (isSelfScope(scope)) return kit.ownMember(r, name, node);
      return r.member(chainName(scope), name, node);
    }
    case 'name': {
      // A global constant: define('NAME', …) or a top-level `const NAME = …`.
      if (/^(true|false|null)$/i.test(node.text)) return undefined;
      const d = r.fa.decls.anyConstant(node.text);
      return d ? r.declaration(d) : r.fa.cross?.constant(undefined, node.text, r.fa.path);
    }
    case 'subscript_expression': {
      // $_ENV['X'], $_SERVER['X'], getenv()
      const base = node.namedChild(0);
      const idx = node.namedChild(1);
      const b = varName(base);
      return (b === '_ENV' || b === '_SERVER') && idx ? kit.envOf(r, idx) : undefined;
    }
    default:
      return undefined;
  }
}

/** What a PHP function or method call resolves to (the `evaluateCall` of the syntax reader). */
export function evaluatePhpCall(c: CallInfo, r: ValueResolver): Val | undefined {
  const name = c.name;
  const a0 = c.args[0];
  const a1 = c.args[1];
  if ((name === 'config' && !c.receiver) || name === 'Config.get' || name === 'Config.string') {
    if (!a0) return undefined;
    const k = kit.strOf(r, a0);
    if (!k) return undefined;
    return laravelConfig(r, k, a1 ? r.str(a1) : undefined);
  }
  if ((name === 'env' || name === 'getenv' || name === 'Env.get') && !c.receiver && a0) {
    return kit.envOf(r, a0, name === 'getenv' ? undefined : a1 ? r.str(a1) : undefined);
  }
  if (name === 'Env.get' && a0) return kit.envOf(r, a0, a1 ? r.str(a1) : undefined);
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
    return kit.joinWith(r, sep, arr);
  }
  if ((name === 'rtrim' || name === 'trim' || name === 'ltrim') && a0) {
    const v = r.resolve(a0);
    if (v?.t !== 'str') return v;
    const chars = a1 ? (r.str(a1)?.s ?? ' ') : ' \t\n\r\0\x0B';
    return { ...v, s: trimChars(v.s, chars, name === 'ltrim' ? 'left' : name === 'rtrim' ? 'right' : 'both') };
  }
  if ((name === 'strval' || name === 'urldecode' || name === 'Str.finish' || name === 'url') && a0 && c.args.length === 1) return r.resolve(a0);
  // A same-file getter: `$this->getBaseUrl()`, `self::baseUrl()`, `baseUrl()`.
  if (c.args.length === 0 && (!c.receiver || varName(c.receiver) === 'this')) return kit.getterValue(r, c.method);
  return undefined;
}

/** The values of a PHP array literal, in order. */
