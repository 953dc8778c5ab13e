/**
 * Value resolution of Java expressions: concatenation, `String.format`, `formatted`,
 * `concat`, `new URL(…)`, `URI.create(…)`, `UriComponentsBuilder` chains,
 * `System.getenv`, Spring `Environment.getProperty`, `Optional.ofNullable(a).orElse(b)`,
 * `@ConfigurationProperties` getters, same-file getters that return a field.
 */
import { ABSOLUTE_URL } from '../../resolution.js';
import { binary, concat, eitherBranch, envOf, getterValue, literal, orElse, strOf } from '../kit/values.js';
import { objectVal } from '../resolve.js';
import type { CallInfo, Node, Val, ValueResolver } from '../types.js';
import { chainName, stringValue } from './nodes.js';
import type { JavaProject } from './project.js';

const TRANSPARENT_WRAPPERS = new Set([
  'toString', 'trim', 'strip', 'toUri', 'toUriString', 'toURL', 'toURI', 'intern', 'getBytes', 'toCharArray', 'encode',
  'build', 'normalize', 'toExternalForm',
]);
const STATIC_WRAPPERS = new Set(['String.valueOf', 'URI.create', 'Objects.requireNonNull', 'Objects.toString', 'URLDecoder.decode', 'StringUtils.trim', 'String.copyValueOf']);

/** What a Java expression resolves to (the `evaluate` of the syntax reader). */
export function evaluateJava(node: Node, r: ValueResolver): Val | undefined {
  switch (node.type) {
    case 'string_literal':
      return literal(stringValue(node));
    case 'binary_expression': {
      const { op, left, right } = binary(node);
      return op === '+' ? concat(r, left, right) : undefined;
    }
    case 'ternary_expression':
      return eitherBranch(r, node.childForFieldName('consequence'), node.childForFieldName('alternative'));
    case 'identifier':
      return r.identifier(node.text, node);
    case 'field_access': {
      const obj = node.childForFieldName('object');
      const f = node.childForFieldName('field')?.text;
      if (!obj || !f) return undefined;
      if (obj.type === 'this') return r.identifier(f, node);
      return r.member(chainName(obj), f, node);
    }
    default:
      return undefined;
  }
}

/** `new URL(u)`, `new URL(base, spec)`, `new URI(u)`, `new StringBuilder(s)`: their string; other objects themselves. */
export function evaluateJavaCreation(c: CallInfo, r: ValueResolver): Val | undefined {
  if ((c.method === 'URL' || c.method === 'URI' || c.method === 'String' || c.method === 'StringBuilder') && c.args.length === 1) {
    return r.resolve(c.args[0]);
  }
  if (c.method === 'URL' && c.args.length === 2) {
    const base = r.part(c.args[0]);
    const spec = r.part(c.args[1]);
    if (ABSOLUTE_URL.test(spec.s)) return r.resolve(c.args[1]);
    return r.concat([base, { ...spec, s: spec.s.startsWith('/') ? spec.s : `/${spec.s}` }]);
  }
  return objectVal(c.node);
}

/** What a Java method call resolves to (the `evaluateCall` of the syntax reader). */
export function evaluateJavaCall(c: CallInfo, r: ValueResolver): Val | undefined {
  const project = r.fa.project as JavaProject | undefined;
  const m = c.method;
  const name = c.name;
  const a0 = c.args[0];
  // String building.
  if (name === 'String.format' && a0) {
    const fmt = r.str(a0);
    if (fmt) return r.format(fmt, c.args.slice(1), 'printf');
    return undefined;
  }
  if (m === 'formatted' && c.receiver) {
    const fmt = r.str(c.receiver);
    if (fmt) return r.format(fmt, c.args, 'printf');
    return undefined;
  }
  if (m === 'concat' && c.receiver && a0) return r.concat([r.part(c.receiver), r.part(a0)]);
  if (STATIC_WRAPPERS.has(name) && a0) return r.resolve(a0);
  if (TRANSPARENT_WRAPPERS.has(m) && c.receiver && c.args.length === 0) return r.resolve(c.receiver);
  if ((m === 'encode' || m === 'toString') && c.receiver && c.args.length <= 1) return r.resolve(c.receiver);
  // Env / system properties / Spring Environment.
  if (name === 'System.getenv' && a0) return envOf(r, a0);
  if (name === 'System.getProperty' && a0) {
    const k = strOf(r, a0);
    if (!k) return undefined;
    const def = c.args[1] ? r.str(c.args[1]) : undefined;
    return r.config('spring', k, def);
  }
  if ((m === 'getProperty' || m === 'getRequiredProperty') && c.receiver && a0) {
    const recvType = r.fa.typeOf(c.receiver)?.type;
    const recvName = chainName(c.receiver);
    if (recvType === 'Environment' || recvType === 'ConfigurableEnvironment' || recvType === 'PropertyResolver' || /env/i.test(recvName)) {
      const k = strOf(r, a0);
      if (!k) return undefined;
      const def = c.args[1] ? r.str(c.args[1]) : undefined;
      return r.config('spring', k, def);
    }
    return undefined;
  }
  if ((name === 'Objects.requireNonNullElse' || name === 'StringUtils.defaultIfBlank' || name === 'StringUtils.defaultIfEmpty' || name === 'StringUtils.defaultString') && c.args.length === 2) {
    return orElse(r, c.args[0]!, c.args[1]!);
  }
  if ((m === 'orElse' || m === 'orElseGet') && c.receiver && a0) {
    const inner = r.fa.callInfo(c.receiver);
    if (inner && (inner.name === 'Optional.ofNullable' || inner.name === 'Optional.of') && inner.args[0]) return orElse(r, inner.args[0], a0);
    return undefined;
  }
  // UriComponentsBuilder / UriBuilder chains.
  if ((m === 'fromHttpUrl' || m === 'fromUriString' || m === 'fromUri' || m === 'fromPath') && a0) return r.resolve(a0);
  if ((m === 'path' || m === 'pathSegment') && c.receiver && a0) {
    const base = r.part(c.receiver);
    const p = r.part(a0);
    return r.concat([base, { ...p, s: base.s.endsWith('/') || p.s.startsWith('/') ? p.s : `/${p.s}` }]);
  }
  if ((m === 'queryParam' || m === 'queryParams' || m === 'buildAndExpand' || m === 'expand' || m === 'encode' || m === 'build') && c.receiver) {
    return r.resolve(c.receiver);
  }
  // @ConfigurationProperties getters and record accessors: props.getUrl(), props.url().
  if (c.receiver && c.args.length === 0 && project) {
    const t = r.fa.typeOf(c.receiver)?.type;
    const prefix = t ? project.configProps.get(t) : undefined;
    if (prefix !== undefined) {
      const prop = /^(get|is)[A-Z]/.test(m) ? m.replace(/^(get|is)/, '').replace(/^./, (ch) => ch.toLowerCase()) : m;
      return r.config('spring', prefix ? `${prefix}.${prop}` : prop, undefined);
    }
  }
  // A same-file getter: `getBaseUrl()` / `this.getBaseUrl()` returning an expression.
  if ((!c.receiver || c.receiver.type === 'this') && c.args.length === 0) return getterValue(r, m, { type: 'method_declaration' });
  return undefined;
}
