/**
 * Reading Java nodes (`tree-sitter-java`): declaration modifiers and annotations, type
 * names, receiver chains (`this.rest` → `rest`), string literals (escapes, text
 * blocks). Used by the syntax reader, the value resolution, the hooks and the
 * cross-file pass.
 */
import { escapeDecoder } from '../kit/strings.js';
import { dotted, unwrapper } from '../kit/names.js';
import type { Node } from '../types.js';

export const FUNCTION_TYPES = new Set(['method_declaration', 'constructor_declaration', 'compact_constructor_declaration']);
export const CLASS_TYPES = new Set(['class_declaration', 'interface_declaration', 'enum_declaration', 'record_declaration', 'annotation_type_declaration']);

/** Keywords among a declaration's `modifiers` (`public`, `static`, `final`…). */
export function modifierWords(decl: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  const mods = decl ? childOfType(decl, 'modifiers') : undefined;
  if (!mods) return out;
  for (let i = 0; i < mods.childCount; i++) {
    const c = mods.child(i);
    if (c && !c.isNamed) out.add(c.type);
  }
  return out;
}

/** Annotations among a declaration's `modifiers`. */
export function annotationsOf(decl: Node | null | undefined): Node[] {
  const mods = decl ? childOfType(decl, 'modifiers') : undefined;
  if (!mods) return [];
  return mods.namedChildren.filter((c): c is Node => !!c && (c.type === 'annotation' || c.type === 'marker_annotation'));
}

export function childOfType(n: Node, type: string): Node | undefined {
  for (let i = 0; i < n.namedChildCount; i++) {
    const c = n.namedChild(i);
    if (c?.type === type) return c;
  }
  return undefined;
}

/** `@Name` → `Name` (the simple name of `@org.x.Name` too). */
export function annotationName(a: Node): string {
  const n = a.childForFieldName('name');
  const t = n?.text ?? '';
  return t.slice(t.lastIndexOf('.') + 1);
}

/** An annotation's arguments: `value` for a single unnamed one, else by key. */
export function annotationArgs(a: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  const args = a.childForFieldName('arguments');
  if (!args) return out;
  for (const c of args.namedChildren) {
    if (!c) continue;
    if (c.type === 'element_value_pair') {
      const k = c.childForFieldName('key')?.text;
      const v = c.childForFieldName('value');
      if (k && v) out.set(k, v);
    } else if (!out.has('value')) out.set('value', c);
  }
  return out;
}

/** Simple type name and type argument names of a type node. */
export function typeName(t: Node | null | undefined): { type?: string; typeArgs: string[] } {
  if (!t) return { typeArgs: [] };
  switch (t.type) {
    case 'type_identifier':
      return t.text === 'var' ? { typeArgs: [] } : { type: t.text, typeArgs: [] };
    case 'scoped_type_identifier': {
      const last = t.namedChildren[t.namedChildCount - 1];
      return last ? typeName(last) : { typeArgs: [] };
    }
    case 'generic_type': {
      const base = t.namedChild(0);
      const args = childOfType(t, 'type_arguments');
      const typeArgs: string[] = [];
      for (const a of args?.namedChildren ?? []) {
        const n = a ? typeName(a).type : undefined;
        if (n) typeArgs.push(n);
      }
      return { type: typeName(base).type ?? base?.text, typeArgs };
    }
    case 'array_type':
      return { type: `${typeName(t.childForFieldName('element')).type ?? '?'}[]`, typeArgs: [] };
    default:
      return { type: t.text, typeArgs: [] };
  }
}

/** Without parentheses and casts. */
export const unparen = unwrapper((c) =>
  c.type === 'parenthesized_expression' ? c.namedChild(0) : c.type === 'cast_expression' ? c.childForFieldName('value') : undefined);

/** The normalised name of a receiver chain: `this.rest` → `rest`, `LoggerFactory.getLogger(X.class)` → `LoggerFactory.getLogger`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'identifier':
      return e.text;
    case 'this':
      return '';
    case 'super':
      return 'super';
    case 'field_access':
      return dotted(chainName(e.childForFieldName('object')), e.childForFieldName('field')?.text ?? '');
    case 'method_invocation':
      return dotted(chainName(e.childForFieldName('object')), e.childForFieldName('name')?.text ?? '');
    case 'object_creation_expression':
      return newTypeName(e);
    case 'scoped_identifier':
      return e.text;
    default:
      return '';
  }
}

export function newTypeName(e: Node): string {
  const t = e.childForFieldName('type');
  if (!t) return '';
  if (t.type === 'generic_type') return t.namedChild(0)?.text ?? t.text;
  return t.text.replace(/\s+/g, '');
}

/** The root of a call chain (`webClient` in `webClient.post().uri(…)`). */
export function chainRoot(n: Node): Node {
  let cur = unparen(n);
  for (;;) {
    if (cur.type === 'method_invocation') {
      const o = cur.childForFieldName('object');
      if (!o) return cur;
      cur = unparen(o);
    } else if (cur.type === 'field_access') {
      const o = cur.childForFieldName('object');
      if (!o || o.type === 'this') return cur;
      cur = unparen(o);
    } else return cur;
  }
}

/** Decode a Java string literal's escapes. */
const unescapeJava = escapeDecoder(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, {
  simple: { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', s: ' ', '"': '"', "'": "'", '\\': '\\', '\n': '' },
  octal: true,
  unknown: 'drop',
});

/** A text block's content with incidental indentation removed. */
function textBlock(raw: string): string {
  const lines = raw.replace(/^[ \t]*\r?\n/, '').split(/\r?\n/);
  let indent = Infinity;
  for (const l of lines) if (l.trim() !== '') indent = Math.min(indent, l.length - l.trimStart().length);
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((l) => l.slice(indent).replace(/[ \t]+$/, '')).join('\n');
}

export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  let block = false;
  for (let i = 0; i < node.namedChildCount; i++) {
    const c = node.namedChild(i);
    if (!c) continue;
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'multiline_string_fragment') {
      out += c.text;
      block = true;
    } else if (c.type === 'escape_sequence') out += unescapeJava(c.text);
    else return undefined; // string templates
  }
  if (node.namedChildCount === 0 && node.text.startsWith('"""')) block = true;
  return block ? textBlock(out) : out;
}
