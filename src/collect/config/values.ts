/**
 * Config resolution shared by the language collectors: a per-scan index of the
 * application's config keys → { value, file, line }, so that a call written as
 * `@Value("${dancu.endpoint}")`, `_config["C06:Url"]`, `System.getenv("DANCU_URL")` or
 * `ConfigurationManager.AppSettings["DanCuUrl"]` can be given the URL it reaches and
 * the line that URL was written on.
 *
 * Flavours (each read lazily, the first time it is asked for, from `ctx.allFiles`; one
 * module each in `./flavours/`, listed in `./flavours/index.ts`):
 *
 * | flavour                 | files                                                | keys |
 * |-------------------------|------------------------------------------------------|------|
 * | `spring`                | `application*.yml/.yaml/.properties`, `bootstrap*`   | dotted, Spring relaxed binding (`base-url` = `baseUrl` = `base_url`, case-insensitive) |
 * | `dotnet`                | `appsettings*.json`                                  | `:`-joined (`C06:Url`), case-insensitive; env vars `C06__Url` are found too |
 * | `env`                   | `.env*`, compose `environment`, Kubernetes `env[]`   | the variable name, as written |
 * | `netfx-appsettings`     | `Web.config` / `App.config` / `*.config` `<appSettings><add key value/>` and `<applicationSettings>…<setting name><value>` | case-insensitive |
 * | `netfx-connection-strings` | `<connectionStrings><add name connectionString/>` | case-insensitive |
 * | `wcf-endpoint`          | `<system.serviceModel><client><endpoint address name contract/>` | the endpoint `name` and its `contract` (both indexed) |
 * | `laravel`               | Laravel `config/*.php` (`return ['url' => env('DANCU_URL', '…')]`) | `file.key.sub`, as written |
 * | `django`                | Django `settings.py` / `settings/*.py` module-level constants | the constant's name |
 * | `viper`                 | YAML/JSON config files read by Go's Viper            | dotted, case-insensitive |
 * | anything registered     | `registerConfigProvider(name, provider)` | the provider's `normalize` |
 *
 * `laravel`, `django` and `viper` values may be `${ENV}` / `${ENV:default}` placeholders
 * (what `env('X', 'd')` / `os.getenv('X', 'd')` stand for): `withEnv(flavor, key)`
 * follows them through the env files, as `spring` does for its placeholders.
 *
 * When a key is defined in several files, the one nearest the asking source file wins
 * (longest common directory), then the base file (`application.yml`, `appsettings.json`)
 * before profile files (`application-prod.yml`, `appsettings.Development.json`).
 *
 * Reading reuses the config collectors' parsers (`yaml/`, `properties.ts`, `json.ts`,
 * `dotenv.ts`, `xml.ts`). Nothing here throws: a file that does not parse adds nothing
 * (its collector reports the parse error).
 */
import type { ResolutionStep } from '../../facts/types.js';
import type { CollectContext } from '../types.js';
import { builtinFlavours } from './flavours/index.js';
import type { BuiltinFlavor, ConfigProvider, ConfigValue, ResolvedConfig } from './flavours/provider.js';
import { springEnvName } from './flavours/spring.js';
import { replacePlaceholders } from './placeholders.js';

export type { BuiltinFlavor, ConfigProvider, ConfigValue, ResolvedConfig } from './flavours/provider.js';
// Kept here for the language collectors, which resolve placeholders with the index.
export { replacePlaceholders } from './placeholders.js';

const providers = builtinFlavours();

/**
 * Register a config flavour (e.g. `laravel` for `config/*.php`, read by the PHP
 * collector with its own parser). Registering a name again replaces the provider;
 * indexes already built for a scan keep what they read.
 */
/** The registered flavours, by name. */
export function configProviders(): ReadonlyMap<string, ConfigProvider> {
  return providers;
}

export function registerConfigProvider(name: string, provider: ConfigProvider): void {
  providers.set(name, provider);
}

// ---------------------------------------------------------------------------
// The index

interface Flavor {
  provider: ConfigProvider;
  byKey: Map<string, ConfigValue[]>;
}

