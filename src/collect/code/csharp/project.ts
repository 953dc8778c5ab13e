/**
 * The C# cross-file pass: registrations written in `Program.cs`/`Startup.cs` that give
 * meaning to code elsewhere.
 *
 * - Options: `services.Configure<C06Options>(config.GetSection("C06"))`,
 *   `AddOptions<C06Options>().Bind(config.GetSection("C06"))` / `.BindConfiguration("C06")`,
 *   `config.GetSection("C06").Get<C06Options>()` → `C06Options` reads section `C06`, so
 *   `_options.Value.Url` is `C06:Url`.
 * - HttpClient registrations: `AddHttpClient<C06Client>(c => c.BaseAddress = new Uri(…))`,
 *   `AddHttpClient<IC06Client, C06Client>(…)`, `AddHttpClient("c06", …)`, and
 *   `.ConfigureHttpClient(c => …)` after them → the base URL of the typed client's (or
 *   the named client's) `HttpClient`, resolved where it is written.
 */
import type { DiscoveredFile } from '../../../discover/types.js';
import { readSource } from '../kit/files.js';
import type { FileAnalysis } from '../analysis.js';
import type { ParseFn, PrepareEnv } from '../spec.js';
import type { CallInfo, Node, Val } from '../types.js';
import { chainName, unwrap } from './nodes.js';

export interface CsProject {
  /** Options class → config section. */
  optionsSections: Map<string, string>;
  /** Typed client class (or named client) → base address. */
  httpClientBases: Map<string, Val>;
  /**
   * Classes declared in the repository → their base list as written (a text scan, no
   * parse): a `…Client` that does not derive from `ClientBase<T>` is the project's own
   * typed client, not a generated WCF proxy.
   */
  classBases: Map<string, string>;
}

const CLASS_DECL = /\b(?:class|record)\s+([A-Za-z_]\w*)(?:\s*<[^>{;]*>)?\s*(?::\s*([^{;\n]+))?/g;

function sectionOf(fa: FileAnalysis<unknown>, n: Node | undefined): string | undefined {
  if (!n) return undefined;
  const c = fa.callInfo(unwrap(n));
  if (!c || (c.method !== 'GetSection' && c.method !== 'GetRequiredSection') || !c.args[0]) return undefined;
  const inner = c.receiver ? sectionOf(fa, c.receiver) : undefined;
  const k = fa.resolver.str(c.args[0])?.s;
  if (k === undefined) return undefined;
  return inner ? `${inner}:${k}` : k;
}

/** The call at the root of a fluent chain that holds `c` (`AddHttpClient<T>()` of `.ConfigureHttpClient(…)`). */
function chainCalls(fa: FileAnalysis<unknown>, c: CallInfo): CallInfo[] {
  const out: CallInfo[] = [];
  let cur: CallInfo | undefined = c;
  while (cur) {
    out.push(cur);
    cur = cur.receiver ? fa.callInfo(unwrap(cur.receiver)) : undefined;
  }
  return out;
}

/** `x.BaseAddress = <expr>` inside a lambda argument. */
function baseInLambda(fa: FileAnalysis<unknown>, c: CallInfo): Node | undefined {
  for (const a of c.args) {
    if (a.type !== 'lambda_expression' && a.type !== 'anonymous_method_expression') continue;
    for (const asg of fa.assignments) {
      if (asg.name === 'BaseAddress' && asg.node.startIndex >= a.startIndex && asg.node.endIndex <= a.endIndex) return asg.value;
    }
  }
  return undefined;
}

function read(fa: FileAnalysis<unknown>): { options: Array<[string, string]>; bases: Array<[string, Val]> } {
  const options: Array<[string, string]> = [];
  const bases: Array<[string, Val]> = [];
  for (const c of fa.calls) {
    if (c.isNew) continue;
    if (c.method === 'Configure' && c.typeArgs?.[0]) {
      const s = sectionOf(fa, c.args[c.args.length - 1]);
      if (s !== undefined) options.push([c.typeArgs[0], s]);
    } else if ((c.method === 'Bind' || c.method === 'BindConfiguration') && c.args[0]) {
      const opt = chainCalls(fa, c).find((x) => x.method === 'AddOptions' && x.typeArgs?.[0]);
      const s = c.method === 'Bind' ? sectionOf(fa, c.args[0]) : fa.resolver.str(c.args[0])?.s;
      if (opt && s !== undefined) options.push([opt.typeArgs![0]!, s]);
    } else if ((c.method === 'Get' || c.method === 'GetValue') && c.typeArgs?.[0] && c.receiver) {
      const s = sectionOf(fa, c.receiver);
      if (s !== undefined) options.push([c.typeArgs[0], s]);
    } else if (c.method === 'AddHttpClient' || c.method === 'ConfigureHttpClient') {
      const add = chainCalls(fa, c).find((x) => x.method === 'AddHttpClient');
      if (!add) continue;
      const base = baseInLambda(fa, c);
      if (!base) continue;
      const v = fa.resolver.resolve(base);
      if (!v || v.t === 'node') continue;
      const names = [...(add.typeArgs ?? [])];
      const named = add.args[0] ? fa.resolver.str(add.args[0])?.s : undefined;
      if (named !== undefined && add.args[0]?.type !== 'lambda_expression') names.push(named);
      for (const n of names) bases.push([n, v]);
    }
  }
  void chainName;
  return { options, bases };
}

export async function prepareCSharp(files: readonly DiscoveredFile[], env: PrepareEnv, parse: ParseFn): Promise<CsProject> {
  const project: CsProject = { optionsSections: new Map(), httpClientBases: new Map(), classBases: new Map() };
  for (const f of files) {
    const text = readSource(env.ctx, f.path);
    if (!text || !/Client\b/.test(text)) continue;
    CLASS_DECL.lastIndex = 0;
    for (const m of text.matchAll(CLASS_DECL)) {
      const name = m[1]!;
      if (/Client$/.test(name)) project.classBases.set(name, (m[2] ?? '').trim());
    }
  }
  const found = await parse(
    files,
    (text) => /\bConfigure\s*<|AddOptions\s*<|BindConfiguration|AddHttpClient|\.Get\s*<|ConfigureHttpClient/.test(text),
    (fa) => read(fa),
  );
  for (const f of found) {
    for (const [k, v] of f.options) project.optionsSections.set(k, v);
    for (const [k, v] of f.bases) project.httpClientBases.set(k, v);
  }
  return project;
}
