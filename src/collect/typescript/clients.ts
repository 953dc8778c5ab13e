/**
 * Which calls are HTTP/SOAP client calls (their targets: targets.ts).
 *
 * A call is recognised by what its callee resolves to (an import of `axios`, `got`,
 * `undici`, `node:https`, `soap`…, the global `fetch`, an instance made by
 * `axios.create`/`got.extend`/`new undici.Client`, a SOAP client from
 * `soap.createClient(Async)`), never by its name alone, except for two guarded
 * fallbacks on unresolvable receivers (a SOAP operation name matching the policy's
 * operation patterns; `x.get/post(<absolute URL>)` on an HTTP-looking receiver).
 */
import { ts } from 'ts-morph';
import { matchesAny } from '../../policy/settings.js';
import type { FileModel } from './model.js';
import { callName, lastSegment } from './names.js';
import type { Resolver } from './resolve.js';
import { unwrap, type NodeVal } from './values.js';

export interface Anchored {
  e: ts.Expression;
  file: FileModel;
}

export interface ClientCall {
  node: ts.CallExpression;
  client: string;
  /** Expression giving the URL (or path, with a base). */
  url?: Anchored;
  /** Option/config objects that may hold url, baseURL, body, headers, agent… */
  configs: Anchored[];
  /** Candidate request bodies (for SOAP envelopes). */
  bodies: Anchored[];
  /** Base URL of an instance (axios.create baseURL, got prefixUrl, undici origin). */
  base?: Anchored;
  /** The object holding the instance's base, when it is an options object. */
  baseConfig?: Anchored;
  /** `http(s).request` option semantics (protocol/hostname/port/path). */
  httpOptions?: { defaultProtocol: string };
  operation?: string;
  /** A limiter wrapping the instance (axios-rate-limit …). */
  limiter?: { name: string; line: number };
  /** The soap.createClient call a SOAP operation is made on. */
  soapCreate?: ts.CallExpression;
}

const HTTP_METHODS = new Set(['get', 'delete', 'head', 'options', 'post', 'put', 'patch', 'request', 'postForm', 'putForm', 'patchForm']);
const BODY_SECOND = new Set(['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm']);
const GOT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'stream']);
const SUPERAGENT_METHODS = new Set(['get', 'post', 'put', 'patch', 'del', 'delete', 'head']);
/** Methods of a node-soap client that are not operations. */
const SOAP_NON_OPS = new Set([
  'addSoapHeader', 'changeSoapHeader', 'getSoapHeaders', 'clearSoapHeaders', 'addHttpHeader', 'getHttpHeaders',
  'clearHttpHeaders', 'addBodyAttribute', 'getBodyAttributes', 'clearBodyAttributes', 'setEndpoint', 'setSecurity',
  'setSOAPAction', 'describe', 'on', 'once', 'emit', 'removeListener', 'off', 'lastRequest', 'lastResponse',
  'wsdl', 'then', 'catch', 'finally', 'bind', 'call', 'apply', 'toString',
]);

export const FETCH_LIBS = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'isomorphic-unfetch', 'unfetch', 'make-fetch-happen', '@whatwg-node/fetch']);
const REQUEST_LIBS = new Set(['request', 'request-promise', 'request-promise-native', 'postman-request']);
const SOAP_LIBS = new Set(['soap', 'strong-soap']);

const GLOBAL_CLIENTS = new Set(['fetch', 'axios', '$', 'jQuery']);
const HTTPISH_NAME = /api|http|client|request|fetch|axios|got|soap|lgsp|ngsp|dancu|c06|rest|gateway/i;

/** Method names worth resolving the receiver of. */
export const CANDIDATE_METHODS = new Set([
  ...HTTP_METHODS, 'fetch', 'stream', 'del', 'ajax', 'createClient', 'createClientAsync', 'pipeline',
]);

export interface ClassifyEnv {
  resolver: Resolver;
  operationPatterns: RegExp[];
  limiterPatterns: RegExp[];
  /** The file mentions SOAP (imports soap/strong-soap or says createClient): try every method receiver. */
  soapish: boolean;
}

