/**
 * Python detection on one parsed file (a `.py`, or the code cells of a notebook):
 *
 * - client calls: `requests.get/post/…/request` and `requests.Session()` methods,
 *   `httpx` (module functions, `Client`/`AsyncClient` methods with `base_url`), `urllib`
 *   (`urlopen(url)` / `urlopen(Request(url))`), `aiohttp` (`ClientSession()` methods,
 *   `base_url` too, `aiohttp.request`), `urllib3` (`PoolManager().request`),
 *   `http.client` (`HTTPSConnection(host).request(method, path)`), zeep and suds
 *   (`client.service.TraCuuThongTinCongDan(…)`, URL from the WSDL or
 *   `create_service(binding, address)`);
 * - TLS: `verify=False` (any call or `session.verify = False`), `ssl=False`/
 *   `verify_ssl=False` (aiohttp), `ssl._create_unverified_context`, `ssl.CERT_NONE`,
 *   `check_hostname = False`, `urllib3.disable_warnings(…)`;
 * - tools: `if __name__ == "__main__":` (unless it only starts a web server),
 *   argparse / click / typer / `sys.argv` command lines, a `#!` line, Django management
 *   commands (`BaseCommand.handle`), schedulers (`schedule.every`, APScheduler
 *   `add_job`, Celery `crontab`), Selenium / Playwright (navigation targets become
 *   endpoints); notebooks are marked by notebook.ts;
 * - credentials: sensitive-name literals (module/class constants, locals, `self.x`,
 *   keyword arguments, dict entries, `headers['X-Api-Key'] = …`), `auth=('u', 'p')`,
 *   `HTTPBasicAuth('u', 'p')`/`HTTPDigestAuth`/`aiohttp.BasicAuth`/`httpx.BasicAuth`,
 *   `base64.b64encode(b'u:p')`, `os.getenv('SECRET', 'fallback')` fallbacks.
 *
 * Limiters: Flask-Limiter `@limiter.limit(…)` (any decorator matching
 * `limiterPatterns`), `ratelimit`'s `@limits(…)`/`@sleep_and_retry`, a call matching
 * `limiterPatterns` before the request (`limiter.try_acquire(…)`, `with RateLimiter(…)`),
 * and `time.sleep(x)`/`asyncio.sleep(x)` with x ≥ 1 second inside a loop (a crude
 * limiter: at most 86,400 calls a day per worker). `asyncio.Semaphore` and
 * `threading.Semaphore`/`BoundedSemaphore` bound concurrency, not the number of calls
 * per day: they are not limiters.
 */
import { matchesAny } from '../../../policy/settings.js';
import type { FileAnalysis } from '../analysis.js';
import { madeBy } from '../kit/calls.js';
import { markedLimiter, markName } from '../kit/limiters.js';
import { enclosing } from '../kit/names.js';
import { strOf } from '../kit/values.js';
import { contains, spanOf } from '../span.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, ClientCall, Node } from '../types.js';
import { elideCredentialsInCallees } from '../kit/callee.js';
import { notACredentialPair } from '../kit/pairs.js';
import { argOr, chainName, CLASS_TYPES, kwarg, stringValue, unparen } from './nodes.js';

type FA = FileAnalysis<unknown>;

const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
const SESSION_METHODS = new Set([...HTTP_VERBS, 'request', 'stream', 'send']);
const AUTH_OBJECTS = /^(?:requests\.auth\.|auth\.|httpx\.|aiohttp\.)?(HTTPBasicAuth|HTTPDigestAuth|HTTPProxyAuth|BasicAuth|DigestAuth)$/;
const SERVER_RUN = /(^|\.)(run|run_app|serve|serve_forever|run_simple|execute_from_command_line|start_server|runserver)$/;

interface PyCtx {
  imports: string;
  /** Names imported with `from module import name [as alias]`: local name → module. */
  from: Map<string, string>;
  browser: boolean;
}

function fromImports(fa: FA): Map<string, string> {
  const out = new Map<string, string>();
  for (const i of fa.captures('import')) {
    if (i.type !== 'import_from_statement') continue;
    const mod = i.childForFieldName('module_name')?.text ?? '';
    for (const n of i.childrenForFieldName('name')) {
      if (!n) continue;
      const local = n.type === 'aliased_import' ? (n.childForFieldName('alias')?.text ?? '') : n.text;
      if (local) out.set(local, mod);
    }
  }
  return out;
}

