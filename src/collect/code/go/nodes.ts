/**
 * Reading Go nodes (`tree-sitter-go`): names (the method's receiver variable dropped,
 * like `this`: `s.client.Do` → `client.Do`; logger builders left out of a log call's
 * name: `log.WithFields(f).Info` is `log.Info`, `logger.Sugar().Infow` is
 * `logger.Infow`), methods and their receivers, type names, string literals
 * (interpreted and raw), the file's imports and struct fields.
 */
import { dotted, functionCallName, memberCallName, unwrapper, type CalleeName, type LogNaming } from '../kit/names.js';
import { escapeDecoder, literalText } from '../kit/strings.js';
import type { Declaration, Node } from '../types.js';

const LOG_METHODS = /^(?:Info|Infof|Infow|Infoln|Warn|Warnf|Warnw|Warning|Warningf|Error|Errorf|Errorw|Debug|Debugf|Debugw|Fatal|Fatalf|Fatalw|Panic|Panicf|Trace|Tracef|Print|Printf|Println|Log|Logf|Msg|Msgf|InfoContext|WarnContext|ErrorContext|DebugContext)$/;
const LOG_BUILDERS = new Set(['WithFields', 'WithField', 'WithError', 'WithContext', 'WithTime', 'With', 'Sugar', 'Named', 'WithGroup']);

/** Without parentheses and `&`. */
export const unparen = unwrapper((c) =>
  c.type === 'parenthesized_expression'
    ? c.namedChild(0)
    : c.type === 'unary_expression' && c.child(0)?.type === '&'
      ? c.childForFieldName('operand')
      : undefined);

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

export function isReceiver(n: Node): boolean {
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
    case 'selector_expression':
      return dotted(chainName(e.childForFieldName('operand')), e.childForFieldName('field')?.text ?? '');
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

/** The receiver of a logger builder call (`log.WithFields(f)` → `log`). */
function logBuilderReceiver(n: Node): Node | null | undefined {
  if (n.type !== 'call_expression') return undefined;
  const g = n.childForFieldName('function');
  if (g?.type !== 'selector_expression' || !LOG_BUILDERS.has(g.childForFieldName('field')?.text ?? '')) return undefined;
  return g.childForFieldName('operand');
}

/** A method's receiver variable is dropped like `this`: it is no call's receiver. */
const notTheReceiver = (n: Node): boolean => !(n.type === 'identifier' && isReceiver(n));

const LOG_NAMING: LogNaming = { methods: LOG_METHODS, builderReceiver: logBuilderReceiver, unwrap: unparen };

export function callName(e: Node): CalleeName {
  const f = e.childForFieldName('function');
  const fn = f?.type === 'parenthesized_expression' ? unparen(f) : f;
  switch (fn?.type) {
    case 'selector_expression': {
      const recv = fn.childForFieldName('operand') ?? undefined;
      const method = fn.childForFieldName('field')?.text ?? '';
      return memberCallName(recv, method, chainName, LOG_NAMING, notTheReceiver);
    }
    case 'identifier':
      return { name: fn.text, method: fn.text };
    case 'index_expression':
      return functionCallName(chainName(fn));
    default:
      return { name: '', method: '' };
  }
}

const STRING_CONTENT = new Set(['interpreted_string_literal_content']);

const decodeGo = escapeDecoder(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[abfnrtv\\'"])/g, {
  simple: { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' },
  octal: true,
});

export function stringValue(node: Node): string | undefined {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1).replace(/\r/g, '');
  if (node.type !== 'interpreted_string_literal') return undefined;
  return literalText(node, STRING_CONTENT, decodeGo);
}

/** Not a package-level declaration (`var`/`const` specs directly under the file are package-level). */
export function insideFunction(n: Node): boolean {
  let p = n.parent;
  while (p && (p.type === 'var_declaration' || p.type === 'const_declaration' || p.type === 'var_spec_list' || p.type === 'const_spec_list')) p = p.parent;
  return p?.type !== 'source_file';
}

export function exprList(n: Node | null | undefined): Node[] {
  if (!n) return [];
  if (n.type === 'expression_list') return n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
  return [n];
}

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
