/**
 * The code-path evidence of a TypeScript/JavaScript call site: the names it carries
 * (kit/fields.ts) and the audit records written around it (kit/audit.ts) — persisted
 * log entities (`repo.save(new AuditLog(…))`, `AuditLog.create({…})`,
 * `knex('audit_log').insert(…)`), SQL `INSERT INTO` a log table, and helpers, in this
 * file or an imported one, whose bodies write a log (`recordLookup(…)` calling a
 * winston logger), followed two levels deep.
 */
import { ts } from 'ts-morph';
import type { AuditWriteFact, TargetFact } from '../../facts/types.js';
import { matchesAny, type Settings } from '../../policy/settings.js';
import { settingsPatterns } from '../code/kit/patterns.js';
import { entityWrites, insertTables, loggingCalls, uniqueWrites, type CallShape } from '../code/kit/audit.js';
import { fieldsIn } from '../code/kit/fields.js';
import { urlTier } from '../code/kit/tiers.js';
import type { FnInfo } from './context.js';
import { isFunctionNode } from './functions.js';
import { lineOf, type FileModel } from './model.js';
import { callName, lastSegment } from './names.js';
import type { Resolver } from './resolve.js';
import { unwrap, type Val } from './values.js';

function loggerPatterns(settings: Settings): RegExp[] {
  return settingsPatterns(settings, 'loggerPatterns');
}

/** The listed field and marker names in the function's text. */
export function fieldsOfInfo(file: FileModel, info: FnInfo, settings: Settings): string[] {
  let out = fieldsMemo.get(info);
  if (!out) {
    const n = info.node;
    const text = ts.isSourceFile(n) ? file.text : file.text.slice(n.getStart(file.sf), n.getEnd());
    out = fieldsIn(text, settings);
    fieldsMemo.set(info, out);
  }
  return out;
}

// What a function writes and names depends on the function alone: computed once per
// function, not once per call in it (a function of 3,000 calls was quadratic).
const writesMemo = new WeakMap<FnInfo, AuditWriteFact[]>();
const fieldsMemo = new WeakMap<FnInfo, string[]>();

/** Whether a target may reach the DB, its portals or its gateways (its audit evidence is then gathered). */
export function worthAuditing(target: TargetFact, settings: Settings, patterns: { endpoint: RegExp[] }): boolean {
  if (target.url !== undefined && urlTier(target.url, settings)) return true;
  if (target.namespace || target.operation || (target.fields?.length ?? 0) > 0) return true;
  if ((target.keys ?? []).some((k) => matchesAny(k, patterns.endpoint))) return true;
  return target.url === undefined || target.url.includes('${');
}

/** The type an expression creates: `new T(…)`, or a name initialised with one. */
function createdType(e: ts.Expression, file: FileModel, r: Resolver): string | undefined {
  const u = unwrap(e);
  if (ts.isNewExpression(u)) return lastSegment(callName(u.expression)) || undefined;
  if (ts.isIdentifier(u)) {
    const v: Val | undefined = r.resolve(u, file);
    if (v?.t === 'node' && ts.isNewExpression(v.node)) return lastSegment(callName(v.node.expression)) || undefined;
  }
  return undefined;
}

function shapeOf(call: ts.CallExpression, file: FileModel, r: Resolver): CallShape {
  const name = callName(call.expression);
  const shape: CallShape = {
    name,
    method: lastSegment(name),
    line: lineOf(file.sf, call),
    argTypes: call.arguments.map((a) => createdType(a, file, r)).filter((t): t is string => !!t),
    chainStrings: [],
  };
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const recv = unwrap(callee.expression);
    const rt = createdType(recv, file, r);
    if (rt) shape.receiverType = rt;
    else if (ts.isIdentifier(recv) && /^[A-Z]/.test(recv.text)) shape.receiverType = recv.text;
    // String literals given to the calls of the receiver chain: knex('audit_log').insert(…).
    let cur: ts.Expression = recv;
    for (let i = 0; i < 6; i++) {
      const c = unwrap(cur);
      if (ts.isCallExpression(c)) {
        for (const a of c.arguments) {
          const u = unwrap(a);
          if (ts.isStringLiteralLike(u)) shape.chainStrings.push(u.text);
        }
        cur = c.expression;
      } else if (ts.isPropertyAccessExpression(c)) cur = c.expression;
      else break;
    }
  }
  return shape;
}

/** String literals and template heads inside a function. */
function stringsIn(file: FileModel, node: ts.Node): Array<{ s: string; line: number }> {
  const out: Array<{ s: string; line: number }> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteralLike(n)) out.push({ s: n.text, line: lineOf(file.sf, n) });
    else if (ts.isTemplateExpression(n)) out.push({ s: n.head.text + n.templateSpans.map((sp) => ' ' + sp.literal.text).join(''), line: lineOf(file.sf, n) });
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** Every call made in a function's body (nested callbacks included), by name. */
function callsInBody(fn: ts.Node): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) out.push(n);
    ts.forEachChild(n, visit);
  };
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body) visit(body);
  return out;
}

/** The logging calls a helper's body makes, one level of helpers further down. */
function helperLogging(call: ts.CallExpression, file: FileModel, r: Resolver, logger: RegExp[], depth: number, seen: Set<ts.Node>): string[] {
  const f = r.resolve(call.expression, file);
  if (f?.t !== 'node' || !isFunctionNode(f.node) || seen.has(f.node)) return [];
  seen.add(f.node);
  const inner = callsInBody(f.node);
  const found = loggingCalls(inner.map((c) => callName(c.expression)), logger);
  if (found.length || depth >= 1) return found;
  for (const c of inner.slice(0, 30)) {
    const deeper = helperLogging(c, f.file, r, logger, depth + 1, seen);
    if (deeper.length) return deeper;
  }
  return [];
}

function writesIn(file: FileModel, r: Resolver, info: FnInfo, settings: Settings): AuditWriteFact[] {
  let out = writesMemo.get(info);
  if (!out) {
    out = computeWritesIn(file, r, info, settings);
    writesMemo.set(info, out);
  }
  return out;
}

function computeWritesIn(file: FileModel, r: Resolver, info: FnInfo, settings: Settings): AuditWriteFact[] {
  const logger = loggerPatterns(settings);
  const out: AuditWriteFact[] = [];
  out.push(...entityWrites(info.callNodes.map((c) => shapeOf(c, file, r)), settings));
  out.push(...insertTables(stringsIn(file, info.node), settings));
  const asked = new Set<string>();
  for (const c of info.callNodes) {
    const name = callName(c.expression);
    if (!name || asked.has(name) || matchesAny(name, logger)) continue;
    asked.add(name);
    if (asked.size > 30) break;
    const calls = helperLogging(c, file, r, logger, 0, new Set());
    if (calls.length) out.push({ kind: 'helper', name, line: lineOf(file.sf, c), calls });
  }
  return out;
}

/** Audit records on a call's path: its function and its same-file callers. */
export function auditWrites(file: FileModel, r: Resolver, info: FnInfo, callers: ReadonlyArray<{ info: FnInfo }>, settings: Settings): AuditWriteFact[] {
  const all = [...writesIn(file, r, info, settings)];
  for (const g of callers) all.push(...writesIn(file, r, g.info, settings));
  return uniqueWrites(all);
}
