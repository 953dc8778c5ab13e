/**
 * Config resolution shared by the language collectors: a per-scan index of the
 * application's config keys → { value, file, line }, so that a call written as
 * `@Value("${dancu.endpoint}")`, `_config["C06:Url"]`, `System.getenv("DANCU_URL")` or
 * `ConfigurationManager.AppSettings["DanCuUrl"]` can be given the URL it reaches and
 * the line that URL was written on.
 *
 * Flavours (each read lazily, the first time it is asked for, from `ctx.allFiles`):
 *
 * | flavour                 | files                                                | keys |
 * |-------------------------|------------------------------------------------------|------|
 * | `spring`                | `application*.yml/.yaml/.properties`, `bootstrap*`   | dotted, Spring relaxed binding (`base-url` = `baseUrl` = `base_url`, case-insensitive) |
 * | `dotnet`                | `appsettings*.json`                                  | `:`-joined (`C06:Url`), case-insensitive; env vars `C06__Url` are found too |
 * | `env`                   | `.env*`, compose `environment`, Kubernetes `env[]`   | the variable name, as written |
 * | `netfx-appsettings`     | `Web.config` / `App.config` / `*.config` `<appSettings><add key value/>` and `<applicationSettings>…<setting name><value>` | case-insensitive |
 * | `netfx-connection-strings` | `<connectionStrings><add name connectionString/>` | case-insensitive |
 * | `wcf-endpoint`          | `<system.serviceModel><client><endpoint address name contract/>` | the endpoint `name` and its `contract` (both indexed) |
 * | `laravel`               | Laravel `config/*.php` (`return ['url' => env('DANCU_URL', '…')]`; flavours/laravel.ts) | `file.key.sub`, as written |
 * | `django`                | Django `settings.py` / `settings/*.py` module-level constants (flavours/django.ts) | the constant's name |
 * | `viper`                 | YAML/JSON config files read by Go's Viper (flavours/viper.ts) | dotted, case-insensitive |
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
 * Reading reuses the config collectors' parsers (`yaml/`, `properties.ts`,
 * `appsettings.ts`, `dotenv.ts`); XML `.config` files are read by a tiny tolerant tag
 * scanner here (no regexes, no DTDs, no entities beyond the five predefined and
 * numeric references). Nothing here throws: a file that does not parse adds nothing
 * (its collector reports the parse error).
 */
import type { DiscoveredFile } from '../../discover/types.js';
import type { ResolutionStep } from '../../facts/types.js';
import { jsonEntries, parseJson } from './json.js';
import { parseDotenv } from './dotenv.js';
import { parseProperties } from './properties.js';
import { viperConfigProvider } from './flavours/viper.js';
import { laravelConfigProvider } from './flavours/laravel.js';
import { djangoSettingsProvider } from './flavours/django.js';
import type { CollectContext } from '../types.js';
import { parseYaml, yamlEntries } from './yaml/index.js';

/** One key/value as written in a config file. */
export interface ConfigValue {
  /** The key as written (flattened: `dancu.endpoint`, `C06:Url`, `DANCU_URL`). */
  key: string;
  value: string;
  file: string;
  line: number;
  column?: number;
}

/** A source of config values (one flavour). */
export interface ConfigProvider {
  /** Files this provider reads. */
  appliesTo(file: DiscoveredFile): boolean;
  /** Every key/value of one file (never throws; return [] when it does not parse). */
  read(path: string, text: string): ConfigValue[];
  /** The lookup form of a key: what two spellings of the same key have in common. */
  normalize(key: string): string;
  /** Rank of a file among those defining the same key: lower wins (base file before profile files). */
  rank?(path: string): number;
}

export type BuiltinFlavor = 'spring' | 'dotnet' | 'env' | 'netfx-appsettings' | 'netfx-connection-strings' | 'wcf-endpoint' | 'laravel' | 'django' | 'viper';

