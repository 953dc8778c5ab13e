/**
 * Java (Spring and plain JDK) detection on one parsed file:
 *
 * - client calls: RestTemplate (`getForObject`/`postForObject`/`exchange`/…, base from
 *   `rootUri` or `DefaultUriBuilderFactory`), WebClient / RestClient (`.uri(…)` chains, base
 *   from `baseUrl`/`create`), `WebServiceTemplate.marshalSendAndReceive` (explicit URI or
 *   `setDefaultUri`), `HttpURLConnection` (`new URL(u).openConnection()`), OkHttp
 *   (`new Request.Builder().url(u)`), Apache HttpClient (`new HttpPost(u)`, request
 *   builders, fluent `Request.post`), `java.net.http` (`HttpRequest.newBuilder(uri)`),
 *   SAAJ `SOAPConnection.call`, JAX-WS ports (an operation-named method on a `…Port`),
 *   Feign (see project.ts);
 * - TLS: trust-all `X509TrustManager` (empty `checkServerTrusted`), `HostnameVerifier`
 *   returning true, `NoopHostnameVerifier`, `TrustAllStrategy`/`TrustSelfSignedStrategy`,
 *   a trust strategy lambda returning true, `InsecureTrustManagerFactory`;
 * - tools: `static void main` outside the Spring Boot application class,
 *   `CommandLineRunner`/`ApplicationRunner` that loop (console-command), `@Scheduled`
 *   (cron), picocli `@Command` (cli), Selenium (browser-automation, with its
 *   navigation targets as endpoints);
 * - credentials: sensitive-name literals (fields, locals, annotation attributes,
 *   `@Value("${k:default}")` defaults, setters, map/header pairs), Basic auth from a
 *   `user:pass` literal given to base64, `setBasicAuth`/`basicAuthentication`/
 *   `UsernamePasswordCredentials`/`DriverManager.getConnection` with a literal password;
 *   JDBC URLs with passwords come from the framework's literal scan.
 */
import { matchesAny } from '../../../policy/settings.js';
import type { FileAnalysis } from '../analysis.js';
import { classAround } from '../kit/calls.js';
import { strOf } from '../kit/values.js';
import { contains, spanOf } from '../span.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, Node } from '../types.js';
import type { JavaProject } from './project.js';
import { annotationArgs, annotationName, annotationsOf, chainName, chainRoot, modifierWords, stringValue } from './nodes.js';

type FA = FileAnalysis<JavaProject>;

const REST_TEMPLATE_METHODS = new Set([
  'getForObject', 'getForEntity', 'postForObject', 'postForEntity', 'postForLocation', 'exchange', 'put', 'delete',
  'patchForObject', 'execute', 'headForHeaders', 'optionsForAllow',
]);
const WS_METHODS = new Set(['marshalSendAndReceive', 'sendSourceAndReceiveToResult', 'sendSourceAndReceive', 'sendAndReceive', 'sendWithCallback']);
const APACHE_REQUESTS = new Set(['HttpGet', 'HttpPost', 'HttpPut', 'HttpDelete', 'HttpPatch', 'HttpHead', 'HttpOptions']);
const PAIR_METHODS = new Set([
  'put', 'add', 'set', 'header', 'addHeader', 'setHeader', 'setProperty', 'addRequestProperty', 'setRequestProperty',
  'with', 'param', 'queryParam', 'defaultHeader', 'addFormDataPart', 'append', 'putIfAbsent', 'add', 'formParam',
]);
const BASE64_METHODS = new Set(['encodeToString', 'encode', 'encodeBase64String', 'encodeBase64', 'printBase64Binary', 'encodeBase64URLSafeString']);
const AUTH_OBJECT_CALLS: ReadonlyArray<[RegExp, number]> = [
  [/(^|\.)setBasicAuth$/, 1],
  [/(^|\.)basicAuthentication$/, 1],
  [/(^|\.)basicAuth$/, 1],
  [/(^|\.)BasicAuthenticationInterceptor$/, 1],
  [/(^|\.)UsernamePasswordCredentials$/, 1],
  [/(^|\.)PasswordAuthentication$/, 1],
  [/(^|\.)UsernamePasswordAuthenticationToken$/, 1],
  [/(^|\.)Credentials\.basic$/, 1],
  [/(^|\.)DriverManager\.getConnection$/, 2],
  [/(^|\.)setCredentials$/, 1],
];
const GATE_METHODS = new Set([
  'tryConsume', 'consume', 'tryConsumeAndReturnRemaining', 'consumeUninterruptibly', 'acquire', 'tryAcquire',
  'acquirePermission', 'reservePermission', 'waitForPermission',
]);
const WRAPPER_METHODS = new Set([
  'executeSupplier', 'executeRunnable', 'executeCallable', 'executeCompletionStage', 'executeCheckedSupplier',
  'executeCheckedRunnable', 'decorateSupplier', 'decorateRunnable', 'decorateCallable', 'decorateFunction',
  'decorateCheckedSupplier', 'decorateCompletionStage', 'decorateConsumer', 'decorateCheckedRunnable', 'decorateCheckedFunction',
]);
const HOSTNAME_SETTERS = new Set(['setHostnameVerifier', 'setDefaultHostnameVerifier', 'hostnameVerifier', 'setSSLHostnameVerifier']);
const TRUST_MANAGER_TYPES = new Set(['X509TrustManager', 'X509ExtendedTrustManager', 'TrustManager']);
const SPRING_APP_ANNOTATIONS = new Set(['SpringBootApplication', 'EnableAutoConfiguration', 'SpringBootConfiguration']);
const RUNNER_TYPES = new Set(['CommandLineRunner', 'ApplicationRunner']);

