/**
 * PHP (Laravel and plain PHP) detection on one parsed file:
 *
 * - client calls: Guzzle (`$client->post('/x')`, `request('POST', …)`, `…Async`,
 *   `send(new Request(…))`; base from `new Client(['base_uri' => …])` — the receiver's
 *   initialiser, a constructor assignment, else the one in the file), Symfony
 *   HttpClient (`request('POST', $url)`), Laravel `Http::post(…)` and its chains
 *   (`Http::withBasicAuth(…)->post(…)`, base from `baseUrl(…)` in the chain or the
 *   variable's initialiser), cURL (`curl_exec($ch)`, URL from `curl_init($url)` or
 *   `CURLOPT_URL` set on the same handle; a `curl_init` never executed in the file is
 *   reported itself), `SoapClient`/`nusoap_client` (`$client->TraCuuThongTinCongDan(…)`,
 *   `__soapCall('Op', …)`, `__doRequest`; URL from the `location` option, else the WSDL),
 *   `file_get_contents` of an http(s) URL;
 * - TLS: `CURLOPT_SSL_VERIFYPEER => false/0`, `CURLOPT_SSL_VERIFYHOST => 0` (array or
 *   `curl_setopt`), Guzzle `'verify' => false` (and `RequestOptions::VERIFY`),
 *   `Http::withoutVerifying()`, stream contexts `'verify_peer' => false`,
 *   `'verify_peer_name' => false`, `'allow_self_signed' => true`;
 * - tools: artisan / Symfony console commands (`class X extends Command` with
 *   `handle()`/`execute()`), the Laravel scheduler (`$schedule->command(…)`), scripts
 *   reading `$argv`/`getopt()`, a `#!` line, Selenium (`Facebook\WebDriver`), Panther,
 *   Dusk (with their navigation targets as endpoints);
 * - credentials: sensitive-name literals (variables, properties, class constants,
 *   `define()`, array keys, named arguments), `env('SECRET', 'fallback')`/
 *   `config('x.secret', 'fallback')` fallbacks, `Http::withBasicAuth('u', 'p')`,
 *   Guzzle `'auth' => ['u', 'p']`, `CURLOPT_USERPWD => 'u:p'`, `base64_encode('u:p')`,
 *   `withToken('…')`, Authorization headers.
 */
import { matchesAny } from '../../../policy/settings.js';
import type { FileAnalysis } from '../analysis.js';
import { chainCalls, madeBy } from '../kit/calls.js';
import { markedLimiter, markName } from '../kit/limiters.js';
import { strOf } from '../kit/values.js';
import { contains, spanOf } from '../span.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, ClientCall, Node } from '../types.js';
import type { PhpProject } from './project.js';
import { elideCredentialsInCallees } from '../kit/callee.js';
import { notACredentialPair } from '../kit/pairs.js';
import { enclosing } from '../kit/names.js';
import { arrayGet, chainName, CLASS_TYPES, simpleName, stringValue, unparen, varName } from './nodes.js';
import { PHP_SYNTAX } from './syntax.js';

type FA = FileAnalysis<PhpProject>;

const GUZZLE_METHODS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'getAsync', 'postAsync', 'putAsync', 'patchAsync',
  'deleteAsync', 'headAsync', 'optionsAsync', 'requestAsync', 'send', 'sendAsync', 'sendRequest',
]);
const HTTP_FACADE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'send']);
const GUZZLE_TYPES = /^(Client|ClientInterface|GuzzleClient|HttpClient|HttpClientInterface|PsrClientInterface)$/;
const SOAP_TYPES = /^(SoapClient|nusoap_client|SoapClientInterface)$/i;
const PAIR_METHODS = new Set(['withHeader', 'withAddedHeader', 'setHeader', 'header', 'addHeader', 'set', 'put']);
const AUTH_OBJECT_METHODS = new Set(['withBasicAuth', 'withDigestAuth', 'setAuth', 'setCredentials', 'setBasicAuth']);
const VERBS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;

interface PhpCtx {
  guzzle: boolean;
  symfony: boolean;
  /** The file names a client type at all (cheap gate before following receivers). */
  clients: boolean;
  soap: boolean;
  browser: boolean;
}

function str(fa: FA, n: Node | null | undefined): string | undefined {
  return strOf(fa.resolver, n);
}

function isFalsy(n: Node | undefined): boolean {
  if (!n) return false;
  const e = unparen(n);
  if (e.type === 'boolean') return e.text.toLowerCase() === 'false';
  if (e.type === 'integer') return Number(e.text) === 0;
  const s = stringValue(e);
  return s === '0' || s === '';
}

