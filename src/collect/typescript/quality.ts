/**
 * Audit-log quality facts of a TypeScript/JavaScript file (the tree-sitter languages'
 * are in code/quality.ts): log writes in a function that makes a client call, with what
 * they must not hold — what the call returned (`res.data`, `await r.json()`, parsed or
 * built from it), an object serialised whole (`JSON.stringify(user)`), the credential
 * the call sends (`Authorization: \`Bearer ${token}\`` → `token`) — and officer-id fields
 * (`MaCanBo`) given a value, with where that value comes from.
 */
import { ts } from 'ts-morph';
import type { LogWriteFact, OfficerFieldFact } from '../../facts/types.js';
import { matchesAny, type Settings } from '../../policy/settings.js';
import { settingsPatterns } from '../code/kit/patterns.js';
import type { FnInfo } from './context.js';
import { lineOf, type FileModel } from './model.js';
import { callName, lastSegment } from './names.js';
import type { Resolver } from './resolve.js';
import { exprText, propName, unwrap } from './values.js';

const OUTPUT = /^console\.(log|error|warn|info|debug)$/;
const SERIALIZER = /(^|\.)(JSON\.stringify|stringify|inspect|serialize)$/;
const NOT_CONTENT = /^(length|size|status|statusText|ok|headers|keys|includes|startsWith|endsWith|has|substring|slice|replace|replaceAll|toFixed)$/;
const BODY = /^(data|body|text|json|result|payload|content|raw|response)$/;
const USER = /(currentUser|current_user|req\.user|request\.user|session|ctx\.state\.user|auth\.user|user\.(id|name|username|email)|getUser|useAuth|principal|claims)/;
const AUTH_KEY = /^(authori[sz]ation|proxy-authorization|cookie|x-api-key|apikey|api-key|token|access[-_]?token|lgspaccesstoken)$/i;

type Content = LogWriteFact['contents'][number];

function contentOf(
  e: ts.Expression,
  file: FileModel,
  tainted: (n: ts.Node) => boolean,
  secrets: ReadonlySet<string>,
  add: (kind: Content['kind'], n: ts.Node) => void,
  depth = 0,
): void {
  if (depth > 8) return;
  const u = unwrap(e);
  if (ts.isCallExpression(u)) {
    const name = callName(u.expression);
    if (NOT_CONTENT.test(lastSegment(name))) return;
    if (SERIALIZER.test(name) && u.arguments[0] && !ts.isStringLiteralLike(unwrap(u.arguments[0]))) return add('serialized', u);
    if (tainted(u)) return add('response', u);
    for (const a of u.arguments) contentOf(a, file, tainted, secrets, add, depth + 1);
    return;
  }
  if (ts.isBinaryExpression(u)) {
    if (u.operatorToken.kind !== ts.SyntaxKind.PlusToken) return;
    contentOf(u.left, file, tainted, secrets, add, depth + 1);
    contentOf(u.right, file, tainted, secrets, add, depth + 1);
    return;
  }
  if (ts.isTemplateExpression(u)) {
    for (const s of u.templateSpans) contentOf(s.expression, file, tainted, secrets, add, depth + 1);
    return;
  }
  if (ts.isConditionalExpression(u)) {
    contentOf(u.whenTrue, file, tainted, secrets, add, depth + 1);
    contentOf(u.whenFalse, file, tainted, secrets, add, depth + 1);
    return;
  }
  if (ts.isObjectLiteralExpression(u)) {
    for (const p of u.properties) {
      if (ts.isPropertyAssignment(p)) contentOf(p.initializer, file, tainted, secrets, add, depth + 1);
      else if (ts.isShorthandPropertyAssignment(p)) contentOf(p.name, file, tainted, secrets, add, depth + 1);
    }
    return;
  }
  if (tainted(u)) return add('response', u);
  if (ts.isIdentifier(u) && secrets.has(u.text)) add('secret', u);
}

/** Names inside the values a function sends as credentials (headers named like `Authorization`). */
function authSecrets(info: FnInfo): Set<string> {
  const out = new Set<string>();
  const collect = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) out.add(n.text);
    ts.forEachChild(n, collect);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n)) {
      const k = propName(n.name);
      if (k && AUTH_KEY.test(k)) collect(n.initializer);
    }
    if (ts.isCallExpression(n) && /(^|\.)(set|setHeader|header|append)$/.test(callName(n.expression)) && n.arguments.length >= 2) {
      const k = unwrap(n.arguments[0]!);
      if (ts.isStringLiteralLike(k) && AUTH_KEY.test(k.text)) collect(n.arguments[1]!);
    }
    ts.forEachChild(n, visit);
  };
  visit(info.node);
  return out;
}

