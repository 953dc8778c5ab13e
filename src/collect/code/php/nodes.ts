/**
 * Reading PHP nodes (`tree-sitter-php`): names (`$this->`/`self::`/`static::` dropped,
 * `\\` namespaces reduced to the simple name, Laravel log channels left out of a log
 * call's name), argument lists, string literals (single/double quoted, heredoc,
 * nowdoc), type names and array literals. Used by the syntax reader, the value
 * resolution, the hooks and the cross-file pass.
 */
import { argumentValues } from '../kit/calls.js';
import { dotted, functionCallName, memberCallName, unwrapper, type CalleeName, type LogNaming } from '../kit/names.js';
import { escapeDecoder, literalText } from '../kit/strings.js';
import type { Node } from '../types.js';

const COMMENTS = new Set(['comment']);
const SINGLE_QUOTED = new Set(['string_content']);
const DOUBLE_QUOTED = new Set(['string_content', 'string_value']);

export const FUNCTION_TYPES = new Set(['method_declaration', 'function_definition']);
export const LAMBDA_TYPES = new Set(['anonymous_function', 'arrow_function']);
export const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'trait_declaration', 'enum_declaration', 'anonymous_class']);
export const CALL_TYPES = new Set(['function_call_expression', 'member_call_expression', 'nullsafe_member_call_expression', 'scoped_call_expression']);
export const MEMBER_ACCESS = new Set(['member_access_expression', 'nullsafe_member_access_expression']);

/** Log-level methods: a call `X.channel(…).info` is named `X.info`. */
export const LOG_METHODS = /^(?:info|notice|warning|warn|error|debug|critical|alert|emergency|log|write)$/i;
/** Builders between a logger and its level method (`Log::channel('audit')`, `Log::stack([…])`, `->withContext([…])`). */
const LOG_BUILDERS = new Set(['channel', 'stack', 'withContext', 'withName', 'build']);

/** `\GuzzleHttp\Client` → `Client`; `App\Models\X` → `X`. */
export function simpleName(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.slice(t.lastIndexOf('\\') + 1);
}

/** Without parentheses and casts. */
export const unparen = unwrapper((c) =>
  c.type === 'parenthesized_expression'
    ? c.namedChild(0)
    : c.type === 'cast_expression'
      ? (c.childForFieldName('value') ?? c.namedChild(c.namedChildCount - 1))
      : undefined);

/** `$x` → `x` (the `name` inside a `variable_name`). */
export function varName(n: Node | null | undefined): string {
  if (!n || n.type !== 'variable_name') return '';
  return n.namedChild(0)?.text ?? n.text.replace(/^\$/, '');
}

export function isSelfScope(n: Node | null | undefined): boolean {
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
    case 'nullsafe_member_access_expression':
      return dotted(chainName(e.childForFieldName('object')), e.childForFieldName('name')?.text ?? '');
    case 'scoped_property_access_expression': {
      const scope = e.childForFieldName('scope');
      const left = isSelfScope(scope) ? '' : chainName(scope);
      return dotted(left, varName(e.childForFieldName('name')) || (e.childForFieldName('name')?.text ?? ''));
    }
    case 'class_constant_access_expression': {
      const kids = e.namedChildren.filter((c): c is Node => !!c);
      const scope = kids[0];
      const f = kids[1]?.text ?? '';
      return dotted(isSelfScope(scope) ? '' : chainName(scope), f);
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

export function newTypeName(e: Node): string {
  const t = e.namedChildren.find((c) => c && c.type !== 'arguments');
  if (!t) return '';
  if (t.type === 'anonymous_class') return '';
  if (t.type === 'name' || t.type === 'qualified_name') return simpleName(t.text);
  return '';
}

/** The receiver of a logger builder call (`Log::channel('audit')` → `Log`). */
function logBuilderReceiver(n: Node): Node | null | undefined {
  if (!CALL_TYPES.has(n.type) || n.type === 'function_call_expression') return undefined;
  if (!LOG_BUILDERS.has(n.childForFieldName('name')?.text ?? '')) return undefined;
  return n.type === 'scoped_call_expression' ? n.childForFieldName('scope') : n.childForFieldName('object');
}

const LOG_NAMING: LogNaming = { methods: LOG_METHODS, builderReceiver: logBuilderReceiver, unwrap: unparen };

export function callName(e: Node): CalleeName {
  const method = e.childForFieldName('name')?.text ?? '';
  if (e.type === 'function_call_expression') {
    const f = e.childForFieldName('function');
    return functionCallName(f && (f.type === 'name' || f.type === 'qualified_name') ? simpleName(f.text) : chainName(f));
  }
  if (e.type === 'scoped_call_expression') {
    const scope = e.childForFieldName('scope');
    return memberCallName(scope && !isSelfScope(scope) ? scope : undefined, method, chainName);
  }
  // Log::channel('audit')->info(…) → Log.info
  return memberCallName(e.childForFieldName('object') ?? undefined, method, chainName, LOG_NAMING);
}

/** Argument expressions of a call's `arguments` node (named arguments keep their value). */
export function argsOf(argsNode: Node | null | undefined): Node[] {
  return argumentValues(argsNode, COMMENTS, 'argument');
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

/** Decode one escape sequence of a double-quoted string or heredoc (unknown ones are kept as written). */
export const decodeEscape = escapeDecoder(/\\(x[0-9a-fA-F]{1,2}|u\{[0-9a-fA-F]+\}|[0-7]{1,3}|[\s\S])/g, {
  simple: { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"', "'": "'", '0': '\0' },
  octal: true,
});

/** The value of a PHP string literal without interpolation; undefined otherwise. */
export function stringValue(node: Node): string | undefined {
  switch (node.type) {
    case 'string':
      // Single quotes: only \' and \\ are escapes.
      return literalText(node, SINGLE_QUOTED, (e) => (e === "\\'" ? "'" : e === '\\\\' ? '\\' : e));
    case 'encapsed_string':
    case 'heredoc': {
      const holder = node.type === 'heredoc' ? node.childForFieldName('value') : node;
      if (!holder) return node.type === 'heredoc' ? '' : undefined;
      return literalText(holder, DOUBLE_QUOTED, decodeEscape);
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

export function hasModifier(n: Node | null | undefined, word: string): boolean {
  if (!n) return false;
  for (let i = 0; i < n.childCount; i++) {
    const c = n.child(i);
    if (c && c.type.endsWith('_modifier') && c.text.toLowerCase() === word) return true;
  }
  return false;
}


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