// ---------------------------------------------------------------------------
// Built-in providers

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Spring relaxed binding: case-insensitive, `-` and `_` ignored (`base-url` = `baseUrl` = `BASE_URL`'s dotted form). */
export function springKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** Spring's env-var form of a property: `dancu.base-url` → `DANCU_BASEURL`, `dancu.url` → `DANCU_URL`. */
export function springEnvName(key: string): string {
  return key.replace(/-/g, '').replace(/[.[\]]+/g, '_').replace(/_+$/, '').toUpperCase();
}

const springProvider: ConfigProvider = {
  appliesTo: (f) => f.format === 'spring' && f.kind !== 'doc',
  read(path, text) {
    if (/\.properties$/i.test(path)) {
      return parseProperties(text).entries.map((e) => withColumn({ key: e.key, value: e.value, file: path, line: e.line }, e.column));
    }
    const out: ConfigValue[] = [];
    for (const doc of parseYaml(text, path).docs) {
      for (const e of yamlEntries(doc, 'spring')) out.push(withColumn({ key: e.key, value: e.value, file: path, line: e.line }, e.column));
    }
    return out;
  },
  normalize: springKey,
  rank: (path) => (/^(application|bootstrap)\.(ya?ml|properties)$/i.test(baseName(path)) ? 0 : 1),
};

/** .NET configuration keys: case-insensitive, `__` (env) = `:`. */
export function dotnetKey(key: string): string {
  return key.replace(/__/g, ':').toLowerCase();
}

const dotnetProvider: ConfigProvider = {
  appliesTo: (f) => f.format === 'appsettings' && f.kind !== 'doc',
  read(path, text) {
    let root;
    try {
      root = parseJson(text);
    } catch {
      return [];
    }
    if (!root) return [];
    return jsonEntries(root, 'appsettings', ':').map((e) => withColumn({ key: e.key, value: e.value, file: path, line: e.line }, e.column));
  },
  normalize: dotnetKey,
  rank: (path) => (/^appsettings\.json$/i.test(baseName(path)) ? 0 : 1),
};

const envProvider: ConfigProvider = {
  appliesTo: (f) => f.kind !== 'doc' && (f.format === 'dotenv' || f.format === 'compose' || f.format === 'k8s'),
  read(path, text) {
    if (!/\.ya?ml$/i.test(path)) {
      return parseDotenv(text).entries.map((e) => withColumn({ key: e.key, value: e.value, file: path, line: e.line }, e.column));
    }
    const out: ConfigValue[] = [];
    const format = /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i.test(path) ? 'compose' : 'k8s';
    for (const doc of parseYaml(text, path).docs) {
      for (const e of yamlEntries(doc, format)) {
        if (e.source === 'compose-env' || e.source === 'k8s-env') {
          out.push(withColumn({ key: e.key, value: e.value, file: path, line: e.line }, e.column));
        }
      }
    }
    return out;
  },
  normalize: (k) => k,
  rank: (path) => (/^\.env$/.test(baseName(path)) ? 0 : 1),
};

/** `Web.config`, `App.config`, `Web.Release.config`, `app.config`… */
export function isXmlConfigPath(path: string): boolean {
  return /\.config$/i.test(path) && !/(^|\/)(packages|nuget)\.config$/i.test(path);
}

const netfxRank = (path: string): number => (/^(web|app)\.config$/i.test(baseName(path)) ? 0 : 1);

const netfxAppSettings: ConfigProvider = {
  appliesTo: (f) => isXmlConfigPath(f.path),
  read: (path, text) => readXmlConfig(path, text).appSettings,
  normalize: (k) => k.toLowerCase(),
  rank: netfxRank,
};
const netfxConnectionStrings: ConfigProvider = {
  appliesTo: (f) => isXmlConfigPath(f.path),
  read: (path, text) => readXmlConfig(path, text).connectionStrings,
  normalize: (k) => k.toLowerCase(),
  rank: netfxRank,
};
const wcfEndpoints: ConfigProvider = {
  appliesTo: (f) => isXmlConfigPath(f.path),
  read: (path, text) => readXmlConfig(path, text).endpoints,
  normalize: (k) => k.toLowerCase(),
  rank: netfxRank,
};

function withColumn(v: ConfigValue, column: number | undefined): ConfigValue {
  if (column !== undefined) v.column = column;
  return v;
}

const providers = new Map<string, ConfigProvider>([
  ['spring', springProvider],
  ['dotnet', dotnetProvider],
  ['env', envProvider],
  ['netfx-appsettings', netfxAppSettings],
  ['netfx-connection-strings', netfxConnectionStrings],
  ['wcf-endpoint', wcfEndpoints],
  ['laravel', laravelConfigProvider],
  ['django', djangoSettingsProvider],
  ['viper', viperConfigProvider],
]);

/**
 * Register a config flavour (e.g. `laravel` for `config/*.php`, read by the PHP
 * collector with its own parser). Registering a name again replaces the provider;
 * indexes already built for a scan keep what they read.
 */
export function registerConfigProvider(name: string, provider: ConfigProvider): void {
  providers.set(name, provider);
}

// ---------------------------------------------------------------------------
// The index

interface Flavor {
  provider: ConfigProvider;
  byKey: Map<string, ConfigValue[]>;
}

/** The result of resolving a key with placeholders followed (`${DANCU_URL:https://…}`). */
export interface ResolvedConfig {
  /** The value, placeholders replaced by what they resolve to; unresolved ones kept as `${NAME}`. */
  value: string;
  /** Where the key (the outermost one) was written. */
  at: ConfigValue;
  /** Every key that was read, outermost first. */
  keys: string[];
  /** `config` always; `env-default` when a placeholder's default was used; `env` when an env var was read. */
  via: ResolutionStep[];
  /** No `${…}` left. */
  complete: boolean;
}

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

/**
 * Replace `${NAME}` / `${NAME:default}` (Spring) / `${NAME:-default}` (shell) in `value`;
 * `lookup` returns the replacement or undefined to keep the placeholder (as `${NAME}`).
 */
export function replacePlaceholders(value: string, lookup: (name: string, def: string | undefined) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const open = value.indexOf('${', i);
    if (open < 0) break;
    // Find the matching close brace (placeholders may nest in defaults).
    let depth = 0;
    let close = -1;
    for (let j = open + 2; j < value.length; j++) {
      if (value[j] === '{' && value[j - 1] === '$') depth++;
      else if (value[j] === '}') {
        if (depth === 0) {
          close = j;
          break;
        }
        depth--;
      }
    }
    if (close < 0) break;
    out += value.slice(i, open);
    const body = value.slice(open + 2, close);
    const colon = body.indexOf(':');
    const name = (colon >= 0 ? body.slice(0, colon) : body).trim();
    let def = colon >= 0 ? body.slice(colon + 1) : undefined;
    if (def !== undefined && def.startsWith('-')) def = def.slice(1);
    const rep = name === '' ? undefined : lookup(name, def);
    out += rep ?? `\${${name}}`;
    i = close + 1;
  }
  return out + value.slice(i);
}

