/**
 * Go detection on one parsed file:
 *
 * - client calls: `net/http` package functions (`http.Get/Post/PostForm/Head`),
 *   `client.Do(req)` with `req` from `http.NewRequest(method, url, body)` /
 *   `NewRequestWithContext` (a request built but never sent in the file is reported at
 *   `NewRequest`), methods of an `http.Client` (`client.Get(url)`…), resty
 *   (`resty.New().R().Post(url)`, base from `SetBaseURL`/`SetHostURL`), gowsdl SOAP
 *   clients (`soap.NewClient(url).Call(action, …)`);
 * - TLS: `InsecureSkipVerify: true` (composite literal) and `….InsecureSkipVerify = true`;
 * - tools: `func main()` in `package main` unless the file starts a server
 *   (`http.ListenAndServe`, `…Serve(…)`, gin/echo/fiber `Run`/`Start`/`Listen`,
 *   `grpc.NewServer`), with `flag` parsing named in the reason; robfig/cron
 *   (`cron.New()` + `AddFunc`); chromedp / selenium / rod / playwright-go (navigation
 *   targets become endpoints);
 * - credentials: sensitive-name constants/variables, struct literals
 *   (`Password: "…"`), map literals (`"secret": "…"`), `req.SetBasicAuth("u", "p")`
 *   (resty too), `SetAuthToken("…")`, header pairs (`Header.Set("Authorization", "…")`,
 *   `SetHeader("X-Api-Key", "…")`), `base64.StdEncoding.EncodeToString([]byte("u:p"))`,
 *   `viper.SetDefault("x.secret", "…")`.
 *
 * Limiters: `golang.org/x/time/rate` (`limiter.Wait(ctx)`, `Allow()`, `Reserve()` on a
 * `rate.NewLimiter`, or any call matching `limiterPatterns`), `time.Tick(d)` /
 * `time.NewTicker(d)` throttles in the function or a same-file caller. A buffered
 * channel used as a semaphore (`sem <- struct{}{}`) or `semaphore.Weighted` bounds
 * concurrency, not calls per day: not a limiter.
 */
import { matchesAny } from '../../../policy/settings.js';
import type { FileAnalysis } from '../analysis.js';
import { chainCalls, madeBy } from '../kit/calls.js';
import { strOf } from '../kit/values.js';
import { matchOperation } from '../soap.js';
import type { CallInfo, ClientCall, Node } from '../types.js';
import { elideCredentialsInCallees } from '../kit/callee.js';
import { notACredentialPair } from '../kit/pairs.js';
import { chainName, importNames, stringValue, structField, unparen } from './nodes.js';

type FA = FileAnalysis<unknown>;