interface Instance {
  kind: 'axios' | 'got' | 'ky' | 'undici-client' | 'soap' | 'superagent';
  config?: Anchored;
  base?: Anchored;
  limiter?: { name: string; line: number };
  soapCreate?: ts.CallExpression;
}

export function classifyCall(call: ts.CallExpression, file: FileModel, env: ClassifyEnv): ClientCall | undefined {
  const callee = unwrap(call.expression);
  const r = env.resolver;
  if (ts.isIdentifier(callee)) {
    // Resolving every identifier call would parse every module a file imports a helper
    // from: only globals that are clients, imports of packages, local bindings (which
    // may hold an instance) and names that say HTTP are followed.
    const b = r.ws.lookup(callee.text, callee);
    if (b?.kind === 'import' && !r.ws.isExternal(file.path, b.spec) && !HTTPISH_NAME.test(callee.text)) return undefined;
    if (b?.kind === 'decl') {
      const d = b.node;
      if (ts.isFunctionDeclaration(d) || ts.isClassDeclaration(d) || ts.isParameter(d)) return undefined;
      if (ts.isVariableDeclaration(d) && d.initializer) {
        const init = unwrap(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init) || ts.isClassExpression(init) || ts.isObjectLiteralExpression(init)) return undefined;
      }
    }
    if (!b && !GLOBAL_CLIENTS.has(callee.text)) return undefined;
    const v = r.resolve(callee, file);
    if (!v) return undefined;
    if (v.t === 'ext') return fromExt(v.spec, v.path, call, file);
    if (v.t === 'global') return fromGlobal(v.name, v.path, call, file);
    if (v.t === 'node') {
      const inst = instanceOf(v, env);
      if (inst) return fromInstance(inst, undefined, call, file);
    }
    return undefined;
  }
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const m = lastSegment(callName(callee));
  if (!m) return undefined;
  const candidate = CANDIDATE_METHODS.has(m) || env.soapish || /Async$/.test(m) || matchesAny(m, env.operationPatterns);
  if (!candidate) return undefined;
  const recvExpr = unwrap(callee.expression);
  const recv = r.resolve(recvExpr, file);
  if (recv) {
    if (recv.t === 'ext') return fromExt(recv.spec, [...recv.path, m], call, file);
    if (recv.t === 'global') {
      if (recv.path.length === 0 && (recv.name === 'globalThis' || recv.name === 'window' || recv.name === 'self' || recv.name === 'global')) {
        return fromGlobal(m, [], call, file);
      }
      const g = fromGlobal(recv.name, [...recv.path, m], call, file);
      if (g) return g;
    }
    if (recv.t === 'inst') {
      const fam = recv.spec;
      if (fam === '@nestjs/axios' || (fam === '@nestjs/common' && recv.cls === 'HttpService')) {
        const path = recv.path[0] === 'axiosRef' ? recv.path.slice(1) : recv.path;
        if (path.length === 0) return axiosShape(m, call, file, 'axios');
      }
      if (fam === '@angular/common/http' && recv.path.length === 0) return axiosShape(m, call, file, 'angular-http');
      const x = fromExt(fam, [...recv.path, m], call, file);
      if (x) return x;
    }
    if (recv.t === 'node') {
      const inst = instanceOf(recv, env);
      if (inst) {
        const c = fromInstance(inst, m, call, file);
        if (c) return c;
      }
    }
  }
  // client.Service.Port.Op(...) on a SOAP client.
  if (env.soapish && ts.isPropertyAccessExpression(recvExpr)) {
    let root: ts.Expression = recvExpr;
    for (let i = 0; i < 3 && ts.isPropertyAccessExpression(root); i++) {
      root = unwrap(root.expression);
      const rv = r.resolve(root, file);
      if (rv?.t === 'node') {
        const inst = instanceOf(rv, env);
        if (inst?.kind === 'soap' && !SOAP_NON_OPS.has(m)) return soapOp(inst, m, call, file);
      }
    }
  }
  // Guarded fallbacks for receivers we cannot see through.
  const op = m.replace(/Async$/, '');
  if (!recv || recv.t === 'global' || recv.t === 'node' || recv.t === 'inst') {
    if (!SOAP_NON_OPS.has(m) && matchesAny(op, env.operationPatterns)) {
      return { node: call, client: 'soap', configs: [], bodies: call.arguments[0] ? [{ e: call.arguments[0], file }] : [], operation: op };
    }
    if (HTTP_METHODS.has(m) && call.arguments[0] && !call.arguments.some((a) => ts.isFunctionLike(unwrap(a)))) {
      const recvText = callName(recvExpr);
      if (/router|^app$|server|map|cache|store|params|headers|query|searchParams|cookies|session/i.test(recvText)) return undefined;
      const u = r.resolve(call.arguments[0], file);
      if (u?.t === 'str') {
        const abs = /^https?:\/\//i.test(u.s);
        const httpish = /http|api|client|axios|rest|request|fetch|got|gateway|lgsp|ngsp/i.test(recvText);
        if (abs || (httpish && /^(\/|\$\{)/.test(u.s) && u.s.includes('/'))) {
          return {
            node: call,
            client: 'http-client',
            url: { e: call.arguments[0], file },
            configs: argAt(call, BODY_SECOND.has(m) ? 2 : 1, file),
            bodies: BODY_SECOND.has(m) ? argAt(call, 1, file) : [],
          };
        }
      }
    }
  }
  return undefined;
}

