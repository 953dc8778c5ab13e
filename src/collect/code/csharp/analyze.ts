/**
 * C# (ASP.NET Core, .NET Framework / WebForms) detection on one parsed file:
 *
 * - client calls: `HttpClient` (`GetAsync`/`PostAsync`/`PostAsJsonAsync`/`SendAsync` with
 *   `new HttpRequestMessage(method, url)`…; base from `BaseAddress` set in the file, in the
 *   client's initialiser or by an `AddHttpClient<T>` registration), `WebRequest.Create`,
 *   `WebClient` (`UploadString`/`DownloadString`…), RestSharp (`new RestClient(url)` +
 *   `new RestRequest("path")` + `Execute*`/`PostAsync`…), WCF (an operation-named method,
 *   `TraCuuThongTinCongDanAsync`, on a generated `…Client`/`…SoapClient` or a channel;
 *   URL from `new EndpointAddress(url)`, `Endpoint.Address`, or the `<client><endpoint>` of
 *   Web.config/App.config);
 * - TLS: `ServerCertificateValidationCallback`/`ServerCertificateCustomValidationCallback`/
 *   `RemoteCertificateValidationCallback` set to something that returns true,
 *   `HttpClientHandler.DangerousAcceptAnyServerCertificateValidator`;
 * - tools: `static Main` in a file that builds no web/generic host, top-level statements
 *   that loop (or read `args`), Selenium (`using OpenQA.Selenium`), Hangfire recurring
 *   jobs and Quartz `IJob`s (cron);
 * - credentials: const/readonly/field/property/local sensitive-name literals, object
 *   initialisers, anonymous objects, dictionary initialisers, header/parameter pairs,
 *   `new NetworkCredential("u", "p")`, `HttpBasicAuthenticator`, Basic/Bearer
 *   `AuthenticationHeaderValue` from literals; connection strings via the literal scan.
 *
 * `SemaphoreSlim`/`ConcurrencyLimiter` bound concurrency, not the rate of calls: they are
 * not reported as limiters (a quota is per day, not per moment).
 */
import { matchesAny } from '../../../policy/settings.js';
import type { FileAnalysis } from '../analysis.js';
import { classAround } from '../kit/calls.js';
import { markedLimiter, markName } from '../kit/limiters.js';
import { contains, spanOf } from '../span.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, ClientCall, Node } from '../types.js';
import type { CsProject } from './project.js';
import { attributeName, attributesOf, chainName, initializerValue, modifiers, stringValue, unwrap } from './nodes.js';

type FA = FileAnalysis<CsProject>;

const HTTPCLIENT_METHODS = new Set([
  'GetAsync', 'PostAsync', 'PutAsync', 'DeleteAsync', 'PatchAsync', 'SendAsync', 'Send', 'GetStringAsync', 'GetByteArrayAsync',
  'GetStreamAsync', 'GetFromJsonAsync', 'PostAsJsonAsync', 'PutAsJsonAsync', 'PatchAsJsonAsync', 'DeleteFromJsonAsync',
]);
const RESTSHARP_METHODS = new Set([
  'Execute', 'ExecuteAsync', 'ExecuteGetAsync', 'ExecutePostAsync', 'ExecuteTaskAsync', 'ExecuteGet', 'ExecutePost', 'GetAsync', 'PostAsync',
  'PutAsync', 'DeleteAsync', 'PatchAsync', 'GetJsonAsync', 'PostJsonAsync', 'PutJsonAsync', 'Get', 'Post', 'Put', 'Delete',
  'ExecuteGetTaskAsync', 'ExecutePostTaskAsync', 'DownloadData', 'DownloadDataAsync', 'DownloadStreamAsync',
]);
const RESTSHARP_RESOURCE_FIRST = new Set(['GetJsonAsync', 'PostJsonAsync', 'PutJsonAsync']);
const WEBCLIENT_METHODS = new Set([
  'UploadString', 'UploadStringAsync', 'UploadStringTaskAsync', 'DownloadString', 'DownloadStringAsync', 'DownloadStringTaskAsync',
  'UploadData', 'UploadDataTaskAsync', 'UploadValues', 'UploadValuesTaskAsync', 'DownloadData', 'DownloadDataTaskAsync', 'OpenRead',
  'OpenReadTaskAsync',
]);
const PAIR_METHODS = new Set([
  'Add', 'TryAdd', 'TryAddWithoutValidation', 'AddHeader', 'AddParameter', 'AddQueryParameter', 'AddOrUpdateParameter', 'AddDefaultHeader',
  'Append', 'Set', 'Add', 'AddOrUpdate', 'AddUrlSegment',
]);
const TLS_CALLBACKS = new Set([
  'ServerCertificateValidationCallback', 'ServerCertificateCustomValidationCallback', 'RemoteCertificateValidationCallback',
  'CertificateValidationCallback', 'RemoteCertificateValidator',
]);
const GATE_METHODS = new Set(['AcquireAsync', 'AttemptAcquire', 'Acquire', 'TryAcquire', 'WaitForPermitAsync']);
const WEB_HOST =
  /WebApplication\.Create(?:Slim|Empty)?Builder|CreateHostBuilder|CreateWebHostBuilder|Host\.Create(?:Default|Application|Empty)Builder|WebHost\.CreateDefaultBuilder|\bUseStartup\b|\.ConfigureWebHostDefaults\b/;

