/**
 * TLS-verification switches: `rejectUnauthorized: false`, `strictSSL: false`,
 * `process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'`, and whether one applies to a call;
 * and those of browser automation: Playwright/Puppeteer `ignoreHTTPSErrors: true`,
 * `acceptInsecureCerts: true` (Puppeteer, WebDriver capabilities), Chrome's
 * `--ignore-certificate-errors` argument, Selenium `setAcceptInsecureCerts(true)`.
 */
import { ts } from 'ts-morph';
import { lineOf, type FileModel } from './model.js';
import { callName } from './names.js';
import { type Resolver } from './resolve.js';
import { propName, unwrap, type Val } from './values.js';

export interface TlsHit {
  setting: string;
  line: number;
  column: number;
}

/** `false`, `0`, `'0'`, `!1`. */
function isOff(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (u.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isNumericLiteral(u) && u.text === '0') return true;
  if (ts.isStringLiteralLike(u) && (u.text === '0' || u.text === 'false')) return true;
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(u.operand) && u.operand.text !== '0') return true;
  return false;
}

function isEnvTls(left: ts.Expression): boolean {
  const l = unwrap(left);
  let name: string | undefined;
  let obj: ts.Expression | undefined;
  if (ts.isPropertyAccessExpression(l)) {
    name = l.name.text;
    obj = l.expression;
  } else if (ts.isElementAccessExpression(l)) {
    const a = unwrap(l.argumentExpression);
    if (ts.isStringLiteralLike(a)) name = a.text;
    obj = l.expression;
  }
  return name === 'NODE_TLS_REJECT_UNAUTHORIZED' && !!obj && callName(obj) === 'process.env';
}

function hitAt(file: FileModel, node: ts.Node, setting: string): TlsHit {
  const lc = file.sf.getLineAndCharacterOfPosition(node.getStart(file.sf));
  return { setting, line: lc.line + 1, column: lc.character + 1 };
}

/** `true`, `!0`, `'true'`. */
function isOn(e: ts.Expression): boolean {
  const u = unwrap(e);
  if (u.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (ts.isStringLiteralLike(u) && u.text === 'true') return true;
  return ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.ExclamationToken && ts.isNumericLiteral(u.operand) && u.operand.text === '0';
}

/** Browser options that accept any certificate when true. */
const BROWSER_SWITCHES = new Set(['ignoreHTTPSErrors', 'acceptInsecureCerts', 'ignoreHttpsErrors']);
/** Chrome command-line switches that turn certificate checks off. */
export const CHROME_TLS_ARGS = /^--(?:ignore-certificate-errors|ignore-ssl-errors|allow-insecure-localhost)(?:=|$)/;

/** A browser-automation TLS switch at this node (option, argument string, builder call). */
function browserTlsAt(file: FileModel, n: ts.Node): TlsHit | undefined {
  if (ts.isPropertyAssignment(n)) {
    const name = propName(n.name);
    if (name && BROWSER_SWITCHES.has(name) && isOn(n.initializer)) return hitAt(file, n, `${name}: true`);
    return undefined;
  }
  if (ts.isStringLiteralLike(n) && CHROME_TLS_ARGS.test(n.text)) return hitAt(file, n, n.text.split('=')[0]!);
  if (ts.isCallExpression(n)) {
    const name = callName(n.expression);
    if (/(^|\.)setAcceptInsecureCerts$/.test(name) && n.arguments[0] && isOn(n.arguments[0])) return hitAt(file, n, 'setAcceptInsecureCerts(true)');
  }
  return undefined;
}

/** Check one node during the file walk; returns a TLS setting written there, if any. */
export function tlsSettingAt(file: FileModel, n: ts.Node): TlsHit | undefined {
  const browser = browserTlsAt(file, n);
  if (browser) return browser;
  if (ts.isPropertyAssignment(n)) {
    const name = propName(n.name);
    if ((name === 'rejectUnauthorized' || name === 'strictSSL') && isOff(n.initializer)) return hitAt(file, n, `${name}: false`);
    if (name === 'NODE_TLS_REJECT_UNAUTHORIZED' && isOff(n.initializer)) return hitAt(file, n, 'NODE_TLS_REJECT_UNAUTHORIZED=0');
    return undefined;
  }
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    if (isEnvTls(n.left) && isOff(n.right)) return hitAt(file, n, 'NODE_TLS_REJECT_UNAUTHORIZED=0');
    const l = unwrap(n.left);
    const last = ts.isPropertyAccessExpression(l) ? l.name.text : undefined;
    if ((last === 'rejectUnauthorized' || last === 'strictSSL') && isOff(n.right)) return hitAt(file, n, `${last}: false`);
  }
  return undefined;
}

