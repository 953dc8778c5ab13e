/**
 * Java (Spring and plain JDK) detection on one parsed file:
 *
 * - client calls (clients.ts), Feign interface methods nothing calls (project.ts);
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
import { markedLimiter, markName } from '../kit/limiters.js';
import { strOf } from '../kit/values.js';
import { contains, spanOf } from '../span.js';
import type { CallInfo, Node } from '../types.js';
import { classifyCall, type JavaCtx } from './clients.js';
import type { JavaProject } from './project.js';
import { annotationArgs, annotationName, annotationsOf, chainName, modifierWords, stringValue } from './nodes.js';

type FA = FileAnalysis<JavaProject>;

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

/** Calls that install a trust object where connections use it, per kind of object. */
const INSTALLERS: Record<'trust' | 'hostname' | 'strategy', ReadonlySet<string>> = {
  trust: new Set(['setDefaultSSLSocketFactory', 'setSSLSocketFactory', 'sslSocketFactory', 'setDefault', 'sslContext', 'setSslcontext', 'setSSLContext', 'setSslContext']),
  hostname: HOSTNAME_SETTERS,
  strategy: new Set(['loadTrustMaterial']),
};

/**
 * Where a trust-all object takes effect: a call that installs one of its kind
 * (`HttpsURLConnection.setDefaultSSLSocketFactory(sc.getSocketFactory())`,
 * `setDefaultHostnameVerifier(v)`) in the function that creates it; for a named class,
 * such a call anywhere in the file. Empty when nothing installs it there.
 */
function installSites(fa: FA, kind: keyof typeof INSTALLERS, created: Node, named: boolean): Node[] {
  const names = INSTALLERS[kind];
  const calls = fa.calls.filter((c) => !c.isNew && names.has(c.method) && c.args.length > 0 && (c.method !== 'setDefault' || /SSLContext$/.test(c.name)));
  const fn = fa.fns.infoAt(created).span;
  const near = fn ? calls.filter((c) => contains(fn, spanOf(c.node))) : [];
  return (near.length || !named ? near : calls).map((c) => c.node);
}

/** Report a trust-all object where it is installed, else where it is created (or declared). */
function reportTrustObject(fa: FA, kind: keyof typeof INSTALLERS, cls: Node, setting: string): void {
  let created: Node = cls;
  if (cls.type !== 'object_creation_expression') {
    // A named class: where it is instantiated in the file, else its declaration.
    const name = cls.childForFieldName('name')?.text;
    const made = name ? fa.calls.find((c) => c.isNew && c.method === name && !contains(spanOf(cls), spanOf(c.node))) : undefined;
    created = made?.node ?? cls.childForFieldName('name') ?? cls;
  }
  const sites = installSites(fa, kind, created, cls.type !== 'object_creation_expression');
  if (sites.length) for (const site of sites) fa.addTls(site, `${setting} (installed by ${fa.callInfo(site)?.method ?? 'call'})`);
  else fa.addTls(created, setting);
}

function tlsFromClasses(fa: FA): void {
  for (const cls of fa.captures('class')) {
    const supers = supertypes(cls);
    if (supers.some((s) => TRUST_MANAGER_TYPES.has(s))) {
      if (methodsOf(cls).some((m) => m.childForFieldName('name')?.text === 'checkServerTrusted' && bodyIsEmpty(m))) {
        reportTrustObject(fa, 'trust', cls, 'X509TrustManager accepts every certificate');
      }
    }
    if (supers.includes('HostnameVerifier')) {
      if (methodsOf(cls).some((m) => m.childForFieldName('name')?.text === 'verify' && returnsTrue(m))) {
        reportTrustObject(fa, 'hostname', cls, 'HostnameVerifier returns true');
      }
    }
    if (supers.includes('TrustStrategy')) {
      if (methodsOf(cls).some((m) => m.childForFieldName('name')?.text === 'isTrusted' && returnsTrue(m))) {
        reportTrustObject(fa, 'strategy', cls, 'TrustStrategy returns true');
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
  fa.creds.literalBindings();
  for (const d of fa.decls.all()) {
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
  fa.forEachCall((c) => {
    classifyCall(fa, c, jc);
    tlsFromCall(fa, c);
    credsFromCall(fa, c);
  });
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
  return markedLimiter([fn, classAround(fa, fn)], annotationsOf, (a) =>
    matchesAny(annotationName(a), fa.patterns.limiter) ? { name: markName(a.text, 120), line: fa.line(a) } : undefined,
  );
}