type ClientKind = 'HttpClient' | 'RestSharp' | 'WebClient' | undefined;

function isTrueLambda(n: Node | undefined): boolean {
  if (!n) return false;
  const e = unwrap(n);
  if (e.type === 'lambda_expression') {
    const body = e.childForFieldName('body');
    if (!body) return false;
    if (body.type === 'boolean_literal') return body.text === 'true';
    if (body.type === 'block') return blockReturnsTrue(body);
    return false;
  }
  if (e.type === 'anonymous_method_expression') {
    const body = e.namedChildren.find((c) => c?.type === 'block');
    return body ? blockReturnsTrue(body) : false;
  }
  if (e.type === 'member_access_expression') return /DangerousAcceptAnyServerCertificateValidator$/.test(e.text);
  // new RemoteCertificateValidationCallback(delegate { return true; })
  if (e.type === 'object_creation_expression' && /ValidationCallback$/.test(e.childForFieldName('type')?.text ?? '')) {
    const args = e.childForFieldName('arguments')?.namedChildren.filter((a) => a?.type === 'argument') ?? [];
    return args.length === 1 && isTrueLambda(args[0]?.namedChild(args[0].namedChildCount - 1) ?? undefined);
  }
  return false;
}

function blockReturnsTrue(block: Node): boolean {
  const stmts = block.namedChildren.filter((s) => s && s.type !== 'comment');
  return stmts.length === 1 && stmts[0]?.type === 'return_statement' && stmts[0].namedChild(0)?.text === 'true';
}

function clientKind(fa: FA, recv: Node): ClientKind {
  const t = fa.typeOf(recv)?.type;
  if (t === 'HttpClient' || t === 'HttpMessageInvoker') return 'HttpClient';
  if (t === 'RestClient' || t === 'IRestClient') return 'RestSharp';
  if (t === 'WebClient') return 'WebClient';
  const o = fa.callInfo(fa.resolver.origin(recv));
  if (o?.isNew) {
    if (o.method === 'HttpClient') return 'HttpClient';
    if (o.method === 'RestClient') return 'RestSharp';
    if (o.method === 'WebClient') return 'WebClient';
  } else if (o && o.method === 'CreateClient') return 'HttpClient';
  if (t) return undefined;
  const name = chainName(recv);
  if (/httpClient$|(^|\.)_?http$|(^|\.)_?client$/i.test(name)) return 'HttpClient';
  if (/restClient$/i.test(name)) return 'RestSharp';
  if (/webClient$/i.test(name)) return 'WebClient';
  return undefined;
}

