/**
 * Java client calls: RestTemplate (`getForObject`/`postForObject`/`exchange`/…, base
 * from `rootUri` or `DefaultUriBuilderFactory`), WebClient / RestClient (`.uri(…)`
 * chains, base from `baseUrl`/`create`), `WebServiceTemplate.marshalSendAndReceive`
 * (explicit URI or `setDefaultUri`), `HttpURLConnection` (`new URL(u).openConnection()`),
 * OkHttp (`new Request.Builder().url(u)`), Apache HttpClient (`new HttpPost(u)`, request
 * builders, fluent `Request.post`), `java.net.http` (`HttpRequest.newBuilder(uri)`), SAAJ
 * `SOAPConnection.call`, JAX-WS ports (an operation-named method on a `…Port`).
 */
import type { FileAnalysis } from '../analysis.js';
import { strOf } from '../kit/values.js';
import { contains, spanOf } from '../span.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, Node } from '../types.js';
import type { JavaProject } from './project.js';
import { chainName, chainRoot } from './nodes.js';

type FA = FileAnalysis<JavaProject>;

const REST_TEMPLATE_METHODS = new Set([
  'getForObject', 'getForEntity', 'postForObject', 'postForEntity', 'postForLocation', 'exchange', 'put', 'delete',
  'patchForObject', 'execute', 'headForHeaders', 'optionsForAllow',
]);
const WS_METHODS = new Set(['marshalSendAndReceive', 'sendSourceAndReceiveToResult', 'sendSourceAndReceive', 'sendAndReceive', 'sendWithCallback']);
const APACHE_REQUESTS = new Set(['HttpGet', 'HttpPost', 'HttpPut', 'HttpDelete', 'HttpPatch', 'HttpHead', 'HttpOptions']);

/** What the file imports, read once per file. */
export interface JavaCtx {
  imports: string[];
  selenium: boolean;
  fluentHttp: boolean;
  okhttp: boolean;
}

function isRestTemplate(fa: FA, recv: Node): boolean {
  const t = fa.typeOf(recv)?.type;
  if (t) return /^(RestTemplate|TestRestTemplate|RestOperations|OAuth2RestTemplate|OAuth2RestOperations)$/.test(t);
  const name = chainName(recv);
  return /rest(Template|Operations)$/i.test(name) || /(^|\.)getRestTemplate$/.test(name) || /^restTemplate/i.test(name);
}

function restTemplateBase(fa: FA): Node | undefined {
  for (const c of fa.calls) {
    if ((c.method === 'rootUri' || (c.isNew && c.method === 'DefaultUriBuilderFactory')) && c.args[0]) return c.args[0];
  }
  return undefined;
}

type WebKind = 'WebClient' | 'RestClient' | 'java.net.http' | undefined;

/** The innermost call of a fluent chain (`HttpRequest.newBuilder()` in `HttpRequest.newBuilder().uri(u)`). */
function innermostCall(fa: FA, node: Node): CallInfo | undefined {
  let cur: CallInfo | undefined = fa.callInfo(node);
  for (;;) {
    const r: Node | undefined = cur?.receiver;
    const next: CallInfo | undefined = r ? fa.callInfo(r.type === 'parenthesized_expression' ? (r.namedChild(0) ?? r) : r) : undefined;
    if (!next) return cur;
    cur = next;
  }
}

function webKindOfRoot(fa: FA, root: Node, call?: Node): WebKind {
  const inner = call ? innermostCall(fa, call) : undefined;
  if (inner) {
    if (/^(WebClient)\.(create|builder)$/.test(inner.name)) return 'WebClient';
    if (/^(RestClient)\.(create|builder)$/.test(inner.name)) return 'RestClient';
    if (/^HttpRequest\.newBuilder$/.test(inner.name)) return 'java.net.http';
  }
  const rc = fa.callInfo(root);
  if (rc) {
    if (/^(WebClient)\.(create|builder)$/.test(rc.name)) return 'WebClient';
    if (/^(RestClient)\.(create|builder)$/.test(rc.name)) return 'RestClient';
    if (/^HttpRequest\.newBuilder$/.test(rc.name)) return 'java.net.http';
    if (/(^|\.)(webClient|getWebClient)$/i.test(rc.name)) return 'WebClient';
    if (/(^|\.)(restClient|getRestClient)$/i.test(rc.name)) return 'RestClient';
    return undefined;
  }
  const t = fa.typeOf(root)?.type;
  if (t === 'WebClient' || t === 'WebTestClient') return 'WebClient';
  if (t === 'RestClient') return 'RestClient';
  if (t === 'Builder' || t === 'HttpRequest.Builder') {
    const o = fa.callInfo(fa.resolver.origin(root));
    if (o && /^HttpRequest\.newBuilder/.test(o.name)) return 'java.net.http';
  }
  if (t) return undefined;
  const name = chainName(root);
  if (/webClient$/i.test(name)) return 'WebClient';
  if (/restClient$/i.test(name)) return 'RestClient';
  return undefined;
}

