/**
 * The PHP collector's cross-file pass: which controller actions Laravel routes put
 * behind the `throttle` middleware (a per-route rate limiter), read from `routes/*.php`:
 *
 * - `Route::post('/tra-cuu', [CongDanController::class, 'traCuu'])->middleware('throttle:30,1')`
 * - `Route::middleware(['auth', 'throttle:dancu'])->group(function () { Route::post(…); })`
 * - `Route::group(['middleware' => 'throttle:60,1'], function () { … })`
 * - `Route::middleware('throttle:…')->post(…)`, `'X@method'` actions, invokable controllers,
 *   `Route::resource`/`apiResource` (every method of the controller);
 * - `app/Http/Kernel.php` whose `'api'` middleware group lists `throttle:…` puts every
 *   route of `routes/api.php` behind it.
 *
 * A controller's own `$this->middleware('throttle:…')` is read by the analysis of its
 * file (analyze.ts). `withoutMiddleware('throttle…')` removes the throttle.
 */
import type { DiscoveredFile } from '../../../discover/types.js';
import type { FileAnalysis } from '../analysis.js';
import type { ParseFn, PrepareEnv } from '../spec.js';
import type { CallInfo, Node } from '../types.js';
import { arrayGet, argsOf, simpleName, stringValue, unparen } from './nodes.js';

export interface Throttle {
  /** `throttle:30,1 (routes/api.php:12)` */
  name: string;
}

export interface PhpProject {
  /** `Controller.method` (or `Controller.*`) → the throttle its route is behind. */
  throttled: Map<string, Throttle>;
}

const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'options', 'any', 'match', 'resource', 'apiResource', 'resources', 'apiResources']);

/** A throttle middleware named in a `middleware(…)` argument or a `'middleware' => …` value. */
function throttleIn(n: Node | undefined): string | undefined {
  if (!n) return undefined;
  const e = unparen(n);
  const s = stringValue(e);
  if (s !== undefined) return /^throttle(?::|$)/.test(s) ? s : undefined;
  if (e.type === 'array_creation_expression') {
    for (const el of e.namedChildren) {
      if (el?.type !== 'array_element_initializer') continue;
      const v = el.namedChild(el.namedChildCount - 1);
      const t = v ? throttleIn(v) : undefined;
      if (t) return t;
    }
  }
  return undefined;
}

function callsOfChain(fa: FileAnalysis<unknown>, node: Node): CallInfo[] {
  const out: CallInfo[] = [];
  // Up: calls this one is the receiver of.
  let cur = node;
  for (let p = cur.parent; p && (p.type === 'member_call_expression' || p.type === 'nullsafe_member_call_expression') && p.childForFieldName('object')?.id === cur.id; p = p.parent) {
    const c = fa.callInfo(p);
    if (c) out.push(c);
    cur = p;
  }
  // Down: the receivers.
  for (let c = fa.callInfo(node); c; ) {
    out.push(c);
    const r: Node | undefined = c.receiver ? unparen(c.receiver) : undefined;
    c = r ? fa.callInfo(r) : undefined;
  }
  return out;
}

function chainThrottle(fa: FileAnalysis<unknown>, node: Node): string | undefined | null {
  for (const c of callsOfChain(fa, node)) {
    if (c.method === 'withoutMiddleware' && c.args.some((a) => throttleIn(a))) return null;
    if (c.method === 'middleware') {
      const t = c.args.map(throttleIn).find(Boolean);
      if (t) return t;
    }
    if (c.method === 'group' && c.args[0]) {
      const t = throttleIn(arrayGet(c.args[0], 'middleware'));
      if (t) return t;
    }
  }
  return undefined;
}