function creationOf(fa: FA, n: Node | undefined): CallInfo | undefined {
  if (!n) return undefined;
  const c = fa.callInfo(fa.resolver.origin(unwrap(n)));
  return c?.isNew ? c : undefined;
}

/** Base address of an HttpClient receiver: its initialiser, `x.BaseAddress = …` in the file, or a registration. */
function httpClientBase(fa: FA, recv: Node, at: Node): Node | import('../types.js').Val | undefined {
  const origin = fa.resolver.origin(unwrap(recv));
  const oc = fa.callInfo(origin);
  if (oc?.isNew) {
    const b = initializerValue(origin, 'BaseAddress');
    if (b) return b;
  }
  const name = chainName(recv);
  const own = fa.assignmentsOn(name, 'BaseAddress')[0] ?? fa.assignmentsOn(undefined, 'BaseAddress').find((a) => a.qualifier !== undefined);
  if (own) return own.value;
  const project = fa.project;
  if (oc && !oc.isNew && oc.method === 'CreateClient' && oc.args[0]) {
    const named = fa.resolver.str(oc.args[0])?.s;
    const v = named !== undefined ? project?.httpClientBases.get(named) : undefined;
    if (v) return v;
  }
  const cls = classAround(fa, at);
  const cn = cls?.childForFieldName('name')?.text;
  if (cn) {
    const v = project?.httpClientBases.get(cn);
    if (v) return v;
    // An interface the class implements, registered as AddHttpClient<IX, X>.
    for (const b of cls?.namedChildren.find((c) => c?.type === 'base_list')?.namedChildren ?? []) {
      const iv = b ? project?.httpClientBases.get(b.text) : undefined;
      if (iv) return iv;
    }
  }
  return undefined;
}

function isAbsolute(fa: FA, n: Node | undefined): boolean {
  const s = n ? fa.resolver.str(n)?.s : undefined;
  return s !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

function httpClientCall(fa: FA, c: CallInfo, recv: Node): void {
  const call: ClientCall = { node: c.node, client: 'HttpClient' };
  let url: Node | undefined = c.args[0];
  if ((c.method === 'SendAsync' || c.method === 'Send') && url) {
    const req = creationOf(fa, url);
    if (req && req.method === 'HttpRequestMessage') {
      url = req.args[1] ?? initializerValue(req.node, 'RequestUri');
    } else {
      const reqName = chainName(url);
      url = fa.assignmentsOn(reqName, 'RequestUri')[0]?.value;
    }
  }
  if (url) call.url = url;
  if (!isAbsolute(fa, url)) {
    const base = httpClientBase(fa, recv, c.node);
    if (base) call.base = base;
  }
  fa.addCall(call);
}

function restSharpCall(fa: FA, c: CallInfo, recv: Node): void {
  const call: ClientCall = { node: c.node, client: 'RestSharp' };
  const clientNew = creationOf(fa, recv);
  let base: Node | undefined;
  if (clientNew) {
    const a0 = clientNew.args[0];
    const opts = creationOf(fa, a0);
    if (opts && opts.method === 'RestClientOptions') base = opts.args[0] ?? initializerValue(opts.node, 'BaseUrl');
    else if (a0) base = a0;
    else base = initializerValue(clientNew.node, 'BaseUrl');
  }
  base ??= fa.assignmentsOn(chainName(recv), 'BaseUrl')[0]?.value;
  if (base) call.base = base;
  let resource: Node | undefined;
  if (RESTSHARP_RESOURCE_FIRST.has(c.method)) resource = c.args[0];
  else {
    const req = creationOf(fa, c.args[0]);
    if (req && req.method === 'RestRequest') resource = req.args[0] ?? initializerValue(req.node, 'Resource');
    else if (c.args[0]) resource = fa.assignmentsOn(chainName(c.args[0]), 'Resource')[0]?.value;
  }
  if (resource) call.url = resource;
  fa.addCall(call);
}

/** The URL a WCF client or channel was created with. */
function wcfUrl(fa: FA, recv: Node): Node | import('../types.js').Val | undefined {
  const name = chainName(recv);
  const asg = fa.assignmentsOn(`${name}.Endpoint`, 'Address')[0];
  if (asg) {
    const ep = creationOf(fa, asg.value);
    return ep?.method === 'EndpointAddress' ? ep.args[0] : asg.value;
  }
  let creation = creationOf(fa, recv);
  if (!creation) {
    const o = fa.callInfo(fa.resolver.origin(unwrap(recv)));
    if (o && o.method === 'CreateChannel') {
      if (o.args.length) creation = o; // ChannelFactory<T>.CreateChannel(binding, address)
      else if (o.receiver) creation = creationOf(fa, o.receiver);
    }
  }
  if (!creation) return undefined;
  for (const a of creation.args) {
    const ep = creationOf(fa, a);
    if (ep?.method === 'EndpointAddress' && ep.args[0]) return ep.args[0];
  }
  for (const a of creation.args) {
    const s = fa.resolver.str(a);
    if (!s) continue;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s.s)) return a;
    // An endpoint configuration name of Web.config/App.config.
    const v = fa.resolver.config('wcf-endpoint', s.s);
    if (v.t === 'str') return v;
  }
  const stem = creation.method.replace(/Client$/, '');
  const v = fa.resolver.config('wcf-endpoint', stem);
  return v.t === 'str' ? v : undefined;
}

