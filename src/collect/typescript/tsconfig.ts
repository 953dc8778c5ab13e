/**
 * `tsconfig.json` / `jsconfig.json` module resolution settings: `baseUrl` and `paths`.
 *
 * Configs are read only from discovered files (through the workspace's reader, never
 * the disk), and every path they name is kept inside the scanned root: an `extends`
 * of a package (`@tsconfig/node20/tsconfig.json`), an absolute path or one that
 * climbs above the root is ignored, as is a `baseUrl` or a `paths` target that does.
 *
 * The config that applies to a file is the nearest one up its directories
 * (`tsconfig.json` before `jsconfig.json` in the same directory), as editors do.
 * Semantics follow TypeScript: `extends` (a string or, since 5.0, a list) is merged
 * base first; `baseUrl` is relative to the config that sets it; `paths` targets are
 * relative to the effective `baseUrl`, or without one to the config that sets `paths`.
 */
import { ts } from 'ts-morph';

/** The resolution settings of one config, `extends` merged. Paths are root-relative. */
export interface ModuleSettings {
  /** Directory bare specifiers are looked up from; undefined when not set. */
  baseUrl?: string;
  /** `paths` patterns and their targets, in the order written. */
  paths?: Array<{ pattern: string; targets: string[] }>;
  /** Directory `paths` targets are relative to. */
  pathsBase?: string;
}

/** What one config file sets itself, `extends` merged. `null`: set, but outside the root. */
interface Raw {
  baseUrl?: string | null;
  paths?: { entries: Array<{ pattern: string; targets: string[] }>; dir: string };
}

const MAX_EXTENDS = 16;

export class TsConfigs {
  private readonly raw = new Map<string, Raw>();
  private readonly byDir = new Map<string, ModuleSettings | undefined>();

  constructor(
    private readonly has: (path: string) => boolean,
    private readonly read: (path: string) => string | undefined,
  ) {}

  /** The settings of the config nearest to `file` (a root-relative path), if any sets anything. */
  forFile(file: string): ModuleSettings | undefined {
    return this.forDir(dirOf(file));
  }

  private forDir(dir: string): ModuleSettings | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let out: ModuleSettings | undefined;
    const config = [`tsconfig.json`, `jsconfig.json`].map((n) => (dir ? `${dir}/${n}` : n)).find((p) => this.has(p));
    if (config) out = effective(this.load(config, new Set()));
    else if (dir !== '') out = this.forDir(dirOf(dir));
    this.byDir.set(dir, out);
    return out;
  }

  private load(path: string, chain: Set<string>): Raw {
    const cached = this.raw.get(path);
    if (cached) return cached;
    if (chain.has(path) || chain.size >= MAX_EXTENDS) return {};
    chain.add(path);
    const out: Raw = {};
    const json = this.parse(path);
    const dir = dirOf(path);
    if (json) {
      const ext = json['extends'];
      const bases = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e): e is string => typeof e === 'string') : [];
      for (const b of bases) {
        const target = this.extendsTarget(dir, b);
        if (!target) continue;
        const base = this.load(target, chain);
        if (base.baseUrl !== undefined) out.baseUrl = base.baseUrl;
        if (base.paths) out.paths = base.paths;
      }
      const co = json['compilerOptions'];
      if (isObject(co)) {
        if (typeof co['baseUrl'] === 'string') out.baseUrl = inRoot(dir, co['baseUrl']) ?? null;
        const paths = co['paths'];
        if (isObject(paths)) {
          const entries: Array<{ pattern: string; targets: string[] }> = [];
          for (const [pattern, targets] of Object.entries(paths)) {
            if (!Array.isArray(targets)) continue;
            entries.push({ pattern, targets: targets.filter((t): t is string => typeof t === 'string') });
          }
          out.paths = { entries, dir };
        }
      }
    }
    chain.delete(path);
    this.raw.set(path, out);
    return out;
  }

  private parse(path: string): Record<string, unknown> | undefined {
    let text: string | undefined;
    try {
      text = this.read(path);
    } catch {
      return undefined;
    }
    if (text === undefined) return undefined;
    // Comments and trailing commas are fine; a broken file gives what could be read.
    const { config } = ts.parseConfigFileTextToJson(path, text) as { config?: unknown };
    return isObject(config) ? config : undefined;
  }

  /** A relative `extends` inside the root, as a discovered file; packages and absolute paths are not ours. */
  private extendsTarget(dir: string, spec: string): string | undefined {
    const s = spec.replace(/\\/g, '/');
    if (!s.startsWith('./') && !s.startsWith('../')) return undefined;
    const p = inRoot(dir, s);
    if (p === undefined || p === '') return undefined;
    if (this.has(p)) return p;
    if (!p.endsWith('.json') && this.has(`${p}.json`)) return `${p}.json`;
    return undefined;
  }
}

function effective(raw: Raw): ModuleSettings | undefined {
  if (raw.baseUrl === null) return undefined; // everything would be looked up outside the root
  const out: ModuleSettings = {};
  if (raw.baseUrl !== undefined) out.baseUrl = raw.baseUrl;
  if (raw.paths && raw.paths.entries.length > 0) {
    out.paths = raw.paths.entries;
    out.pathsBase = raw.baseUrl ?? raw.paths.dir;
  }
  return out.baseUrl === undefined && !out.paths ? undefined : out;
}

/**
 * The targets of the `paths` pattern that matches `spec` (an exact pattern first,
 * else the wildcard pattern with the longest prefix), `*` substituted, as written.
 */
export function matchPaths(paths: ReadonlyArray<{ pattern: string; targets: string[] }>, spec: string): string[] | undefined {
  const exact = paths.find((p) => !p.pattern.includes('*') && p.pattern === spec);
  if (exact) return exact.targets;
  let best: { targets: string[]; star: string; prefix: number } | undefined;
  for (const p of paths) {
    const i = p.pattern.indexOf('*');
    if (i < 0 || p.pattern.indexOf('*', i + 1) >= 0) continue;
    const prefix = p.pattern.slice(0, i);
    const suffix = p.pattern.slice(i + 1);
    if (spec.length < prefix.length + suffix.length || !spec.startsWith(prefix) || !spec.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix) {
      best = { targets: p.targets, star: spec.slice(prefix.length, spec.length - suffix.length), prefix: prefix.length };
    }
  }
  if (!best) return undefined;
  const star = best.star;
  return best.targets.map((t) => t.replace('*', () => star));
}

/** `rel` joined to the root-relative `dir`, normalised; undefined when absolute or outside the root. */
export function inRoot(dir: string, rel: string): string | undefined {
  const r = rel.replace(/\\/g, '/');
  if (r.startsWith('/') || /^[A-Za-z]:/.test(r)) return undefined;
  return normalizePath(dir ? `${dir}/${r}` : r);
}

export function normalizePath(p: string): string | undefined {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