/** The module a bare class name comes from (`Client` → `zeep`), else the dotted prefix of the name. */
function moduleOf(pc: PyCtx, name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) return name.slice(0, dot);
  return pc.from.get(name) ?? '';
}

/** A client call with its URL (when the call has one). */
function reportCall(fa: FA, c: CallInfo, client: string, url: Node | undefined): void {
  const call: ClientCall = { node: c.node, client };
  if (url) call.url = url;
  fa.addCall(call);
}

function str(fa: FA, n: Node | null | undefined): string | undefined {
  return strOf(fa.resolver, n);
}

function isAbsolute(fa: FA, n: Node | undefined): boolean {
  const s = str(fa, n);
  return s !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

type Lib = 'requests' | 'httpx' | 'aiohttp' | 'urllib3' | 'http.client' | 'zeep' | 'suds';

/** What library made a client object (by its creation call). */
function clientLib(fa: FA, recv: Node, pc: PyCtx): { lib: Lib; creation?: CallInfo } | undefined {
  const c = madeBy(fa, recv);
  if (c) {
    const n = c.name;
    const cls = c.method;
    const mod = moduleOf(pc, n);
    const root = mod.split('.')[0] ?? '';
    if (/^[Ss]ession$|^session$|BaseUrlSession$/.test(cls) && (root === 'requests' || root === 'requests_toolbelt' || (mod === '' && /\brequests\b/.test(pc.imports)))) return { lib: 'requests', creation: c };
    if (/^(Client|AsyncClient)$/.test(cls) && root === 'httpx') return { lib: 'httpx', creation: c };
    if (cls === 'ClientSession' && root === 'aiohttp') return { lib: 'aiohttp', creation: c };
    if (/^(PoolManager|ProxyManager|HTTPSConnectionPool|HTTPConnectionPool)$/.test(cls) && root === 'urllib3') return { lib: 'urllib3', creation: c };
    if (/^HTTPS?Connection$/.test(cls) && (mod === 'http.client' || root === 'httplib')) return { lib: 'http.client', creation: c };
    if (/^(Client|AsyncClient|CachingClient)$/.test(cls) && root === 'zeep') return { lib: 'zeep', creation: c };
    if (cls === 'Client' && root === 'suds') return { lib: 'suds', creation: c };
    return undefined;
  }
  // A typed parameter / attribute: `session: requests.Session`, `client: httpx.AsyncClient`.
  const t = fa.typeOf(unparen(recv))?.type;
  if (t === 'Session' && /\brequests\b/.test(pc.imports)) return { lib: 'requests' };
  if ((t === 'Client' || t === 'AsyncClient') && /\bhttpx\b/.test(pc.imports)) return { lib: 'httpx' };
  if (t === 'ClientSession') return { lib: 'aiohttp' };
  return undefined;
}

const HTTP_LIBS = /\b(requests|requests_toolbelt|httpx|aiohttp|urllib3|http\.client|httplib)\b/;
const SOAP_LIBS = /\b(zeep|suds)\b/;

function sessionCall(fa: FA, c: CallInfo, pc: PyCtx): boolean {
  if (!c.receiver || !SESSION_METHODS.has(c.method) || !HTTP_LIBS.test(pc.imports)) return false;
  const lib = clientLib(fa, c.receiver, pc);
  if (!lib || lib.lib === 'zeep' || lib.lib === 'suds') return false;
  const call: ClientCall = { node: c.node, client: lib.lib };
  let url: Node | undefined;
  if (lib.lib === 'urllib3' || lib.lib === 'http.client') {
    if (c.method !== 'request' && c.method !== 'urlopen') return false;
    url = argOr(c, 1, 'url');
  } else if (c.method === 'request' || c.method === 'stream') url = argOr(c, 1, 'url');
  else if (c.method === 'send') {
    const req = madeBy(fa, c.args[0]);
    if (req && /(^|\.)Request$/.test(req.name)) url = argOr(req, 1, 'url');
    else if (req && /(^|\.)build_request$/.test(req.name)) url = argOr(req, 1, 'url');
  } else url = argOr(c, 0, 'url');
  if (url) call.url = url;
  if (lib.creation && !isAbsolute(fa, url)) {
    if (lib.lib === 'http.client') {
      const host = str(fa, argOr(lib.creation, 0, 'host'));
      if (host) call.base = { t: 'str', s: `${/HTTPSConnection$/.test(lib.creation.name) ? 'https' : 'http'}://${host}`, via: ['literal'], keys: [], lit: true, complete: true, names: [] };
    } else {
      const b = kwarg(lib.creation.node, 'base_url') ?? (lib.lib === 'aiohttp' ? lib.creation.args[0] : undefined);
      if (b) call.base = b;
    }
  }
  fa.addCall(call);
  return true;
}

/** `client.service.Op(…)` on a zeep / suds client. */
function soapServiceCall(fa: FA, c: CallInfo, pc: PyCtx): boolean {
  // (`service.TraCuuThongTinCongDan(…)` is capitalised: CallInfo calls it a creation.)
  const recv = c.receiver ? unparen(c.receiver) : undefined;
  if (!recv || !SOAP_LIBS.test(pc.imports)) return false;
  let clientExpr: Node | undefined;
  let address: Node | undefined;
  if (recv.type === 'attribute' && recv.childForFieldName('attribute')?.text === 'service') clientExpr = recv.childForFieldName('object') ?? undefined;
  else {
    // service = client.create_service(binding, address); service.Op(…)
    const o = madeBy(fa, recv);
    if (o && o.method === 'create_service' && o.receiver) {
      clientExpr = o.receiver;
      address = argOr(o, 1, 'address');
    } else if (o && o.method === 'bind' && o.receiver) clientExpr = o.receiver;
  }
  if (!clientExpr) return false;
  const lib = clientLib(fa, clientExpr, pc);
  if (!lib || (lib.lib !== 'zeep' && lib.lib !== 'suds')) return false;
  const call: ClientCall = { node: c.node, client: lib.lib };
  const url = address ?? (lib.creation ? argOr(lib.creation, 0, lib.lib === 'zeep' ? 'wsdl' : 'url') : undefined);
  if (url) call.url = url;
  call.operation = matchOperation(fa, c.method) ?? c.method;
  fa.addCall(call);
  return true;
}

function classifyCall(fa: FA, c: CallInfo, pc: PyCtx): void {
  let n = c.name;
  // from requests import post → post(url)
  const fromMod = !c.receiver ? pc.from.get(n) : undefined;
  if (fromMod === 'requests' || fromMod === 'httpx' || fromMod === 'aiohttp') n = `${fromMod}.${n}`;
  if (/^requests\.(get|post|put|patch|delete|head|options)$/.test(n)) {
    reportCall(fa, c, 'requests', argOr(c, 0, 'url'));
    return;
  }
  if (n === 'requests.request' || n === 'httpx.request' || n === 'httpx.stream' || n === 'aiohttp.request') {
    reportCall(fa, c, n.split('.')[0]!, argOr(c, 1, 'url'));
    return;
  }
  if (/^httpx\.(get|post|put|patch|delete|head|options)$/.test(n)) {
    reportCall(fa, c, 'httpx', argOr(c, 0, 'url'));
    return;
  }
  if (/^(urllib\.request\.|request\.|urllib2\.)?urlopen$/.test(n) && (n !== 'urlopen' || /^urllib/.test(pc.from.get('urlopen') ?? ''))) {
    const call: ClientCall = { node: c.node, client: 'urllib' };
    const a = argOr(c, 0, 'url');
    const req = madeBy(fa, a);
    if (req && /(^|\.)Request$/.test(req.name)) {
      const u = argOr(req, 0, 'url');
      if (u) call.url = u;
    } else if (a) call.url = a;
    fa.addCall(call);
    return;
  }
  if (sessionCall(fa, c, pc)) return;
  if (soapServiceCall(fa, c, pc)) return;
  // Browser automation: navigation targets are endpoints.
  if (pc.browser && c.receiver && (c.method === 'get' || c.method === 'goto' || c.method === 'navigate')) {
    const a = argOr(c, 0, 'url');
    const s = str(fa, a);
    if (a && s && /^https?:\/\//i.test(s)) fa.addNavigation(a, s, c.name);
  }
}

// ---------------------------------------------------------------------------
// TLS

function isFalse(n: Node | undefined | null): boolean {
  return !!n && (n.type === 'false' || (n.type === 'integer' && n.text === '0'));
}

function tls(fa: FA, pc: PyCtx): void {
  for (const kw of fa.captures('kwarg')) {
    const name = kw.childForFieldName('name')?.text;
    const v = kw.childForFieldName('value');
    if ((name === 'verify' || name === 'verify_ssl') && isFalse(v)) fa.addTls(kw, `${name}=False`);
    else if (name === 'ssl' && isFalse(v) && /\baiohttp\b/.test(pc.imports)) fa.addTls(kw, 'ssl=False');
    else if (name === 'cert_reqs' && v && /CERT_NONE/.test(v.text)) fa.addTls(kw, `cert_reqs=${v.text}`);
  }
  for (const a of fa.assignments) {
    if ((a.name === 'verify' || a.name === 'check_hostname') && isFalse(a.value)) fa.addTls(a.node, `${a.qualifier ? `${a.qualifier}.` : ''}${a.name} = False`);
  }
  for (const at of fa.captures('attr')) {
    const name = at.childForFieldName('attribute')?.text;
    if (name === 'CERT_NONE') fa.addTls(at, at.text);
    else if (name === '_create_unverified_context') fa.addTls(at, at.text);
    else if (name === 'disable_warnings' && /urllib3/.test(at.text)) fa.addTls(at, at.text);
  }
}

// ---------------------------------------------------------------------------
// Tools

function decoratorNames(fa: FA, fn: Node): string[] {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : undefined;
  if (!holder) return [];
  return holder.namedChildren
    .filter((d): d is Node => d?.type === 'decorator')
    .map((d) => {
      const e = d.namedChild(0);
      if (!e) return '';
      const c = fa.callInfo(e);
      return c ? c.name : chainName(e);
    });
}

function tools(fa: FA, pc: PyCtx): void {
  const browserImport = fa.captures('import').find((i) => /\b(selenium|playwright|pyppeteer|splinter|helium|undetected_chromedriver)\b/.test(i.text));
  if (browserImport) {
    const lib = /\b(selenium|playwright|pyppeteer|splinter|helium|undetected_chromedriver)\b/.exec(browserImport.text)![1]!;
    fa.addTool('browser-automation', `imports ${lib}`, fa.line(browserImport));
    pc.browser = true;
  }
  for (const cls of fa.captures('class')) {
    const sup = cls.childForFieldName('superclasses')?.text ?? '';
    if (!/\bBaseCommand\b/.test(sup)) continue;
    const body = cls.childForFieldName('body');
    const handle = body?.namedChildren.map((s) => (s?.type === 'decorated_definition' ? s.childForFieldName('definition') : s)).find((s) => s?.type === 'function_definition' && s.childForFieldName('name')?.text === 'handle');
    if (handle) fa.addTool('console-command', 'Django management command (BaseCommand.handle)', fa.line(handle.childForFieldName('name') ?? handle));
  }
  for (const c of fa.calls) {
    if (/^schedule\.every$/.test(c.name) || /(^|\.)add_job$/.test(c.name) || /(^|\.)crontab$/.test(c.name) || /(^|\.)add_periodic_task$/.test(c.name)) {
      fa.addTool('cron', `scheduler (${c.name})`, fa.line(c.node));
      break;
    }
  }
  let cli = false;
  for (const fn of fa.captures('function')) {
    const decos = decoratorNames(fa, fn);
    const d = decos.find((x) => /^(click\.(command|group)|app\.command|typer\.\w+|cli\.command|\w+\.command)$/.test(x) && (/\bclick\b|\btyper\b/.test(pc.imports)));
    if (d) {
      fa.addTool('cli', `@${d}`, fa.line(fn.childForFieldName('name') ?? fn));
      cli = true;
      break;
    }
  }
  if (!cli) {
    const parser = fa.calls.find((c) => /^(argparse\.)?ArgumentParser$/.test(c.name) || /^(typer\.Typer|typer\.run|fire\.Fire|docopt)$/.test(c.name) || c.name === 'getopt.getopt');
    if (parser) {
      fa.addTool('cli', parser.name.includes('ArgumentParser') ? 'argparse command line' : `${parser.name} command line`, fa.line(parser.node));
      cli = true;
    }
  }
  if (!cli) {
    const argv = fa.captures('attr').find((a) => a.text === 'sys.argv');
    if (argv) fa.addTool('cli', 'reads sys.argv', fa.line(argv), true);
  }
  const main = fa.captures('main')[0];
  if (main) {
    const body = main.childForFieldName('consequence');
    const at = spanOf(body ?? main);
    const calls = fa.calls.filter((c) => contains(at, spanOf(c.node)));
    const server = calls.some((c) => SERVER_RUN.test(c.name) && /\b(app|uvicorn|web|waitress|server|httpd|application|api|execute_from_command_line|management)\b/i.test(c.name + pc.imports));
    if (!server) fa.addTool('script', 'if __name__ == "__main__"', fa.line(main));
  }
  if (fa.text.startsWith('#!')) fa.addTool('script', 'shebang', 1);
}

// ---------------------------------------------------------------------------
// Credentials

function tupleItems(n: Node | undefined): Node[] {
  if (!n) return [];
  const e = unparen(n);
  if (e.type !== 'tuple' && e.type !== 'list') return [];
  return e.namedChildren.filter((x): x is Node => !!x && x.type !== 'comment');
}

function credsFromCall(fa: FA, c: CallInfo): void {
  if (AUTH_OBJECTS.test(c.name) || (c.isNew && /^(HTTPBasicAuth|HTTPDigestAuth|BasicAuth)$/.test(c.method))) {
    const p = argOr(c, 1, c.method === 'BasicAuth' ? 'password' : 'password');
    if (p) fa.creds.authObject(c.method, p);
    return;
  }
  const auth = kwarg(c.node, 'auth');
  const items = tupleItems(auth);
  if (items.length >= 2) fa.creds.authObject('auth', items[1]);
  if (/(^|\.)(b64encode|standard_b64encode|urlsafe_b64encode|encodebytes|encodestring)$/.test(c.name) && c.args[0]) {
    let a = unparen(c.args[0]);
    const inner = fa.callInfo(a);
    if (inner && inner.method === 'encode' && inner.receiver) a = inner.receiver;
    else if (inner && inner.name === 'bytes' && inner.args[0]) a = inner.args[0];
    if (str(fa, a)?.includes(':')) fa.creds.authHeader(a);
    return;
  }
  if (/^(os\.environ\.get|os\.getenv|getenv|environ\.get|os\.environ\.setdefault|os\.putenv)$/.test(c.name) && c.args.length >= 2) {
    const k = stringValue(c.args[0]!);
    if (k && stringValue(c.args[1]!) !== undefined) fa.creds.binding(k, c.args[1]);
  }
}

function credsFromDeclarations(fa: FA): void {
  for (const d of fa.decls.all()) {
    if (d.value && stringValue(d.value) !== undefined) fa.creds.binding(d.name, d.value);
  }
  fa.creds.literalBindings();
  for (const a of fa.assignments) {
    if (a.name === 'auth' && stringValue(a.value) === undefined) {
      const items = tupleItems(a.value);
      if (items.length >= 2) fa.creds.authObject('auth', items[1]);
    }
  }
  for (const kw of fa.captures('kwarg')) {
    const name = kw.childForFieldName('name')?.text;
    const v = kw.childForFieldName('value');
    if (name && v && stringValue(v) !== undefined) fa.creds.binding(name, v);
  }
  for (const p of fa.captures('pair')) {
    const k = p.childForFieldName('key');
    const v = p.childForFieldName('value');
    const key = k ? stringValue(k) : undefined;
    const value = v ? stringValue(v) : undefined;
    if (!k || !v || key === undefined || value === undefined) continue;
    if (notACredentialPair(key, value)) fa.creds.consume(v);
    else fa.creds.pair(k, v);
  }
}

// ---------------------------------------------------------------------------
// A pause in the loop around a call (a crude limiter)

/** Loops (`for`/`while`) whose repeated part holds `node`, within the function `stop`. */
function loopsAround(fa: FA, node: Node, stop: Node | undefined): Node[] {
  const out: Node[] = [];
  let child = node;
  for (let p = node.parent; p && p.id !== stop?.id; p = p.parent) {
    if ((p.type === 'for_statement' || p.type === 'while_statement') && fa.syntax.loopKind(p, child)) out.push(p);
    child = p;
  }
  return out;
}

/** A `time.sleep(x)` (x ≥ MIN_SLEEP_SECONDS) in a loop, outside nested functions. */
function sleepIn(fa: FA, loop: Node): CallInfo | undefined {
  const at = spanOf(loop);
  for (const c of fa.calls) {
    if (!SLEEP.test(c.name) || !contains(at, spanOf(c.node))) continue;
    const s = seconds(fa, c.args[0] ?? kwarg(c.node, 'secs') ?? kwarg(c.node, 'delay'));
    if (s === undefined || s < MIN_SLEEP_SECONDS) continue;
    let nested = false;
    for (let p = c.node.parent; p && p.id !== loop.id; p = p.parent) if (p.type === 'function_definition' || p.type === 'lambda') nested = true;
    if (!nested) return c;
  }
  return undefined;
}

function sleepLimiters(fa: FA): void {
  for (const call of fa.reportedCalls()) {
    if (call.limiter) continue;
    const info = fa.fns.infoAt(call.node);
    const places: Array<[Node, Node | undefined]> = [[call.node, info.node]];
    for (const g of fa.fns.callersOf(info)) for (const site of g.sites) places.push([site, g.info.node]);
    outer: for (const [node, stop] of places) {
      for (const loop of loopsAround(fa, node, stop)) {
        const sleep = sleepIn(fa, loop);
        if (sleep) {
          (call as ClientCall).limiter = { name: sleep.name, line: fa.line(sleep.node) };
          break outer;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------

export function analyzePython(fa: FA): void {
  const pc: PyCtx = { imports: fa.captures('import').map((i) => i.text).join('\n'), from: fromImports(fa), browser: false };
  tools(fa, pc);
  fa.forEachCall((c) => {
    classifyCall(fa, c, pc);
    credsFromCall(fa, c);
  });
  sleepLimiters(fa);
  tls(fa, pc);
  credsFromDeclarations(fa);
  elideCredentialsInCallees(fa);
}

// ---------------------------------------------------------------------------
// Limiter hooks

const SLEEP = /^(time\.sleep|sleep|asyncio\.sleep|gevent\.sleep)$/;
/** Seconds of a sleep argument, when it is a number (or a same-file constant that is one). */
function seconds(fa: FA, n: Node | undefined): number | undefined {
  if (!n) return undefined;
  const e = unparen(n);
  if (e.type === 'integer' || e.type === 'float') return Number(e.text.replace(/_/g, ''));
  if (e.type === 'identifier') {
    const d = fa.decls.lookup(e.text, e);
    const v = d?.value ? unparen(d.value) : undefined;
    if (v && (v.type === 'integer' || v.type === 'float')) return Number(v.text.replace(/_/g, ''));
  }
  return undefined;
}

/** Minimum pause (seconds) per loop iteration that counts as a crude rate limiter. */
export const MIN_SLEEP_SECONDS = 1;

export function pyGate(c: CallInfo, fa: FA): string | undefined {
  if (/Semaphore$/.test(c.name)) return undefined;
  if (matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}

export function pyWrapper(c: CallInfo, fa: FA): string | undefined {
  if (/Semaphore$/.test(c.name)) return undefined;
  return matchesAny(c.name, fa.patterns.limiter) ? c.name : undefined;
}

const RATELIMIT_DECORATORS = /^(ratelimit\.|ratelimiter\.)?(limits|RateLimitDecorator|rate_limited|ratelimit|RateLimiter|throttle)$/;

export function pyFunctionLimiter(fn: Node, fa: FA): { name: string; line: number } | undefined {
  const decorators = (h: Node): Node[] => (h.parent?.type === 'decorated_definition' ? h.parent.namedChildren.filter((d): d is Node => d?.type === 'decorator') : []);
  return markedLimiter([fn, enclosing(fn, CLASS_TYPES)], decorators, (d) => {
    const e = d.namedChild(0);
    if (!e) return undefined;
    const name = fa.callInfo(e)?.name ?? chainName(e);
    if (/Semaphore/.test(name)) return undefined;
    return matchesAny(name, fa.patterns.limiter) || RATELIMIT_DECORATORS.test(name) ? { name: markName(e.text, 118, '@'), line: fa.line(d) } : undefined;
  });
}