// ---------------------------------------------------------------------------
// A tiny tolerant XML tag scanner for .NET `.config` files

export interface XmlAttr {
  value: string;
  line: number;
  column: number;
}

export interface XmlTag {
  name: string;
  /** Attribute names as written (case kept); look up with `attr()`. */
  attrs: Map<string, XmlAttr>;
  line: number;
  column: number;
  /** `</name>` */
  closing: boolean;
  /** `<name … />` */
  selfClosing: boolean;
  /** Text between this tag and the next one (entities decoded, not trimmed). */
  text: string;
  textLine: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf('&', i);
    if (amp < 0) break;
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 10) {
      out += s.slice(i, amp + 1);
      i = amp + 1;
      continue;
    }
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined = ENTITIES[name];
    if (rep === undefined && name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    }
    out += s.slice(i, amp) + (rep ?? s.slice(amp, semi + 1));
    i = semi + 1;
  }
  return out + s.slice(i);
}

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '-' || c === '.' || c === ':';
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Scan XML text into its tags, in order, with attributes and 1-based positions. Comments,
 * CDATA (kept as text), processing instructions and DOCTYPE are skipped; malformed input
 * ends the scan quietly with what was read.
 */
export function scanXmlTags(text: string): XmlTag[] {
  const tags: XmlTag[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  // Advance `i` to `to`, counting newlines.
  const move = (to: number): void => {
    for (let k = i; k < to && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    i = to;
  };
  const pos = (): { line: number; column: number } => ({ line, column: i - lineStart + 1 });
  let pendingText: { start: number; line: number } | undefined;
  const flushText = (end: number): void => {
    if (!pendingText) return;
    const last = tags[tags.length - 1];
    if (last) {
      last.text += decodeXmlEntities(text.slice(pendingText.start, end));
      if (last.textLine === 0) last.textLine = pendingText.line;
    }
    pendingText = undefined;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      move(text.length);
      break;
    }
    if (lt > i) {
      pendingText ??= { start: i, line };
      move(lt);
    }
    if (text.startsWith('<!--', i)) {
      flushText(i);
      const end = text.indexOf('-->', i + 4);
      move(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      const stop = end < 0 ? text.length : end;
      const last = tags[tags.length - 1];
      flushText(i);
      if (last) {
        if (last.textLine === 0) last.textLine = line;
        last.text += text.slice(i + 9, stop);
      }
      move(end < 0 ? text.length : end + 3);
      continue;
    }
    if (text[i + 1] === '?' || text[i + 1] === '!') {
      flushText(i);
      const end = text.indexOf('>', i + 2);
      move(end < 0 ? text.length : end + 1);
      continue;
    }
    flushText(i);
    const start = pos();
    let j = i + 1;
    const closing = text[j] === '/';
    if (closing) j++;
    let name = '';
    while (j < text.length && isNameChar(text[j] ?? '')) name += text[j++];
    if (name === '') {
      // A stray '<': treat as text.
      pendingText ??= { start: i, line };
      move(i + 1);
      continue;
    }
    const tag: XmlTag = { name, attrs: new Map(), line: start.line, column: start.column, closing, selfClosing: false, text: '', textLine: 0 };
    move(j);
    // Attributes.
    for (;;) {
      while (i < text.length && isSpace(text[i])) move(i + 1);
      const c = text[i];
      if (c === undefined) break;
      if (c === '>') {
        move(i + 1);
        break;
      }
      if (c === '/' && text[i + 1] === '>') {
        tag.selfClosing = true;
        move(i + 2);
        break;
      }
      let an = '';
      while (i < text.length && isNameChar(text[i] ?? '')) an += text[i++];
      if (an === '') {
        move(i + 1); // junk: skip one char
        continue;
      }
      while (i < text.length && isSpace(text[i])) move(i + 1);
      if (text[i] !== '=') {
        tag.attrs.set(an, { value: '', line, column: i - lineStart + 1 });
        continue;
      }
      move(i + 1);
      while (i < text.length && isSpace(text[i])) move(i + 1);
      const q = text[i];
      if (q === '"' || q === "'") {
        const end = text.indexOf(q, i + 1);
        const stop = end < 0 ? text.length : end;
        const at = { line, column: i - lineStart + 2 };
        const raw = text.slice(i + 1, stop);
        move(end < 0 ? text.length : end + 1);
        tag.attrs.set(an, { value: decodeXmlEntities(raw), ...at });
      } else {
        const at = { line, column: i - lineStart + 1 };
        let raw = '';
        while (i < text.length && !isSpace(text[i]) && text[i] !== '>' && !(text[i] === '/' && text[i + 1] === '>')) raw += text[i++];
        tag.attrs.set(an, { value: decodeXmlEntities(raw), ...at });
      }
    }
    tags.push(tag);
  }
  flushText(text.length);
  return tags;
}

/** An attribute by name, case-insensitively. */
export function attr(tag: XmlTag, name: string): XmlAttr | undefined {
  const exact = tag.attrs.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [k, v] of tag.attrs) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export interface XmlConfig {
  appSettings: ConfigValue[];
  connectionStrings: ConfigValue[];
  /** WCF client endpoints, indexed by name and by contract (same value twice). */
  endpoints: ConfigValue[];
}

const xmlCache = new Map<string, { text: string; parsed: XmlConfig }>();

/**
 * Read the values of a .NET Framework `.config` file: `<appSettings><add key value/>`,
 * `<applicationSettings><X.Properties.Settings><setting name><value>…</value>`,
 * `<connectionStrings><add name connectionString/>`, and WCF
 * `<system.serviceModel><client><endpoint address name contract/>`.
 */
export function readXmlConfig(path: string, text: string): XmlConfig {
  const cached = xmlCache.get(path);
  if (cached && cached.text === text) return cached.parsed;
  const out: XmlConfig = { appSettings: [], connectionStrings: [], endpoints: [] };
  const stack: string[] = [];
  let setting: { name: string; line: number } | undefined;
  for (const t of scanXmlTags(text)) {
    const name = t.name.toLowerCase();
    if (t.closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      if (name === 'setting') setting = undefined;
      continue;
    }
    const parent = stack[stack.length - 1];
    if (name === 'add' && parent === 'appsettings') {
      const k = attr(t, 'key');
      const v = attr(t, 'value');
      if (k && v) out.appSettings.push({ key: k.value, value: v.value, file: path, line: v.line, column: v.column });
    } else if (name === 'add' && parent === 'connectionstrings') {
      const k = attr(t, 'name');
      const v = attr(t, 'connectionString');
      if (k && v) out.connectionStrings.push({ key: k.value, value: v.value, file: path, line: v.line, column: v.column });
    } else if (name === 'endpoint' && parent === 'client' && stack.includes('system.servicemodel')) {
      const address = attr(t, 'address');
      if (address) {
        const keys = new Set<string>();
        for (const keyAttr of ['name', 'contract']) {
          const k = attr(t, keyAttr)?.value;
          if (!k) continue;
          keys.add(k);
          // `ServiceReference1.TraCuuSoap` is found by `TraCuuSoap` too (the generated client's stem).
          if (keyAttr === 'contract' && k.includes('.')) keys.add(k.slice(k.lastIndexOf('.') + 1));
        }
        for (const k of keys) out.endpoints.push({ key: k, value: address.value, file: path, line: address.line, column: address.column });
      }
    } else if (name === 'setting' && stack.includes('applicationsettings')) {
      const k = attr(t, 'name');
      if (k) setting = { name: k.value, line: t.line };
    } else if (name === 'value' && parent === 'setting' && setting) {
      out.appSettings.push({ key: setting.name, value: t.text.trim(), file: path, line: t.textLine || t.line });
    }
    if (!t.selfClosing) stack.push(name);
  }
  if (xmlCache.size > 256) xmlCache.clear();
  xmlCache.set(path, { text, parsed: out });
  return out;
}