interface JavaCtx {
  imports: string[];
  selenium: boolean;
  fluentHttp: boolean;
  okhttp: boolean;
}

function str(fa: FA, n: Node | null | undefined): string | undefined {
  return strOf(fa.resolver, n);
}

function lambdaReturnsTrue(n: Node | undefined): boolean {
  if (!n || n.type !== 'lambda_expression') return false;
  const body = n.childForFieldName('body');
  if (!body) return false;
  if (body.type === 'true') return true;
  if (body.type === 'block') {
    const stmts = body.namedChildren.filter((s) => s && s.type !== 'line_comment' && s.type !== 'block_comment');
    return stmts.length === 1 && stmts[0]?.type === 'return_statement' && stmts[0].namedChild(0)?.type === 'true';
  }
  return false;
}

function bodyIsEmpty(method: Node): boolean {
  const body = method.childForFieldName('body');
  if (!body) return false;
  return body.namedChildren.every((s) => !s || s.type === 'line_comment' || s.type === 'block_comment' || (s.type === 'return_statement' && s.namedChildCount === 0));
}

function returnsTrue(method: Node): boolean {
  const body = method.childForFieldName('body');
  if (!body) return false;
  const stmts = body.namedChildren.filter((s) => s && s.type !== 'line_comment' && s.type !== 'block_comment');
  return stmts.length === 1 && stmts[0]?.type === 'return_statement' && stmts[0].namedChild(0)?.type === 'true';
}

/** Simple names of the interfaces/superclass a class declaration names. */
function supertypes(cls: Node): string[] {
  const out: string[] = [];
  if (cls.type === 'object_creation_expression') {
    const t = cls.childForFieldName('type')?.text ?? '';
    out.push(t.replace(/<.*$/, '').slice(t.lastIndexOf('.') + 1));
    return out;
  }
  for (const f of ['interfaces', 'superclass']) {
    const n = cls.childForFieldName(f);
    if (!n) continue;
    for (const t of n.descendantsOfType(['type_identifier'])) if (t) out.push(t.text);
  }
  // interface X extends Y
  const ext = cls.namedChildren.find((c) => c?.type === 'extends_interfaces');
  for (const t of ext?.descendantsOfType(['type_identifier']) ?? []) if (t) out.push(t.text);
  return out;
}

function classBody(cls: Node): Node | undefined {
  if (cls.type === 'object_creation_expression') return cls.namedChildren.find((c) => c?.type === 'class_body') ?? undefined;
  return cls.childForFieldName('body') ?? undefined;
}

function methodsOf(cls: Node): Node[] {
  return (classBody(cls)?.namedChildren ?? []).filter((m): m is Node => m?.type === 'method_declaration');
}