/** The base URL of a WebClient/RestClient: `WebClient.create(x)`, `.baseUrl(x)` in its initialiser, else one in the file. */
function webBase(fa: FA, root: Node): Node | undefined {
  const fromChain = (start: Node): Node | undefined => {
    let cur: Node | null = start;
    while (cur && cur.type === 'method_invocation') {
      const c = fa.callInfo(cur);
      if (c && (c.method === 'baseUrl' || (c.method === 'create' && /^(WebClient|RestClient)$/.test(chainName(c.receiver)))) && c.args[0]) return c.args[0];
      cur = cur.childForFieldName('object');
    }
    return undefined;
  };
  const direct = fromChain(root);
  if (direct) return direct;
  const origin = fa.resolver.origin(root);
  if (origin.id !== root.id) {
    const o = fromChain(origin);
    if (o) return o;
  }
  for (const c of fa.calls) if (c.method === 'baseUrl' && c.args[0]) return c.args[0];
  return undefined;
}

/** `.uri(b -> b.path("/x").build())`: the path inside the builder lambda. */
function uriArgument(fa: FA, arg: Node | undefined): Node | undefined {
  if (!arg || arg.type !== 'lambda_expression') return arg;
  const at = spanOf(arg);
  for (const c of fa.calls) {
    if (c.method === 'path' && c.args[0] && contains(at, spanOf(c.node))) return c.args[0];
  }
  return undefined;
}

function endpointAddress(fa: FA): Node | undefined {
  for (const c of fa.calls) {
    if (c.method === 'put' && c.args.length === 2 && /ENDPOINT_ADDRESS_PROPERTY$/.test(c.args[0]!.text)) return c.args[1];
  }
  return undefined;
}

function defaultUri(fa: FA): Node | undefined {
  for (const c of fa.calls) if (c.method === 'setDefaultUri' && c.args[0]) return c.args[0];
  return undefined;
}

