/**
 * `.dancu-guard.yml`: optional, validated with ajv against `schema.json`. Any problem
 * (unknown key, wrong type, bad regex, bad YAML) is a UsageError naming the file, the
 * key and the line, so the CLI exits 2: a bad config never passes silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ExceptionFact } from '../facts/types.js';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { UsageError } from '../util/errors.js';
import { assertInsideRoot, yamlMessage } from '../util/files.js';
import { compilePattern, defaultSettings, type Settings } from '../policy/settings.js';
import schema from './schema.json' with { type: 'json' };

export const CONFIG_FILE_NAMES = ['.dancu-guard.yml', '.dancu-guard.yaml'];

export interface Config {
  version?: 1;
  endpoints?: string[];
  soapNamespaces?: string[];
  operations?: string[];
  approvedModules?: string[];
  approvedTools?: string[];
  loggers?: string[];
  limiters?: string[];
  sensitiveKeys?: string[];
  ignore?: string[];
  exceptions?: ConfigException[];
  /** Working-day calendar adjustments for the gate (src/gate/calendar.ts `CalendarExtras`). */
  calendar?: { off?: string[]; work?: string[] };
}

export interface ConfigException {
  rule: string;
  paths: string[];
  reason: string;
  expires: string;
}

export interface LoadedConfig {
  /** Absolute path of the file read, if any. */
  path?: string;
  config: Config;
  /** Line of each entry of `exceptions`, for reporting. */
  exceptionLines: number[];
}

const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile<Config>(schema);

/** Find the config: an explicit path (must exist) or `.dancu-guard.yml` at the scan root. */
export function loadConfig(root: string, explicit?: string): LoadedConfig {
  let path: string | undefined;
  if (explicit) {
    if (!existsSync(explicit)) throw new UsageError(`config file not found: ${explicit}`);
    path = explicit;
  } else {
    path = CONFIG_FILE_NAMES.map((n) => join(root, n)).find((p) => existsSync(p));
    if (path) assertInsideRoot(root, path, 'config');
  }
  if (!path) return { config: {}, exceptionLines: [] };
  const display = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read config ${display}: ${(err as Error).message}`);
  }
  return { path, ...parseConfigWithLines(text, display) };
}

export function parseConfig(text: string, display: string): Config {
  return parseConfigWithLines(text, display).config;
}

export function parseConfigWithLines(text: string, display: string): { config: Config; exceptionLines: number[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new UsageError(`${display}:${line}: invalid YAML: ${e.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = doc.toJS() ?? {};
  } catch (err) {
    throw new UsageError(`${display}: invalid YAML: ${yamlMessage(err)}`);
  }
  if (!validate(value)) {
    const msgs = (validate.errors ?? []).map((err) => describeError(err, doc, lineCounter, display));
    throw new UsageError(`invalid config:\n  ${msgs.join('\n  ')}`);
  }
  // Regexes must compile, or they would silently match nothing.
  for (const key of ['endpoints', 'operations', 'loggers', 'limiters', 'sensitiveKeys'] as const) {
    (value[key] ?? []).forEach((p, i) => {
      const problem = re2Problem(p);
      if (problem) {
        const line = lineOf(doc, lineCounter, [key, i]);
        throw new UsageError(`${display}:${line}: ${key}[${i}] is not a valid regular expression: ${problem}`);
      }
    });
  }
  const exceptionLines = (value.exceptions ?? []).map((e, i) => {
    const line = lineOf(doc, lineCounter, ['exceptions', i]);
    if (!isRealDate(e.expires)) {
      throw new UsageError(`${display}:${lineOf(doc, lineCounter, ['exceptions', i, 'expires'])}: exceptions[${i}].expires "${e.expires}" is not a real date (YYYY-MM-DD)`);
    }
    return line;
  });
  return { config: value, exceptionLines };
}

/**
 * Patterns run in two engines: JavaScript (collectors) and RE2 (Rego's regex.match,
 * where an invalid pattern silently matches nothing). Accept only what both support.
 */
export function re2Problem(pattern: string): string | undefined {
  try {
    compilePattern(pattern);
  } catch (err) {
    return (err as Error).message;
  }
  const body = pattern.startsWith('(?i)') ? pattern.slice(4) : pattern;
  if (/\(\?<?[=!]/.test(body)) return 'lookahead/lookbehind ((?=…), (?!…), (?<=…), (?<!…)) is not supported by RE2';
  if (/\\[1-9]|\\k</.test(body)) return 'backreferences are not supported by RE2';
  if (/\(\?>|[*+?}]\+/.test(body)) return 'atomic groups and possessive quantifiers are not supported by RE2';
  if (/\(\?[a-z]*i/.test(body) || /\(\?[msx]/.test(body)) return 'inline flags are only supported as a leading (?i)';
  return undefined;
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function describeError(err: ErrorObject, doc: Document, lc: LineCounter, display: string): string {
  const path = err.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (err.keyword === 'additionalProperties') {
    const key = String((err.params as { additionalProperty: string }).additionalProperty);
    const line = lineOf(doc, lc, [...path, key], true);
    const known = Object.keys(schema.properties).join(', ');
    return `${display}:${line}: unknown key "${[...path, key].join('.')}" (known keys: ${known})`;
  }
  const line = lineOf(doc, lc, path);
  const where = path.length ? `"${path.join('.')}"` : 'the document';
  return `${display}:${line}: ${where} ${err.message ?? 'is invalid'}`;
}

/** Line of the node at `path` (or of its key, for unknown keys). */
function lineOf(doc: Document, lc: LineCounter, path: Array<string | number>, keyItself = false): number {
  if (keyItself && path.length > 0) {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    const items = (parent as { items?: Array<{ key?: unknown }> } | null)?.items ?? [];
    const pair = items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === path[path.length - 1]);
    const range = isNode(pair?.key) ? pair!.key.range : undefined;
    if (range) return lc.linePos(range[0]).line;
  }
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  const range = isNode(node) ? node.range : undefined;
  return range ? lc.linePos(range[0]).line : 1;
}

/** The data document the policies and collectors see: defaults plus the config's additions. */
export function mergeSettings(config: Config, base: Settings = defaultSettings()): Settings {
  const add = (a: string[], b?: string[]) => [...new Set([...a, ...(b ?? [])])];
  return {
    ...base,
    endpointPatterns: add(base.endpointPatterns, config.endpoints),
    soapNamespaces: add(base.soapNamespaces, config.soapNamespaces),
    operationPatterns: add(base.operationPatterns, config.operations),
    loggerPatterns: add(base.loggerPatterns, config.loggers),
    limiterPatterns: add(base.limiterPatterns, config.limiters),
    sensitiveKeyPatterns: add(base.sensitiveKeyPatterns, config.sensitiveKeys),
    approvedModules: add(base.approvedModules, config.approvedModules),
    approvedTools: add(base.approvedTools, config.approvedTools),
  };
}

/** Config exceptions as facts (repo-relative file when inside the root), expiry judged against `today`. */
export function exceptionFacts(root: string, config: LoadedConfig | undefined, today: string): ExceptionFact[] {
  const exceptions = config?.config.exceptions ?? [];
  if (exceptions.length === 0 || !config?.path) return [];
  const rel = relative(root, config.path);
  const file = !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : config.path;
  return exceptions.map((e, i) => ({
    file,
    line: config.exceptionLines[i] ?? 1,
    rule: e.rule,
    paths: e.paths,
    reason: e.reason,
    expires: e.expires,
    // An exception applies through its expiry day.
    expired: e.expires < today,
  }));
}
