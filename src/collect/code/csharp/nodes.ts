/**
 * Reading C# nodes (`tree-sitter-c-sharp`): modifiers and attributes, type names,
 * receiver chains (`this._http` → `_http`), argument lists, string literals (regular,
 * verbatim, raw, interpolated). Used by the syntax reader, the value resolution, the
 * hooks and the cross-file pass.
 */
import { argumentValues } from '../kit/calls.js';
import { dotted, unwrapper } from '../kit/names.js';
import { escapeDecoder, literalText } from '../kit/strings.js';
import type { Node } from '../types.js';

const COMMENTS = new Set(['comment']);
const STRING_CONTENT = new Set(['string_literal_content']);

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

export function genericArgs(n: Node | null | undefined): string[] | undefined {
  if (!n || n.type !== 'generic_name') return undefined;
  return typeName(n).typeArgs;
}

/** Without parentheses, casts, `await`, `checked(…)` and the null-forgiving `!`. */
export const unwrap = unwrapper((c) => {
  switch (c.type) {
    case 'parenthesized_expression':
    case 'await_expression':
    case 'checked_expression':
      return c.namedChildren[c.namedChildCount - 1];
    case 'cast_expression':
      return c.childForFieldName('value');
    case 'postfix_unary_expression':
      return c.text.endsWith('!') ? c.namedChild(0) : undefined;
    default:
      return undefined;
  }
});

export function nameText(n: Node | null | undefined): string {
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
      return dotted(chainName(e.childForFieldName('expression')), nameText(e.childForFieldName('name')));
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
  return argumentValues(list, COMMENTS, 'argument');
}

/** The name of a named argument (`name: value`), if any. */
export function argName(valueNode: Node): string | undefined {
  const p = valueNode.parent;
  if (p?.type !== 'argument') return undefined;
  const first = p.namedChild(0);
  if (first && first.id !== valueNode.id && (first.type === 'identifier' || first.type === 'name_colon')) return first.text.replace(/:$/, '').trim();
  return p.childForFieldName('name')?.text;
}

const unescapeCs = escapeDecoder(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)/g, {
  simple: { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', "'": "'", '\\': '\\' },
  unknown: 'drop',
});

export function stringValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string_literal':
      return literalText(node, STRING_CONTENT, unescapeCs, 'skip');
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
export function interpolatedText(node: Node, holes: Node[]): string[] {
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

/** `new X { Prop = value }`: the value of `Prop` in an object creation's initialiser. */
export function initializerValue(creation: Node, prop: string): Node | undefined {
  const init = creation.childForFieldName('initializer') ?? creation.namedChildren.find((c) => c?.type === 'initializer_expression');
  for (const a of init?.namedChildren ?? []) {
    if (a?.type !== 'assignment_expression') continue;
    if (a.childForFieldName('left')?.text === prop) return a.childForFieldName('right') ?? undefined;
  }
  return undefined;
}
