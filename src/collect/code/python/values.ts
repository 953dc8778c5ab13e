/**
 * Value resolution of Python expressions: `+`, f-strings, `%` and `str.format`,
 * `'/'.join([…])`, `urljoin`, `or` defaults, `os.environ[…]`/`os.environ.get(…)`/
 * `os.getenv(…)` (python-decouple `config(…)`, django-environ `env(…)` too), Django
 * `settings.X` (settings.py constants), same-file getters.
 */
import { ABSOLUTE_URL, litPart } from '../../resolution.js';
import { enclosing, insideFunction } from '../kit/names.js';
import { trimChars } from '../kit/strings.js';
import * as kit from '../kit/values.js';
import { type GetterShape } from '../kit/values.js';
import type { CallInfo, Node, Part, StrVal, Val, ValueResolver } from '../types.js';
import { argOr, chainName, CLASS_TYPES, decodeEscapes, kwarg, prefixOf, unparen } from './nodes.js';

/** A method's `self`/`cls` is not a parameter of a getter. */
const METHOD_GETTER: GetterShape = {
  paramCount: (fn) => (fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p && p.text !== 'self' && p.text !== 'cls').length,
};

/** A string literal, f-strings included: its text and interpolated expressions. */
function interpolated(r: ValueResolver, node: Node): Val | undefined {
  const raw = prefixOf(node).includes('r');
  const pieces: Array<string | Node> = [];
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'string_content' || c.type === 'escape_sequence') pieces.push(raw ? c.text : decodeEscapes(c.text));
    else if (c.type === 'interpolation') pieces.push(c.childForFieldName('expression') ?? c.namedChild(0) ?? c);
    else return undefined;
  }
  return kit.template(r, pieces);
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

/** `settings.X` (Django): settings.py constants, their env reads followed. */
function djangoSetting(r: ValueResolver, name: string): Val {
  const hit = r.fa.config.withEnv('django', name, r.fa.path);
  return hit ? kit.configHit(hit) : kit.defaultOrRef(name, undefined);
}

const ENV_GETTERS = /^(?:os\.environ\.get|os\.getenv|getenv|environ\.get|os\.environ\.setdefault|environ\.setdefault)$/;
/** python-decouple `config('X', default=…)`, django-environ / environs `env('X', default=…)`, `env.str(…)`. */
const CONFIG_GETTERS = /^(?:config|decouple\.config|env|env\.(?:str|url|get_value))$/;

/** python-decouple, django-environ or environs imported in the file. */
function importsEnvLibrary(r: ValueResolver): boolean {
  return r.fa.captures('import').some((i) => /\b(decouple|environ|environs)\b/.test(i.text));
}

function envCall(r: ValueResolver, c: CallInfo): Val | undefined {
  const d = argOr(c, 1, 'default');
  return kit.envOf(r, argOr(c, 0, 'key') ?? kwarg(c.node, 'var'), d ? r.str(d) : undefined);
}

/** What a Python expression resolves to (the `evaluate` of the syntax reader). */
export function evaluatePython(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'string':
      return interpolated(r, node);
    case 'concatenated_string': {
      const ps: Part[] = [];
      for (const c of node.namedChildren) if (c) ps.push(r.part(c));
      return r.concat(ps) ?? (ps.every((p) => p.lit) ? kit.literal(ps.map((p) => p.s).join('')) : undefined);
    }
    case 'binary_operator': {
      const { op, left, right } = kit.binary(node);
      if (op === '+') return kit.concat(r, left, right);
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
      if (op === 'or' && left && right) return kit.orElse(r, left, right);
      return undefined;
    }
    case 'conditional_expression': {
      const [a, , b] = node.namedChildren;
      return kit.eitherBranch(r, a, b);
    }
    case 'identifier': {
      const d = r.fa.decls.lookup(node.text, node);
      if (!d) return r.fa.cross?.constant(undefined, node.text, r.fa.path); // `from x import NAME`
      if (d.kind === 'field') {
        // A class attribute is in scope in its class body only (in methods it is `self.x`).
        const dc = enclosing(d.nameNode, CLASS_TYPES);
        if (dc && (insideFunction(node, r.fa.syntax) || enclosing(node, CLASS_TYPES)?.id !== dc.id)) return undefined;
      }
      return r.declaration(d);
    }
    case 'attribute': {
      const obj = node.childForFieldName('object');
      const a = node.childForFieldName('attribute')?.text;
      if (!obj || !a) return undefined;
      if (obj.type === 'identifier' && (obj.text === 'self' || obj.text === 'cls')) return kit.ownMember(r, a, node);
      const q = chainName(obj);
      if (q === 'settings' || q === 'django.conf.settings' || q === 'conf.settings') return djangoSetting(r, a);
      return r.member(q, a, node);
    }
    case 'subscript': {
      const base = node.childForFieldName('value');
      const idx = node.childForFieldName('subscript');
      const b = base ? chainName(base) : '';
      return (b === 'os.environ' || b === 'environ') && idx ? kit.envOf(r, idx) : undefined;
    }
    default:
      return undefined;
  }
}

/** What a Python call resolves to (the `evaluateCall` of the syntax reader). */
export function evaluatePythonCall(c: CallInfo, r: ValueResolver): Val | undefined {
  const node = c.node;
  const name = c.name;
  const a0 = c.args[0];
  if (ENV_GETTERS.test(name)) return envCall(r, c);
  if (CONFIG_GETTERS.test(name) && importsEnvLibrary(r)) {
    const v = envCall(r, c);
    if (v) return v;
  }
  // "{}/x".format(a), "%s" % … handled above, '/'.join([...])
  if (c.method === 'format' && c.receiver) {
    const fmt = r.str(c.receiver);
    return fmt ? pyFormat(r, fmt, node, c.args) : undefined;
  }
  if (c.method === 'join' && c.receiver && a0) {
    const sep = r.str(c.receiver)?.s;
    const list = unparen(a0);
    if (sep === undefined || (list.type !== 'list' && list.type !== 'tuple')) return undefined;
    return kit.joinWith(
      r,
      sep,
      list.namedChildren.filter((x): x is Node => !!x),
    );
  }
  if ((name === 'urljoin' || name === 'parse.urljoin' || name === 'urllib.parse.urljoin') && c.args.length === 2) {
    const base = r.part(c.args[0]);
    const p = r.part(c.args[1]);
    if (ABSOLUTE_URL.test(p.s)) return r.resolve(c.args[1]);
    const b = p.s.startsWith('/') ? base.s.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/]*).*$/i, '$1') : base.s.replace(/[^/]*$/, '');
    return r.concat([{ ...base, s: b }, p]);
  }
  if ((c.method === 'rstrip' || c.method === 'strip' || c.method === 'lstrip') && c.receiver) {
    const v = r.resolve(c.receiver);
    if (v?.t !== 'str') return v;
    const chars = a0 ? (r.str(a0)?.s ?? '') : ' \t\n\r';
    return { ...v, s: trimChars(v.s, chars, c.method === 'lstrip' ? 'left' : c.method === 'rstrip' ? 'right' : 'both') };
  }
  if (name === 'str' && a0 && c.args.length === 1) return r.resolve(a0);
  if ((c.method === 'encode' || c.method === 'decode') && c.receiver) return r.resolve(c.receiver);
  // A same-file getter: `self._base_url()`, `base_url()`.
  if (c.args.length === 0 && (!c.receiver || c.receiver.text === 'self' || c.receiver.text === 'cls')) return kit.getterValue(r, c.method, METHOD_GETTER);
  return undefined;
}