/** The controller action(s) of a route call: `X.m`, `X.__invoke`, `X.*`. */
function actionsOf(c: CallInfo): string[] {
  if (c.method === 'resource' || c.method === 'apiResource') {
    const ctl = c.args[1];
    if (ctl?.type === 'class_constant_access_expression') return [`${simpleName(ctl.namedChild(0)?.text ?? '')}.*`];
    const s = ctl ? stringValue(ctl) : undefined;
    return s ? [`${simpleName(s)}.*`] : [];
  }
  const a = c.args[c.args.length - 1];
  if (!a) return [];
  const e = unparen(a);
  if (e.type === 'array_creation_expression') {
    const vals = e.namedChildren.filter((x): x is Node => x?.type === 'array_element_initializer').map((x) => x.namedChild(x.namedChildCount - 1));
    const cls = vals[0];
    const m = vals[1] ? stringValue(vals[1]) : undefined;
    if (cls?.type === 'class_constant_access_expression' && m) return [`${simpleName(cls.namedChild(0)?.text ?? '')}.${m}`];
    const cs = cls ? stringValue(cls) : undefined;
    if (cs && m) return [`${simpleName(cs)}.${m}`];
    return [];
  }
  if (e.type === 'class_constant_access_expression') return [`${simpleName(e.namedChild(0)?.text ?? '')}.__invoke`];
  const s = stringValue(e);
  if (s && s.includes('@')) {
    const [cls, m] = s.split('@');
    return cls && m ? [`${simpleName(cls)}.${m}`] : [];
  }
  return [];
}

function isRouteCall(c: CallInfo): boolean {
  return ROUTE_VERBS.has(c.method) && /(^|\.)Route\./.test(c.name);
}

function routesOf(fa: FileAnalysis<unknown>, apiGroup: string | undefined): Array<[string, Throttle]> {
  const out: Array<[string, Throttle]> = [];
  for (const c of fa.calls) {
    if (!isRouteCall(c)) continue;
    let t = chainThrottle(fa, c.node);
    if (t === null) continue;
    // Groups around the route: a closure passed to `group(…)`.
    for (let p = c.node.parent; !t && p; p = p.parent) {
      if (p.type !== 'anonymous_function' && p.type !== 'arrow_function') continue;
      let q = p.parent;
      while (q && (q.type === 'argument' || q.type === 'arguments')) q = q.parent;
      const g = q ? fa.callInfo(q) : undefined;
      if (g && g.method === 'group') {
        const gt = chainThrottle(fa, g.node);
        if (gt === null) break;
        t = gt;
      }
    }
    if (!t && apiGroup && /(^|\/)routes\/api\.php$/.test(fa.path)) t = `${apiGroup} (api middleware group)`;
    if (!t) continue;
    const where = `${fa.path}:${fa.line(c.node)}`;
    for (const a of actionsOf(c)) out.push([a, { name: `route middleware ${t} (${where})` }]);
  }
  return out;
}

/** `'api' => [ …, 'throttle:api', … ]` in the HTTP kernel. */
function kernelApiThrottle(files: readonly DiscoveredFile[], env: PrepareEnv): string | undefined {
  const kernel = files.find((f) => /(^|\/)app\/Http\/Kernel\.php$/.test(f.path));
  if (!kernel) return undefined;
  let text: string | undefined;
  try {
    text = env.ctx.readText(kernel.path);
  } catch {
    text = undefined;
  }
  if (!text) return undefined;
  const m = /['"]api['"]\s*=>\s*\[([^\]]*)\]/.exec(text);
  const t = m?.[1] ? /['"](throttle(?::[^'"]*)?)['"]/.exec(m[1]) : null;
  return t?.[1];
}

export async function preparePhp(files: readonly DiscoveredFile[], env: PrepareEnv, parse: ParseFn): Promise<PhpProject> {
  const project: PhpProject = { throttled: new Map() };
  const routeFiles = files.filter((f) => /(^|\/)routes\/[^/]+\.php$/.test(f.path));
  if (routeFiles.length === 0) return project;
  const apiGroup = kernelApiThrottle(files, env);
  const found = await parse(routeFiles, (text, path) => /throttle/.test(text) || (apiGroup !== undefined && /(^|\/)routes\/api\.php$/.test(path)), (fa) => routesOf(fa, apiGroup));
  for (const list of found) for (const [k, v] of list) if (!project.throttled.has(k)) project.throttled.set(k, v);
  return project;
}