/**
 * Whether an assignment/call turns verification off for the whole file's clients:
 * the env switch, `https.globalAgent.options.rejectUnauthorized = false`,
 * `axios.defaults.httpsAgent = <agent without verification>`,
 * `setGlobalDispatcher(new Agent({ connect: { rejectUnauthorized: false } }))`.
 */
export function fileWideTls(file: FileModel, n: ts.Node, r: Resolver): TlsHit | undefined {
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    if (isEnvTls(n.left) && isOff(n.right)) return hitAt(file, n, 'NODE_TLS_REJECT_UNAUTHORIZED=0');
    const lt = callName(n.left);
    if (/globalAgent\.options\.rejectUnauthorized$/.test(lt) && isOff(n.right)) return hitAt(file, n, 'rejectUnauthorized: false');
    if (/(^|\.)defaults(\.|$)/.test(lt) || /globalAgent$/.test(lt)) {
      const v = r.resolve(n.right, file);
      const h = v ? tlsOffIn(v, r, 0) : undefined;
      if (h) return h;
    }
  }
  if (ts.isCallExpression(n) && /(^|\.)setGlobalDispatcher$/.test(callName(n.expression)) && n.arguments[0]) {
    const v = r.resolve(n.arguments[0], file);
    return v ? tlsOffIn(v, r, 0) : undefined;
  }
  return undefined;
}

const NESTED = new Set([
  'agent', 'httpsAgent', 'httpAgent', 'dispatcher', 'https', 'tls', 'connect', 'agentOptions', 'options', 'agents', 'ssl',
  'defaults', 'wsdl_options', 'wsdlOptions', 'requestOptions',
]);

/** Look for a verification switch inside an options value (object literal, agent, …). */
export function tlsOffIn(v: Val, r: Resolver, depth: number): TlsHit | undefined {
  if (depth > 5 || v.t !== 'node') return undefined;
  const n = v.node;
  const file = v.file;
  if (ts.isObjectLiteralExpression(n)) {
    for (const p of n.properties) {
      if (ts.isPropertyAssignment(p)) {
        const name = propName(p.name);
        if ((name === 'rejectUnauthorized' || name === 'strictSSL') && isOff(p.initializer)) {
          return { setting: `${name}: false`, line: lineOf(file.sf, p), column: file.sf.getLineAndCharacterOfPosition(p.getStart(file.sf)).character + 1 };
        }
        if (name && NESTED.has(name)) {
          const inner = r.resolve(p.initializer, file);
          const h = inner ? tlsOffIn(inner, r, depth + 1) : undefined;
          if (h) return h;
        }
      } else if (ts.isShorthandPropertyAssignment(p) && NESTED.has(p.name.text)) {
        const inner = r.resolve(p.name, file);
        const h = inner ? tlsOffIn(inner, r, depth + 1) : undefined;
        if (h) return h;
      } else if (ts.isSpreadAssignment(p)) {
        const inner = r.resolve(p.expression, file);
        const h = inner ? tlsOffIn(inner, r, depth + 1) : undefined;
        if (h) return h;
      }
    }
    return undefined;
  }
  if (ts.isNewExpression(n) || ts.isCallExpression(n)) {
    // new https.Agent({...}), new undici.Agent({ connect: {...} }), createAgent({...})
    for (const a of n.arguments ?? []) {
      const inner = r.resolve(a, file);
      const h = inner ? tlsOffIn(inner, r, depth + 1) : undefined;
      if (h) return h;
    }
  }
  return undefined;
}
