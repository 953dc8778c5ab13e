/**
 * The code-path evidence of a tree-sitter call site (analysis.ts): the names it
 * carries (kit/fields.ts) and the audit records written around it (kit/audit.ts) —
 * persisted log entities, INSERTs into log tables, and helpers, in this file or
 * another (crossfile.ts), whose bodies write a log (two levels deep).
 */
import type { AuditWriteFact, TargetFact } from '../../facts/types.js';
import { matchesAny } from '../../policy/settings.js';
import { settingsPatterns } from './kit/patterns.js';
import { entityWrites, insertTables, loggingCalls, uniqueWrites, type CallShape } from './kit/audit.js';
import { fieldsIn } from './kit/fields.js';
import { lastSegment } from './kit/names.js';
import { urlTier } from './kit/tiers.js';
import { contains, spanOf } from './span.js';
import type { CallInfo, FnInfo, Node, ParsedFile } from './types.js';

/** The type an expression creates (`new T(…)`, Python `T(…)`, Go `&T{…}`), through a local's initialiser. */
export function createdType(fa: ParsedFile, n: Node | undefined): string | undefined {
  if (!n) return undefined;
  let e = fa.syntax.unwrap(n);
  if (e.type === 'unary_expression' && e.namedChildCount === 1) e = e.namedChild(0) ?? e; // Go &T{…}
  const o = fa.resolver.origin(e);
  if (o.type === 'composite_literal') return lastSegment(o.childForFieldName('type')?.text ?? '') || undefined;
  if (o.type === 'unary_expression' && o.namedChild(0)?.type === 'composite_literal') return lastSegment(o.namedChild(0)!.childForFieldName('type')?.text ?? '') || undefined;
  const c = fa.callInfo(o);
  if (!c) return undefined;
  if (c.isNew) return c.method;
  // Python: a class called like a function (`AuditLog(…)`).
  if (fa.language === 'python' && /^[A-Z][A-Za-z0-9]*$/.test(c.method) && !c.receiver) return c.method;
  return undefined;
}

function shapeOf(fa: ParsedFile, c: CallInfo): CallShape {
  const argTypes: string[] = [];
  for (const a of c.args) {
    const t = createdType(fa, a);
    if (t) argTypes.push(t);
  }
  const shape: CallShape = { name: c.name, method: c.method, line: fa.line(c.node), argTypes, chainStrings: [] };
  if (c.receiver) {
    const rt = createdType(fa, c.receiver);
    const recvName = fa.syntax.exprName(c.receiver);
    if (rt) shape.receiverType = rt;
    else if (/^[A-Z][A-Za-z0-9_]*$/.test(lastSegment(recvName)) && !fa.decls.lookup(recvName, c.receiver)) shape.receiverType = lastSegment(recvName);
    // String literals given to the calls of the receiver chain.
    for (let r: Node | undefined = c.receiver, i = 0; r && i < 6; i++) {
      const rc = fa.callInfo(fa.syntax.unwrap(r));
      if (!rc) break;
      for (const a of rc.args) {
        const s = fa.syntax.stringValue(fa.syntax.unwrap(a));
        if (s !== undefined) shape.chainStrings.push(s);
      }
      r = rc.receiver;
    }
  }
  return shape;
}

/** String literals (and the string constants used) inside a function. */
function stringsIn(fa: ParsedFile, info: FnInfo): Array<{ s: string; line: number }> {
  const span = info.span ?? { start: 0, end: fa.text.length };
  const out: Array<{ s: string; line: number }> = [];
  for (const s of fa.captures('string')) {
    if (!contains(span, spanOf(s))) continue;
    const v = fa.syntax.stringValue(s) ?? fa.resolver.str(s)?.s;
    if (v) out.push({ s: v, line: fa.line(s) });
  }
  return out;
}

function loggerPatterns(fa: ParsedFile): RegExp[] {
  return settingsPatterns(fa.settings, 'loggerPatterns');
}

/** The logging calls a helper makes, in this file (two levels) or another. */
function helperLogging(fa: ParsedFile, fns: readonly FnInfo[], method: string, depth: number): string[] {
  const logger = loggerPatterns(fa);
  const own = fns.find((f) => f.simple === method && f.node);
  const calls = own ? own.calls : depth === 0 ? fa.cross?.functionCalls(method, fa.path) : undefined;
  if (!calls) return [];
  const found = loggingCalls(calls, logger);
  if (found.length || depth >= 1 || !own) return found;
  for (const c of own.callInfos) {
    if (c.isNew || c.method === method) continue;
    const inner = helperLogging(fa, fns, c.method, depth + 1);
    if (inner.length) return inner;
  }
  return [];
}

// What a function writes and names depends on the function alone: computed once per
// function, not once per call in it (a function of 3,000 calls was quadratic).
const writesMemo = new WeakMap<FnInfo, AuditWriteFact[]>();
const fieldsMemo = new WeakMap<FnInfo, string[]>();

/** Audit records written in a function (the call's, or a caller's). */
function writesIn(fa: ParsedFile, info: FnInfo, fns: readonly FnInfo[]): AuditWriteFact[] {
  let out = writesMemo.get(info);
  if (!out) {
    out = computeWritesIn(fa, info, fns);
    writesMemo.set(info, out);
  }
  return out;
}

function computeWritesIn(fa: ParsedFile, info: FnInfo, fns: readonly FnInfo[]): AuditWriteFact[] {
  const logger = loggerPatterns(fa);
  const out: AuditWriteFact[] = [];
  out.push(...entityWrites(info.callInfos.map((c) => shapeOf(fa, c)), fa.settings));
  out.push(...insertTables(stringsIn(fa, info), fa.settings));
  const asked = new Set<string>();
  for (const c of info.callInfos) {
    if (c.isNew || !c.method || asked.has(c.method) || c.method === info.simple || matchesAny(c.name, logger)) continue;
    asked.add(c.method);
    if (asked.size > 30) break;
    const calls = helperLogging(fa, fns, c.method, 0);
    if (calls.length) out.push({ kind: 'helper', name: c.name, line: fa.line(c.node), calls });
  }
  return out;
}

/** Audit records on a call's path: its function and its same-file callers. */
export function auditWritesOf(fa: ParsedFile, info: FnInfo, callers: ReadonlyArray<{ info: FnInfo }>, fns: readonly FnInfo[]): AuditWriteFact[] {
  const all = [...writesIn(fa, info, fns)];
  for (const g of callers) all.push(...writesIn(fa, g.info, fns));
  return uniqueWrites(all);
}

/** The listed field and marker names in the function's text. */
export function fieldsOf(fa: ParsedFile, info: FnInfo): string[] {
  let out = fieldsMemo.get(info);
  if (!out) {
    const span = info.span ?? { start: 0, end: fa.text.length };
    out = fieldsIn(fa.text.slice(span.start, span.end), fa.settings);
    fieldsMemo.set(info, out);
  }
  return out;
}

/**
 * Whether a target may be a call to the DB, its portals or its gateways, so that its
 * audit evidence is worth gathering: a tier URL, the DB's protocol, a key named after
 * it, or lookup/gateway names in the function. Unresolved URLs count (the policy knows more).
 */
export function worthAuditing(fa: ParsedFile, target: TargetFact): boolean {
  if (target.url !== undefined && urlTier(target.url, fa.settings)) return true;
  if (target.namespace || target.operation || (target.fields?.length ?? 0) > 0) return true;
  if ((target.keys ?? []).some((k) => matchesAny(k, fa.patterns.endpoint))) return true;
  return target.url === undefined || target.url.includes('${');
}