/**
 * Every flavour's values, as plain data: what the pipeline's first pass reads once and
 * hands to each worker (pipeline/runner.ts). Read lazily instead, the first lookup of
 * each worker read every config file of the repository — 17 s charged to one source
 * file on a 75,000-file tree, close to the per-file time limit.
 */
export type ConfigTables = Array<[flavour: string, entries: Array<[key: string, values: ConfigValue[]]>]>;

const MAX_PLACEHOLDER_DEPTH = 5;

export class ConfigIndex {
  private readonly flavors = new Map<string, Flavor>();

  constructor(private readonly ctx: Pick<CollectContext, 'allFiles' | 'readText'>) {}

  private static readonly perScan = new WeakMap<object, ConfigIndex>();

  /** The index of one scan (built lazily, shared by every collector of that scan). */
  static of(ctx: Pick<CollectContext, 'allFiles' | 'readText'>): ConfigIndex {
    let idx = ConfigIndex.perScan.get(ctx);
    if (!idx) {
      idx = new ConfigIndex(ctx);
      ConfigIndex.perScan.set(ctx, idx);
    }
    return idx;
  }

  private flavor(name: string): Flavor | undefined {
    const known = this.flavors.get(name);
    if (known) return known;
    const provider = providers.get(name);
    if (!provider) return undefined;
    const byKey = new Map<string, ConfigValue[]>();
    for (const f of this.ctx.allFiles) {
      let ok = false;
      try {
        ok = provider.appliesTo(f);
      } catch {
        ok = false;
      }
      if (!ok) continue;
      let text: string | undefined;
      try {
        text = this.ctx.readText(f.path);
      } catch {
        text = undefined;
      }
      if (text === undefined) continue;
      let values: ConfigValue[];
      try {
        values = provider.read(f.path, text);
      } catch {
        values = [];
      }
      for (const v of values) {
        const k = provider.normalize(v.key);
        const list = byKey.get(k);
        if (list) list.push(v);
        else byKey.set(k, [v]);
      }
    }
    const fl: Flavor = { provider, byKey };
    this.flavors.set(name, fl);
    return fl;
  }

  /** Read these flavours (default: every registered one) now, and return them as plain data. */
  export(names: readonly string[] = [...providers.keys()]): ConfigTables {
    const out: ConfigTables = [];
    for (const name of names) {
      const fl = this.flavor(name);
      if (fl) out.push([name, [...fl.byKey]]);
    }
    return out;
  }

  /** The index of a scan's context, with flavours read elsewhere (`export`) taken as read. */
  static adopt(ctx: Pick<CollectContext, 'allFiles' | 'readText'>, tables: ConfigTables): ConfigIndex {
    const idx = ConfigIndex.of(ctx);
    // A copy made by `postMessage` has a string per value's file: one per path again.
    const paths = new Map<string, string>();
    for (const [name, entries] of tables) {
      const provider = providers.get(name);
      if (!provider) continue;
      for (const [, values] of entries) {
        for (const v of values) {
          const known = paths.get(v.file);
          if (known === undefined) paths.set(v.file, v.file);
          else v.file = known;
        }
      }
      idx.flavors.set(name, { provider, byKey: new Map(entries) });
    }
    return idx;
  }