/** A class of the repository: a WCF proxy only when it derives from `ClientBase<T>`. */
function declaredInRepo(fa: FA, type: string): boolean | undefined {
  const bases = fa.project?.classBases.get(type);
  if (bases === undefined) return undefined;
  return /\b(?:Duplex)?ClientBase\s*</.test(bases);
}

function isWcfReceiver(fa: FA, recv: Node): boolean {
  const t = fa.typeOf(recv)?.type ?? '';
  const declared = t ? declaredInRepo(fa, t) : undefined;
  if (declared !== undefined) return declared;
  if (/(Client|SoapClient|ServiceClient|Channel|Soap|PortType|Proxy)$/.test(t) && t !== 'HttpClient' && t !== 'RestClient' && t !== 'WebClient') return true;
  const o = fa.callInfo(fa.resolver.origin(unwrap(recv)));
  if (o?.isNew && /(Client|SoapClient)$/.test(o.method) && !/^(HttpClient|RestClient|WebClient)$/.test(o.method)) return declaredInRepo(fa, o.method) ?? true;
  if (o && o.method === 'CreateChannel') return true;
  if (!t && !o) return /(client|channel|proxy|soap)$/i.test(chainName(recv));
  return false;
}

function classifyCall(fa: FA, c: CallInfo, selenium: boolean): void {
  const m = c.method;
  if (c.isNew) return;
  if (/^(Http)?WebRequest\.(Create|CreateHttp|CreateDefault)$/.test(c.name) && c.args[0]) {
    fa.addCall({ node: c.node, client: 'WebRequest', url: c.args[0] });
    return;
  }
  const recv = c.receiver;
  if (!recv) return;
  const op = matchOperation(fa as FileAnalysis<unknown>, m);
  if (op && isWcfReceiver(fa, recv)) {
    const call: ClientCall = { node: c.node, client: 'WCF', operation: op };
    const url = wcfUrl(fa, recv);
    if (url) call.url = url;
    fa.addCall(call);
    return;
  }
  const viaRestRequest = c.args.some((a) => creationOf(fa, a)?.method === 'RestRequest');
  let kind = clientKind(fa, recv);
  if (viaRestRequest && RESTSHARP_METHODS.has(m)) kind = 'RestSharp';
  if (kind === 'HttpClient' && HTTPCLIENT_METHODS.has(m)) httpClientCall(fa, c, recv);
  else if (kind === 'RestSharp' && RESTSHARP_METHODS.has(m)) restSharpCall(fa, c, recv);
  else if (kind === 'WebClient' && WEBCLIENT_METHODS.has(m) && c.args[0]) {
    const call: ClientCall = { node: c.node, client: 'WebClient', url: c.args[0] };
    if (!isAbsolute(fa, c.args[0])) {
      const b = fa.assignmentsOn(chainName(recv), 'BaseAddress')[0]?.value;
      if (b) call.base = b;
    }
    fa.addCall(call);
  } else if (selenium && m === 'GoToUrl' && c.args[0]) {
    const s = fa.resolver.str(c.args[0]);
    if (s && /^https?:\/\//i.test(s.s)) fa.addNavigation(c.args[0], s.s, c.name);
  }
}

// ---------------------------------------------------------------------------
// TLS

function tls(fa: FA): void {
  const reported = new Set<number>();
  for (const a of fa.assignments) {
    if (!TLS_CALLBACKS.has(a.name)) continue;
    if (isTrueLambda(a.value)) {
      fa.addTls(a.node, `${a.name} => true`);
      reported.add(unwrap(a.value).id);
    }
  }
  for (const n of fa.captures('tls.member')) {
    if (reported.has(n.id)) continue;
    fa.addTls(n, 'DangerousAcceptAnyServerCertificateValidator');
  }
}

// ---------------------------------------------------------------------------
// Tools

function loopIn(fa: FA, spans: Array<{ start: number; end: number }>): Node | undefined {
  for (const l of fa.captures('loop')) if (spans.some((s) => contains(s, spanOf(l)))) return l;
  for (const c of fa.calls) {
    if (!spans.some((s) => contains(s, spanOf(c.node)))) continue;
    if (fa.syntax.iterationKind(c) && c.args.some((a) => a.type === 'lambda_expression' || a.type === 'anonymous_method_expression' || a.type === 'identifier')) return c.node;
  }
  return undefined;
}

function tools(fa: FA): void {
  const sel = fa.captures('import').find((u) => /\bOpenQA\.Selenium\b/.test(u.text));
  if (sel) fa.addTool('browser-automation', 'using OpenQA.Selenium', fa.line(sel));
  const host = WEB_HOST.test(fa.text);
  for (const fn of fa.captures('function')) {
    if (fn.type !== 'method_declaration') continue;
    if (fn.childForFieldName('name')?.text !== 'Main' || !modifiers(fn).has('static') || host) continue;
    fa.addTool('cli', 'static Main (no web host in the file)', fa.line(fn.childForFieldName('name') ?? fn));
  }
  const globals = fa.captures('global');
  if (globals.length > 0 && !host) {
    const spans = globals.map(spanOf);
    const loop = loopIn(fa, spans);
    if (loop) fa.addTool('cli', 'top-level statements that loop', fa.line(loop));
    else if (/\bargs\s*[[.]/.test(fa.text)) fa.addTool('cli', 'top-level statements read args', fa.line(globals[0]!), true);
  }
  for (const c of fa.calls) {
    if (/^RecurringJob\.AddOrUpdate/.test(c.name) || /(^|\.)AddOrUpdate$/.test(c.name) && /RecurringJob/i.test(c.name)) {
      fa.addTool('cron', 'Hangfire RecurringJob', fa.line(c.node));
    }
  }
  for (const cls of fa.captures('class')) {
    const bases = cls.namedChildren.find((c) => c?.type === 'base_list')?.text ?? '';
    if (/\bIJob\b/.test(bases)) fa.addTool('cron', 'Quartz IJob', fa.line(cls));
  }
  if (sel) {
    for (const a of fa.assignments) {
      if (a.name !== 'Url') continue;
      const s = fa.resolver.str(a.value);
      if (s && /^https?:\/\//i.test(s.s)) fa.addNavigation(a.value, s.s, `${a.qualifier ? `${a.qualifier}.` : ''}Url`);
    }
  }
}

// ---------------------------------------------------------------------------
// Credentials

function base64Source(fa: FA, n: Node | undefined): Node | undefined {
  if (!n) return undefined;
  const c = fa.callInfo(unwrap(n));
  if (!c || !/(^|\.)ToBase64String$/.test(c.name) || !c.args[0]) return undefined;
  const inner = fa.callInfo(unwrap(c.args[0]));
  if (inner && inner.method === 'GetBytes' && inner.args[0]) return inner.args[0];
  return undefined;
}

function credsFromCall(fa: FA, c: CallInfo): void {
  if (c.isNew) {
    if ((c.method === 'NetworkCredential' || c.method === 'HttpBasicAuthenticator' || c.method === 'BasicAuthenticationHeaderValue') && c.args.length >= 2) {
      fa.creds.authObject(c.method, c.args[1]);
    } else if (c.method === 'AuthenticationHeaderValue' && c.args.length >= 2) {
      const scheme = fa.resolver.str(c.args[0])?.s ?? '';
      const src = base64Source(fa, c.args[1]);
      if (src) {
        if (fa.resolver.str(src)?.s.includes(':')) fa.creds.authHeader(src);
      } else if (/^(Basic|Bearer|Token|ApiKey)$/i.test(scheme)) fa.creds.authHeader(c.args[1]);
    }
    return;
  }
  if (/(^|\.)ToBase64String$/.test(c.name)) {
    const src = base64Source(fa, c.node);
    if (src && fa.resolver.str(src)?.s.includes(':')) fa.creds.authHeader(src);
    return;
  }
  if (PAIR_METHODS.has(c.method) && c.args.length >= 2 && stringValue(c.args[0]!) !== undefined) fa.creds.pair(c.args[0], c.args[1]);
}

function credsFromDeclarations(fa: FA): void {
  fa.creds.literalBindings();
  for (const anon of fa.captures('anon')) {
    // new { username = "u", password = "p" }: identifier '=' expression triples.
    for (let i = 0; i + 2 < anon.childCount; i++) {
      const k = anon.child(i);
      const eq = anon.child(i + 1);
      const v = anon.child(i + 2);
      if (k?.type === 'identifier' && eq?.type === '=' && v && stringValue(v) !== undefined) fa.creds.binding(k.text, v);
    }
  }
  for (const init of fa.captures('init')) {
    const kids = init.namedChildren.filter((c): c is Node => !!c);
    if (kids.length === 2 && stringValue(kids[0]!) !== undefined) fa.creds.pair(kids[0], kids[1]);
  }
}

// ---------------------------------------------------------------------------

export function analyzeCSharp(fa: FA): void {
  const selenium = fa.captures('import').some((u) => /\bOpenQA\.Selenium\b/.test(u.text));
  fa.forEachCall((c) => {
    classifyCall(fa, c, selenium);
    credsFromCall(fa, c);
  });
  tls(fa);
  tools(fa);
  credsFromDeclarations(fa);
}

// ---------------------------------------------------------------------------
// Limiter hooks

export function csGate(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew || !GATE_METHODS.has(c.method) || !c.receiver) return undefined;
  const t = fa.typeOf(c.receiver)?.type ?? '';
  const name = chainName(c.receiver);
  if (/Semaphore|Concurrency/i.test(t) || /semaphore|concurren/i.test(name)) return undefined;
  if (/RateLimiter|TokenBucket|FixedWindow|SlidingWindow|Bucket/.test(t) || /limiter|bucket|throttl/i.test(name) || matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}

export function csWrapper(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew || !/^Execute(Async)?$/.test(c.method) || !c.receiver) return undefined;
  const t = fa.typeOf(c.receiver)?.type ?? '';
  const origin = fa.resolver.origin(unwrap(c.receiver));
  if (/RateLimit/.test(t) || /RateLimit/.test(origin.text)) return c.name;
  return undefined;
}

export function csFunctionLimiter(fn: Node, fa: FA): { name: string; line: number } | undefined {
  return markedLimiter([fn, classAround(fa, fn)], attributesOf, (a) => {
    const n = attributeName(a);
    if (/^Disable/.test(n)) return null;
    return matchesAny(n, fa.patterns.limiter) ? { name: markName(a.text, 118, '[', ']'), line: fa.line(a) } : undefined;
  });
}