function isTrue(n: Node | undefined): boolean {
  if (!n) return false;
  const e = unparen(n);
  return (e.type === 'boolean' && e.text.toLowerCase() === 'true') || (e.type === 'integer' && Number(e.text) !== 0);
}

/** Declared type or creation type of a receiver. */
function typeOfRecv(fa: FA, recv: Node): string | undefined {
  const t = fa.typeOf(unparen(recv))?.type;
  if (t) return t;
  const c = madeBy(fa, recv);
  if (c?.isNew) return c.method;
  return undefined;
}

function isAbsolute(fa: FA, n: Node | undefined): boolean {
  const s = str(fa, n);
  return s !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

// ---------------------------------------------------------------------------
// Clients

function guzzleBase(fa: FA, recv: Node): Node | undefined {
  const c = madeBy(fa, recv);
  if (c?.isNew && GUZZLE_TYPES.test(c.method)) {
    const b = arrayGet(c.args[0], 'base_uri');
    if (b) return b;
  }
  // The one `new Client(['base_uri' => …])` of the file.
  const bases: Node[] = [];
  for (const x of fa.calls) {
    if (!x.isNew || !GUZZLE_TYPES.test(x.method)) continue;
    const b = arrayGet(x.args[0], 'base_uri');
    if (b) bases.push(b);
  }
  return bases.length === 1 ? bases[0] : undefined;
}

function guzzleLike(fa: FA, recv: Node, pc: PhpCtx): 'Guzzle' | 'Symfony HttpClient' | undefined {
  const t = typeOfRecv(fa, recv);
  const creation = madeBy(fa, recv);
  if (creation && !creation.isNew && /^HttpClient\.create(ForBaseUri)?$/.test(creation.name)) return 'Symfony HttpClient';
  if (t) {
    if (SOAP_TYPES.test(t)) return undefined;
    if (/^(HttpClientInterface)$/.test(t) && pc.symfony) return 'Symfony HttpClient';
    if (GUZZLE_TYPES.test(t)) return pc.symfony && !pc.guzzle ? 'Symfony HttpClient' : 'Guzzle';
    return undefined;
  }
  const name = chainName(recv);
  if (pc.guzzle && /(^|\.)(client|httpClient|guzzle|http)$/i.test(name)) return 'Guzzle';
  if (pc.symfony && /(^|\.)(client|httpClient)$/i.test(name)) return 'Symfony HttpClient';
  return undefined;
}

function guzzleCall(fa: FA, c: CallInfo, kind: 'Guzzle' | 'Symfony HttpClient'): void {
  const recv = c.receiver!;
  const call: ClientCall = { node: c.node, client: kind };
  let url: Node | undefined;
  if (c.method === 'request' || c.method === 'requestAsync') url = c.args[1];
  else if (c.method === 'send' || c.method === 'sendAsync' || c.method === 'sendRequest') {
    const req = madeBy(fa, c.args[0]);
    if (req?.isNew && /^(Request|ServerRequest)$/.test(req.method)) url = req.args[1];
  } else url = c.args[0];
  if (url) call.url = url;
  if (kind === 'Guzzle' && !isAbsolute(fa, url)) {
    const b = guzzleBase(fa, recv);
    if (b) call.base = b;
  }
  fa.addCall(call);
}

/** Laravel `Http::…` chains: the facade at the root of the chain, directly or through a variable. */
function httpFacadeChain(fa: FA, node: Node): CallInfo[] | undefined {
  const calls = chainCalls(fa, node);
  const last = calls[calls.length - 1];
  if (last && /^Http\./.test(last.name) && last.receiver && chainName(last.receiver) === 'Http') return calls;
  // $http = Http::baseUrl(…)->withToken(…); $http->post(…)
  const root = last?.receiver ? unparen(last.receiver) : undefined;
  if (root && root.type === 'variable_name') {
    const o = fa.resolver.origin(root);
    if (o.id !== root.id) {
      const more = httpFacadeChain(fa, unparen(o));
      if (more) return [...calls, ...more];
    }
  }
  // $this->http set from Http::…
  if (root && (root.type === 'member_access_expression' || root.type === 'nullsafe_member_access_expression')) {
    const o = fa.resolver.origin(root);
    if (o.id !== root.id) {
      const more = httpFacadeChain(fa, unparen(o));
      if (more) return [...calls, ...more];
    }
  }
  return undefined;
}

function httpFacadeCall(fa: FA, c: CallInfo): boolean {
  if (!HTTP_FACADE_VERBS.has(c.method) || !fa.text.includes('Http::')) return false;
  const chain = httpFacadeChain(fa, c.node);
  if (!chain) return false;
  const call: ClientCall = { node: c.node, client: 'Laravel Http' };
  const url = c.method === 'send' ? c.args[1] : c.args[0];
  if (url) call.url = url;
  if (!isAbsolute(fa, url)) {
    const b = chain.find((x) => x.method === 'baseUrl' && x.args[0]);
    if (b) call.base = b.args[0]!;
  }
  fa.addCall(call);
  return true;
}

/** The handle's URL: `CURLOPT_URL` set on the handle (in the function, else the file), else `curl_init($url)`. */
function curlUrl(fa: FA, handle: Node, at: Node): Node | undefined {
  const h = PHP_SYNTAX.exprName(handle);
  const fnSpan = fa.fns.infoAt(at).span;
  let inFn: Node | undefined;
  let inFile: Node | undefined;
  for (const c of fa.calls) {
    let v: Node | undefined;
    if (c.name === 'curl_setopt' && c.args.length >= 3 && /CURLOPT_URL$/.test(c.args[1]!.text) && PHP_SYNTAX.exprName(c.args[0]!) === h) v = c.args[2];
    else if (c.name === 'curl_setopt_array' && c.args.length >= 2 && PHP_SYNTAX.exprName(c.args[0]!) === h) v = arrayGet(c.args[1], 'CURLOPT_URL');
    if (!v) continue;
    if (fnSpan && contains(fnSpan, spanOf(c.node))) inFn ??= v;
    inFile ??= v;
  }
  if (inFn) return inFn;
  const init = madeBy(fa, handle);
  if (init && init.name === 'curl_init' && init.args[0]) return init.args[0];
  return inFile;
}

function soapCall(fa: FA, c: CallInfo): boolean {
  const recv = c.receiver;
  if (!recv || c.isNew) return false;
  const t = typeOfRecv(fa, recv);
  if (!t || !SOAP_TYPES.test(t)) return false;
  const m = c.method;
  let operation: string | undefined;
  let url: Node | undefined;
  if (m === '__soapCall' || m === '__call') operation = str(fa, c.args[0]);
  else if (m === '__doRequest') {
    url = c.args[1];
    operation = str(fa, c.args[2])?.replace(/^.*[/#]/, '');
  } else if (m.startsWith('__') || /^(call|setEndpoint|setHeaders|getError|setCredentials|setUseCurl)$/.test(m)) return false;
  else operation = m;
  const call: ClientCall = { node: c.node, client: t.toLowerCase() === 'nusoap_client' ? 'nusoap' : 'SoapClient' };
  if (!url) {
    const creation = madeBy(fa, recv);
    const opts = creation?.args[1];
    url = arrayGet(opts, 'location') ?? creation?.args[0];
    const ns = str(fa, arrayGet(opts, 'uri'));
    if (ns) call.namespace = ns;
    // $client->__setLocation($url) in the file
    for (const x of fa.calls) if (x.method === '__setLocation' && x.args[0]) url = x.args[0];
  }
  if (url) call.url = url;
  if (operation) {
    const op = matchOperation(fa as FileAnalysis<unknown>, operation);
    call.operation = op ?? operation;
  }
  fa.addCall(call);
  return true;
}

function classifyCall(fa: FA, c: CallInfo, pc: PhpCtx, curlExecuted: Set<string>): void {
  const m = c.method;
  if (c.isNew) return;
  if (!c.receiver || c.node.type === 'scoped_call_expression') {
    if (c.name === 'curl_exec' && c.args[0]) {
      const call: ClientCall = { node: c.node, client: 'curl' };
      const u = curlUrl(fa, c.args[0], c.node);
      if (u) call.url = u;
      curlExecuted.add(PHP_SYNTAX.exprName(c.args[0]));
      fa.addCall(call);
      return;
    }
    if (c.name === 'file_get_contents' && c.args[0]) {
      const u = str(fa, c.args[0]);
      if ((u && /^https?:\/\//i.test(u)) || c.args.length >= 3) fa.addCall({ node: c.node, client: 'file_get_contents', url: c.args[0] });
      return;
    }
    if (httpFacadeCall(fa, c)) return;
    return;
  }
  if (httpFacadeCall(fa, c)) return;
  if (pc.soap && soapCall(fa, c)) return;
  if (pc.clients && GUZZLE_METHODS.has(m)) {
    // `request('POST', …)` needs a verb first.
    if ((m === 'request' || m === 'requestAsync') && !VERBS.test(str(fa, c.args[0]) ?? '')) {
      if (!c.args[0] || fa.resolver.resolve(c.args[0])?.t === 'str') return;
    }
    const kind = guzzleLike(fa, c.receiver, pc);
    if (kind) {
      guzzleCall(fa, c, kind);
      return;
    }
  }
  // Browser automation: navigation targets are endpoints of the tool.
  if (pc.browser && (m === 'get' || m === 'request' || m === 'visit' || m === 'navigate' || m === 'to')) {
    const arg = m === 'request' ? c.args[1] : c.args[0];
    const s = str(fa, arg);
    if (arg && s && /^https?:\/\//i.test(s)) fa.addNavigation(arg, s, c.name);
  }
}

/** `curl_init($url)` whose handle is never executed in the file: the init is the call site. */
function unexecutedCurl(fa: FA, executed: Set<string>): void {
  for (const c of fa.calls) {
    if (c.name !== 'curl_init' || c.receiver) continue;
    const p = c.node.parent;
    const handle = p?.type === 'assignment_expression' ? PHP_SYNTAX.exprName(p.childForFieldName('left')!) : '';
    if (handle && executed.has(handle)) continue;
    const call: ClientCall = { node: c.node, client: 'curl' };
    if (c.args[0]) call.url = c.args[0];
    fa.addCall(call);
  }
}

// ---------------------------------------------------------------------------
// TLS

const TLS_KEYS: Record<string, (v: Node | undefined) => boolean> = {
  CURLOPT_SSL_VERIFYPEER: isFalsy,
  CURLOPT_SSL_VERIFYHOST: isFalsy,
  CURLOPT_PROXY_SSL_VERIFYPEER: isFalsy,
  verify: isFalsy,
  VERIFY: isFalsy,
  verify_peer: isFalsy,
  verify_peer_name: isFalsy,
  allow_self_signed: isTrue,
};

function keyText(k: Node): string | undefined {
  const s = stringValue(k);
  if (s !== undefined) return s;
  if (k.type === 'name' || k.type === 'qualified_name') return simpleName(k.text);
  if (k.type === 'class_constant_access_expression') return k.namedChild(1)?.text;
  return undefined;
}

function tls(fa: FA): void {
  for (const el of fa.captures('pair')) {
    const kids = el.namedChildren.filter((k): k is Node => !!k && k.type !== 'comment');
    if (kids.length !== 2) continue;
    const key = keyText(kids[0]!);
    const test = key ? TLS_KEYS[key] : undefined;
    if (!key || !test || !test(kids[1])) continue;
    if ((key === 'verify' || key === 'VERIFY') && kids[0]!.type === 'class_constant_access_expression' && !/RequestOptions/.test(kids[0]!.text)) continue;
    fa.addTls(el, `${kids[0]!.text.replace(/\s+/g, '')} => ${kids[1]!.text}`);
  }
  for (const c of fa.calls) {
    if (c.name === 'curl_setopt' && c.args.length >= 3) {
      const key = keyText(c.args[1]!);
      const test = key ? TLS_KEYS[key] : undefined;
      if (key?.startsWith('CURLOPT_') && test?.(c.args[2])) fa.addTls(c.node, `${key} => ${c.args[2]!.text}`);
    } else if (c.method === 'withoutVerifying') fa.addTls(c.node, 'Http::withoutVerifying()');
    else if (c.method === 'setDefaultOption' && str(fa, c.args[0]) === 'verify' && isFalsy(c.args[1])) fa.addTls(c.node, "setDefaultOption('verify', false)");
  }
}

// ---------------------------------------------------------------------------
// Tools

function extendsCommand(cls: Node): boolean {
  const base = cls.namedChildren.find((c) => c?.type === 'base_clause');
  return !!base && base.namedChildren.some((n) => !!n && /^(Command|ConsoleCommand|SymfonyCommand)$/.test(simpleName(n.text)));
}

function methodsOf(cls: Node): Node[] {
  const body = cls.childForFieldName('body');
  return (body?.namedChildren ?? []).filter((m): m is Node => m?.type === 'method_declaration');
}

function tools(fa: FA): boolean {
  let browser = false;
  for (const u of fa.captures('import')) {
    if (/\b(Facebook\\WebDriver|Symfony\\Component\\Panther|Laravel\\Dusk|HeadlessChromium|Nesk\\Puphpeteer)\b/.test(u.text)) {
      fa.addTool('browser-automation', `uses ${/Panther/.test(u.text) ? 'Symfony Panther' : /Dusk/.test(u.text) ? 'Laravel Dusk' : /Chromium/.test(u.text) ? 'headless Chromium' : /Puphpeteer/.test(u.text) ? 'Puppeteer' : 'Selenium WebDriver'}`, fa.line(u));
      browser = true;
      break;
    }
  }
  for (const cls of fa.captures('class')) {
    if (cls.type !== 'class_declaration' || !extendsCommand(cls)) continue;
    const run = methodsOf(cls).find((m) => /^(handle|execute|__invoke)$/.test(m.childForFieldName('name')?.text ?? ''));
    if (run) fa.addTool('console-command', `console command (${cls.childForFieldName('name')?.text ?? 'class'} extends Command)`, fa.line(run.childForFieldName('name') ?? run));
  }
  for (const c of fa.calls) {
    if (/^schedule\.(command|call|job|exec)$/.test(c.name)) {
      fa.addTool('cron', `Laravel scheduler ($schedule->${c.method})`, fa.line(c.node));
      break;
    }
  }
  if (fa.text.startsWith('#!')) fa.addTool('script', 'shebang', 1);
  const argv = fa.captures('var')[0];
  if (argv) fa.addTool('cli', `reads $${varName(argv)}`, fa.line(argv));
  else {
    const g = fa.calls.find((c) => c.name === 'getopt' && !c.receiver);
    if (g) fa.addTool('cli', 'getopt()', fa.line(g.node));
  }
  return browser;
}

// ---------------------------------------------------------------------------
// Credentials

function credsFromCall(fa: FA, c: CallInfo): void {
  if (c.isNew) return;
  const m = c.method;
  if (AUTH_OBJECT_METHODS.has(m) && c.args.length >= 2) {
    fa.creds.authObject(m, c.args[1]);
    return;
  }
  if (m === 'withToken' && c.args[0] && stringValue(c.args[0]) !== undefined) {
    fa.creds.authHeader(c.args[0], 'Authorization');
    return;
  }
  if (!c.receiver && c.name === 'base64_encode' && c.args[0]) {
    if (str(fa, c.args[0])?.includes(':')) fa.creds.authHeader(c.args[0]);
    return;
  }
  if (!c.receiver && c.name === 'curl_setopt' && c.args.length >= 3 && /CURLOPT_(USERPWD|PROXYUSERPWD)$/.test(c.args[1]!.text)) {
    fa.creds.authHeader(c.args[2], 'CURLOPT_USERPWD');
    return;
  }
  if (!c.receiver && (c.name === 'env' || c.name === 'getenv' || c.name === 'config') && c.args.length >= 2) {
    const k = stringValue(c.args[0]!);
    if (k && stringValue(c.args[1]!) !== undefined) fa.creds.binding(k, c.args[1]);
    return;
  }
  if (PAIR_METHODS.has(m) && c.args.length === 2 && stringValue(c.args[0]!) !== undefined) {
    fa.creds.pair(c.args[0], c.args[1]);
    return;
  }
  if (!c.receiver && c.name === 'header' && c.args[0]) {
    // header('Authorization: Basic …')
    const s = stringValue(c.args[0]);
    if (s && /^authori[sz]ation\s*:/i.test(s)) fa.creds.consume(c.args[0]);
  }
}

function credsFromPairs(fa: FA): void {
  for (const el of fa.captures('pair')) {
    const kids = el.namedChildren.filter((k): k is Node => !!k && k.type !== 'comment');
    if (kids.length !== 2) continue;
    const [k, v] = kids as [Node, Node];
    const key = keyText(k);
    if (!key) continue;
    if (/^CURLOPT_(USERPWD|PROXYUSERPWD)$/.test(key)) {
      fa.creds.authHeader(v, key);
      continue;
    }
    if (key === 'auth' && unparen(v).type === 'array_creation_expression') {
      // Guzzle 'auth' => ['user', 'pass'(, 'digest')]
      const vals = unparen(v).namedChildren.filter((x): x is Node => x?.type === 'array_element_initializer').map((x) => x.namedChild(x.namedChildCount - 1));
      if (vals[1]) fa.creds.authObject('auth', vals[1]);
      continue;
    }
    const value = stringValue(v);
    if (value !== undefined) {
      if (notACredentialPair(key, value)) {
        fa.creds.consume(v);
        continue;
      }
      if (stringValue(k) !== undefined) fa.creds.pair(k, v);
      else fa.creds.binding(key, v);
    }
  }
}

function credsFromDeclarations(fa: FA): void {
  fa.creds.literalBindings();
}

// ---------------------------------------------------------------------------

export function analyzePhp(fa: FA): void {
  const imports = fa.captures('import').map((n) => n.text);
  const pc: PhpCtx = {
    guzzle: imports.some((i) => /GuzzleHttp/.test(i)) || /\\?GuzzleHttp\\/.test(fa.text),
    symfony: imports.some((i) => /Symfony\\Component\\HttpClient|Symfony\\Contracts\\HttpClient/.test(i)),
    clients: /Client|Guzzle/.test(fa.text),
    soap: /SoapClient|nusoap_client/i.test(fa.text),
    browser: false,
  };
  pc.browser = tools(fa);
  const executed = new Set<string>();
  fa.forEachCall((c) => {
    classifyCall(fa, c, pc, executed);
    credsFromCall(fa, c);
  });
  unexecutedCurl(fa, executed);
  tls(fa);
  credsFromPairs(fa);
  credsFromDeclarations(fa);
  elideCredentialsInCallees(fa);
}

// ---------------------------------------------------------------------------
// Limiter hooks

/** `RateLimiter::hit(…)`, `RateLimiter::tooManyAttempts(…)`, `$limiter->consume(1)`: a call that gates the rest. */
export function phpGate(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew) return undefined;
  if (/(^|\.)RateLimiter\.(hit|attempt|tooManyAttempts|increment|remaining)$/.test(c.name)) return c.name;
  if (/^(consume|reserve|acquire|allow|attempt|hit)$/.test(c.method) && c.receiver && /limiter|throttl|bucket/i.test(chainName(c.receiver))) return c.name;
  if (matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}

/** `RateLimiter::attempt('key', 5, function () { … })`, `Redis::throttle(…)->then(fn)`. */
export function phpWrapper(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew) return undefined;
  if (/(^|\.)RateLimiter\.attempt$/.test(c.name) || /(^|\.)(throttle|funnel)\..*then$/.test(c.name)) return c.name;
  if (matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}

/** The route's `throttle` middleware, the controller's `$this->middleware('throttle…')`, a limiter attribute. */
export function phpFunctionLimiter(fn: Node, fa: FA): { name: string; line: number } | undefined {
  const cls = enclosing(fn, CLASS_TYPES);
  const method = fn.childForFieldName('name')?.text ?? '';
  const line = fa.line(fn.childForFieldName('name') ?? fn);
  const attributes = (h: Node): Array<Node | null> => h.childForFieldName('attributes')?.descendantsOfType('attribute') ?? [];
  const marked = markedLimiter([fn, cls], attributes, (a) =>
    matchesAny(simpleName(a.namedChild(0)?.text ?? ''), fa.patterns.limiter) ? { name: markName(a.text, 116, '#[', ']'), line: fa.line(a) } : undefined,
  );
  if (marked) return marked;
  if (!cls || cls.type !== 'class_declaration') return undefined;
  const clsName = cls.childForFieldName('name')?.text ?? '';
  const routed = fa.project?.throttled.get(`${clsName}.${method}`) ?? fa.project?.throttled.get(`${clsName}.*`);
  if (routed) return { name: routed.name, line };
  // $this->middleware('throttle:…') in the controller's constructor (->only([...]) / ->except([...]) honoured).
  for (const c of fa.calls) {
    if (c.method !== 'middleware' || !c.receiver || varName(c.receiver) !== 'this') continue;
    if (!contains(spanOf(cls), spanOf(c.node))) continue;
    const t = c.args.map((a) => str(fa, a)).find((s) => s && /^throttle(?::|$)/.test(s));
    if (!t) continue;
    const parent = c.node.parent;
    const pc = parent ? fa.callInfo(parent) : undefined;
    if (pc && (pc.method === 'only' || pc.method === 'except') && pc.receiver?.id === c.node.id) {
      const listed = (pc.args[0]?.text ?? '').includes(`'${method}'`) || (pc.args[0]?.text ?? '').includes(`"${method}"`);
      if ((pc.method === 'only') !== listed) continue;
    }
    return { name: `controller middleware ${t}`, line: fa.line(c.node) };
  }
  return undefined;
}