  /** Every value of `key` in `flavor`, best first for a source file at `from`. */
  candidates(flavor: BuiltinFlavor | string, key: string, from?: string): ConfigValue[] {
    const fl = this.flavor(flavor);
    if (!fl) return [];
    const list = fl.byKey.get(fl.provider.normalize(key));
    if (!list || list.length === 0) return [];
    const rank = fl.provider.rank ?? (() => 0);
    const near = (p: string): number => (from === undefined ? 0 : commonDirDepth(p, from));
    return [...list].sort(
      (a, b) => near(b.file) - near(a.file) || rank(a.file) - rank(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
    );
  }

  /** The value of `key` in `flavor`, the one nearest `from` (a source file path) first. */
  lookup(flavor: BuiltinFlavor | string, key: string, from?: string): ConfigValue | undefined {
    return this.candidates(flavor, key, from)[0];
  }

  /** Every key/value of a flavour (for tests and reports). */
  all(flavor: BuiltinFlavor | string): ConfigValue[] {
    const fl = this.flavor(flavor);
    return fl ? [...fl.byKey.values()].flat() : [];
  }

  /**
   * A Spring property with placeholders followed: `dancu.url` in application.yml, or the
   * env var Spring would bind to it (`DANCU_URL`); a value `${DANCU_URL:https://…}` is
   * resolved against the env files and Spring config, else its default.
   */
  spring(key: string, from?: string): ResolvedConfig | undefined {
    const hit = this.lookup('spring', key, from);
    if (hit) return this.expand(hit, [key], ['config'], from, 0, 'spring');
    const env = this.lookup('env', springEnvName(key), from) ?? this.lookup('env', key, from);
    if (env) return this.expand(env, [key, env.key], ['config', 'env'], from, 0, 'spring');
    return undefined;
  }

  /** A .NET configuration key (`C06:Url`), from appsettings*.json, else an env var (`C06__Url`). */
  dotnet(key: string, from?: string): ResolvedConfig | undefined {
    const hit = this.lookup('dotnet', key, from);
    if (hit) return { value: hit.value, at: hit, keys: [key], via: ['config'], complete: !hit.value.includes('${') };
    const envName = key.replace(/:/g, '__');
    const env = this.lookup('env', envName, from) ?? this.lookup('env', envName.toUpperCase(), from);
    if (env) return { value: env.value, at: env, keys: [key, env.key], via: ['config', 'env'], complete: !env.value.includes('${') };
    return undefined;
  }

  /** An environment variable from .env / compose / Kubernetes env, placeholders followed. */
  env(name: string, from?: string): ResolvedConfig | undefined {
    const hit = this.lookup('env', name, from);
    if (!hit) return undefined;
    return this.expand(hit, [name], ['env'], from, 0, 'env');
  }

  /**
   * A key of a flavour whose values may hold `${ENV}` / `${ENV:default}` placeholders
   * (`laravel`, `django`, `viper`): each placeholder from the env files (`.env`, compose,
   * Kubernetes env), else its default, else kept as `${ENV}` (`complete: false`).
   */
  withEnv(flavor: BuiltinFlavor | string, key: string, from?: string): ResolvedConfig | undefined {
    const hit = this.lookup(flavor, key, from);
    if (!hit) return undefined;
    return this.expand(hit, [key], ['config'], from, 0, 'env');
  }

  /** A key of any other flavour, as written (no placeholder expansion). */
  simple(flavor: BuiltinFlavor | string, key: string, from?: string): ResolvedConfig | undefined {
    const hit = this.lookup(flavor, key, from);
    if (!hit) return undefined;
    return { value: hit.value, at: hit, keys: [key], via: ['config'], complete: true };
  }

  private expand(
    at: ConfigValue,
    keys: string[],
    via: ResolutionStep[],
    from: string | undefined,
    depth: number,
    mode: 'spring' | 'env',
  ): ResolvedConfig {
    const outKeys = [...keys];
    const outVia = [...via];
    let complete = true;
    const value = replacePlaceholders(at.value, (name, def) => {
      if (depth >= MAX_PLACEHOLDER_DEPTH) {
        complete = false;
        return undefined;
      }
      const inner =
        mode === 'spring'
          ? (this.lookup('spring', name, from) ?? this.lookup('env', name, from))
          : this.lookup('env', name, from);
      if (inner) {
        const r = this.expand(inner, [name], [], from, depth + 1, mode);
        outKeys.push(...r.keys);
        outVia.push(...(r.via.length ? r.via : ['env' as const]));
        complete &&= r.complete;
        return r.value;
      }
      outKeys.push(name);
      if (def !== undefined) {
        outVia.push('env-default');
        return def;
      }
      complete = false;
      return undefined;
    });
    return { value, at, keys: uniq(outKeys), via: uniq(outVia), complete };
  }
}

function uniq<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** Depth of the directory two repo-relative paths share (`a/b/x`, `a/b/c/y` → 2). */
function commonDirDepth(a: string, b: string): number {
  const da = a.split('/').slice(0, -1);
  const db = b.split('/').slice(0, -1);
  let n = 0;
  while (n < da.length && n < db.length && da[n] === db[n]) n++;
  return n;
}