// ---------------------------------------------------------------------------
// Clients

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

function classifyCall(fa: FA, c: CallInfo, jc: JavaCtx): void {
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
  // Selenium navigation targets are endpoints of the automation.
  if (jc.selenium && recv && c.args.length === 1 && (m === 'get' || (m === 'to' && /navigate$/.test(chainName(recv))))) {
    const s = fa.resolver.str(c.args[0]);
    if (s && /^https?:\/\//i.test(s.s)) fa.addEndpoint(c.args[0]!, s.s);
  }
}

// ---------------------------------------------------------------------------
// TLS

function tlsFromCall(fa: FA, c: CallInfo): void {
  if (c.isNew) {
    if (c.method === 'NoopHostnameVerifier') fa.addTls(c.node, 'NoopHostnameVerifier');
    else if (c.method === 'TrustAllStrategy') fa.addTls(c.node, 'TrustAllStrategy');
    else if (c.method === 'TrustSelfSignedStrategy') fa.addTls(c.node, 'TrustSelfSignedStrategy');
    return;
  }
  if (HOSTNAME_SETTERS.has(c.method) && lambdaReturnsTrue(c.args[c.args.length - 1])) {
    fa.addTls(c.args[c.args.length - 1]!, 'HostnameVerifier returns true');
  } else if (c.method === 'loadTrustMaterial' && c.args.some((a) => lambdaReturnsTrue(a))) {
    fa.addTls(c.args.find((a) => lambdaReturnsTrue(a))!, 'TrustStrategy returns true');
  }
}

function tlsFromClasses(fa: FA): void {
  for (const cls of fa.captures('class')) {
    const supers = supertypes(cls);
    if (supers.some((s) => TRUST_MANAGER_TYPES.has(s))) {
      for (const m of methodsOf(cls)) {
        if (m.childForFieldName('name')?.text === 'checkServerTrusted' && bodyIsEmpty(m)) {
          fa.addTls(m.childForFieldName('name') ?? m, 'X509TrustManager.checkServerTrusted accepts every certificate');
        }
      }
    }
    if (supers.includes('HostnameVerifier')) {
      for (const m of methodsOf(cls)) {
        if (m.childForFieldName('name')?.text === 'verify' && returnsTrue(m)) fa.addTls(m.childForFieldName('name') ?? m, 'HostnameVerifier returns true');
      }
    }
    if (supers.includes('TrustStrategy')) {
      for (const m of methodsOf(cls)) {
        if (m.childForFieldName('name')?.text === 'isTrusted' && returnsTrue(m)) fa.addTls(m.childForFieldName('name') ?? m, 'TrustStrategy returns true');
      }
    }
  }
  const members = fa.captures('tls.member');
  for (const n of members) {
    const t = n.text.replace(/\s+/g, '');
    if (/^SSL(Connection)?SocketFactory\.INSTANCE$/.test(t)) continue;
    fa.addTls(n, t);
  }
}

// ---------------------------------------------------------------------------
// Tools

function annotationNames(n: Node): Set<string> {
  return new Set(annotationsOf(n).map(annotationName));
}

function hasLoopWithin(fa: FA, n: Node): boolean {
  const at = spanOf(n);
  if (fa.spans('loop').some((l) => contains(at, l))) return true;
  return fa.calls.some((c) => contains(at, spanOf(c.node)) && fa.syntax.iterationKind(c) !== undefined && c.args.some((a) => a.type === 'lambda_expression' || a.type === 'method_reference'));
}

/** A loop in the function or in a same-file method it calls (one level). */
function loopsWithin(fa: FA, fn: Node): boolean {
  if (hasLoopWithin(fa, fn)) return true;
  const info = fa.fns.infoAt(fn.childForFieldName('body') ?? fn);
  const called = new Set(info.calls.map((c) => c.slice(c.lastIndexOf('.') + 1)));
  for (const other of fa.captures('function')) {
    if (other.id === fn.id) continue;
    const name = other.childForFieldName('name')?.text;
    if (name && called.has(name) && hasLoopWithin(fa, other)) return true;
  }
  return false;
}

function tools(fa: FA, jc: JavaCtx): void {
  const selenium = fa.captures('import').find((i) => /\borg\.openqa\.selenium\b/.test(i.text));
  if (selenium) fa.addTool('browser-automation', 'imports org.openqa.selenium', fa.line(selenium));
  void jc;
  for (const fn of fa.captures('function')) {
    if (fn.type !== 'method_declaration') continue;
    const name = fn.childForFieldName('name')?.text;
    const anns = annotationNames(fn);
    if (anns.has('Scheduled')) fa.addTool('cron', '@Scheduled method', fa.line(fn.childForFieldName('name') ?? fn));
    if (anns.has('ShellMethod') || anns.has('ShellComponent')) fa.addTool('console-command', '@ShellMethod', fa.line(fn));
    if (name === 'main' && modifierWords(fn).has('static')) {
      const params = fn.childForFieldName('parameters')?.namedChildren.filter(Boolean) ?? [];
      const p = params[0];
      if (params.length !== 1 || !p || !/String\s*(\[\s*\]|\.\.\.)/.test(p.text)) continue;
      const cls = classAround(fa, fn);
      const clsAnns = cls ? annotationNames(cls) : new Set<string>();
      if ([...clsAnns].some((a) => SPRING_APP_ANNOTATIONS.has(a))) continue;
      if (/\bSpringApplication(Builder)?\b/.test(fn.text)) continue;
      fa.addTool('cli', 'public static void main', fa.line(fn.childForFieldName('name') ?? fn));
    }
    // A runner bean: `@Bean CommandLineRunner x() { return args -> { for … } }`.
    const ret = fn.childForFieldName('type')?.text;
    if (ret && RUNNER_TYPES.has(ret) && loopsWithin(fa, fn)) {
      fa.addTool('console-command', `${ret} bean that loops`, fa.line(fn.childForFieldName('name') ?? fn));
    }
  }
  for (const cls of fa.captures('class')) {
    if (cls.type !== 'class_declaration') continue;
    const supers = supertypes(cls);
    const runner = supers.find((s) => RUNNER_TYPES.has(s));
    if (runner) {
      const run = methodsOf(cls).find((m) => m.childForFieldName('name')?.text === 'run');
      if (run && loopsWithin(fa, run)) fa.addTool('console-command', `${runner} that loops`, fa.line(run.childForFieldName('name') ?? run));
    }
    const anns = annotationNames(cls);
    if (anns.has('Command') && (supers.includes('Runnable') || supers.includes('Callable'))) {
      fa.addTool('cli', 'picocli @Command', fa.line(cls));
    }
  }
}

// ---------------------------------------------------------------------------
// Credentials

function credsFromCall(fa: FA, c: CallInfo): void {
  for (const [re, idx] of AUTH_OBJECT_CALLS) {
    if (re.test(c.name) && c.args.length > idx) {
      fa.creds.authObject(c.method, c.args[idx]);
      return;
    }
  }
  if (!c.isNew && BASE64_METHODS.has(c.method) && c.args[0]) {
    let a = c.args[0];
    const inner = fa.callInfo(a);
    if (inner && (inner.method === 'getBytes' || inner.method === 'toCharArray') && inner.receiver) a = inner.receiver;
    const v = fa.resolver.str(a);
    if (v && v.s.includes(':')) fa.creds.authHeader(a);
    return;
  }
  if (!c.isNew && PAIR_METHODS.has(c.method) && c.args.length === 2 && stringValue(c.args[0]!) !== undefined) {
    fa.creds.pair(c.args[0], c.args[1]);
    return;
  }
  if (!c.isNew && /^set[A-Z]\w*$/.test(c.method) && c.args.length === 1 && stringValue(c.args[0]!) !== undefined) {
    const name = c.method.charAt(3).toLowerCase() + c.method.slice(4);
    if (fa.sensitive(name)) fa.creds.binding(name, c.args[0]);
  }
}

function credsFromDeclarations(fa: FA): void {
  for (const d of fa.decls.all()) {
    if (d.value && stringValue(d.value) !== undefined) fa.creds.binding(d.name, d.value);
    for (const a of d.annotations) {
      if (annotationName(a) !== 'Value') continue;
      const arg = annotationArgs(a).get('value');
      const s = arg ? stringValue(arg) : undefined;
      if (!arg || s === undefined) continue;
      const m = /^\$\{([^}:]+):/.exec(s);
      if (m) fa.creds.binding(d.name, arg, m[1]);
      else fa.creds.consume(arg);
    }
  }
  for (const a of fa.assignments) {
    if (stringValue(a.value) !== undefined) fa.creds.binding(a.name, a.value);
  }
  for (const ann of fa.captures('annotation')) {
    const name = annotationName(ann);
    if (name === 'Value') continue;
    for (const [k, v] of annotationArgs(ann)) {
      if (k !== 'value' && stringValue(v) !== undefined) fa.creds.binding(k, v);
    }
  }
}

// ---------------------------------------------------------------------------
// Feign declarations nothing calls

function feignDeclarations(fa: FA): void {
  const project = fa.project;
  if (!project?.feign.size) return;
  for (const client of project.feign.values()) {
    if (client.file !== fa.path) continue;
    for (const fn of fa.captures('function')) {
      const name = fn.childForFieldName('name')?.text;
      const m = name ? client.methods.get(name) : undefined;
      if (!m || m.called) continue;
      const cls = classAround(fa, fn);
      if (cls?.childForFieldName('name')?.text !== client.name) continue;
      const call: Parameters<FA['addCall']>[0] = { node: fn.childForFieldName('name') ?? fn, fn, client: 'Feign', callee: `${client.name}.${name}(…)` };
      if (client.base) call.base = client.base;
      if (m.path) call.url = m.path;
      fa.addCall(call);
    }
  }
}

// ---------------------------------------------------------------------------

export function analyzeJava(fa: FA): void {
  const imports = fa.captures('import').map((n) => n.text);
  const jc: JavaCtx = {
    imports,
    selenium: imports.some((i) => /org\.openqa\.selenium/.test(i)),
    fluentHttp: imports.some((i) => /\.fluent\./.test(i)),
    okhttp: imports.some((i) => /\bokhttp3?\b/.test(i)),
  };
  for (const c of fa.calls) {
    try {
      classifyCall(fa, c, jc);
      tlsFromCall(fa, c);
      credsFromCall(fa, c);
    } catch {
      // one call we cannot read does not stop the others
    }
  }
  tlsFromClasses(fa);
  tools(fa, jc);
  credsFromDeclarations(fa);
  feignDeclarations(fa);
}

// ---------------------------------------------------------------------------
// Limiter hooks

export function javaGate(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew || !GATE_METHODS.has(c.method)) return undefined;
  if (!c.receiver) return undefined;
  const t = fa.typeOf(c.receiver)?.type ?? '';
  const name = chainName(c.receiver);
  if (/semaphore|permit/i.test(t) || /semaphore/i.test(name)) return undefined; // concurrency, not rate
  if (/Bucket|RateLimiter|Limiter|Throttl/.test(t) || /bucket|limiter|throttl/i.test(name) || matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}

export function javaWrapper(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew) return undefined;
  if (WRAPPER_METHODS.has(c.method)) {
    const t = c.receiver ? (fa.typeOf(c.receiver)?.type ?? '') : '';
    if (/RateLimiter|Bucket|Limiter/.test(t) || matchesAny(c.name, fa.patterns.limiter) || /limiter|bucket/i.test(c.name)) return c.name;
  }
  if (/^Decorators\.of/.test(c.name)) {
    let cur = c.node;
    let p = cur.parent;
    while (p && p.type === 'method_invocation' && p.childForFieldName('object')?.id === cur.id) {
      if (p.childForFieldName('name')?.text === 'withRateLimiter') return 'Decorators.withRateLimiter';
      cur = p;
      p = p.parent;
    }
  }
  return undefined;
}

export function javaFunctionLimiter(fn: Node, fa: FA): { name: string; line: number } | undefined {
  const holders = [fn];
  const cls = classAround(fa, fn);
  if (cls) holders.push(cls);
  for (const h of holders) {
    for (const a of annotationsOf(h)) {
      const n = annotationName(a);
      if (matchesAny(n, fa.patterns.limiter)) return { name: a.text.replace(/\s+/g, ' ').slice(0, 120), line: fa.line(a) };
    }
  }
  return undefined;
}