/** Log writes of the functions that make the given client calls. */
export function logWritesTs(file: FileModel, r: Resolver, infos: ReadonlyArray<{ info: FnInfo; clients: ts.Node[] }>, settings: Settings): LogWriteFact[] {
  const logger = settingsPatterns(settings, 'loggerPatterns');
  const out: LogWriteFact[] = [];
  for (const { info, clients } of infos) {
    const sources = new Set<ts.Node>(clients);
    const memo = new Map<ts.Node, boolean>();
    const tainted = (n: ts.Node, depth = 0): boolean => {
      const u = ts.isExpression(n as ts.Expression) ? unwrap(n as ts.Expression) : n;
      if (sources.has(u)) return true;
      const m = memo.get(u);
      if (m !== undefined) return m;
      if (depth > 12) return false;
      memo.set(u, false);
      let t = false;
      if (ts.isCallExpression(u)) {
        const callee = unwrap(u.expression);
        const m2 = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
        if (!NOT_CONTENT.test(m2)) {
          t = (ts.isPropertyAccessExpression(callee) && tainted(callee.expression, depth + 1)) || u.arguments.some((a) => tainted(a, depth + 1));
        }
      } else if (ts.isPropertyAccessExpression(u)) t = BODY.test(u.name.text) && tainted(u.expression, depth + 1);
      else if (ts.isIdentifier(u)) {
        const v = r.ws.lookup(u.text, u);
        const node = v?.kind === 'decl' ? v.node : undefined;
        if (node && ts.isVariableDeclaration(node) && node.initializer) t = tainted(node.initializer, depth + 1);
        else if (node && ts.isBindingElement(node)) {
          const holder = node.parent.parent;
          t = ts.isVariableDeclaration(holder) && !!holder.initializer && tainted(holder.initializer, depth + 1);
        }
      } else if (ts.isBinaryExpression(u)) t = u.operatorToken.kind === ts.SyntaxKind.PlusToken && (tainted(u.left, depth + 1) || tainted(u.right, depth + 1));
      else if (ts.isTemplateExpression(u)) t = u.templateSpans.some((s) => tainted(s.expression, depth + 1));
      memo.set(u, t);
      return t;
    };
    const secrets = authSecrets(info);
    for (const c of info.callNodes) {
      // The client call itself is never a log write, whatever the logger patterns match.
      if (sources.has(c)) continue;
      const name = callName(c.expression);
      if (!(matchesAny(name, logger) || OUTPUT.test(name))) continue;
      const contents: Content[] = [];
      const add = (kind: Content['kind'], n: ts.Node) => {
        const expr = exprText(file, n, 60);
        if (!contents.some((x) => x.kind === kind && x.expr === expr)) contents.push({ kind, expr });
      };
      for (const a of c.arguments) contentOf(a, file, tainted, secrets, add);
      if (contents.length === 0) continue;
      const lc = file.sf.getLineAndCharacterOfPosition(c.getStart(file.sf));
      out.push({ file: file.path, line: lc.line + 1, column: lc.character + 1, language: file.language, logger: name, function: { name: info.name, line: info.line }, contents });
    }
  }
  return out;
}

/** Officer-id fields given a value (`{ MaCanBo: x }`, `req.MaCanBo = x`) and where the value comes from. */
export function officerFieldsTs(file: FileModel, r: Resolver, settings: Settings): OfficerFieldFact[] {
  const patterns = settingsPatterns(settings, 'officerFieldPatterns');
  if (patterns.length === 0) return [];
  const out: OfficerFieldFact[] = [];
  const report = (field: string, value: ts.Expression, at: ts.Node): void => {
    if (!matchesAny(field, patterns)) return;
    const line = lineOf(file.sf, at);
    if (out.some((o) => o.line === line && o.field === field)) return;
    let source: OfficerFieldFact['source'] = 'other';
    let keys: string[] | undefined;
    const inner = unwrap(value);
    if (USER.test(value.getText(file.sf))) source = 'user';
    else if (ts.isStringLiteralLike(inner) || ts.isNumericLiteral(inner)) source = 'literal';
    else {
      const v = r.resolve(value, file);
      if (v?.t === 'str') {
        if (v.via.includes('config')) source = 'config';
        else if (v.via.includes('env') || v.via.includes('env-default')) source = 'env';
        else if (v.complete && (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner)) && (v.via.includes('constant') || v.via.includes('import'))) source = 'constant';
        if (v.keys.length) keys = v.keys.slice(0, 5);
      } else if (v?.t === 'env') {
        source = v.step === 'config' ? 'config' : 'env';
        keys = v.keys.slice(0, 5);
      }
    }
    const lc = file.sf.getLineAndCharacterOfPosition(at.getStart(file.sf));
    const f: OfficerFieldFact = { file: file.path, line: lc.line + 1, column: lc.character + 1, language: file.language, field, source };
    if (keys?.length) f.keys = keys;
    out.push(f);
  };
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAssignment(n)) {
      const k = propName(n.name);
      if (k) report(k, n.initializer, n);
    } else if (ts.isShorthandPropertyAssignment(n)) report(n.name.text, n.name, n);
    else if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const l = unwrap(n.left);
      if (ts.isPropertyAccessExpression(l)) report(l.name.text, n.right, n);
    }
    ts.forEachChild(n, visit);
  };
  visit(file.sf);
  return out;
}