/** Report `c` when it is a client call. */
export function classifyCall(fa: FA, c: CallInfo, jc: JavaCtx): void {
  const m = c.method;
  const project = fa.project;
  if (c.isNew) {
    if (APACHE_REQUESTS.has(m)) {
      const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'Apache HttpClient' };
      if (c.args[0]) call.url = c.args[0];
      fa.addCall(call);
    }
    return;
  }
  const recv = c.receiver;
  // Feign: a call on an injected Feign interface.
  if (recv && project?.feign.size) {
    const t = fa.typeOf(recv)?.type;
    const iface = t ? project.feign.get(t) : undefined;
    const fm = iface?.methods.get(m);
    if (iface && fm) {
      const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'Feign' };
      if (iface.base) call.base = iface.base;
      if (fm.path) call.url = fm.path;
      fa.addCall(call);
      return;
    }
  }
  if (recv && REST_TEMPLATE_METHODS.has(m) && c.args[0] && isRestTemplate(fa, recv)) {
    const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'RestTemplate', url: c.args[0] };
    const path = fa.resolver.str(c.args[0]);
    const base = path && path.s.startsWith('/') ? restTemplateBase(fa) : undefined;
    if (base) call.base = base;
    fa.addCall(call);
    return;
  }
  if (m === 'uri' && recv) {
    const root = chainRoot(c.node);
    const kind = webKindOfRoot(fa, root, c.node);
    if (kind === 'java.net.http') {
      if (c.args[0]) fa.addCall({ node: c.node, client: 'java.net.http', url: c.args[0] });
      return;
    }
    if (kind) {
      const call: Parameters<FA['addCall']>[0] = { node: c.node, client: kind };
      const u = uriArgument(fa, c.args[0]);
      if (u) call.url = u;
      const resolved = u ? fa.resolver.str(u) : undefined;
      if (!resolved || !/^[a-z][a-z0-9+.-]*:\/\//i.test(resolved.s)) {
        const base = webBase(fa, root);
        if (base) call.base = base;
      }
      fa.addCall(call);
      return;
    }
  }
  if (c.name === 'HttpRequest.newBuilder' && c.args[0]) {
    fa.addCall({ node: c.node, client: 'java.net.http', url: c.args[0] });
    return;
  }
  if (WS_METHODS.has(m) && recv) {
    const t = fa.typeOf(recv)?.type;
    const name = chainName(recv);
    if (t === 'WebServiceTemplate' || t === 'WebServiceOperations' || /getWebServiceTemplate$|webServiceTemplate$|wsTemplate$/i.test(name) || (!t && /template$/i.test(name))) {
      const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'WebServiceTemplate' };
      const a0 = c.args[0];
      const a0v = a0 ? fa.resolver.resolve(a0) : undefined;
      const a0IsUri = c.args.length >= 2 && a0 !== undefined && (a0v?.t === 'str' || a0v?.t === 'ref' || /ur[il]|endpoint|address/i.test(a0.text));
      if (a0IsUri) call.url = a0;
      else {
        const d = defaultUri(fa);
        if (d) call.url = d;
      }
      fa.addCall(call);
      return;
    }
  }
  if (m === 'openConnection' && recv) {
    const t = fa.typeOf(recv)?.type;
    const o = fa.callInfo(fa.resolver.origin(recv));
    if (t === 'URL' || (o && ((o.isNew && o.method === 'URL') || o.method === 'toURL')) || (!t && /url/i.test(chainName(recv)))) {
      fa.addCall({ node: c.node, client: 'HttpURLConnection', url: recv });
      return;
    }
  }
  if (m === 'url' && recv && c.args[0]) {
    const root = chainRoot(c.node);
    const rc = fa.callInfo(root);
    const viaVar = rc ? undefined : fa.typeOf(root)?.type;
    if ((rc?.isNew && /(^|\.)Request\.Builder$|^Builder$/.test(rc.name) && (jc.okhttp || rc.name === 'Request.Builder')) || viaVar === 'Request.Builder') {
      fa.addCall({ node: c.node, client: 'OkHttp', url: c.args[0] });
      return;
    }
  }
  if (/^(Classic|Simple)?RequestBuilder\.(get|post|put|delete|patch|head)$/i.test(c.name) || (jc.fluentHttp && /^Request\.(get|post|put|delete|patch|head)$/i.test(c.name))) {
    const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'Apache HttpClient' };
    if (c.args[0]) call.url = c.args[0];
    fa.addCall(call);
    return;
  }
  if (m === 'call' && recv && c.args.length === 2) {
    const t = fa.typeOf(recv)?.type;
    if (t === 'SOAPConnection' || /soapConnection$/i.test(chainName(recv))) {
      fa.addCall({ node: c.node, client: 'SAAJ', url: c.args[1]! });
      return;
    }
  }
  // A JAX-WS port: an operation-named method on a `…Port`/`…Soap` typed receiver or a getXxxPort() chain.
  const op = recv ? matchOperation(fa as FileAnalysis<unknown>, m) : undefined;
  if (op && recv) {
    const t = fa.typeOf(recv)?.type ?? '';
    const chain = chainName(recv);
    const originCall = fa.callInfo(fa.resolver.origin(recv));
    if (/(Port|PortType|Soap|SoapClient|ServiceSoap|Stub|Proxy)$/.test(t) || /(^|\.)get\w*Port$/.test(chain) || (originCall && /(^|\.)get\w*Port$/.test(originCall.name))) {
      const call: Parameters<FA['addCall']>[0] = { node: c.node, client: 'JAX-WS', operation: op };
      const ep = endpointAddress(fa);
      if (ep) call.url = ep;
      fa.addCall(call);
      return;
    }
  }
  // Keycloak's SimpleHttp (identity-provider extensions: VNeID, the DB's SSO).
  if (/^SimpleHttp\.(doGet|doPost|doPut|doDelete|doHead|doPatch)$/.test(c.name) && c.args[0]) {
    fa.addCall({ node: c.node, client: 'SimpleHttp', url: c.args[0] });
    return;
  }
  // Selenium navigation targets are endpoints of the automation.
  if (jc.selenium && recv && c.args.length === 1 && (m === 'get' || (m === 'to' && /navigate$/.test(chainName(recv))))) {
    const s = fa.resolver.str(c.args[0]);
    if (s && /^https?:\/\//i.test(s.s)) fa.addNavigation(c.args[0]!, s.s, c.name);
  }
}