function argAt(call: ts.CallExpression | ts.NewExpression, i: number, file: FileModel): Anchored[] {
  const a = call.arguments?.[i];
  return a ? [{ e: a, file }] : [];
}

/** axios(url|config, config) / axios.get(url, config) / axios.post(url, data, config) / axios.request(config). */
function axiosShape(m: string | undefined, call: ts.CallExpression, file: FileModel, client: string): ClientCall | undefined {
  if (m === undefined) {
    return { node: call, client, url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
  }
  if (m === 'request') return { node: call, client, configs: argAt(call, 0, file), bodies: [] };
  if (BODY_SECOND.has(m)) {
    return { node: call, client, url: argAt(call, 0, file)[0], bodies: argAt(call, 1, file), configs: argAt(call, 2, file) };
  }
  if (HTTP_METHODS.has(m)) return { node: call, client, url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
  return undefined;
}

function fromExt(spec: string, path: string[], call: ts.CallExpression, file: FileModel): ClientCall | undefined {
  const p = path[0] === 'default' ? path.slice(1) : path;
  const m = p.length === 1 ? p[0] : undefined;
  if (spec === 'axios') {
    if (p.length === 0) return axiosShape(undefined, call, file, 'axios');
    if (p.length === 1 && m !== 'create') return axiosShape(m, call, file, 'axios');
    return undefined;
  }
  if (spec === 'got' || spec === 'ky' || spec === 'ky-universal') {
    const client = spec === 'got' ? 'got' : 'ky';
    if (p.length === 0 || (m && GOT_METHODS.has(m))) {
      return { node: call, client, url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
    }
    return undefined;
  }
  if (spec === 'undici') {
    if (m === 'request' || m === 'fetch' || m === 'stream' || m === 'pipeline') {
      return { node: call, client: 'undici', url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
    }
    return undefined;
  }
  if (FETCH_LIBS.has(spec)) {
    if (p.length === 0 || m === 'fetch') return fetchShape(call, file, 'fetch');
    return undefined;
  }
  if (spec === 'http' || spec === 'https') {
    if (m === 'request' || m === 'get') {
      return {
        node: call,
        client: spec,
        url: argAt(call, 0, file)[0],
        configs: argAt(call, 1, file),
        bodies: [],
        httpOptions: { defaultProtocol: spec + ':' },
      };
    }
    return undefined;
  }
  if (spec === 'easy-soap-request') {
    if (p.length === 0) return { node: call, client: 'soap', configs: argAt(call, 0, file), bodies: [] };
    return undefined;
  }
  if (REQUEST_LIBS.has(spec)) {
    if (p.length === 0 || (m && HTTP_METHODS.has(m))) return { node: call, client: 'request', url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
    return undefined;
  }
  if (spec === 'superagent') {
    if (m && SUPERAGENT_METHODS.has(m)) return { node: call, client: 'superagent', url: argAt(call, 0, file)[0], configs: [], bodies: chainedSend(call, file) };
    return undefined;
  }
  if (spec === 'needle') {
    if (p.length === 0 || m === 'request') {
      return { node: call, client: 'needle', url: argAt(call, 1, file)[0], bodies: argAt(call, 2, file), configs: argAt(call, 3, file) };
    }
    if (m && HTTP_METHODS.has(m)) return { node: call, client: 'needle', url: argAt(call, 0, file)[0], bodies: argAt(call, 1, file), configs: argAt(call, 2, file) };
    return undefined;
  }
  if (spec === '@nestjs/axios') return undefined;
  return undefined;
}

function fetchShape(call: ts.CallExpression, file: FileModel, client: string): ClientCall {
  const a0 = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
  // fetch(new Request(url, init))
  if (a0 && ts.isNewExpression(a0) && ts.isIdentifier(a0.expression) && a0.expression.text === 'Request') {
    return { node: call, client, url: argAt(a0, 0, file)[0], configs: [...argAt(a0, 1, file), ...argAt(call, 1, file)], bodies: [] };
  }
  return { node: call, client, url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
}

function fromGlobal(name: string, path: string[], call: ts.CallExpression, file: FileModel): ClientCall | undefined {
  if (name === 'fetch' && path.length === 0) return fetchShape(call, file, 'fetch');
  if (name === 'axios') return fromExt('axios', path, call, file);
  if (name === '$' || name === 'jQuery') {
    const m = path.length === 1 ? path[0] : undefined;
    if (m === 'ajax') return { node: call, client: 'jquery', url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
    if (m === 'get' || m === 'post') return { node: call, client: 'jquery', url: argAt(call, 0, file)[0], configs: [], bodies: argAt(call, 1, file) };
  }
  return undefined;
}

/** superagent.post(url).send(body)…: the bodies sent along the chain. */
function chainedSend(call: ts.CallExpression, file: FileModel): Anchored[] {
  const out: Anchored[] = [];
  let n: ts.Node = call;
  for (let i = 0; i < 10; i++) {
    const p = n.parent;
    if (!p || !ts.isPropertyAccessExpression(p)) break;
    const c = p.parent;
    if (!c || !ts.isCallExpression(c)) break;
    if (p.name.text === 'send' && c.arguments[0]) out.push({ e: c.arguments[0], file });
    n = c;
  }
  return out;
}

/** What kind of client instance a value (a call or `new`) is, if any. */
export function instanceOf(v: NodeVal, env: ClassifyEnv, depth = 0): Instance | undefined {
  if (depth > 4) return undefined;
  const n = v.node;
  if (!ts.isCallExpression(n) && !ts.isNewExpression(n)) return undefined;
  const r = env.resolver;
  const c = r.resolve(n.expression, v.file);
  if (!c) return undefined;
  const file = v.file;
  const a0 = n.arguments?.[0];
  if (c.t === 'ext' || c.t === 'global') {
    const spec = c.t === 'ext' ? c.spec : c.name;
    const path = c.path[0] === 'default' ? c.path.slice(1) : c.path;
    const m = path.length === 1 ? path[0] : undefined;
    if (spec === 'axios' && m === 'create') return { kind: 'axios', config: a0 ? { e: a0, file } : undefined };
    if (spec === 'got' && m === 'extend') return { kind: 'got', config: a0 ? { e: a0, file } : undefined };
    if ((spec === 'ky' || spec === 'ky-universal') && (m === 'create' || m === 'extend')) return { kind: 'ky', config: a0 ? { e: a0, file } : undefined };
    if (spec === 'undici' && (m === 'Client' || m === 'Pool') && ts.isNewExpression(n)) {
      return { kind: 'undici-client', base: a0 ? { e: a0, file } : undefined, config: argAt(n, 1, file)[0] };
    }
    if (SOAP_LIBS.has(spec) && (m === 'createClient' || m === 'createClientAsync') && ts.isCallExpression(n)) {
      return { kind: 'soap', base: a0 ? { e: a0, file } : undefined, config: argAt(n, m === 'createClient' ? 2 : 1, file)[0], soapCreate: n };
    }
    if (spec === 'superagent' && m === 'agent') return { kind: 'superagent' };
    // A limiter wrapping an instance: rateLimit(axios.create(…), { maxRPS: 2 }).
    if (c.t === 'ext' && matchesAny(spec, env.limiterPatterns) && a0) {
      const inner = r.resolve(a0, file);
      if (inner?.t === 'node') {
        const inst = instanceOf(inner, env, depth + 1);
        if (inst) {
          const line = file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf)).line + 1;
          return { ...inst, limiter: inst.limiter ?? { name: callName(n.expression) || spec, line } };
        }
      }
      if (inner?.t === 'ext' && inner.spec === 'axios' && inner.path.length === 0) {
        const line = file.sf.getLineAndCharacterOfPosition(n.getStart(file.sf)).line + 1;
        return { kind: 'axios', limiter: { name: callName(n.expression) || spec, line } };
      }
    }
  }
  return undefined;
}

function fromInstance(inst: Instance, m: string | undefined, call: ts.CallExpression, file: FileModel): ClientCall | undefined {
  let c: ClientCall | undefined;
  switch (inst.kind) {
    case 'axios':
      c = m === undefined ? axiosShape(undefined, call, file, 'axios') : m === 'create' ? undefined : axiosShape(m, call, file, 'axios');
      break;
    case 'got':
    case 'ky':
      if (m === undefined || GOT_METHODS.has(m)) c = { node: call, client: inst.kind, url: argAt(call, 0, file)[0], configs: argAt(call, 1, file), bodies: [] };
      break;
    case 'undici-client':
      if (m === 'request' || m === 'stream' || m === 'pipeline') c = { node: call, client: 'undici', configs: argAt(call, 0, file), bodies: [] };
      break;
    case 'soap':
      if (m !== undefined && !SOAP_NON_OPS.has(m) && m !== 'createClient' && m !== 'createClientAsync') return soapOp(inst, m, call, file);
      return undefined;
    case 'superagent':
      if (m && SUPERAGENT_METHODS.has(m)) c = { node: call, client: 'superagent', url: argAt(call, 0, file)[0], configs: [], bodies: chainedSend(call, file) };
      break;
  }
  if (!c) return undefined;
  if (inst.config) {
    c.baseConfig = inst.config;
    c.configs = [...c.configs, inst.config];
  }
  if (inst.base) c.base = inst.base;
  if (inst.limiter) c.limiter = inst.limiter;
  return c;
}

function soapOp(inst: Instance, m: string, call: ts.CallExpression, file: FileModel): ClientCall {
  return {
    node: call,
    client: 'soap',
    configs: inst.config ? [inst.config] : [],
    bodies: call.arguments[0] ? [{ e: call.arguments[0], file }] : [],
    base: inst.base,
    operation: m.replace(/Async$/, ''),
    limiter: inst.limiter,
    soapCreate: inst.soapCreate,
  };
}

/** The soap.createClient(Async) call, if this is one (reported when no operation is seen on its client). */
export function soapCreateCall(call: ts.CallExpression, file: FileModel, r: Resolver): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const m = callee.name.text;
  if (m !== 'createClient' && m !== 'createClientAsync') return false;
  const v = r.resolve(callee.expression, file);
  return v?.t === 'ext' && SOAP_LIBS.has(v.spec) && v.path.length === 0;
}