const CLIENT_METHODS = new Set(['Get', 'Post', 'PostForm', 'Head']);
const RESTY_VERBS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'Execute', 'Send']);
const SERVER = /\b(?:ListenAndServe(?:TLS)?|http\.Serve|\.Serve\(|grpc\.NewServer|gin\.(?:Default|New)|echo\.New|fiber\.New|\.RunTLS\(|app\.Listen\(|e\.Start\(|router\.Run\(|r\.Run\()/;

interface GoCtx {
  pkgs: Map<string, string>;
  http?: string;
  resty?: string;
  browser: boolean;
}

function str(fa: FA, n: Node | null | undefined): string | undefined {
  return strOf(fa.resolver, n);
}

function isAbsolute(fa: FA, n: Node | undefined): boolean {
  const s = str(fa, n);
  return s !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

function isHttpClient(fa: FA, recv: Node, gc: GoCtx): boolean {
  if (!gc.http) return false;
  const name = chainName(recv);
  if (name === `${gc.http}.DefaultClient`) return true;
  const t = fa.typeOf(unparen(recv))?.type;
  if (t === `${gc.http}.Client`) return true;
  const c = madeBy(fa, recv);
  if (c?.isNew && c.name === `${gc.http}.Client`) return true;
  // A struct field `client *http.Client` used as `s.client`.
  const field = structField(fa, name.slice(name.lastIndexOf('.') + 1));
  return field?.type === `${gc.http}.Client`;
}

/** A resty request chain: `resty.New().R()…`, or `client.R()…` with `client := resty.New()`. */
function restyChain(fa: FA, node: Node, gc: GoCtx): CallInfo[] | undefined {
  if (!gc.resty) return undefined;
  const calls = chainCalls(fa, node);
  const last = calls[calls.length - 1];
  if (last?.name === `${gc.resty}.New` || last?.name === `${gc.resty}.NewWithClient`) return calls;
  const root = last?.receiver ? unparen(last.receiver) : undefined;
  if (root) {
    const o = madeBy(fa, root);
    if (o && o.node.id !== root.id) {
      const more = restyChain(fa, o.node, gc);
      if (more) return [...calls, ...more];
    }
    // A struct field or parameter typed *resty.Client / *resty.Request.
    const t = fa.typeOf(root)?.type;
    const field = structField(fa, chainName(root).split('.').pop() ?? '');
    const ft = t ?? field?.type;
    if (ft === `${gc.resty}.Client` || ft === `${gc.resty}.Request`) return calls;
  }
  return undefined;
}

function restyBase(fa: FA, chain: CallInfo[], gc: GoCtx): Node | undefined {
  const own = chain.find((c) => (c.method === 'SetBaseURL' || c.method === 'SetHostURL') && c.args[0]);
  if (own) return own.args[0];
  const all = fa.calls.filter((c) => (c.method === 'SetBaseURL' || c.method === 'SetHostURL') && c.args[0] && restyChain(fa, c.node, gc));
  return all.length === 1 ? all[0]!.args[0] : undefined;
}

function classify(fa: FA, c: CallInfo, gc: GoCtx, sent: Set<number>): void {
  if (c.isNew) return;
  const h = gc.http;
  if (h && CLIENT_METHODS.has(c.method) && c.name === `${h}.${c.method}`) {
    const call: ClientCall = { node: c.node, client: 'net/http' };
    if (c.args[0]) call.url = c.args[0];
    fa.addCall(call);
    return;
  }
  if (c.method === 'Do' && c.args.length === 1 && c.receiver) {
    const req = madeBy(fa, c.args[0]);
    if (h && req && (req.name === `${h}.NewRequest` || req.name === `${h}.NewRequestWithContext`)) {
      const url = req.name.endsWith('WithContext') ? req.args[2] : req.args[1];
      const call: ClientCall = { node: c.node, client: 'net/http' };
      if (url) call.url = url;
      sent.add(req.node.id);
      fa.addCall(call);
      return;
    }
    if (isHttpClient(fa, c.receiver, gc)) {
      fa.addCall({ node: c.node, client: 'net/http' });
      return;
    }
  }
  if (c.receiver && CLIENT_METHODS.has(c.method) && isHttpClient(fa, c.receiver, gc)) {
    const call: ClientCall = { node: c.node, client: 'net/http' };
    if (c.args[0]) call.url = c.args[0];
    fa.addCall(call);
    return;
  }
  if (c.receiver && RESTY_VERBS.has(c.method)) {
    const chain = restyChain(fa, c.node, gc);
    if (chain && chain.some((x) => x.method === 'R' || x.method === 'NewRequest') || (chain && fa.typeOf(unparen(chain[chain.length - 1]!.receiver ?? c.receiver))?.type === `${gc.resty}.Request`)) {
      const call: ClientCall = { node: c.node, client: 'resty' };
      const url = c.method === 'Execute' ? c.args[1] : c.args[0];
      if (url) call.url = url;
      if (!isAbsolute(fa, url)) {
        const b = restyBase(fa, chain!, gc);
        if (b) call.base = b;
      }
      fa.addCall(call);
      return;
    }
  }
  // gowsdl: soap.NewClient(url) … client.Call(soapAction, req, resp)
  if ((c.method === 'Call' || c.method === 'CallContext') && c.receiver) {
    const o = madeBy(fa, c.receiver);
    if (o && /(^|\.)soap\.NewClient$/.test(o.name)) {
      const call: ClientCall = { node: c.node, client: 'gowsdl' };
      if (o.args[0]) call.url = o.args[0];
      const action = str(fa, c.method === 'CallContext' ? c.args[1] : c.args[0]);
      const op = action ? matchOperation(fa, action.replace(/^.*[/#]/, '')) : undefined;
      if (op) call.operation = op;
      fa.addCall(call);
      return;
    }
  }
  // Browser automation targets.
  if (gc.browser && (c.name === 'chromedp.Navigate' || c.method === 'Get' || c.method === 'Goto' || c.method === 'Navigate' || c.method === 'MustNavigate')) {
    const s = str(fa, c.args[0]);
    if (c.args[0] && s && /^https?:\/\//i.test(s)) fa.addNavigation(c.args[0], s, c.name);
  }
}

function unsent(fa: FA, gc: GoCtx, sent: Set<number>): void {
  if (!gc.http) return;
  for (const c of fa.calls) {
    if (c.name !== `${gc.http}.NewRequest` && c.name !== `${gc.http}.NewRequestWithContext`) continue;
    if (sent.has(c.node.id)) continue;
    const url = c.name.endsWith('WithContext') ? c.args[2] : c.args[1];
    const call: ClientCall = { node: c.node, client: 'net/http' };
    if (url) call.url = url;
    fa.addCall(call);
  }
}

// ---------------------------------------------------------------------------
// TLS

function tls(fa: FA): void {
  for (const k of fa.captures('keyed')) {
    const key = k.childForFieldName('key')?.namedChild(0);
    const v = k.childForFieldName('value')?.namedChild(0);
    if (key?.text === 'InsecureSkipVerify' && v?.type === 'true') fa.addTls(k, 'InsecureSkipVerify: true');
  }
  for (const a of fa.assignments) {
    if (a.name === 'InsecureSkipVerify' && a.value.type === 'true') fa.addTls(a.node, 'InsecureSkipVerify = true');
  }
}

// ---------------------------------------------------------------------------
// Tools

function tools(fa: FA, gc: GoCtx): void {
  const browser = [...gc.pkgs.values()].find((p) => /chromedp|tebeka\/selenium|go-rod\/rod|playwright-go|agouti/.test(p));
  if (browser) {
    const spec = fa.captures('import').find((i) => i.text.includes(browser));
    fa.addTool('browser-automation', `imports ${browser}`, spec ? fa.line(spec) : 1);
    gc.browser = true;
  }
  const pkg = /^\s*package\s+(\w+)/m.exec(fa.text)?.[1];
  if (pkg === 'main') {
    const main = fa.captures('function').find((f) => f.type === 'function_declaration' && f.childForFieldName('name')?.text === 'main');
    if (main && !SERVER.test(fa.text)) {
      const flags = fa.calls.some((c) => c.name === 'flag.Parse' || /^(flag|pflag)\.\w+$/.test(c.name) || /^cobra\.Command$/.test(c.name));
      fa.addTool('cli', flags ? 'func main in package main, with flag parsing' : 'func main in package main', fa.line(main.childForFieldName('name') ?? main));
    }
  }
  const cron = fa.calls.find((c) => /(^|\.)cron\.New$/.test(c.name) || (/^(AddFunc|AddJob)$/.test(c.method) && /cron/i.test(c.name)) || /^gocron\.NewScheduler$/.test(c.name));
  if (cron) fa.addTool('cron', `cron scheduler (${cron.name})`, fa.line(cron.node));
}

// ---------------------------------------------------------------------------
// Credentials

function bytesLiteral(fa: FA, n: Node | undefined): Node | undefined {
  if (!n) return undefined;
  const e = unparen(n);
  if (e.type === 'type_conversion_expression') return e.childForFieldName('operand') ?? undefined;
  const c = fa.callInfo(e);
  if (c && c.args[0] && /^\[\]byte$/.test(e.childForFieldName('function')?.text ?? '')) return c.args[0];
  return e;
}

function credsFromCall(fa: FA, c: CallInfo): void {
  if (c.isNew) return;
  const m = c.method;
  if ((m === 'SetBasicAuth' || m === 'SetDigestAuth') && c.args.length >= 2) {
    fa.creds.authObject(m, c.args[1]);
    return;
  }
  if ((m === 'SetAuthToken' || m === 'SetToken') && c.args[0] && stringValue(c.args[0]) !== undefined) {
    fa.creds.authHeader(c.args[0], 'Authorization');
    return;
  }
  if ((m === 'EncodeToString' || m === 'Encode') && /base64/.test(c.name)) {
    const a = bytesLiteral(fa, c.args[c.args.length - 1]);
    if (a && str(fa, a)?.includes(':')) fa.creds.authHeader(a);
    return;
  }
  if ((m === 'Set' || m === 'Add' || m === 'SetHeader' || m === 'SetDefault' || m === 'Setenv' || m === 'SetQueryParam' || m === 'SetFormData') && c.args.length === 2 && stringValue(c.args[0]!) !== undefined) {
    fa.creds.pair(c.args[0], c.args[1]);
  }
}

function credsFromDeclarations(fa: FA): void {
  fa.creds.literalBindings();
  for (const k of fa.captures('keyed')) {
    const key = k.childForFieldName('key')?.namedChild(0);
    const v = k.childForFieldName('value')?.namedChild(0);
    const value = v ? stringValue(v) : undefined;
    if (!key || !v || value === undefined) continue;
    if (key.type === 'identifier' || key.type === 'field_identifier') fa.creds.binding(key.text, v);
    else {
      const k = stringValue(key);
      if (k === undefined) continue;
      if (notACredentialPair(k, value)) fa.creds.consume(v);
      else fa.creds.pair(key, v);
    }
  }
}

// ---------------------------------------------------------------------------

export function analyzeGo(fa: FA): void {
  const pkgs = importNames(fa);
  const gc: GoCtx = { pkgs, browser: false };
  for (const [name, path] of pkgs) {
    if (path === 'net/http') gc.http = name;
    if (/go-resty\/resty/.test(path)) gc.resty = name;
  }
  tools(fa, gc);
  const sent = new Set<number>();
  fa.forEachCall((c) => {
    classify(fa, c, gc, sent);
    credsFromCall(fa, c);
  });
  unsent(fa, gc, sent);
  tls(fa);
  credsFromDeclarations(fa);
  elideCredentialsInCallees(fa);
}

// ---------------------------------------------------------------------------
// Limiter hooks

export function goGate(c: CallInfo, fa: FA): string | undefined {
  if (c.isNew) return undefined;
  if (c.name === 'time.Tick' || c.name === 'time.NewTicker') return c.name;
  if (/^(Wait|WaitN|Allow|AllowN|Reserve|ReserveN|Take)$/.test(c.method) && c.receiver) {
    const recv = chainName(c.receiver);
    if (/sem(aphore)?$/i.test(recv)) return undefined;
    const o = madeBy(fa, c.receiver);
    const field = structField(fa, recv.split('.').pop() ?? '');
    if (/(^|\.)rate\.NewLimiter$|ratelimit\.New/.test(o?.name ?? '') || /rate\.Limiter|ratelimit\.Limiter/.test(fa.typeOf(unparen(c.receiver))?.type ?? field?.type ?? '') || /limiter|throttl|bucket/i.test(recv)) return c.name;
  }
  if (/Semaphore|semaphore/.test(c.name)) return undefined;
  // Building a limiter (`rate.NewLimiter(…)`) gates nothing; waiting on it does.
  if (/^New/.test(c.method)) return undefined;
  if (matchesAny(c.name, fa.patterns.limiter)) return c.name;
  return undefined;
}
