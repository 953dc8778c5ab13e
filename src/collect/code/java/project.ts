/**
 * The Java cross-file pass: facts one file needs from another.
 *
 * - Feign clients: `@FeignClient(url = "${dancu.url}") interface DanCuClient { @PostMapping("/TraCuu") … }`.
 *   A Feign call site is the *caller* of an interface method (`danCuClient.traCuu(id)`
 *   in a service or controller, where the code path, its logging, loop and limiter
 *   are); an interface method that nothing in the repository calls is reported at its
 *   own declaration instead (function `DanCuClient.traCuu`, no calls), so an unused
 *   DB method is still seen.
 * - `@ConfigurationProperties(prefix = "dancu")` classes: `props.getUrl()` reads
 *   `dancu.url`.
 */
import type { DiscoveredFile } from '../../../discover/types.js';
import { readSource } from '../kit/files.js';
import type { FileAnalysis } from '../analysis.js';
import type { ParseFn, PrepareEnv } from '../spec.js';
import type { Val } from '../types.js';
import { annotationArgs, annotationName, annotationsOf, stringValue } from './nodes.js';

export interface FeignMethod {
  name: string;
  /** Path from the mapping annotation (`/TraCuu`), resolved. */
  path?: Val;
  line: number;
  /** Called somewhere in the repository (by a text check: `.name(` in a file naming the interface). */
  called: boolean;
}

export interface FeignClient {
  name: string;
  file: string;
  /** `url` attribute (placeholders resolved from the Spring config) joined with `path`. */
  base?: Val;
  methods: Map<string, FeignMethod>;
}

export interface JavaProject {
  feign: Map<string, FeignClient>;
  /** `@ConfigurationProperties` class simple name → prefix. */
  configProps: Map<string, string>;
  /** Matches a file that mentions one of the Feign interfaces (so it is parsed). */
  feignMention?: RegExp;
}

const MAPPINGS = new Set(['GetMapping', 'PostMapping', 'PutMapping', 'DeleteMapping', 'PatchMapping', 'RequestMapping']);

function mappingPath(fa: FileAnalysis<unknown>, decl: import('../types.js').Node): Val | undefined {
  for (const a of annotationsOf(decl)) {
    const n = annotationName(a);
    if (MAPPINGS.has(n)) {
      const args = annotationArgs(a);
      let v = args.get('value') ?? args.get('path');
      if (v?.type === 'element_value_array_initializer') v = v.namedChild(0) ?? undefined;
      if (v) {
        const s = fa.resolver.str(v);
        return s ? fa.resolver.springPlaceholders(s.s) : undefined;
      }
      return { t: 'str', s: '', via: ['literal'], keys: [], lit: true, complete: true, names: [] };
    }
    if (n === 'RequestLine') {
      const v = annotationArgs(a).get('value');
      const s = v ? stringValue(v) : undefined;
      if (s) {
        const path = s.trim().split(/\s+/)[1] ?? '';
        return { t: 'str', s: path, via: ['literal'], keys: [], lit: true, complete: !path.includes('{'), names: [] };
      }
    }
  }
  return undefined;
}

function joinVals(a: Val | undefined, b: Val | undefined): Val | undefined {
  if (!a) return b;
  if (!b || (b.t === 'str' && b.s === '')) return a;
  if (a.t !== 'str' || b.t !== 'str') return a;
  const s = `${a.s.replace(/\/+$/, '')}/${b.s.replace(/^\/+/, '')}`;
  const out = { ...a, s, via: [...new Set([...a.via, ...b.via])], keys: [...new Set([...a.keys, ...b.keys])], complete: a.complete && b.complete, lit: a.lit && b.lit };
  return out;
}

function readFeign(fa: FileAnalysis<unknown>): FeignClient[] {
  const out: FeignClient[] = [];
  for (const cls of fa.captures('class')) {
    if (cls.type !== 'interface_declaration') continue;
    const ann = annotationsOf(cls).find((a) => annotationName(a) === 'FeignClient');
    if (!ann) continue;
    const name = cls.childForFieldName('name')?.text;
    if (!name) continue;
    const args = annotationArgs(ann);
    const urlNode = args.get('url');
    let base: Val | undefined;
    if (urlNode) {
      const s = fa.resolver.str(urlNode);
      base = s ? fa.resolver.springPlaceholders(s.s) : undefined;
    } else {
      // No url: Spring Cloud load-balancing by service name; keep the name as a placeholder.
      const svc = fa.resolver.str(args.get('name') ?? args.get('value') ?? args.get('serviceId'));
      if (svc) base = { t: 'str', s: `lb://${svc.s}`, via: ['literal'], keys: [], lit: true, complete: true, names: [] };
    }
    const pathNode = args.get('path');
    if (pathNode) {
      const p = fa.resolver.str(pathNode);
      if (p) base = joinVals(base, fa.resolver.springPlaceholders(p.s));
    }
    const classPath = mappingPath(fa, cls);
    if (classPath) base = joinVals(base, classPath);
    const client: FeignClient = { name, file: fa.path, methods: new Map() };
    if (base) client.base = base;
    const body = cls.childForFieldName('body');
    for (const m of body?.namedChildren ?? []) {
      if (m?.type !== 'method_declaration') continue;
      const mn = m.childForFieldName('name');
      if (!mn) continue;
      const fm: FeignMethod = { name: mn.text, line: mn.startPosition.row + 1, called: false };
      const p = mappingPath(fa, m);
      if (p) fm.path = p;
      client.methods.set(fm.name, fm);
    }
    out.push(client);
  }
  return out;
}

function readConfigProps(fa: FileAnalysis<unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const cls of fa.captures('class')) {
    if (cls.type !== 'class_declaration' && cls.type !== 'record_declaration') continue;
    const ann = annotationsOf(cls).find((a) => annotationName(a) === 'ConfigurationProperties');
    if (!ann) continue;
    const name = cls.childForFieldName('name')?.text;
    const args = annotationArgs(ann);
    const v = args.get('prefix') ?? args.get('value');
    const prefix = v ? (fa.resolver.str(v)?.s ?? '') : '';
    if (name) out.push([name, prefix]);
  }
  return out;
}

export async function prepareJava(files: readonly DiscoveredFile[], env: PrepareEnv, parse: ParseFn): Promise<JavaProject> {
  const project: JavaProject = { feign: new Map(), configProps: new Map() };
  const found = await parse(
    files,
    (text) => text.includes('@FeignClient') || text.includes('@ConfigurationProperties'),
    (fa) => ({ feign: readFeign(fa), props: readConfigProps(fa) }),
  );
  for (const f of found) {
    for (const c of f.feign) project.feign.set(c.name, c);
    for (const [k, v] of f.props) project.configProps.set(k, v);
  }
  if (project.feign.size > 0) {
    const names = [...project.feign.keys()];
    project.feignMention = new RegExp(`\\b(?:${names.map(escapeRe).join('|')})\\b`);
    // Which interface methods are called anywhere (text check, no parse).
    for (const f of files) {
      const text = readSource(env.ctx, f.path);
      if (!text || !project.feignMention.test(text)) continue;
      for (const c of project.feign.values()) {
        if (c.file === f.path || !text.includes(c.name)) continue;
        for (const m of c.methods.values()) {
          if (!m.called && new RegExp(`\\.${escapeRe(m.name)}\\s*\\(`).test(text)) m.called = true;
        }
      }
    }
  }
  return project;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
