/**
 * Reading Python nodes (`tree-sitter-python`): names (`self.`/`cls.` dropped; logger
 * builders left out of a log call's name: `logging.getLogger(__name__).info` is
 * `logging.info`, `structlog.get_logger().info` is `structlog.info`, `log.bind(x=1).info`
 * is `log.info`), arguments (positional, keyword), string literals (prefixes, escapes,
 * implicit concatenation), type annotations.
 */
import { dotted, functionCallName, memberCallName, unwrapper, type CalleeName, type LogNaming } from '../kit/names.js';
import { escapeDecoder } from '../kit/strings.js';
import type { CallInfo, Node } from '../types.js';

export const FUNCTION_TYPES = new Set(['function_definition']);
export const LAMBDA_TYPES = new Set(['lambda']);
export const CLASS_TYPES = new Set(['class_definition']);
export const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);

const LOG_METHODS = /^(?:info|warning|warn|error|debug|critical|exception|log|fatal|msg|success|trace|audit)$/i;
const LOG_BUILDERS = new Set(['getLogger', 'get_logger', 'getChild', 'bind', 'opt', 'new', 'with_fields', 'patch', 'contextualize']);

/** Without parentheses and `await`. */
export const unparen = unwrapper((c) => (c.type === 'parenthesized_expression' || c.type === 'await' ? c.namedChildren.find((k) => k && k.type !== 'comment') : undefined));

/** The normalised name of an expression: `self.session` → `session`, `requests.Session().post` → `requests.Session.post`. */
export function chainName(n: Node | null | undefined): string {
  if (!n) return '';
  const e = unparen(n);
  switch (e.type) {
    case 'identifier':
      return e.text === 'self' || e.text === 'cls' ? '' : e.text;
    case 'attribute':
      return dotted(chainName(e.childForFieldName('object')), e.childForFieldName('attribute')?.text ?? '');
    case 'call':
      return callName(e).name;
    default:
      return '';
  }
}

/** The receiver of a logger builder call (`logging.getLogger(__name__)` → `logging`). */
function logBuilderReceiver(n: Node): Node | null | undefined {
  if (n.type !== 'call') return undefined;
  const g = n.childForFieldName('function');
  const gf = g ? unparen(g) : undefined;
  if (gf?.type !== 'attribute' || !LOG_BUILDERS.has(gf.childForFieldName('attribute')?.text ?? '')) return undefined;
  return gf.childForFieldName('object');
}

const LOG_NAMING: LogNaming = { methods: LOG_METHODS, builderReceiver: logBuilderReceiver, unwrap: unparen };

export function callName(e: Node): CalleeName {
  const f = e.childForFieldName('function');
  if (!f) return { name: '', method: '' };
  const fn = unparen(f);
  if (fn.type !== 'attribute') return functionCallName(chainName(fn));
  return memberCallName(fn.childForFieldName('object') ?? undefined, fn.childForFieldName('attribute')?.text ?? '', chainName, LOG_NAMING);
}

/** Positional arguments of a call (keyword arguments and splats left out). */
export function positional(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type === 'generator_expression') return args ? [args] : [];
  return args.namedChildren.filter((a): a is Node => !!a && a.type !== 'keyword_argument' && a.type !== 'comment' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
}

/** A keyword argument's value. */
export function kwarg(call: Node, name: string): Node | undefined {
  const args = call.childForFieldName('arguments');
  for (const a of args?.namedChildren ?? []) {
    if (a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === name) return a.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

/** The argument at `index`, else the keyword argument `name`. */
export function argOr(c: CallInfo, index: number, name: string): Node | undefined {
  return c.args[index] ?? kwarg(c.node, name);
}

export const decodeEscapes = escapeDecoder(/\\(N\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|\n|[\\'"abfnrtv])/g, {
  simple: { '\n': '', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' },
  octal: true,
});

export function prefixOf(str: Node): string {
  const start = str.namedChildren.find((c) => c?.type === 'string_start');
  return (start?.text ?? '').replace(/['"]+$/, '').toLowerCase();
}

/** The value of a plain string literal (no interpolation); implicit concatenation too. */
export function stringValue(node: Node): string | undefined {
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const c of node.namedChildren) {
      if (!c) continue;
      const v = stringValue(c);
      if (v === undefined) return undefined;
      out += v;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const raw = prefixOf(node).includes('r');
  let out = '';
  for (const c of node.namedChildren) {
    if (!c || c.type === 'string_start' || c.type === 'string_end') continue;
    if (c.type === 'string_content') out += raw ? c.text : decodeEscapes(c.text);
    else if (c.type === 'escape_sequence') out += raw ? c.text : decodeEscapes(c.text);
    else return undefined;
  }
  return out;
}

export function typeText(t: Node | null | undefined): string | undefined {
  if (!t) return undefined;
  const s = t.text.replace(/\s+/g, '');
  const base = s.replace(/\[.*$/, '').replace(/^Optional\[/, '');
  return base.slice(base.lastIndexOf('.') + 1) || undefined;
}

/** Declarations of a `parameters` / `lambda_parameters` node. */
